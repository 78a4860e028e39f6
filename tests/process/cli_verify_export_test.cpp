// `caselog verify` on an intact and on a tampered copy (changed with the sqlite3 CLI), and the
// evidence exports in every format.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "process/cli_support.hpp"

namespace caselog::test {
namespace {

class CliEvidence : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 3; ++i) {
      writeFile(dir.file("c.json"), sampleCase(std::to_string(4480001 + i), 4).dump());
      ASSERT_EQ(cli(dir, {"capture", dir.file("c.json")}, {}, kNow).exitCode, 0);
    }
  }
  // A copy of the database with `sql` applied by the sqlite3 CLI.
  std::string tamperedCopy(const std::string& sql) {
    const std::string copy = dir.file("tampered.db");
    // Checkpoint first so the copy holds everything.
    auto r = runProcess({sqlite3Binary(), dir.dbPath(), "PRAGMA wal_checkpoint(TRUNCATE);"},
                        childEnvironment(dir));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::filesystem::copy_file(dir.dbPath(), copy, std::filesystem::copy_options::overwrite_existing);
    r = runProcess({sqlite3Binary(), copy, sql}, childEnvironment(dir));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return copy;
  }
  TempDir dir;
};

TEST_F(CliEvidence, VerifyPassesOnTheOriginal) {
  const auto r = cli(dir, {"verify", "--json"}, {}, kNow);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = jsonOut(r);
  EXPECT_EQ(doc["ok"], true);
  EXPECT_EQ(doc["checked"], 6);  // per case: case_created, messages_added (its 4 messages)
  EXPECT_EQ(cli(dir, {"verify"}, {}, kNow).out.rfind("Audit chain intact", 0), 0u);
}

TEST_F(CliEvidence, VerifyNamesTheFirstBadEventWhenAMessageWasEdited) {
  const auto copy = tamperedCopy(
      "DROP TRIGGER messages_immutable; UPDATE messages SET body = 'We reimbursed you in full.' "
      "WHERE id = (SELECT MIN(id) FROM messages WHERE author = 'amazon');");
  const auto r = cli(dir, {"--db", copy, "verify"}, {}, kNow);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(lineCount(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("audit chain broken at event "), std::string::npos) << r.err;
  const auto doc = jsonOut(cli(dir, {"--db", copy, "verify", "--json"}, {}, kNow));
  EXPECT_EQ(doc["ok"], false);
  EXPECT_TRUE(doc["firstBadSeq"].is_number());
}

TEST_F(CliEvidence, VerifyNamesTheFirstBadEventWhenAnEventWasEdited) {
  const auto copy =
      tamperedCopy("DROP TRIGGER events_no_update; UPDATE events SET kind = 'note_added' WHERE seq = 2;");
  const auto doc = jsonOut(cli(dir, {"--db", copy, "verify", "--json"}, {}, kNow));
  EXPECT_EQ(doc["ok"], false);
  EXPECT_EQ(doc["firstBadSeq"], 2);
}

// A case's subject and status are recorded by its events (case_created, case_updated,
// status_changed): the cases table changed behind CaseLog's back no longer matches the event
// that last recorded them, and verify names that event.
TEST_F(CliEvidence, VerifyNamesTheEventACaseEditedBehindItsBackContradicts) {
  auto changed = sampleCase("4480002", 4);
  changed["status"] = "Resolved";
  changed["subject"] = "Listing reinstated: B08XYZ1234";
  writeFile(dir.file("changed.json"), changed.dump());
  ASSERT_EQ(cli(dir, {"capture", dir.file("changed.json")}, {}, kNow).exitCode, 0);
  const auto honest = jsonOut(cli(dir, {"verify", "--json"}, {}, kNow));
  ASSERT_EQ(honest["ok"], true) << honest;  // changes CaseLog made are recorded
  const auto seqOf = [&](const std::string& sql) { return std::stoll(sqliteQuery(dir, sql)); };
  const auto created = seqOf("SELECT seq FROM events WHERE case_id = '4480001' AND kind = 'case_created'");
  const auto statusChanged = seqOf("SELECT seq FROM events WHERE case_id = '4480002' AND kind = 'status_changed'");
  const auto updated = seqOf("SELECT seq FROM events WHERE case_id = '4480002' AND kind = 'case_updated'");

  auto doc = jsonOut(cli(dir, {"--db", tamperedCopy("UPDATE cases SET status = 'resolved' WHERE case_id = '4480001';"),
                               "verify", "--json"}, {}, kNow));
  EXPECT_EQ(doc["ok"], false);
  EXPECT_EQ(doc["firstBadSeq"], created);
  EXPECT_NE(doc["problem"].get<std::string>().find("case 4480001's status is 'resolved', but this event recorded "
                                                   "'pending_amazon'"),
            std::string::npos)
      << doc;
  doc = jsonOut(cli(dir, {"--db", tamperedCopy("UPDATE cases SET status = 'needs_seller' WHERE case_id = '4480002';"),
                          "verify", "--json"}, {}, kNow));
  EXPECT_EQ(doc["firstBadSeq"], statusChanged) << doc;
  const auto r = cli(dir, {"--db", tamperedCopy("UPDATE cases SET subject = 'Nothing to see' WHERE case_id = '4480002';"),
                           "verify"}, {}, kNow);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "caselog: audit chain broken at event " + std::to_string(updated) +
                       ": case 4480002's subject is 'Nothing to see', but this event recorded 'Listing reinstated: "
                       "B08XYZ1234' (the case was changed behind CaseLog's back)\n");
}

