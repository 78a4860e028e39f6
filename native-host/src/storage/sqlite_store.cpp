// SqliteStore: opening, the connection pool, transactions and the change counter.
// The data methods live in sqlite_cases.cpp, sqlite_events.cpp, sqlite_intel.cpp and search.cpp.
#include "storage/sqlite_store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>
#include <utility>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "storage/fts_index.hpp"
#include "storage/schema.hpp"
#include "storage/search_rank.hpp"

namespace caselog {

namespace {

using SteadyClock = std::chrono::steady_clock;

using sqlite::kLockWait;

// Pages of full-text index merged per write transaction after an import (optimizeSearchIndex):
// about 50 ms each here.
constexpr int kMergeStepPages = 500;

// The transaction open on this thread, per store: its connection, its queued index writes and
// the near-duplicate bands it saw full (sqlite::FullBands, told after COMMIT).
struct Active {
  const SqliteStore* store;
  sqlite::Db* db;
  sqlite::fts::Pending* fts;
  std::vector<std::int64_t>* sawFull;
};
thread_local std::vector<Active> tActive;

struct ActiveScope {
  ActiveScope(const SqliteStore* store, sqlite::Db* db, sqlite::fts::Pending* fts,
              std::vector<std::int64_t>* sawFull) {
    tActive.push_back({store, db, fts, sawFull});
  }
  ~ActiveScope() { tActive.pop_back(); }
};

const Active* activeOf(const SqliteStore* store) {
  for (auto it = tActive.rbegin(); it != tActive.rend(); ++it)
    if (it->store == store) return &*it;
  return nullptr;
}

void rollbackQuietly(sqlite::Db& db) {
  if (!sqlite3_get_autocommit(db.handle())) sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void backoff(int attempt) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5 * std::min(attempt + 1, 20) + (std::rand() % 10)));
}

StorageUnavailable lockedError(const std::string& path, std::chrono::milliseconds waited,
                               const std::string& detail) {
  return StorageUnavailable("the database " + path + " is locked by another writer (waited " +
                            std::to_string(waited.count() / 1000) + " s; " + detail +
                            "): this change was not made, try again");
}

// Creates the file with mode 0600 before SQLite does (SQLite gives -wal/-shm the same mode),
// and tightens an existing file that is more open than that.
void prepareFile(const std::string& path) {
  ensureParentDir(path);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(ErrorCode::storage, "cannot open database " + path + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);
  ::close(fd);
}

bool exists(const std::string& path) {
  return ::access(path.c_str(), F_OK) == 0;
}

// How to open the file. One this user cannot write (an archived evidence copy, a file on a
// read-only disk) is opened read-only, so that list, show, search, export and verify work on it;
// a write is refused as for any read-only file.
sqlite::Db::Access accessFor(const std::string& path) {
  if (!exists(path) || ::access(path.c_str(), W_OK) == 0) return sqlite::Db::Access::read_write;
  if (errno != EACCES && errno != EROFS) return sqlite::Db::Access::read_write;  // let the open say why
  return sqlite::Db::Access::read_only;
}

// SQLite's read-only mode still needs the -shm file that WAL readers share. Where it cannot be
// made (a read-only directory or disk) the file is read as immutable instead, unless a -wal or a
// -journal file beside it may hold writes the file lacks (then the open's error stands). Changes
// `access` to what was used.
std::unique_ptr<sqlite::Db> openReadOnly(const std::string& path, sqlite::Db::Access& access) {
  auto db = std::make_unique<sqlite::Db>(path, false, sqlite::Db::Access::read_only);
  try {
    sqlite::Stmt(*db, "PRAGMA schema_version").step();
    return db;
  } catch (const StorageUnavailable&) {
    if (exists(path + "-wal") || exists(path + "-journal")) throw;
  }
  access = sqlite::Db::Access::immutable;
  return std::make_unique<sqlite::Db>(path, false, access);
}

