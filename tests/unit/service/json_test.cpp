// The shared JSON mapping (service/json): field names as in docs/PROTOCOL.md, optional values as
// null with the key present, times as ISO 8601 UTC strings.
#include "service/json.hpp"

#include <gtest/gtest.h>

#include <set>

#include "unit/service/service_fixture.hpp"

namespace caselog {
namespace {

using nlohmann::json;
using testing::at;

std::set<std::string> keys(const json& j) {
  std::set<std::string> out;
  for (const auto& [key, value] : j.items()) out.insert(key);
  return out;
}

TEST(Json, PriorityRoundsTheScoreAndExplainsEveryNonZeroTerm) {
  Priority p;
  p.score = 14.456;
  p.label = "P1";
  p.terms = {{"category", 1.0, 10.0, 10.0, "suppressed listing"},
             {"waiting", 0.45, 10.0, 4.5, "waiting 3 business days"},
             {"pinned", 0.0, 5.0, 0.0, "not pinned"},
             {"reopened", 1.0, -2.0, -2.0, "reopened once"}};
  const json j = toJson(p);
  EXPECT_EQ(keys(j), (std::set<std::string>{"score", "label", "reasons", "terms"}));
  EXPECT_DOUBLE_EQ(j["score"].get<double>(), 14.46);
  EXPECT_EQ(j["label"], "P1");
  EXPECT_EQ(j["reasons"],
            json::array({"suppressed listing +10.0", "waiting 3 business days +4.5", "reopened once -2.0"}));
  ASSERT_EQ(j["terms"].size(), 4u);  // every term, zero ones too
  EXPECT_EQ(keys(j["terms"][1]),
            (std::set<std::string>{"name", "value", "coefficient", "contribution", "explanation"}));
  EXPECT_EQ(j["terms"][1]["name"], "waiting");
  EXPECT_DOUBLE_EQ(j["terms"][1]["contribution"].get<double>(), 4.5);
}

TEST(Json, ReminderHasAnIsoDueTime) {
  const Reminder r{"17865432901", "Listing suppressed", "amazon_silent", "Amazon has not answered",
                   at("2026-11-24T14:05:00Z")};
  EXPECT_EQ(toJson(r), json({{"caseId", "17865432901"},
                             {"subject", "Listing suppressed"},
                             {"rule", "amazon_silent"},
                             {"message", "Amazon has not answered"},
                             {"dueAt", "2026-11-24T14:05:00Z"}}));
}

TEST(Json, MessageOptionalFieldsAreNullUntilSet) {
  StoredMessage m;
  m.id = 7;
  m.author = "amazon";
  m.sender = "Amazon Seller Support";
  m.body = "Thank you for contacting us.";
  m.capturedAt = at("2026-11-21T10:00:00Z");
  json j = toJson(m);
  EXPECT_EQ(keys(j), (std::set<std::string>{"id", "author", "sender", "sentAt", "body", "capturedAt",
                                            "version", "supersedes", "current"}));
  EXPECT_TRUE(j["sentAt"].is_null());
  EXPECT_TRUE(j["supersedes"].is_null());
  EXPECT_EQ(j["capturedAt"], "2026-11-21T10:00:00Z");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["current"], true);

