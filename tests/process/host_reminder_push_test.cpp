// Reminder pushes: with "now" far past a case's last seller message, Amazon has been silent too
// long, so the host pushes a `reminder` (no id) right after the capture, and from its timer for
// cases stored by someone else. Each fires once until the case changes.
#include <gtest/gtest.h>

#include <fstream>

#include "process/support.hpp"

namespace caselog::test {
namespace {

const std::map<std::string, std::string> kFarFuture = {{"CASELOG_NOW", "2027-06-01T12:00:00Z"}};

std::optional<nlohmann::json> nextReminder(HostProcess& host, std::chrono::milliseconds timeout) {
  for (auto& p : host.pushes()) {
    if (p["type"] == "reminder") {
      auto found = p;
      p = nullptr;
      return found;
    }
  }
  while (auto frame = host.readFrame(timeout)) {
    if ((*frame)["type"] == "reminder") return frame;
  }
  return std::nullopt;
}

TEST(HostReminderPush, CaptureOfAnOverdueCasePushesAReminderOnce) {
  TempDir dir;
  HostProcess host(dir, {"--no-view"}, kFarFuture);
  const auto ack = host.request(captureRequest("c1", sampleCase("4440001", 1)));  // one seller message
  ASSERT_EQ(ack["type"], "ack") << ack;

  const auto push = nextReminder(host, 10s);
  ASSERT_TRUE(push) << "no reminder pushed; host stderr:\n" << host.stderrText();
  EXPECT_FALSE(push->contains("id"));
  EXPECT_EQ((*push)["caseId"], "4440001");
  EXPECT_EQ((*push)["subject"], "Listing suppressed for B08XYZ1234 - incorrect main image");
  EXPECT_TRUE((*push)["rule"].is_string());
  EXPECT_FALSE((*push)["message"].get<std::string>().empty());
  EXPECT_TRUE((*push)["dueAt"].is_string());

  // The same snapshot again changes nothing, so the reminder does not fire again.
  host.pushes().clear();
  ASSERT_EQ(host.request(captureRequest("c2", sampleCase("4440001", 1)))["type"], "ack");
  EXPECT_FALSE(nextReminder(host, 1500ms)) << "a reminder fired twice for an unchanged case";
}

TEST(HostReminderPush, TimerPushesRemindersForCasesCapturedElsewhere) {
  TempDir dir;
  std::ofstream(dir.file("config.json")) << R"({"host": {"reminderIntervalSeconds": 0.2}})";
  std::ofstream(dir.file("case.json")) << sampleCase("4440002", 1).dump();
  auto env = childEnvironment(dir, kFarFuture);
  const auto cli = runProcess({CASELOG_CLI_BIN, "capture", dir.file("case.json")}, env);
  ASSERT_EQ(cli.exitCode, 0) << cli.err;

  HostProcess host(dir, {"--no-view"}, kFarFuture);
  const auto push = nextReminder(host, 10s);
  ASSERT_TRUE(push) << "no reminder from the timer; host stderr:\n" << host.stderrText();
  EXPECT_EQ((*push)["caseId"], "4440002");
}

// After a migration every open case waits to be reassessed, a backlog the host works through in
// slices for minutes at 100,000 cases. Cases assessed before must still get their reminders on
// the usual interval meanwhile, not only once the backlog is done.
TEST(HostReminderPush, RemindersGoOutWhileABacklogOfReassessmentsRuns) {
  TempDir dir;
  std::ofstream(dir.file("config.json")) << R"({"host": {"reminderIntervalSeconds": 0.2}})";
  {
    std::ofstream lines(dir.file("cases.jsonl"));
    for (int i = 0; i < 400; ++i) lines << sampleCase(std::to_string(4441000 + i), 1).dump() << "\n";
  }
  auto env = childEnvironment(dir, kFarFuture);
  const auto imported = runProcess({CASELOG_CLI_BIN, "import", dir.file("cases.jsonl")}, env, {}, 120s);
  ASSERT_EQ(imported.exitCode, 0) << imported.err;
  // Every case assessed, then all but one due for reassessment again, as after a migration.
  const std::string backlog =
      "SELECT count(*) FROM reminder_schedule WHERE reassess_after <= strftime('%s', '2027-06-01T12:00:00Z');";
  ASSERT_EQ(runProcess({sqlite3Binary(), dir.dbPath(),
                        "UPDATE reminder_schedule SET reassess_after = 0 WHERE case_id <> '4441000';"},
                       env)
                .exitCode,
            0);
  ASSERT_EQ(runProcess({sqlite3Binary(), dir.dbPath(), backlog}, env).out, "399\n");

  HostProcess host(dir, {"--no-view"}, kFarFuture);
  const auto push = nextReminder(host, 20s);
  ASSERT_TRUE(push) << "no reminder pushed; host stderr:\n" << host.stderrText();
  const auto left = runProcess({sqlite3Binary(), dir.dbPath(), backlog}, env);
  ASSERT_EQ(left.exitCode, 0) << left.err;
  EXPECT_GT(std::stoi(left.out), 0) << "the reminder waited for the whole backlog";
}

}  // namespace
}  // namespace caselog::test