void configure(sqlite::Db& db, sqlite::Checkpointer& checkpointer) {
  if (!search::registerRankFunction(db.handle()))
    throw Error(ErrorCode::storage, "this SQLite library has no FTS5 full-text search");
  // An 8 MB page cache per connection (SQLite's default is 2 MB): the case, message, band and
  // full-text b-trees a capture or an import batch touches stay in memory. Import at 5,000 cases:
  // storing 1.87 -> 1.47 CPU s, assessing 5.5 -> 3.8 s. Pages are allocated as they are used.
  db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -8000;");
  checkpointer.install(db.handle());
}

// WAL mode, so that the programs sharing the file (hosts, the CLI) read while one writes. It
// needs memory shared between them (the -shm file, mapped), which SQLite's file access does not
// offer everywhere (some locking styles and VFSes, such as those chosen for network file systems
// on macOS): there SQLite keeps its rollback journal. Everything still works and nothing is lost,
// but a reader then holds up a writer. Returns the journal mode in force.
std::string useWal(sqlite::Db& db) {
  sqlite::Stmt st(db, "PRAGMA journal_mode = WAL");
  return st.step() ? st.text(0) : "?";
}

}  // namespace

SqliteStore::SqliteStore(std::string path)
    : path_(std::move(path)), access_(accessFor(path_)), checkpointer_(path_) {
  const bool readOnly = access_ != sqlite::Db::Access::read_write;
  if (!readOnly) prepareFile(path_);
  auto db = readOnly ? openReadOnly(path_, access_) : std::make_unique<sqlite::Db>(path_, false);
  std::string journal;
  const auto deadline = SteadyClock::now() + kLockWait;
  db->waitForLocksUntil(deadline);  // the retries below too
  for (int attempt = 0;; ++attempt) {
    try {
      // Its pragmas read the schema: another process creating the file (not in WAL mode yet)
      // holds that up for a moment, so they retry like the rest.
      configure(*db, checkpointer_);
      if (readOnly) {
        sqlite::requireCurrentSchema(*db);  // it cannot be migrated, nor its journal mode set
      } else {
        journal = useWal(*db);
        sqlite::migrate(*db);
      }
      break;
    } catch (const sqlite::Busy& busy) {
      if (SteadyClock::now() >= deadline) throw lockedError(path_, kLockWait, busy.message);
      backoff(attempt);
    }
  }
  pool_.push_back(std::move(db));  // each transaction sets its own lock-wait deadline (runTx)
  if (!readOnly && journal != "wal")  // said on stderr whenever a program opens the file, with what to do
    std::cerr << "caselog: " << path_ << " stays in SQLite's '" << journal
              << "' journal mode: its file system cannot share memory between programs, which WAL mode "
                 "needs. Nothing is lost, but a capture waits while another program reads the file; a "
                 "database on a local disk (--db or CASELOG_DB) does not.\n";
}

SqliteStore::~SqliteStore() = default;

// A pooled connection, or a new one, whose lock waits end at `deadline` (its transaction's): a new
// one's pragmas read the schema, which may wait for a lock like any statement (sqlite::Busy).
std::unique_ptr<sqlite::Db> SqliteStore::takeConnection(SteadyClock::time_point deadline) {
  {
    std::lock_guard lock(poolMutex_);
    if (!pool_.empty()) {
      auto db = std::move(pool_.back());
      pool_.pop_back();
      db->waitForLocksUntil(deadline);
      return db;
    }
  }
  auto db = std::make_unique<sqlite::Db>(path_, false, access_);
  db->waitForLocksUntil(deadline);
  configure(*db, checkpointer_);
  return db;
}

void SqliteStore::giveBack(std::unique_ptr<sqlite::Db> db) {
  std::lock_guard lock(poolMutex_);
  pool_.push_back(std::move(db));
}

sqlite::Db* SqliteStore::activeConnection() const {
  const Active* a = activeOf(this);
  return a ? a->db : nullptr;
}

