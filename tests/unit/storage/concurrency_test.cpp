// Several writers on one file: threads sharing a store, and separate stores (connections, as
// separate processes would have). Nothing is lost and the chain stays valid.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "storage/audit.hpp"
#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"
#include "unit/storage/append_one.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog {
namespace {

using testing::TempDir;

void writeCases(Store& store, int writer, int count) {
  for (int i = 0; i < count; ++i) {
    const std::string id = std::to_string(writer * 100000 + i);
    store.transaction([&] {
      CaseRecord c;
      c.caseId = id;
      c.subject = "case " + id;
      store.upsertCase(c);
      StoredMessage m;
      m.author = "seller";
      m.body = "message for " + id;
      const auto mid = testing::appendMessage(store, id, m);
      store.appendEvent(id, "message_added", Instant{},
                        {{"messageId", mid}, {"contentHash", audit::messageContentHash(m)}});
    });
  }
}

TEST(Concurrency, ThreadsSharingOneStoreLoseNothing) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  std::vector<std::thread> threads;
  for (int w = 1; w <= 4; ++w) threads.emplace_back([&, w] { writeCases(*store, w, 40); });
  std::thread reader([&] {
    for (int i = 0; i < 50; ++i) store->listCases(CaseFilter{});
  });
  for (auto& t : threads) t.join();
  reader.join();
  EXPECT_EQ(store->caseIds(false).size(), 160u);
  EXPECT_EQ(store->allEvents().size(), 160u);
  EXPECT_TRUE(store->verify().ok);
}

TEST(Concurrency, SeparateConnectionsOnOneFileLoseNothing) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  auto a = openSqliteStore(path);
  auto b = openSqliteStore(path);
  std::thread ta([&] { writeCases(*a, 1, 60); });
  std::thread tb([&] { writeCases(*b, 2, 60); });
  ta.join();
  tb.join();
  auto c = openSqliteStore(path);
  EXPECT_EQ(c->caseIds(false).size(), 120u);
  const auto events = c->allEvents();
  ASSERT_EQ(events.size(), 120u);
  for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].seq, static_cast<std::int64_t>(i + 1));
  const auto report = c->verify();
  EXPECT_TRUE(report.ok) << report.problem;
}

// transactionIfUnlocked: while another connection holds the write lock, false at once with
// nothing run (no wait for the lock); when it is free, one transaction like transaction().
TEST(Concurrency, ATransactionIfUnlockedGivesWayToAnotherWriter) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  auto other = openSqliteStore(dir.file("caselog.db"));
  bool ran = false;
  const auto t0 = std::chrono::steady_clock::now();
  other->transaction([&] { EXPECT_FALSE(store->transactionIfUnlocked([&] { ran = true; })); });
  EXPECT_FALSE(ran);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2)) << "it waited for the lock (5 s)";
  EXPECT_TRUE(store->transactionIfUnlocked([&] {
    ran = true;
    CaseRecord c;
    c.caseId = "4242";
    store->upsertCase(c);
  }));
  EXPECT_TRUE(ran);
  EXPECT_TRUE(other->findCase("4242", false));
}

// Opening a store reads the schema, which another connection's exclusive lock (a file not yet
// in WAL mode, while another process creates it) holds up for a moment: opening waits for it
// like any transaction does, instead of failing at once.
TEST(Concurrency, OpeningAStoreWaitsForAnotherConnectionsExclusiveLock) {
  TempDir dir;
  sqlite::Db other(dir.file("caselog.db"), true);  // a new file: rollback journal, not WAL yet
  other.exec("BEGIN EXCLUSIVE");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::seconds(1));  // well inside the 5 s wait
    other.exec("COMMIT");
  });
  std::unique_ptr<Store> store;
  EXPECT_NO_THROW(store = openSqliteStore(dir.file("caselog.db")));
  release.join();
  ASSERT_TRUE(store);
  EXPECT_TRUE(store->verify().ok);
}

}  // namespace
}  // namespace caselog
