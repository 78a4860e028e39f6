// Issue 3's integration: a case captured with the CLI is overdue by CASELOG_NOW; the host pushes a
// `reminder` on its port, records the firing as an audit event the CLI shows, does not push it again
// after a restart, and a dismissal from the CLI holds.
#include <gtest/gtest.h>

#include "process/cli_support.hpp"

namespace caselog::test {
namespace {

const std::map<std::string, std::string> kLate = {{"CASELOG_NOW", "2026-11-20T09:00:00Z"}};

std::optional<nlohmann::json> reminderFrom(HostProcess& host, std::chrono::milliseconds timeout) {
  for (const auto& p : host.pushes())
    if (p.is_object() && p["type"] == "reminder") return p;
  while (auto frame = host.readFrame(timeout))
    if ((*frame)["type"] == "reminder") return frame;
  return std::nullopt;
}

int firedEvents(const TempDir& dir, const std::string& caseId) {
  const auto doc = jsonOut(cli(dir, {"show", caseId, "--json"}, {}, kLate));
  int n = 0;
  for (const auto& e : doc["events"]) n += e["kind"] == "reminder_fired";
  return n;
}

TEST(CliReminderPush, HostPushesWhatTheCliCapturedAndRecordsItOnce) {
  TempDir dir;
  writeFile(dir.file("config.json"), R"({"host": {"reminderIntervalSeconds": 0.2}})");
  writeFile(dir.file("case.json"),
            sampleCase("4490001", 1).dump());  // the seller wrote; Amazon never answered
  ASSERT_EQ(cli(dir, {"capture", dir.file("case.json")}, {}, kLate).exitCode, 0);
  EXPECT_NE(cli(dir, {"due"}, {}, kLate).out.find("amazon_silent"), std::string::npos);
  {
    HostProcess host(dir, {"--no-view"}, kLate);
    const auto push = reminderFrom(host, 10s);
    ASSERT_TRUE(push) << "no reminder pushed; host stderr:\n" << host.stderrText();
    EXPECT_EQ((*push)["caseId"], "4490001");
    EXPECT_EQ((*push)["rule"], "amazon_silent");
    host.closeStdin();
    EXPECT_EQ(host.wait(), 0);
  }
  EXPECT_EQ(firedEvents(dir, "4490001"), 1);

  // A restarted host does not push the same reminder again: the case has not changed.
  {
    HostProcess host(dir, {"--no-view"}, kLate);
    EXPECT_FALSE(reminderFrom(host, 1500ms)) << "fired twice";
  }
  EXPECT_EQ(firedEvents(dir, "4490001"), 1);

  // Dismissed from the CLI: no longer due.
  ASSERT_EQ(cli(dir, {"dismiss", "4490001", "amazon_silent"}, {}, kLate).exitCode, 0);
  EXPECT_TRUE(jsonOut(cli(dir, {"due", "--json"}, {}, kLate))["reminders"].empty());
  EXPECT_EQ(cli(dir, {"verify"}, {}, kLate).exitCode, 0);
}

}  // namespace
}  // namespace caselog::test