sqlite::fts::Pending& SqliteStore::ftsPending() const {
  const Active* a = activeOf(this);
  if (!a) throw Error(ErrorCode::internal, "full-text index write outside a transaction");
  return *a->fts;
}

void SqliteStore::sawFullBand(std::int64_t band) const {
  if (const Active* a = activeOf(this)) a->sawFull->push_back(band);
}

void SqliteStore::readTx(const std::function<void(sqlite::Db&)>& fn) {
  if (sqlite::Db* db = activeConnection()) return fn(*db);
  runTx("BEGIN", fn);
}

bool SqliteStore::writeTx(const std::function<void(sqlite::Db&)>& fn, std::chrono::milliseconds wait) {
  if (access_ != sqlite::Db::Access::read_write)
    throw StorageUnavailable("cannot write " + path_ + ": it is read-only (this change was not made)");
  if (sqlite::Db* db = activeConnection()) {
    // A write inside read() would upgrade a possibly stale snapshot: a programming error.
    if (sqlite3_txn_state(db->handle(), "main") == SQLITE_TXN_READ)
      throw Error(ErrorCode::internal, "write attempted inside a read transaction");
    fn(*db);
    return true;
  }
  return runTx("BEGIN IMMEDIATE", [&](sqlite::Db& db) {
    const auto before = sqlite3_total_changes(db.handle());
    fn(db);
    // A transaction that wrote nothing commits nothing (no WAL frame, no fsync) and leaves the
    // history view's cached pages valid.
    if (sqlite3_total_changes(db.handle()) != before)
      sqlite::Stmt(db, "UPDATE meta SET value = value + 1 WHERE key = 'changes'").run();
  }, wait);
}

// One transaction on a pooled connection, retried from the start while another connection holds
// the lock, for `wait` in all. `begin` is "BEGIN" (a read snapshot) or "BEGIN IMMEDIATE" (the
// write lock up front). When the lock is still held after `wait`: a storage error, or with a
// `wait` of zero, false with nothing done.
bool SqliteStore::runTx(const char* begin, const std::function<void(sqlite::Db&)>& fn,
                        std::chrono::milliseconds wait) {
  const auto deadline = SteadyClock::now() + wait;  // the retries below wait no longer in all
  std::unique_ptr<sqlite::Db> db;
  try {
    db = takeConnection(deadline);
  } catch (const sqlite::Busy& busy) {
    if (wait.count() == 0) return false;
    throw lockedError(path_, wait, busy.message);
  }
  for (int attempt = 0;; ++attempt) {
    try {
      sqlite::fts::Pending fts;
      std::vector<std::int64_t> sawFull;
      ActiveScope scope(this, db.get(), &fts, &sawFull);
      db->exec(begin);
      fn(*db);
      fts.flush(*db);
      // SQLite rolls a transaction back by itself on some errors (a full disk, out of memory); a
      // caller that caught such an error must not have its later writes run outside it.
      if (sqlite3_get_autocommit(db->handle()))
        throw StorageUnavailable("the transaction was rolled back by SQLite; nothing was stored");
      db->exec("COMMIT");
      if (std::strcmp(begin, "BEGIN IMMEDIATE") == 0)
        lastWriteEnd_ = SteadyClock::now().time_since_epoch().count();
      fullBands_.add(sawFull);
      break;
    } catch (const sqlite::Busy& busy) {
      rollbackQuietly(*db);
      if (SteadyClock::now() < deadline) {
        backoff(attempt);
        continue;
      }
      giveBack(std::move(db));
      if (wait.count() == 0) return false;
      throw lockedError(path_, wait, busy.message);
    } catch (...) {
      rollbackQuietly(*db);
      giveBack(std::move(db));
      throw;
    }
  }
  giveBack(std::move(db));
  return true;
}

bool SqliteStore::transactionIfUnlocked(const std::function<void()>& fn) {
  return writeTx([&](sqlite::Db&) { fn(); }, std::chrono::milliseconds(0));
}

