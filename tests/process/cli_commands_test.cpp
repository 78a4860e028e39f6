// Every `caselog` command through the built binary: exit codes (0 ok, 1 user error with one line
// on stderr, 2 usage error with the usage), --json output, CASELOG_NOW and --now.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "process/cli_support.hpp"
#include "storage/sqlite_db.hpp"

namespace caselog::test {
namespace {

class CliCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    writeFile(dir.file("case.json"), sampleCase("4450001", 2).dump());
    const auto r = cli(dir, {"capture", dir.file("case.json")}, {}, kNow);
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  RunResult run(std::vector<std::string> args) { return cli(dir, std::move(args), {}, kNow); }
  TempDir dir;
};

TEST_F(CliCommands, UsageErrorsExitTwoWithTheUsage) {
  for (const auto& args : std::vector<std::vector<std::string>>{{},
                                                                {"frobnicate"},
                                                                {"list", "--bogus"},
                                                                {"list", "--sort", "random"},
                                                                {"list", "--limit", "x"},
                                                                {"show"},
                                                                {"search"},
                                                                {"search", "x", "--limit", "99"},
                                                                {"export"},
                                                                {"export", "--format", "pdf"},
                                                                {"snooze", "4450001"},
                                                                {"snooze", "4450001", "someday"},
                                                                {"dismiss", "4450001", "bogus_rule"},
                                                                {"categorize", "4450001", "nonsense"},
                                                                {"note", "4450001"},
                                                                {"--now", "yesterday", "list"},
                                                                {"demo", "--cases", "0"},
                                                                {"serve", "--port", "70000"}}) {
    const auto r = run(args);
    EXPECT_EQ(r.exitCode, 2) << "args: " << nlohmann::json(args).dump() << "\n" << r.err;
    EXPECT_NE(r.err.find("Usage: caselog"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.rfind("caselog: ", 0), 0u) << r.err;
  }
}

TEST_F(CliCommands, UserErrorsExitOneWithOneLine) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"show", "999"},
                                             {"note", "999", "hello"},
                                             {"snooze", "999", "3d"},
                                             {"pin", "999"},
                                             {"dismiss", "999", "follow_up"},
                                             {"categorize", "999", "payments"},
                                             {"export", "--case", "999", "--format", "json"},
                                             {"capture", "/nonexistent/file.json"}}) {
    const auto r = run(args);
    EXPECT_EQ(r.exitCode, 1) << nlohmann::json(args).dump() << "\n" << r.err;
    EXPECT_EQ(lineCount(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("caselog: ", 0), 0u) << r.err;
  }
  EXPECT_NE(run({"show", "999"}).err.find("999"), std::string::npos);
}

