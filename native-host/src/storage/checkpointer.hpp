// WAL checkpoints off the committing thread.
//
// In WAL mode a commit appends to the -wal file, and SQLite's automatic checkpoint (copying the
// WAL back into the database file, with an fsync of it) runs inside the commit that takes the WAL
// past 1000 pages. For the host that was every 25th capture or so, each one 2-3 ms slower than
// the rest: the capture benchmark's p99. The store installs this instead on every connection:
// - past kWakePages of WAL the commit only wakes a thread of the store's, which checkpoints on a
//   connection of its own (PASSIVE: it never blocks a writer or a reader);
// - past kForcePages (a long stream of writes, an import, never lets that checkpoint finish
//   before the next write starts) the commit checkpoints itself, as SQLite would have, so the
//   WAL stays bounded.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace caselog::sqlite {

class Checkpointer {
 public:
  static constexpr int kWakePages = 1000;  // SQLite's own auto-checkpoint threshold
  static constexpr int kForcePages = 16000;  // about 64 MB of WAL with 4 KiB pages

  explicit Checkpointer(std::string path, int wakePages = kWakePages, int forcePages = kForcePages);
  ~Checkpointer();  // stops the thread (a checkpoint under way finishes first)
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Replaces the automatic checkpoint on this connection (sqlite3_wal_hook).
  void install(sqlite3* db);

  // Checkpoints run by the thread so far (for tests).
  int checkpointsRun() const;

 private:
  static int afterCommit(void* self, sqlite3* db, const char* schema, int walPages);
  void wake();
  void run();

  const std::string path_;
  const int wakePages_, forcePages_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool wanted_ = false;
  bool stopping_ = false;
  int runs_ = 0;
  std::thread thread_;  // started on the first wake
};

}  // namespace caselog::sqlite
