#include "cli/snapshot_json.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace caselog::cli;
using nlohmann::json;

namespace {

json sampleCase() {
  return json::parse(R"({"caseId": "17865432901", "marketplace": "sellercentral.amazon.com",
    "subject": "Listing suppressed", "status": "Answered", "createdAt": "2026-11-20T14:05:00Z",
    "messages": [{"author": "seller", "sender": "Acme", "sentAt": "2026-11-20T14:05:00Z", "body": "hi"},
                 {"author": "amazon", "sender": "Amazon", "body": "hello", "extra": 1}],
    "missing": ["category"]})");
}

std::string errorOf(const json& doc) {
  try {
    parseCaptureDocument(doc);
  } catch (const caselog::Error& e) {
    EXPECT_EQ(e.code(), caselog::ErrorCode::bad_request);
    return e.what();
  }
  return "";
}

}  // namespace

TEST(CaptureDocument, BareCase) {
  auto d = parseCaptureDocument(sampleCase());
  ASSERT_EQ(d.cases.size(), 1u);
  EXPECT_FALSE(d.isList);
  EXPECT_EQ(d.cases[0].caseId, "17865432901");
  EXPECT_EQ(d.cases[0].status, "Answered");
  ASSERT_EQ(d.cases[0].messages.size(), 2u);
  EXPECT_EQ(d.cases[0].messages[1].author, "amazon");
  EXPECT_EQ(d.cases[0].messages[1].sentAt, "");
}

TEST(CaptureDocument, ParsePageOutputForACasePage) {
  json doc = {{"page", "view-case"},
              {"url", "https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=1"},
              {"parser", "katal-1"},
              {"case", sampleCase()}};
  auto d = parseCaptureDocument(doc);
  ASSERT_EQ(d.cases.size(), 1u);
  EXPECT_EQ(d.source.page, "view-case");
  EXPECT_EQ(d.source.parser, "katal-1");
  EXPECT_NE(d.source.url.find("view-case"), std::string::npos);
}

TEST(CaptureDocument, ProtocolStyleSourceObject) {
  json doc = {{"source", {{"url", "u"}, {"capturedAt", "2026-11-20T00:00:00Z"}, {"page", "view-case"}}},
              {"case", sampleCase()}};
  auto d = parseCaptureDocument(doc);
  EXPECT_EQ(d.source.capturedAt, "2026-11-20T00:00:00Z");
  EXPECT_EQ(d.source.url, "u");
}

TEST(CaptureDocument, CaseListPage) {
  json doc = json::parse(R"({"page": "case-list", "cases": [
    {"caseId": "1", "subject": "a", "status": "Open", "createdAt": "2026-11-01"},
    {"caseId": "2", "subject": "b", "status": "Closed"}]})");
  auto d = parseCaptureDocument(doc);
  EXPECT_TRUE(d.isList);
  ASSERT_EQ(d.listEntries.size(), 2u);
  EXPECT_EQ(d.listEntries[1].status, "Closed");
  EXPECT_EQ(d.source.page, "case-list");
}

TEST(CaptureDocument, NumericCaseIdIsAcceptedAsDigits) {
  json c = sampleCase();
  c["caseId"] = 17865432901ULL;
  EXPECT_EQ(parseCaptureDocument(c).cases[0].caseId, "17865432901");
}

TEST(CaptureDocument, ErrorsNameTheField) {
  json c = sampleCase();
  c["messages"][1]["body"] = 5;
  EXPECT_EQ(errorOf({{"case", c}}), "field `case.messages[1].body` must be a string");
  c = sampleCase();
  c["messages"][0]["author"] = "robot";
  EXPECT_EQ(errorOf(c), "field `messages[0].author` must be \"seller\" or \"amazon\"");
  c = sampleCase();
  c["messages"] = "nope";
  EXPECT_EQ(errorOf(c), "field `messages` must be an array");
  EXPECT_EQ(errorOf({{"case", {{"subject", "x"}}}}), "field `case.caseId` is missing");
  EXPECT_EQ(errorOf({{"cases", {{{"subject", "x"}}}}}), "field `cases[0].caseId` is missing");
  EXPECT_NE(errorOf(json::array()).find("expected a JSON object"), std::string::npos);
  EXPECT_NE(errorOf({{"page", "view-case"}}).find("expected a case object"), std::string::npos);
}
