// Several writers on one database file at once — two hosts (two browsers or profiles) and the
// CLI — lose nothing: every acknowledged capture is stored, and a case both hosts extend ends up
// with every message from both.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "core/time.hpp"
#include "process/support.hpp"
#include "storage/store.hpp"

namespace caselog::test {
namespace {

constexpr int kPerHost = 60;
const std::string kShared = "9990001112";

// A thread on the shared case where every message comes from one writer (`who`), one per step.
nlohmann::json sharedCase(const std::string& who, int upTo) {
  nlohmann::json c = sampleCase(kShared, 0);
  for (int i = 0; i <= upTo; ++i) {
    // Distinct times per writer: the same author and time with another text would be an edit.
    const Instant at = *parseIso8601("2026-11-01T00:00:00Z") + std::chrono::hours(i) +
                       std::chrono::minutes(who == "A" ? 0 : 30);
    c["messages"].push_back({{"author", "seller"},
                             {"sender", who},
                             {"sentAt", formatIso8601(at)},
                             {"body", who + " message " + std::to_string(i)}});
  }
  return c;
}

// Captures kPerHost cases of its own plus a growing thread on the shared case; returns acked ids.
std::vector<std::string> drive(HostProcess& host, const std::string& who, long long firstId) {
  std::vector<std::string> acked;
  for (int i = 0; i < kPerHost; ++i) {
    const std::string id = std::to_string(firstId + i);
    auto ack = host.request(captureRequest(who + std::to_string(i), sampleCase(id, 3)));
    if (ack["type"] == "ack")
      acked.push_back(id);
    else
      ADD_FAILURE() << who << ": " << ack;
    ack = host.request(captureRequest(who + "s" + std::to_string(i), sharedCase(who, i % 20)));
    if (ack["type"] != "ack") ADD_FAILURE() << who << " shared: " << ack;
  }
  return acked;
}

void expectStored(Store& store, const std::vector<std::string>& ids, std::size_t messages) {
  for (const auto& id : ids) {
    const auto c = store.findCase(id, true);
    ASSERT_TRUE(c) << id << " lost";
    EXPECT_EQ(c->messages.size(), messages) << id;
  }
}

TEST(HostConcurrency, TwoHostsAndTheCliWritingOneDatabaseLoseNothing) {
  TempDir dir;
  HostProcess a(dir), b(dir);
  std::vector<std::string> ackedA, ackedB, cliCases;
  std::thread ta([&] { ackedA = drive(a, "A", 8100000000LL); });
  std::thread tb([&] { ackedB = drive(b, "B", 8200000000LL); });
  const auto env = childEnvironment(dir);
  std::string cliFailure;
  for (int i = 0; i < 15; ++i) {
    const std::string id = std::to_string(8300000000LL + i);
    const std::string file = dir.file("snapshot-" + std::to_string(i) + ".json");
    std::ofstream(file) << nlohmann::json{{"page", "view-case"}, {"case", sampleCase(id, 3)}}.dump();
    const auto r = runProcess({CASELOG_CLI_BIN, "capture", file}, env);
    if (r.exitCode == 0)
      cliCases.push_back(id);
    else if (cliFailure.empty())
      cliFailure = "exit " + std::to_string(r.exitCode) + ": " + r.err;
  }
  ta.join();
  tb.join();
  EXPECT_TRUE(cliFailure.empty()) << "caselog capture failed beside two hosts: " << cliFailure;

  ASSERT_EQ(ackedA.size(), static_cast<std::size_t>(kPerHost));
  ASSERT_EQ(ackedB.size(), static_cast<std::size_t>(kPerHost));
  auto store = openSqliteStore(dir.dbPath());
  expectStored(*store, ackedA, 3);
  expectStored(*store, ackedB, 3);
  expectStored(*store, cliCases, 3);

  const auto shared = store->findCase(kShared, true);
  ASSERT_TRUE(shared);
  EXPECT_EQ(shared->messages.size(), 40u);  // 20 distinct messages from each host
  const auto report = store->verify();
  EXPECT_TRUE(report.ok) << report.problem;
}

}  // namespace
}  // namespace caselog::test