void SqliteStore::pauseForWriters() {
  // A waiting writer tries every millisecond (sqlite::Db::waitForLocksUntil): three tries. Only
  // the part of the gap not already there is slept: nothing after a write long enough ago. Costs
  // an import of 5,000 cases about 30 pauses, 0.1 s.
  constexpr auto kGap = std::chrono::milliseconds(3);
  const auto since = SteadyClock::now() - SteadyClock::time_point(SteadyClock::duration(lastWriteEnd_.load()));
  if (since < kGap) std::this_thread::sleep_for(kGap - since);
}

void SqliteStore::transaction(const std::function<void()>& fn) {
  writeTx([&](sqlite::Db&) { fn(); });
}

void SqliteStore::savepoint(const std::function<void()>& fn) {
  writeTx([&](sqlite::Db& db) {
    // What the transaction holds in memory (queued index writes, bands seen full) is cut back to
    // this point too when the savepoint is undone.
    const Active active = *activeOf(this);  // a copy: fn() may grow the thread's list
    const std::size_t ftsMark = active.fts->size(), fullMark = active.sawFull->size();
    db.exec("SAVEPOINT part");
    try {
      fn();
    } catch (...) {
      active.fts->forgetAfter(ftsMark);
      active.sawFull->resize(fullMark);
      if (!sqlite3_get_autocommit(db.handle()))
        sqlite3_exec(db.handle(), "ROLLBACK TO part; RELEASE part", nullptr, nullptr, nullptr);
      throw;
    }
    db.exec("RELEASE part");
  });
}

void SqliteStore::optimizeSearchIndex(std::int64_t addedMessages) {
  if (addedMessages <= 0) return;
  const std::int64_t total = read([](sqlite::Db& db) { return sqlite::maxMessageId(db); });
  if (addedMessages * 10 < total) return;
  // FTS5's incremental merge: 'merge' with a negative page count merges segments of every level
  // together, about that many pages per call, like 'optimize' in steps. Each step is its own short
  // write transaction, so a running host's captures get the lock in between instead of waiting
  // for the whole index to be rewritten (seconds on a large file). A step that merged nothing
  // counts one change (the command's own row): then the index is one segment. A capture made
  // meanwhile adds a small segment, which the next step takes in by rewriting the whole index
  // again: so the steps are capped, at about four times what the index needs (it takes about
  // 1,300 pages per 100,000 messages here; the cap allows 500 pages per 10,000). An index left in
  // a few segments is merged further by FTS5 itself, as captures come.
  const std::int64_t maxSteps = 4 + total / 10000;
  for (const char* step : {"INSERT INTO message_fts(message_fts, rank) VALUES ('merge', -?1)",
                           "INSERT INTO text_fts(text_fts, rank) VALUES ('merge', -?1)"}) {
    bool merged = true;
    for (std::int64_t n = 0; merged && n < maxSteps; ++n) {
      pauseForWriters();
      write([&](sqlite::Db& db) {
        const int before = sqlite3_total_changes(db.handle());
        sqlite::Stmt(db, step).bind(1, std::int64_t{kMergeStepPages}).run();
        merged = sqlite3_total_changes(db.handle()) - before >= 2;
      });
    }
  }
}

std::int64_t SqliteStore::changeCounter() {
  return read([](sqlite::Db& db) {
    sqlite::Stmt st(db, "SELECT value FROM meta WHERE key = 'changes'");
    return st.step() ? st.int64(0) : std::int64_t{0};
  });
}

namespace sqlite {

void requireCase(Db& db, const std::string& caseId) {
  Stmt st(db, "SELECT 1 FROM cases WHERE case_id = ?1");
  st.bind(1, caseId);
  if (!st.step()) throw Error(ErrorCode::not_found, "no case " + caseId);
}

std::int64_t maxMessageId(Db& db) {
  Stmt st(db, "SELECT coalesce(max(id), 0) FROM messages");
  return st.step() ? st.int64(0) : 0;
}

}  // namespace sqlite

std::unique_ptr<Store> openSqliteStore(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace caselog
