#include "storage/checkpointer.hpp"

#include <sqlite3.h>

#include <iostream>
#include <memory>

namespace caselog::sqlite {

Checkpointer::Checkpointer(std::string path, int wakePages, int forcePages)
    : path_(std::move(path)), wakePages_(wakePages), forcePages_(forcePages) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void Checkpointer::install(sqlite3* db) {
  sqlite3_wal_hook(db, &Checkpointer::afterCommit, this);
}

int Checkpointer::checkpointsRun() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

int Checkpointer::afterCommit(void* self, sqlite3* db, const char* schema, int walPages) {
  auto& checkpointer = *static_cast<Checkpointer*>(self);
  if (walPages >= checkpointer.forcePages_) {
    // SQLITE_BUSY here only means another connection is checkpointing: nothing to do then.
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (walPages >= checkpointer.wakePages_) {
    checkpointer.wake();
  }
  return SQLITE_OK;  // the commit itself has succeeded whatever the checkpoint does
}

void Checkpointer::wake() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    wanted_ = true;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  }
  cv_.notify_one();
}

void Checkpointer::run() {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  const std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> db(raw, &sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    // Nothing is lost: the WAL keeps the commits, and past kForcePages the writers checkpoint.
    std::cerr << "caselog: background checkpoints are off: " << sqlite3_errstr(rc) << "\n";
    return;
  }
  sqlite3_busy_timeout(db.get(), 100);
  sqlite3_exec(db.get(), "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr);
  std::unique_lock lock(mutex_);
  for (;;) {
    cv_.wait(lock, [&] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    lock.unlock();
    sqlite3_wal_checkpoint_v2(db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    ++runs_;
  }
}

}  // namespace caselog::sqlite