TEST_F(CliEvidence, JsonExportHoldsEveryMessageVerbatimAndTheChainHead) {
  ASSERT_EQ(cli(dir, {"note", "4480002", "Called Seller Support: escalated"}, {}, kNow).exitCode, 0);
  const auto r = cli(dir, {"export", "--format", "json"}, {}, kNow);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = jsonOut(r);
  const auto head = jsonOut(cli(dir, {"verify", "--json"}, {}, kNow))["headHash"];
  EXPECT_EQ(doc["chainHead"]["hash"], head);
  ASSERT_EQ(doc["cases"].size(), 3u);
  const auto original = sampleCase("4480002", 4);
  bool found = false;
  for (const auto& c : doc["cases"])
    if (c["caseId"] == "4480002") {
      found = true;
      ASSERT_EQ(c["messages"].size(), 4u);
      for (int i = 0; i < 4; ++i) EXPECT_EQ(c["messages"][i]["body"], original["messages"][i]["body"]);
      EXPECT_EQ(c["messages"][0]["capturedAt"], "2026-11-26T12:00:00Z");
      EXPECT_FALSE(c["events"].empty());
      // The whole record: its identifiers and notes too.
      ASSERT_EQ(c["notes"].size(), 1u) << c;
      EXPECT_EQ(c["notes"][0]["text"], "Called Seller Support: escalated");
      EXPECT_NE(c["identifiers"].dump().find("B08XYZ1234"), std::string::npos) << c["identifiers"];
    }
  EXPECT_TRUE(found);
  const auto one = jsonOut(cli(dir, {"export", "--case", "4480003", "--format", "json"}, {}, kNow));
  ASSERT_EQ(one["cases"].size(), 1u);
}

TEST_F(CliEvidence, CsvAndHtmlToAFile) {
  // A umask that lets others read new files (the usual 022), so that 0600 is the export's doing.
  const mode_t umask = ::umask(022);
  auto r = cli(dir, {"export", "--format", "csv", "-o", dir.file("e.csv")}, {}, kNow);
  ::umask(umask);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::ifstream csv(dir.file("e.csv"));
  std::stringstream text;
  text << csv.rdbuf();
  EXPECT_EQ(text.str().rfind("case_id,subject,", 0), 0u);
  EXPECT_NE(text.str().find("4480001"), std::string::npos);
  r = cli(dir, {"export", "--case", "4480001", "--format", "html", "-o", dir.file("e.html")}, {}, kNow);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::ifstream html(dir.file("e.html"));
  std::stringstream page;
  page << html.rdbuf();
  EXPECT_NE(page.str().find("<html"), std::string::npos);
  EXPECT_NE(page.str().find("4480001"), std::string::npos);
  // Readable only by the seller, like the database; why a file cannot be written is said.
  EXPECT_EQ(std::filesystem::status(dir.file("e.csv")).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  r = cli(dir, {"export", "--format", "csv", "-o", "/nonexistent/dir/x.csv"}, {}, kNow);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("cannot write /nonexistent/dir/x.csv: No such file or directory"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace caselog::test
