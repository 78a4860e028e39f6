// `caselog capture` and `caselog import`: what parse-page.mjs prints goes in, the same case comes out.
#include <gtest/gtest.h>

#include <set>

#include "process/cli_support.hpp"

namespace caselog::test {
namespace {

TEST(CliCapture, ParsePageOutputRoundTripsThroughShow) {
  TempDir dir;
  const nlohmann::json page = {
      {"page", "view-case"},
      {"url", "https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=4460001"},
      {"case", sampleCase("4460001", 3)}};
  writeFile(dir.file("page.json"), page.dump());
  auto r = cli(dir, {"capture", dir.file("page.json"), "--json"}, {}, kNow);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto ack = jsonOut(r);
  EXPECT_EQ(ack["caseId"], "4460001");
  EXPECT_EQ(ack["created"], true);
  EXPECT_EQ(ack["newMessages"], 3);
  EXPECT_TRUE(ack["priority"]["label"].is_string());

  // Same page again: nothing new. From stdin, as a bare case object.
  r = cli(dir, {"capture", "-", "--json"}, sampleCase("4460001", 3).dump(), kNow);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(jsonOut(r)["newMessages"], 0);
  EXPECT_EQ(jsonOut(r)["created"], false);

  const auto shown = jsonOut(cli(dir, {"show", "4460001", "--json"}, {}, kNow));
  ASSERT_EQ(shown["messages"].size(), 3u);
  EXPECT_EQ(shown["messages"][2]["body"], sampleCase("4460001", 3)["messages"][2]["body"]);
  EXPECT_EQ(shown["status"], "pending_amazon");
}

TEST(CliCapture, CaseListPage) {
  TempDir dir;
  writeFile(dir.file("list.json"), R"({"page": "case-list", "cases": [
      {"caseId": "4460101", "subject": "A", "status": "Open", "createdAt": "2026-11-01T00:00:00Z"},
      {"caseId": "4460102", "subject": "B", "status": "Answered", "createdAt": "2026-11-02T00:00:00Z"}]})");
  const auto r = cli(dir, {"capture", dir.file("list.json"), "--json"}, {}, kNow);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(jsonOut(r)["cases"], 2);
  EXPECT_EQ(jsonOut(cli(dir, {"list", "--json"}, {}, kNow))["total"], 2);
}

TEST(CliCapture, BadInputIsOneLineNamingTheProblemAndStoresNothing) {
  TempDir dir;
  writeFile(dir.file("bad.json"), "{\"caseId\": ");
  auto r = cli(dir, {"capture", dir.file("bad.json")}, {}, kNow);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
  EXPECT_EQ(lineCount(r.err), 1u) << r.err;
  auto c = sampleCase("4460201", 2);
  c["messages"][1]["author"] = "robot";
  r = cli(dir, {"capture", "-"}, c.dump(), kNow);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("messages[1].author"), std::string::npos) << r.err;
  EXPECT_EQ(jsonOut(cli(dir, {"list", "--json"}, {}, kNow))["total"], 0);
}

TEST(CliImport, ManySnapshotsWithBadLinesReportedByNumber) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 250; ++i) {
    if (i == 10) lines += "this is not json\n";
    if (i == 20) lines += "\n";  // blank lines are skipped
    if (i == 30)
      lines += R"({"subject": "no id"})"
               "\n";
    if (i == 150) lines += "  \n";                 // read in a later chunk (100 lines each)…
    if (i == 180) lines += "[\"not a case\"]\n";  // …where line numbers still count every line
    lines +=
        (i % 2 ? nlohmann::json{{"page", "view-case"}, {"case", sampleCase(std::to_string(4470000 + i), 2)}}
               : sampleCase(std::to_string(4470000 + i), 2))
            .dump() +
        "\n";
  }
  writeFile(dir.file("cases.jsonl"), lines);
  const auto r = cli(dir, {"import", dir.file("cases.jsonl"), "--batch", "100", "--json"}, {}, kNow);
  // The good lines are stored, and the bad ones make the exit status 1 so a script notices.
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_NE(r.err.find("caselog: 3 of the lines in " + dir.file("cases.jsonl") +
                       " could not be imported (see above); the others are stored\n"),
            std::string::npos)
      << r.err;
  const auto doc = jsonOut(r);
  EXPECT_EQ(doc["created"], 250);
  EXPECT_EQ(doc["newMessages"], 500);
  EXPECT_EQ(doc["failed"], 3);
  EXPECT_NE(r.err.find("line 11"), std::string::npos) << r.err;    // "this is not json"
  EXPECT_NE(r.err.find("line 33"), std::string::npos) << r.err;    // no caseId (after the blank line)
  EXPECT_NE(r.err.find("line 185"), std::string::npos) << r.err;   // 180 cases and 4 other lines before it
  EXPECT_EQ(doc["storedThroughLine"], 255);                        // 250 cases and 5 other lines
  EXPECT_NE(r.err.find("importing"), std::string::npos) << r.err;  // progress, every 10% off a terminal
  EXPECT_EQ(jsonOut(cli(dir, {"list", "--json", "--limit", "1"}, {}, kNow))["total"], 250);
  // Stored in three transactions, the search index is left as one segment (Store::optimizeSearchIndex).
  const auto segments = runProcess(
      {sqlite3Binary(), dir.dbPath(), "SELECT count(DISTINCT segid) FROM message_fts_idx;"}, childEnvironment(dir));
  EXPECT_EQ(segments.out, "1\n") << segments.err;

  // Importing again changes nothing; from stdin.
  const auto again = cli(dir, {"import", "-", "--json"}, lines, kNow);
  EXPECT_EQ(again.exitCode, 1);  // the same three lines fail again
  EXPECT_EQ(jsonOut(again)["created"], 0);
  EXPECT_EQ(jsonOut(again)["newMessages"], 0);
  EXPECT_EQ(cli(dir, {"verify"}, {}, kNow).exitCode, 0);
}

