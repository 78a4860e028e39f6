#include "storage/sqlite_db.hpp"

#include <sqlite3.h>

#include <thread>
#include <utility>

#include "core/error.hpp"

namespace caselog::sqlite {

namespace {

// The error a seller reads (in the CLI, or the extension's failed list) for a failed SQLite call:
// what it means for the file first, SQLite's own words after. The disk's and the file's problems
// are StorageUnavailable; the rest (a constraint, a value too big) is the request's. Busy is not
// here: the transaction runner retries it and words it when it gives up.
[[noreturn]] void throwStorageError(int rc, const std::string& path, const std::string& detail) {
  switch (rc & 0xff) {
    case SQLITE_FULL:
      throw StorageUnavailable("no space left on the disk that holds " + path +
                               ": free some space and try again (" + detail + ")");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      throw StorageUnavailable("cannot write " + path + ": it is read-only or cannot be opened (" + detail + ")");
    case SQLITE_IOERR:
      throw StorageUnavailable("the disk could not read or write " + path + " (" + detail + ")");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw StorageUnavailable(path + " is damaged or not a CaseLog database (" + detail + ")");
    case SQLITE_NOMEM:
      throw StorageUnavailable("out of memory (" + detail + ")");
    default:
      throw Error(ErrorCode::storage, "database error: " + detail);
  }
}

// Another connection holds a lock. (SQLITE_LOCKED is not: without a shared cache it is a conflict
// inside one connection, which waiting does not end.)
bool isBusy(int rc) {
  return (rc & 0xff) == SQLITE_BUSY;
}

}  // namespace

namespace {

// `path` as a file: URI with a query, its reserved characters escaped.
std::string fileUri(const std::string& path, const char* query) {
  // An empty authority first: "file:" + "//tmp/x.db" would read "tmp" as the URI's authority.
  std::string uri = path.starts_with('/') ? "file://" : "file:";
  for (const char ch : path) {
    if (ch == '%' || ch == '?' || ch == '#') {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[(static_cast<unsigned char>(ch) >> 4) & 0xF];
      uri += hex[static_cast<unsigned char>(ch) & 0xF];
    } else {
      uri += ch;
    }
  }
  return uri + "?" + query;
}

}  // namespace

Db::Db(const std::string& path, bool create, Access access) : path_(path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  std::string name = path;
  if (access != Access::read_write) {
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    name = fileUri(path, access == Access::immutable ? "immutable=1" : "mode=ro");
  }
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StorageUnavailable("cannot open database " + path + ": " + why);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_handler(db_, &Db::onBusy, this);
}

void Db::waitForLocksUntil(std::optional<std::chrono::steady_clock::time_point> deadline) {
  lockDeadline_ = deadline;
}

int Db::onBusy(void* self, int attempts) {
  auto& db = *static_cast<Db*>(self);
  const auto now = std::chrono::steady_clock::now();
  if (attempts == 0) db.waitStart_ = now;
  if (now - db.waitStart_ >= kLockWait || (db.lockDeadline_ && now >= *db.lockDeadline_)) return 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return 1;
}

Db::~Db() {
  for (auto& [sql, slot] : cache_) sqlite3_finalize(slot.stmt);
  sqlite3_close_v2(db_);
}

Db::Slot& Db::slotFor(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(std::string(sql), Slot{}).first;
  return it->second;
}

void Db::fail(int rc, std::string_view what) const {
  const std::string message = std::string(what) + ": " + sqlite3_errmsg(db_);
  if (isBusy(rc)) throw Busy{message};
  throwStorageError(rc, path_, message);
}

void Db::exec(const char* sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string message = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if (isBusy(rc)) throw Busy{message};
    throwStorageError(rc, path_, message);
  }
}

std::int64_t Db::lastInsertId() const {
  return sqlite3_last_insert_rowid(db_);
}
int Db::changes() const {
  return sqlite3_changes(db_);
}

Stmt::Stmt(Db& db, const char* sql) : db_(db) {
  Db::Slot& slot = db.slotFor(sql);
  if (!slot.inUse) {
    slot_ = &slot;
    if (slot.stmt) {
      stmt_ = slot.stmt;
      slot.inUse = true;
      return;
    }
  }
  const int rc = sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "prepare");
  if (slot_) {
    slot_->stmt = stmt_;
    slot_->inUse = true;
  }
}

Stmt::~Stmt() {
  if (!slot_) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  slot_->inUse = false;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  if (int rc = sqlite3_bind_int64(stmt_, i, v); rc != SQLITE_OK) db_.fail(rc, "bind");
  return *this;
}

Stmt& Stmt::bind(int i, double v) {
  if (int rc = sqlite3_bind_double(stmt_, i, v); rc != SQLITE_OK) db_.fail(rc, "bind");
  return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
  const int rc = sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) db_.fail(rc, "bind");
  return *this;
}

Stmt& Stmt::bindNull(int i) {
  if (int rc = sqlite3_bind_null(stmt_, i); rc != SQLITE_OK) db_.fail(rc, "bind");
  return *this;
}

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  db_.fail(rc, "query");
}

void Stmt::run() {
  while (step()) {
  }
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Stmt::isNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::int64_t Stmt::int64(int col) const {
  return sqlite3_column_int64(stmt_, col);
}
double Stmt::real(int col) const {
  return sqlite3_column_double(stmt_, col);
}

std::string Stmt::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::optional<std::int64_t> Stmt::optInt64(int col) const {
  if (isNull(col)) return std::nullopt;
  return int64(col);
}

}  // namespace caselog::sqlite
