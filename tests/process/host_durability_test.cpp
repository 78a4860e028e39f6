// An acknowledged capture survives kill -9: the ack is sent only after a synchronous=FULL commit.
#include <gtest/gtest.h>

#include <csignal>
#include <set>
#include <thread>

#include "domain/config.hpp"
#include "process/support.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

namespace caselog::test {
namespace {

std::string caseIdFor(int i) {
  return std::to_string(7000000000LL + i);
}

TEST(HostDurability, KillNineMidBurstLosesNoAcknowledgedCapture) {
  TempDir dir;
  const int burst = 1000, killAfter = 60, messages = 6;
  std::set<std::string> acked;
  {
    HostProcess host(dir);
    std::thread writer([&] {
      for (int i = 0; i < burst; ++i) {
        if (!host.send(captureRequest(caseIdFor(i), sampleCase(caseIdFor(i), messages)))) return;
      }
    });
    while (static_cast<int>(acked.size()) < killAfter) {
      const auto frame = host.readFrame();
      if (!frame) {  // join the writer before failing, or its destructor terminates the test
        host.kill(SIGKILL);
        writer.join();
        FAIL() << "no answer after " << acked.size() << " acks: " << host.stderrText();
      }
      if ((*frame)["type"] == "ack") acked.insert((*frame)["caseId"].get<std::string>());
    }
    host.kill(SIGKILL);
    // Acks already in the pipe were sent after their commit: they count too.
    while (auto frame = host.readFrame(2s)) {
      if ((*frame)["type"] == "ack") acked.insert((*frame)["caseId"].get<std::string>());
    }
    writer.join();
    EXPECT_EQ(host.wait(), 128 + SIGKILL);
  }
  ASSERT_GE(static_cast<int>(acked.size()), killAfter);
  ASSERT_LT(static_cast<int>(acked.size()), burst) << "the kill came too late to test anything";

  auto store = openSqliteStore(dir.dbPath());
  for (const auto& id : acked) {
    const auto c = store->findCase(id, true);
    ASSERT_TRUE(c) << "acknowledged case " << id << " is missing";
    EXPECT_EQ(c->messages.size(), static_cast<std::size_t>(messages)) << id;
  }
  // A capture the host was working on when killed is all there or not there at all.
  for (int i = 0; i < burst; ++i) {
    if (const auto c = store->findCase(caseIdFor(i), true)) {
      EXPECT_EQ(c->messages.size(), static_cast<std::size_t>(messages)) << caseIdFor(i);
    }
  }
  const VerifyReport report = store->verify();
  EXPECT_TRUE(report.ok) << "event " << report.firstBadSeq.value_or(-1) << ": " << report.problem;
  EXPECT_GT(report.checked, 0);

  const auto verify = runProcess({CASELOG_CLI_BIN, "verify"}, childEnvironment(dir));
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
}

}  // namespace
}  // namespace caselog::test