TEST_F(CliCommands, HelpAndVersion) {
  auto r = run({"--help"});
  EXPECT_EQ(r.exitCode, 0);
  for (const char* command :
       {"list", "show", "search", "due", "stats", "export", "verify", "capture", "import", "demo", "serve",
        "note", "snooze", "dismiss", "categorize", "pin", "unpin"})
    EXPECT_NE(r.out.find(std::string("  ") + command + " "), std::string::npos) << command;
  r = run({"help", "export"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("--format"), std::string::npos);
  EXPECT_EQ(run({"list", "--help"}).exitCode, 0);
  EXPECT_EQ(run({"--version"}).out.rfind("caselog ", 0), 0u);
}

TEST_F(CliCommands, ListAsTableAndJson) {
  auto r = run({"list"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("PRI"), std::string::npos);
  EXPECT_NE(r.out.find("4450001"), std::string::npos);
  r = run({"--json", "list", "--status", "pending_amazon"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = jsonOut(r);
  EXPECT_EQ(doc["total"], 1);
  EXPECT_EQ(doc["cases"][0]["caseId"], "4450001");
  EXPECT_TRUE(doc["cases"][0]["priority"]["label"].is_string());
  EXPECT_EQ(jsonOut(run({"list", "--status", "closed", "--json"}))["total"], 0);
}

TEST_F(CliCommands, ShowJsonHasVerdictsPriorityTermsAndEvents) {
  const auto r = run({"show", "4450001", "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = jsonOut(r);
  EXPECT_EQ(doc["caseId"], "4450001");
  ASSERT_EQ(doc["messages"].size(), 2u);
  EXPECT_TRUE(doc["messages"][0]["generic"].is_null());    // the seller's own message
  EXPECT_TRUE(doc["messages"][1]["generic"].is_object());  // Amazon's reply has a verdict
  EXPECT_FALSE(doc["priority"]["terms"].empty());
  EXPECT_EQ(doc["events"][0]["kind"], "case_created");
  ASSERT_EQ(doc["events"][1]["kind"], "messages_added");
  ASSERT_EQ(doc["events"][1]["data"]["messages"].size(), 2u);
  const auto firstId = doc["messages"][0]["id"].get<std::int64_t>();
  EXPECT_EQ(doc["events"][1]["data"]["messages"][0]["messageId"], firstId);
  EXPECT_TRUE(doc["nextStep"]["action"].is_string());
  const auto human = run({"show", "4450001"});
  EXPECT_NE(human.out.find("Thread (2 messages)"), std::string::npos);
  EXPECT_NE(human.out.find("Priority P"), std::string::npos);
  // The terminal shows which messages the event added, not its hashes.
  const std::string added =
      "2 messages: #" + std::to_string(firstId) + ", #" + doc["messages"][1]["id"].dump();
  EXPECT_NE(human.out.find(added), std::string::npos) << human.out;
  EXPECT_EQ(human.out.find("contentHash"), std::string::npos);
}

TEST_F(CliCommands, SearchMarksMatchesWithBracketsWhenNotATerminal) {
  auto r = run({"search", "compliant"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("[compliant]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x02'), std::string::npos);
  const auto doc = jsonOut(run({"search", "compliant", "--author", "amazon", "--json"}));
  ASSERT_EQ(doc["hits"].size(), 1u);
  EXPECT_EQ(doc["hits"][0]["author"], "amazon");
  EXPECT_EQ(doc["hits"][0]["highlights"][0], "compliant");
  EXPECT_TRUE(jsonOut(run({"search", "compliant", "--author", "seller", "--json"}))["hits"].empty());
  EXPECT_EQ(run({"search", "\"unbalanced", "AND", "(", "*"}).exitCode, 0);
}

TEST_F(CliCommands, ActionsAreAuditEvents) {
  EXPECT_EQ(run({"note", "4450001", "called", "support"}).exitCode, 0);
  EXPECT_EQ(cli(dir, {"note", "4450001", "-"}, "from stdin\n", kNow).exitCode, 0);
  EXPECT_EQ(run({"categorize", "4450001", "payments"}).exitCode, 0);
  EXPECT_EQ(run({"pin", "4450001"}).exitCode, 0);
  EXPECT_EQ(run({"unpin", "4450001"}).exitCode, 0);
  EXPECT_EQ(run({"snooze", "4450001", "2026-12-01"}).exitCode, 0);
  EXPECT_EQ(run({"dismiss", "4450001", "amazon_silent"}).exitCode, 0);
  const auto doc = jsonOut(run({"show", "4450001", "--json"}));
  EXPECT_EQ(doc["category"], "payments");
  EXPECT_EQ(doc["pinned"], false);
  EXPECT_EQ(doc["snoozedUntil"], "2026-12-01T00:00:00Z");
  ASSERT_EQ(doc["notes"].size(), 2u);
  EXPECT_EQ(doc["notes"][1]["text"], "from stdin");
  std::set<std::string> kinds;
  for (const auto& e : doc["events"]) kinds.insert(e["kind"].get<std::string>());
  EXPECT_TRUE(kinds.count("note_added"));
  EXPECT_TRUE(kinds.count("reminder_dismissed"));
  EXPECT_GE(kinds.size(), 6u);
  EXPECT_EQ(run({"verify"}).exitCode, 0);
}

// A pasted case ID keeps its surrounding whitespace; it is trimmed wherever a command takes one
// (before: 'no case 4450001 ', the space invisible). A blank one is a usage error, like a
// missing one (before: 'no case ', exit 1).
TEST_F(CliCommands, CaseIdsAreTrimmedAndABlankOneIsAUsageError) {
  auto r = run({"show", "4450001 ", "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(jsonOut(r)["caseId"], "4450001");
  r = run({"note", "\t4450001\n", "called", "support"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Noted on case 4450001.\n");
  r = run({"pin", " 4450001"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Case 4450001 pinned.\n");
  EXPECT_EQ(run({"unpin", "4450001 "}).exitCode, 0);
  EXPECT_EQ(run({"snooze", " 4450001 ", "3d"}).exitCode, 0);
  EXPECT_EQ(run({"dismiss", "4450001 ", "follow_up"}).exitCode, 0);
  EXPECT_EQ(run({"categorize", "4450001 ", "payments"}).exitCode, 0);
  r = run({"search", "compliant", "--case", " 4450001 ", "--json"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(jsonOut(r)["hits"].size(), 1u) << r.out;
  r = run({"export", "--case", "4450001 ", "--format", "json"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("\"4450001\""), std::string::npos);

  for (const auto& args : std::vector<std::vector<std::string>>{{"show", ""},
                                                                {"show", " \t"},
                                                                {"note", " ", "hello"},
                                                                {"pin", ""},
                                                                {"unpin", ""},
                                                                {"snooze", "", "3d"},
                                                                {"dismiss", " ", "follow_up"},
                                                                {"categorize", "", "payments"}}) {
    r = run(args);
    EXPECT_EQ(r.exitCode, 2) << nlohmann::json(args).dump() << "\n" << r.err;
    EXPECT_EQ(r.err.rfind("caselog: missing CASEID\n", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("Usage: caselog"), std::string::npos) << r.err;
  }
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"search", "x", "--case", " "}, {"export", "--case", "", "--format", "json"}}) {
    r = run(args);
    EXPECT_EQ(r.exitCode, 2) << nlohmann::json(args).dump() << "\n" << r.err;
    EXPECT_EQ(r.err.rfind("caselog: --case needs a case ID\n", 0), 0u) << r.err;
  }
}

TEST_F(CliCommands, DueFollowsCaselogNowAndNowOption) {
  // The sample's last message is Amazon's; a seller-only case is overdue once five business days pass.
  writeFile(dir.file("silent.json"), sampleCase("4450002", 1).dump());
  ASSERT_EQ(run({"capture", dir.file("silent.json")}).exitCode, 0);
  auto early = jsonOut(cli(dir, {"due", "--json"}, {}, {{"CASELOG_NOW", "2026-11-02T09:00:00Z"}}));
  EXPECT_TRUE(early["reminders"].empty()) << early;
  auto late = jsonOut(cli(dir, {"--now", "2026-11-20T09:00:00Z", "due", "--json"}));
  bool silent = false;
  for (const auto& r : late["reminders"]) silent |= r["caseId"] == "4450002" && r["rule"] == "amazon_silent";
  EXPECT_TRUE(silent) << late;
  EXPECT_NE(cli(dir, {"due"}, {}, {{"CASELOG_NOW", "2026-11-20T09:00:00Z"}}).out.find("amazon_silent"),
            std::string::npos);
  EXPECT_EQ(cli(dir, {"due"}, {}, {{"CASELOG_NOW", "not a date"}}).exitCode, 1);
}

// A priority counts the time a case has waited, and without a host running nothing else
// refreshes the stored one: `list` and `due` work out those older than 6 hours again first, and
// give the score `show` works out. While another program holds the write lock they show the
// stored ones at once.
TEST_F(CliCommands, ListAndDueRefreshPrioritiesTheWaitingHasChanged) {
  // The seller's message only, of Sunday 2026-11-01, captured the next morning.
  writeFile(dir.file("silent.json"), sampleCase("4450002", 1).dump());
  const std::map<std::string, std::string> monday = {{"CASELOG_NOW", "2026-11-02T09:00:00Z"}};
  ASSERT_EQ(cli(dir, {"capture", dir.file("silent.json")}, {}, monday).exitCode, 0);
  const auto scoreIn = [](const nlohmann::json& list) {
    for (const auto& c : list["cases"])
      if (c["caseId"] == "4450002") return c["priority"]["score"].get<double>();
    ADD_FAILURE() << "case 4450002 not listed: " << list;
    return 0.0;
  };
  const double atCapture = scoreIn(jsonOut(cli(dir, {"list", "--json"}, {}, monday)));
  const std::vector<std::string> later = {"--now", "2026-11-12T12:00:00Z"};
  const auto showScore = [&] {
    auto args = later;
    args.insert(args.end(), {"show", "4450002", "--json"});
    return jsonOut(cli(dir, args))["priority"]["score"].get<double>();
  };
  const auto storedScore = [&] {
    return std::stod(sqliteQuery(dir, "SELECT printf('%.17g', priority_score) FROM cases WHERE case_id = '4450002'"));
  };
  {  // another program holds the write lock: the stored score, without waiting for the lock (5 s)
    sqlite::Db other(dir.dbPath(), false);
    other.exec("BEGIN IMMEDIATE");
    for (const char* command : {"list", "due"}) {
      const auto t0 = std::chrono::steady_clock::now();
      auto args = later;
      args.insert(args.end(), {command, "--json"});
      const auto r = cli(dir, args);
      ASSERT_EQ(r.exitCode, 0) << command << ": " << r.err;
      EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(4500)) << command << " waited";
    }
    other.exec("ROLLBACK");
    EXPECT_DOUBLE_EQ(storedScore(), atCapture);
  }
  auto args = later;
  args.insert(args.end(), {"list", "--json"});
  const double refreshed = scoreIn(jsonOut(cli(dir, args)));
  EXPECT_GT(refreshed, atCapture);  // 8 business days of waiting, 3 past the usual reply time
  EXPECT_DOUBLE_EQ(refreshed, showScore());
  // `due` refreshes too: a day later (a business day more of waiting) the stored score is the
  // one `show` works out, before any `list`.
  const std::vector<std::string> nextDay = {"--now", "2026-11-13T12:00:00Z"};
  args = nextDay;
  args.insert(args.end(), {"due", "--json"});
  ASSERT_EQ(cli(dir, args).exitCode, 0);
  const double stored = storedScore();
  args = nextDay;
  args.insert(args.end(), {"show", "4450002", "--json"});
  const double shown = jsonOut(cli(dir, args))["priority"]["score"].get<double>();
  EXPECT_GT(shown, refreshed);
  EXPECT_NEAR(stored, shown, 1e-9);
  // A clock set ahead of the real one is a what-if: nothing is stored (the schedule saved would
  // hold the case's refresh and reminders back until that day).
  const std::string schedule =
      "SELECT printf('%.17g', priority_score) || ' ' || reassess_after FROM cases JOIN reminder_schedule "
      "USING (case_id) WHERE case_id = '4450002'";
  const std::string before = sqliteQuery(dir, schedule);
  for (const char* command : {"list", "due"})
    EXPECT_EQ(cli(dir, {"--now", "2099-01-01T00:00:00Z", command, "--json"}).exitCode, 0) << command;
  EXPECT_EQ(sqliteQuery(dir, schedule), before);
}

// `caselog serve` (and the demo's view) refreshes them too, at start and every minute.
TEST_F(CliCommands, ServeRefreshesPrioritiesTheWaitingHasChanged) {
  writeFile(dir.file("silent.json"), sampleCase("4450002", 1).dump());
  ASSERT_EQ(cli(dir, {"capture", dir.file("silent.json")}, {}, {{"CASELOG_NOW", "2026-11-02T09:00:00Z"}}).exitCode, 0);
  const auto env = childEnvironment(dir, {{"CASELOG_NOW", "2026-11-12T12:00:00Z"}});
  const auto storedScore = [&] {
    return std::stod(sqliteQuery(dir, "SELECT printf('%.17g', priority_score) FROM cases WHERE case_id = '4450002'"));
  };
  const double atCapture = storedScore();
  // Stopped by SIGINT after 6 s, as Ctrl-C stops it (it refreshes at once, in well under a second).
  const auto served = runProcess({"/usr/bin/timeout", "-s", "INT", "6", CASELOG_CLI_BIN, "serve", "--port", "0"}, env);
  EXPECT_NE(served.out.find("CaseLog history view: http://127.0.0.1:"), std::string::npos) << served.out << served.err;
  EXPECT_EQ(served.err, "");
  const auto shown = jsonOut(runProcess({CASELOG_CLI_BIN, "show", "4450002", "--json"}, env));
  EXPECT_GT(storedScore(), atCapture);
  EXPECT_NEAR(storedScore(), shown["priority"]["score"].get<double>(), 1e-9);
}

TEST_F(CliCommands, StatsJson) {
  const auto doc = jsonOut(run({"stats", "--json"}));
  EXPECT_EQ(doc["cases"], 1);
  EXPECT_TRUE(doc["perWeek"].is_array());
  EXPECT_TRUE(doc["recurring"].is_array());
  EXPECT_EQ(doc["amazonReplies"], 1);
  EXPECT_EQ(run({"stats"}).exitCode, 0);
}

// The per-week sparkline of `caselog stats` has one cell for each of the 26 weeks, as --json
// counts them, on every row and aligned (before: the empty weeks were spaces, collapsed and
// trimmed by the table, so 26 weeks printed as " ▄ ▄ ▄"-like fragments).
TEST(CliStats, ThePerWeekSparklineHasOneCellForEachOfThe26Weeks) {
  TempDir dir;
  std::string lines;
  int n = 0;
  auto add = [&](const char* category, const char* createdAt) {
    auto c = sampleCase(std::to_string(4480000 + n++), 2);
    c["category"] = category;
    c["createdAt"] = createdAt;
    lines += c.dump() + "\n";
  };
  // Weeks from Monday 2026-06-01 (week 0) to Monday 2026-11-23 (week 25, holding kNow).
  add("Listing", "2026-06-23T10:00:00Z");  // week 3
  add("Listing", "2026-08-04T10:00:00Z");  // week 9, twice: the busiest week
  add("Listing", "2026-08-06T10:00:00Z");
  add("Listing", "2026-10-20T10:00:00Z");        // week 20
  add("Reimbursement", "2026-11-24T10:00:00Z");  // week 25, the last
  writeFile(dir.file("cases.jsonl"), lines);
  ASSERT_EQ(cli(dir, {"import", dir.file("cases.jsonl")}, {}, kNow).exitCode, 0);

  const auto doc = jsonOut(cli(dir, {"stats", "--json"}, {}, kNow));
  std::map<std::string, std::vector<int>> perWeek;
  for (const auto& w : doc["perWeek"])
    perWeek[w["category"].get<std::string>()].push_back(w["cases"].get<int>());
  const auto table = cli(dir, {"stats"}, {}, kNow);
  ASSERT_EQ(table.exitCode, 0) << table.err;
  std::vector<std::string> rows;  // the table's rows (under its CATEGORY header), as doc["times"]
  std::istringstream in(table.out);
  bool inTable = false;
  for (std::string line; std::getline(in, line) && line.rfind("(median", 0) != 0;) {
    if (inTable) rows.push_back(line);
    inTable = inTable || line.rfind("CATEGORY", 0) == 0;
  }
  ASSERT_EQ(doc["times"].size(), 2u) << doc["times"];
  ASSERT_EQ(rows.size(), 2u) << table.out;

  const std::string kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};  // 3 bytes each
  std::size_t sparkStart = std::string::npos;
  for (std::size_t r = 0; r < 2; ++r) {
    const auto& counts = perWeek[doc["times"][r]["category"].get<std::string>()];
    ASSERT_EQ(counts.size(), 26u);
    const std::string& row = rows[r];
    ASSERT_GE(row.size(), 26u * 3 + 1) << row;
    const std::size_t start = row.size() - 26 * 3;
    EXPECT_EQ(row[start - 1], ' ') << row;
    if (sparkStart == std::string::npos) sparkStart = start;
    EXPECT_EQ(start, sparkStart) << "not aligned:\n" << table.out;  // the labels are ASCII
    for (std::size_t week = 0; week < 26; ++week) {
      const std::string cell = row.substr(start + week * 3, 3);
      EXPECT_NE(std::find(std::begin(kBlocks), std::end(kBlocks), cell), std::end(kBlocks)) << row;
      EXPECT_EQ(cell == "▁", counts[week] == 0) << "week " << week << ": " << row;
      if (counts[week] == 2) {
        EXPECT_EQ(cell, "█") << row;
      }
    }
  }
}

// A mistyped --db or CASELOG_DB path is an error for every command that needs stored cases, and
// creates nothing (before: an empty database, "No cases yet" or "0 events checked", exit 0).
TEST(CliDatabase, ANamedPathWithNoDatabaseIsAnErrorAndCreatesNothing) {
  TempDir dir;
  const std::string typo = dir.file("typo.db");
  const std::string inMissingFolder = dir.file("no-such-folder/x.db");
  for (const auto& args : std::vector<std::vector<std::string>>{{"list"},
                                                                {"show", "4450001"},
                                                                {"search", "refund"},
                                                                {"due"},
                                                                {"stats"},
                                                                {"export", "--format", "json"},
                                                                {"verify"},
                                                                {"serve", "--port", "0"},
                                                                {"note", "4450001", "hello"},
                                                                {"pin", "4450001"}}) {
    auto withDb = args;
    withDb.insert(withDb.begin(), {"--db", typo});
    auto r = cli(dir, withDb, {}, kNow);
    EXPECT_EQ(r.exitCode, 1) << nlohmann::json(withDb).dump() << "\n" << r.out << r.err;
    EXPECT_EQ(r.err, "caselog: no CaseLog database at " + typo +
                         " (check --db; a capture or 'caselog demo' creates one)\n");
    r = cli(dir, args, {}, {{"CASELOG_DB", inMissingFolder}});
    EXPECT_EQ(r.exitCode, 1) << nlohmann::json(args).dump() << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(inMissingFolder + " (check CASELOG_DB;"), std::string::npos) << r.err;
    EXPECT_EQ(lineCount(r.err), 1u) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(typo));
  EXPECT_FALSE(std::filesystem::exists(dir.file("no-such-folder")));

  // The commands that bring cases in still create it, folders and all.
  writeFile(dir.file("case.json"), sampleCase("4450001", 2).dump());
  EXPECT_EQ(cli(dir, {"capture", dir.file("case.json")}, {}, {{"CASELOG_DB", inMissingFolder}}).exitCode, 0);
  EXPECT_EQ(jsonOut(cli(dir, {"list", "--json"}, {}, {{"CASELOG_DB", inMissingFolder}}))["total"], 1);

  // The default path (no --db, no CASELOG_DB) cannot be mistyped: before the first capture a
  // command finds no cases there, as the host would.
  const auto r = cli(dir, {"list"}, {}, {{"CASELOG_DB", ""}});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("No cases yet.", 0), 0u) << r.out;
}

}  // namespace
}  // namespace caselog::test
