// WAL checkpoints off the committing thread (storage/checkpointer.hpp), on a real WAL file.
#include "storage/checkpointer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "storage/sqlite_db.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog {
namespace {

using testing::TempDir;

// A connection in WAL mode with a table to fill; each commit adds about `pages` 4 KiB pages.
struct WalFile {
  explicit WalFile(const TempDir& dir) : path(dir.file("caselog.db")), db(path, true) {
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t(body BLOB);");
  }
  void commit(int pages) {
    db.exec("BEGIN IMMEDIATE");
    sqlite::Stmt st(db, "INSERT INTO t(body) VALUES (zeroblob(3500))");
    for (int i = 0; i < pages; ++i) {
      st.run();
      st.reset();
    }
    db.exec("COMMIT");
  }
  std::int64_t rows() {
    sqlite::Stmt count(db, "SELECT count(*) FROM t");
    return count.step() ? count.int64(0) : -1;
  }
  const std::string path;
  sqlite::Db db;
};

std::uintmax_t sizeOf(const std::string& path) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(path, ec);
  return ec ? 0 : n;
}

TEST(Checkpointer, ACommitPastTheWakeMarkIsCheckpointedByTheThread) {
  TempDir dir;
  WalFile file(dir);
  sqlite::Checkpointer checkpointer(file.path, 100, 1000000);
  checkpointer.install(file.db.handle());
  file.commit(50);
  EXPECT_EQ(checkpointer.checkpointsRun(), 0);  // below the mark: nothing to do
  const auto before = sizeOf(file.path);
  file.commit(80);  // the WAL is past 100 pages now
  // Nothing else is written: only the thread can copy the WAL into the database file.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (checkpointer.checkpointsRun() == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_GE(checkpointer.checkpointsRun(), 1);
  EXPECT_GT(sizeOf(file.path), before + 100 * 3500);
}

TEST(Checkpointer, ALongStreamOfCommitsKeepsTheWalBounded) {
  TempDir dir;
  WalFile file(dir);
  // The thread is never woken here: only the commits' own checkpoints past the force mark run.
  sqlite::Checkpointer checkpointer(file.path, 1000000, 60);
  checkpointer.install(file.db.handle());
  std::uintmax_t largest = 0;
  for (int i = 0; i < 60; ++i) {
    file.commit(20);
    largest = std::max(largest, sizeOf(file.path + "-wal"));
  }
  // 1,200 pages written; the WAL restarts once it has passed 60 (+ one commit of 20).
  EXPECT_LT(largest, 100u * 4200);
  EXPECT_EQ(checkpointer.checkpointsRun(), 0);
  EXPECT_EQ(file.rows(), 1200);
}

TEST(Checkpointer, StopsWhileIdleAndAfterWork) {
  TempDir dir;
  WalFile file(dir);
  { sqlite::Checkpointer never(file.path); }  // no thread was started
  {
    sqlite::Checkpointer checkpointer(file.path, 10, 1000000);
    checkpointer.install(file.db.handle());
    file.commit(20);
    file.commit(20);
    sqlite3_wal_hook(file.db.handle(), nullptr, nullptr);  // before the checkpointer goes
  }  // joins its thread, working or waiting
  file.commit(5);
  EXPECT_EQ(file.rows(), 45);
}

}  // namespace
}  // namespace caselog
