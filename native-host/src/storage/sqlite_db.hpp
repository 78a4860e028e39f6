// A small RAII wrapper over the sqlite3 C API: one connection (Db) and prepared statements
// (Stmt) with bound parameters only. SQL text is always a constant; values never enter it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace caselog::sqlite {

// How long one wait for another writer's lock lasts at most, and one transaction of the store in
// all (SqliteStore::runTx: the waits, then retries from the start) before it gives up with a
// storage error. A request makes at most two write transactions (captureList), so it is answered
// within 10 s, under the extension's 15 s request timeout: the browser hears why (and keeps the
// capture in its outbox) instead of timing out while the host still waits. (A request queued
// behind it may still time out; the extension keeps that capture too.) An import leaves the lock
// free every few hundred milliseconds (Store::pauseForWriters): only a stuck writer (a sqlite3
// shell left in a transaction) makes anyone wait this long.
inline constexpr std::chrono::milliseconds kLockWait{5000};

// Thrown for SQLITE_BUSY (another connection's lock) so the transaction runner can retry from
// the start.
struct Busy {
  std::string message;
};

class Db {
 public:
  // How the file is opened: read and written; read only; read only as a file nothing changes
  // (SQLite's immutable: no -shm file needed, which a read-only directory cannot hold).
  enum class Access { read_write, read_only, immutable };
  Db(const std::string& path, bool create, Access access = Access::read_write);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
  void exec(const char* sql);
  std::int64_t lastInsertId() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Where SQLite waits for another connection's lock (it calls the busy handler: taking the
  // write lock, mostly), this connection tries again every millisecond, for kLockWait at most,
  // and not past `deadline` when one is set (a transaction's, for its retries too), then fails
  // with SQLITE_BUSY. Some SQLITE_BUSY come without that wait (where waiting could deadlock):
  // SqliteStore::runTx retries those. SQLite's own busy handler sleeps longer and longer, up to
  // 100 ms at a time, so it rarely saw the short gap a bulk job leaves between two transactions
  // for other writers (Store::pauseForWriters).
  void waitForLocksUntil(std::optional<std::chrono::steady_clock::time_point> deadline);

  // Throws Busy for SQLITE_BUSY, StorageUnavailable for the disk's and the file's problems (full,
  // read-only, I/O, damaged), caselog::Error(storage) otherwise; rc must be an error.
  [[noreturn]] void fail(int rc, std::string_view what) const;

 private:
  friend class Stmt;
  // A cached prepared statement and whether a Stmt is using it right now.
  struct Slot {
    sqlite3_stmt* stmt = nullptr;
    bool inUse = false;
  };
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Prepared statements kept for reuse, keyed by their SQL text (not its address: a text built at
  // run time may reuse the address of another, and would get the wrong statement). Found by a
  // string_view, so taking one allocates nothing once the SQL text is known; a Slot's address
  // stays put while the map grows.
  Slot& slotFor(std::string_view sql);

  static int onBusy(void* self, int attempts);

  sqlite3* db_ = nullptr;
  std::optional<std::chrono::steady_clock::time_point> lockDeadline_;
  std::chrono::steady_clock::time_point waitStart_{};  // of the wait under way
  std::unordered_map<std::string, Slot, TextHash, std::equal_to<>> cache_;
  std::string path_;
};

// A statement prepared once per connection and SQL text: the constructor takes it from the
// connection's cache (preparing it the first time), the destructor resets it and gives it back.
// The same SQL in use twice at once (a nested call) gets a private statement, finalized after.
class Stmt {
 public:
  Stmt(Db& db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binding, 1-based like SQLite. Returns *this so binds can be chained.
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bindNull(int i);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bindNull(i);
  }

  // Steps once: true when a row is available, false when done.
  bool step();
  // Steps to completion (for INSERT/UPDATE/DELETE).
  void run();
  void reset();  // ready to bind and run again (bindings cleared)

  bool isNull(int col) const;
  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::optional<std::int64_t> optInt64(int col) const;

 private:
  Db& db_;
  Db::Slot* slot_ = nullptr;  // null for a private statement
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace caselog::sqlite
