#include "cli/export_writers.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace caselog;
using namespace caselog::cli;

namespace {

EvidenceCase sample() {
  EvidenceCase c;
  c.record.caseId = "17865432901";
  c.record.subject = "Suppressed, \"again\"";
  c.record.status = "answered";
  c.record.category = "listing_suppressed";
  StoredMessage m;
  m.id = 7;
  m.author = "amazon";
  m.sender = "Amazon";
  m.sentAt = parseIso8601("2026-11-21T09:12:00Z");
  m.capturedAt = *parseIso8601("2026-11-22T10:00:00Z");
  m.body = "=HYPERLINK(\"http://evil\")\nline 2";
  c.messages.push_back(m);
  Event e;
  e.seq = 3;
  e.kind = "message_added";
  e.hash = "abc";
  c.events.push_back(e);
  return c;
}

}  // namespace

TEST(CsvCell, QuotesAndDefusesFormulas) {
  EXPECT_EQ(csvCell("plain"), "plain");
  EXPECT_EQ(csvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvCell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csvCell("=1+2"), "\"'=1+2\"");
  EXPECT_EQ(csvCell("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csvCell(""), "");
}

TEST(CsvEvidenceWriter, OneRowPerMessageWithTheChainHead) {
  std::ostringstream out;
  CsvEvidenceWriter w(out, ChainHead{42, "feedface"});
  w.add(sample());
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("case_id,subject,status,category,message_id", 0), 0u);
  EXPECT_NE(
      text.find(
          "17865432901,\"Suppressed, \"\"again\"\"\",answered,listing_suppressed,7,1,,true,amazon,"
          "Amazon,2026-11-21T09:12:00Z,2026-11-22T10:00:00Z,\"'=HYPERLINK(\"\"http://evil\"\")\nline 2\","
          "42,feedface\r\n"),
      std::string::npos)
      << text;
}

TEST(JsonEvidenceWriter, ValidJsonWithHeadMessagesVerbatimAndEvents) {
  std::ostringstream out;
  JsonEvidenceWriter w(out, *parseIso8601("2026-11-26T12:00:00Z"), ChainHead{42, "feedface"});
  w.add(sample());
  w.add(sample());
  w.finish();
  const auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["format"], "caselog-evidence");
  EXPECT_EQ(doc["chainHead"]["seq"], 42);
  EXPECT_EQ(doc["chainHead"]["hash"], "feedface");
  EXPECT_EQ(doc["exportedAt"], "2026-11-26T12:00:00Z");
  ASSERT_EQ(doc["cases"].size(), 2u);
  EXPECT_EQ(doc["cases"][0]["messages"][0]["body"], "=HYPERLINK(\"http://evil\")\nline 2");
  EXPECT_EQ(doc["cases"][0]["messages"][0]["capturedAt"], "2026-11-22T10:00:00Z");
  EXPECT_EQ(doc["cases"][0]["events"][0]["hash"], "abc");
}

TEST(JsonEvidenceWriter, EmptyExportIsValidJson) {
  std::ostringstream out;
  JsonEvidenceWriter w(out, *parseIso8601("2026-11-26T12:00:00Z"), ChainHead{});
  w.finish();
  EXPECT_TRUE(nlohmann::json::parse(out.str())["cases"].empty());
}