// Lines are stored in the file's order, whichever chunk (read ahead on a second thread, 100 to
// 1,000 lines) and batch they fall in: a case-list line between two snapshots of one case sets its
// status after the first and before the second. 99 other cases come first, so that at --batch 100
// and below the first snapshot ends a chunk and the list line begins the next.
TEST(CliImport, ACaseListLineTakesItsPlaceInTheFilesOrder) {
  std::string filler;
  for (int i = 0; i < 99; ++i) filler += sampleCase(std::to_string(4470700 + i), 1).dump() + "\n";
  for (const char* batch : {"1000", "100", "1", "2"}) {
    TempDir dir;
    auto first = sampleCase("4470900", 2);
    auto last = sampleCase("4470900", 3);
    last["status"] = "Reopened";
    const nlohmann::json list = {{"page", "case-list"},
                                 {"cases", {{{"caseId", "4470900"}, {"status", "Resolved"}},
                                            {{"caseId", "4470901"}, {"status", "Answered"}}}}};
    const std::string lines = filler + first.dump() + "\n\n" + list.dump() + "\n" + last.dump() + "\n";
    writeFile(dir.file("cases.jsonl"), lines);
    const auto r = cli(dir, {"import", dir.file("cases.jsonl"), "--batch", batch, "--json"}, {}, kNow);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(jsonOut(r)["listCases"], 2) << batch;
    EXPECT_EQ(jsonOut(r)["snapshots"], 101) << batch;
    const auto shown = jsonOut(cli(dir, {"show", "4470900", "--json"}, {}, kNow));
    EXPECT_EQ(shown["status"], "reopened") << batch;
    EXPECT_EQ(shown["reopenCount"], 1) << batch;  // resolved by the list line, then reopened
    EXPECT_EQ(shown["messages"].size(), 3u) << batch;
    std::vector<std::string> statuses;
    for (const auto& e : shown["events"])
      if (e["kind"] == "status_changed") statuses.push_back(e["data"]["to"].get<std::string>());
    EXPECT_EQ(statuses, (std::vector<std::string>{"resolved", "reopened"})) << batch << shown["events"];
  }
}

TEST(CliImport, NothingImportableIsAnError) {
  TempDir dir;
  writeFile(dir.file("junk.jsonl"), "junk\n[1,2]\n");
  const auto r = cli(dir, {"import", dir.file("junk.jsonl")}, {}, kNow);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("nothing in"), std::string::npos) << r.err;
  EXPECT_EQ(cli(dir, {"import", dir.file("missing.jsonl")}, {}, kNow).exitCode, 1);
}

// A directory is not read as an empty file (before: import said "Imported 0 snapshots", exit 0,
// and capture "is not valid JSON (… unexpected end of input)"); a file that cannot be opened is
// named with the reason (before, import said only "cannot read FILE").
TEST(CliImport, ADirectoryOrAMissingFileIsOneLineWithTheReason) {
  TempDir dir;
  for (const char* command : {"import", "capture"}) {
    auto r = cli(dir, {command, dir.path()}, {}, kNow);
    EXPECT_EQ(r.exitCode, 1) << command << "\n" << r.out;
    EXPECT_EQ(r.err, "caselog: cannot read " + dir.path() + ": Is a directory\n") << command;
    r = cli(dir, {command, dir.file("nope.jsonl")}, {}, kNow);
    EXPECT_EQ(r.exitCode, 1) << command;
    EXPECT_EQ(r.err, "caselog: cannot read " + dir.file("nope.jsonl") + ": No such file or directory\n")
        << command;
  }
}

TEST(CliDemo, FillsAFreshDatabaseOnlyAndShowsEveryReminderRule) {
  TempDir dir;
  auto r = cli(dir, {"demo", "--no-serve", "--json"}, {}, kNow);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(jsonOut(r)["cases"], 60);
  std::set<std::string> rules;
  const auto due = jsonOut(cli(dir, {"due", "--json"}, {}, kNow));
  for (const auto& rem : due["reminders"]) rules.insert(rem["rule"].get<std::string>());
  EXPECT_EQ(rules.size(), 5u) << nlohmann::json(rules).dump();
  r = cli(dir, {"demo", "--no-serve"}, {}, kNow);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("fresh"), std::string::npos) << r.err;
  EXPECT_EQ(cli(dir, {"verify"}, {}, kNow).exitCode, 0);
}

}  // namespace
}  // namespace caselog::test