  m.sentAt = at("2026-11-21T09:12:00Z");
  m.supersedes = 3;
  m.version = 2;
  m.current = false;
  j = toJson(m);
  EXPECT_EQ(j["sentAt"], "2026-11-21T09:12:00Z");
  EXPECT_EQ(j["supersedes"], 3);
  EXPECT_EQ(j["version"], 2);
  EXPECT_EQ(j["current"], false);
}

TEST(Json, EventCarriesTheWholeChainLink) {
  Event e;
  e.seq = 12;
  e.caseId = "17865432901";
  e.kind = "snoozed";
  e.at = at("2026-11-22T08:00:00Z");
  e.data = {{"until", "2026-11-25T09:00:00Z"}};
  e.prevHash = "aa";
  e.hash = "bb";
  EXPECT_EQ(toJson(e), json({{"seq", 12},
                             {"caseId", "17865432901"},
                             {"kind", "snoozed"},
                             {"at", "2026-11-22T08:00:00Z"},
                             {"data", {{"until", "2026-11-25T09:00:00Z"}}},
                             {"prevHash", "aa"},
                             {"hash", "bb"}}));
}

CaseRecord sampleCase() {
  CaseRecord c;
  c.caseId = "17865432901";
  c.marketplace = "sellercentral.amazon.com";
  c.subject = "Listing suppressed for B08XYZ1234";
  c.statusRaw = "Pending Amazon action";
  c.status = "pending_amazon";
  c.categoryRaw = "Listing";
  c.category = "listing_suppressed";
  c.firstCapturedAt = at("2026-11-20T15:00:00Z");
  c.lastCapturedAt = at("2026-11-21T10:00:00Z");
  c.messageCount = 1;
  c.messages.push_back(StoredMessage{});
  c.identifiers = {{"asin", "B08XYZ1234"}};
  c.notes = {{5, at("2026-11-21T11:00:00Z"), "Called support"}};
  return c;
}

TEST(Json, CaseSummaryHasNullsForWhatIsNotKnownAndNoMessages) {
  CaseRecord c = sampleCase();
  const std::set<std::string> summaryKeys = {
      "caseId",      "marketplace",      "subject",      "status",      "statusRaw",       "category",
      "categoryRaw", "categoryOverride", "createdAt",    "updatedAt",   "firstCapturedAt", "lastCapturedAt",
      "pinned",      "reopenCount",      "snoozedUntil", "messageCount"};
  // A list's summary claims no identifiers or notes (a list does not load them: empty lists there
  // read as "none")…
  EXPECT_EQ(keys(caseSummaryJson(c)), summaryKeys);
  // …one whole case has them.
  json j = caseJson(c);
  auto whole = summaryKeys;
  whole.insert({"identifiers", "notes"});
  EXPECT_EQ(keys(j), whole);
  for (const char* key : {"categoryOverride", "createdAt", "updatedAt", "snoozedUntil"})
    EXPECT_TRUE(j[key].is_null()) << key;
  EXPECT_EQ(j["firstCapturedAt"], "2026-11-20T15:00:00Z");
  EXPECT_EQ(j["identifiers"], json::parse(R"([{"kind": "asin", "value": "B08XYZ1234"}])"));
  EXPECT_EQ(j["notes"],
            json::parse(R"([{"id": 5, "at": "2026-11-21T11:00:00Z", "text": "Called support"}])"));

  c.categoryOverride = "catalog_error";
  c.createdAt = at("2026-11-20T14:05:00Z");
  c.snoozedUntil = at("2026-11-25T09:00:00Z");
  j = caseSummaryJson(c);
  EXPECT_EQ(j["categoryOverride"], "catalog_error");
  EXPECT_EQ(j["createdAt"], "2026-11-20T14:05:00Z");
  EXPECT_EQ(j["snoozedUntil"], "2026-11-25T09:00:00Z");
}

TEST(Json, SearchPageKeepsSnippetMarkersAndANullCursorAtTheEnd) {
  SearchPage page;
  page.hits.push_back({"17865432901", "Listing suppressed", "amazon", at("2026-11-21T09:12:00Z"), 42,
                       "upload a new \x02main image\x03 that", 7.25});
  page.hits.push_back(
      {"17865432901", "Listing suppressed", "subject", std::nullopt, 0, "\x02Listing\x03", 1});
  json j = toJson(page);
  EXPECT_EQ(keys(j), (std::set<std::string>{"hits", "next"}));
  EXPECT_TRUE(j["next"].is_null());
  ASSERT_EQ(j["hits"].size(), 2u);
  EXPECT_EQ(keys(j["hits"][0]), (std::set<std::string>{"caseId", "subject", "author", "sentAt", "messageId",
                                                       "snippet", "score"}));
  EXPECT_EQ(j["hits"][0]["snippet"], "upload a new \x02main image\x03 that");
  EXPECT_EQ(j["hits"][0]["sentAt"], "2026-11-21T09:12:00Z");
  EXPECT_TRUE(j["hits"][1]["sentAt"].is_null());
  EXPECT_EQ(j["hits"][1]["messageId"], 0);

  page.next = "20";
  EXPECT_EQ(toJson(page)["next"], "20");
}

TEST(Json, TrendsSayNullForAMedianWithoutData) {
  Trends t;
  t.perWeek = {{"2026-11-16", "fba_inventory", 3}};
  t.recurring = {{"fba_inventory", "FBA15ABC", "shipment", {"1", "2"}, "check labelling"}};
  CategoryTimes times;
  times.category = "fba_inventory";
  times.cases = 3;
  times.medianHoursToFirstReply = 24;
  t.times = {times};
  t.cases = 3;
  const json j = toJson(t);
  EXPECT_EQ(keys(j), (std::set<std::string>{"perWeek", "recurring", "times", "amazonReplies",
                                            "genericReplies", "unassessedReplies", "genericReplyRate",
                                            "cases", "reopenedCases", "reopenRate"}));
  EXPECT_EQ(j["perWeek"][0],
            json({{"weekStart", "2026-11-16"}, {"category", "fba_inventory"}, {"cases", 3}}));
  EXPECT_EQ(j["recurring"][0]["caseIds"], json::array({"1", "2"}));
  EXPECT_EQ(j["times"][0]["medianHoursToFirstReply"], 24.0);
  EXPECT_TRUE(j["times"][0]["medianHoursToResolution"].is_null());
}

TEST(Json, CaptureOutcomeNestsPriorityAndReminders) {
  CaptureOutcome o;
  o.caseId = "17865432901";
  o.created = true;
  o.newMessages = 2;
  o.reminders.push_back({"17865432901", "s", "amazon_silent", "m", at("2026-11-24T14:05:00Z")});
  const json j = toJson(o);
  EXPECT_EQ(keys(j), (std::set<std::string>{"caseId", "created", "newMessages", "newVersions",
                                            "statusChanged", "priority", "reminders"}));
  EXPECT_EQ(j["priority"]["label"], "P4");
  EXPECT_EQ(j["reminders"][0]["dueAt"], "2026-11-24T14:05:00Z");
  EXPECT_EQ(toJson(ListCaptureOutcome{25, 3, 2}), json({{"cases", 25}, {"created", 3}, {"updated", 2}}));
}

TEST(Json, VerifyReportNamesTheFirstBadEventOrNull) {
  VerifyReport r;
  r.checked = 40;
  r.headHash = "cafe";
  EXPECT_EQ(
      toJson(r),
      json({{"ok", true}, {"checked", 40}, {"firstBadSeq", nullptr}, {"problem", ""}, {"headHash", "cafe"}}));
  r.ok = false;
  r.firstBadSeq = 17;
  r.problem = "hash mismatch";
  EXPECT_EQ(toJson(r)["firstBadSeq"], 17);
  EXPECT_EQ(toJson(ChainHead{40, "cafe"}), json({{"seq", 40}, {"hash", "cafe"}}));
}

TEST(Json, VerdictAndNextStepUseTheirFieldNames) {
  EXPECT_EQ(toJson(GenericVerdict{0.8, true, {"template opening"}}),
            json({{"score", 0.8}, {"generic", true}, {"reasons", json::array({"template opening"})}}));
  EXPECT_EQ(keys(toJson(NextStep{"reopen", "", "generic reply", "Hello"})),
            (std::set<std::string>{"action", "team", "reason", "draft"}));
}

}  // namespace
}  // namespace caselog
