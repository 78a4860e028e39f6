#include "storage/schema.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "core/error.hpp"
#include "storage/audit.hpp"
#include "storage/sqlite_db.hpp"

namespace caselog::sqlite {

namespace {

// Schema version 1. Times are Unix seconds (UTC). Text is UTF-8.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('changes', 0);

CREATE TABLE marketplaces(id INTEGER PRIMARY KEY, host TEXT NOT NULL UNIQUE);
-- A seller account on a marketplace. Snapshots do not name the merchant yet: name '' is "this seller".
CREATE TABLE accounts(
  id INTEGER PRIMARY KEY,
  marketplace_id INTEGER NOT NULL REFERENCES marketplaces(id),
  name TEXT NOT NULL DEFAULT '',
  UNIQUE(marketplace_id, name));

CREATE TABLE cases(
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL UNIQUE,
  account_id INTEGER REFERENCES accounts(id),
  subject TEXT NOT NULL DEFAULT '',
  status_raw TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'unknown',
  category_raw TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT 'other',
  category_override TEXT,
  created_at INTEGER,
  updated_at INTEGER,
  first_captured_at INTEGER NOT NULL,
  last_captured_at INTEGER NOT NULL,
  pinned INTEGER NOT NULL DEFAULT 0,
  reopen_count INTEGER NOT NULL DEFAULT 0,
  snoozed_until INTEGER,
  message_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  priority_score REAL,
  priority_label TEXT,
  priority_terms TEXT);
CREATE INDEX cases_priority ON cases(priority_score DESC);
CREATE INDEX cases_updated ON cases(updated_at DESC);
CREATE INDEX cases_created ON cases(created_at DESC);
CREATE INDEX cases_status ON cases(status);

-- Immutable: only `current` may change (it drops to 0 when a newer version supersedes the row).
CREATE TABLE messages(
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(case_id),
  author TEXT NOT NULL,
  sender TEXT NOT NULL DEFAULT '',
  sent_at INTEGER,
  body TEXT NOT NULL,
  captured_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  supersedes INTEGER REFERENCES messages(id),
  current INTEGER NOT NULL DEFAULT 1);
CREATE INDEX messages_case ON messages(case_id, id);
CREATE TRIGGER messages_immutable BEFORE UPDATE OF id, case_id, author, sender, sent_at, body,
  captured_at, version, supersedes ON messages
  BEGIN SELECT RAISE(ABORT, 'messages are immutable'); END;
CREATE TRIGGER messages_kept BEFORE DELETE ON messages
  BEGIN SELECT RAISE(ABORT, 'messages are never deleted'); END;

CREATE TABLE identifiers(
  case_id TEXT NOT NULL REFERENCES cases(case_id),
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(case_id, kind, value)) WITHOUT ROWID;
CREATE INDEX identifiers_value ON identifiers(kind, value);

CREATE TABLE notes(
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(case_id),
  at INTEGER NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX notes_case ON notes(case_id, id);
CREATE TRIGGER notes_immutable BEFORE UPDATE ON notes
  BEGIN SELECT RAISE(ABORT, 'notes are immutable'); END;
CREATE TRIGGER notes_kept BEFORE DELETE ON notes
  BEGIN SELECT RAISE(ABORT, 'notes are never deleted'); END;

-- The audit trail: append-only, hash-chained (storage/audit.hpp).
CREATE TABLE events(
  seq INTEGER PRIMARY KEY,
  case_id TEXT,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX events_case ON events(case_id, seq);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Full-text search. Message bodies: external content (the messages table), rowid = message id.
CREATE VIRTUAL TABLE message_fts USING fts5(body, content='messages', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
  BEGIN INSERT INTO message_fts(rowid, body) VALUES (new.id, new.body); END;
-- Only current versions are searchable: a superseded text leaves the index (the row stays).
CREATE TRIGGER messages_fts_supersede AFTER UPDATE OF current ON messages
  WHEN old.current = 1 AND new.current = 0
  BEGIN INSERT INTO message_fts(message_fts, rowid, body) VALUES ('delete', old.id, old.body); END;
-- Subjects (rowid = cases.id * 2) and notes (rowid = notes.id * 2 + 1).
CREATE VIRTUAL TABLE text_fts USING fts5(text, case_id UNINDEXED, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases
  BEGIN INSERT INTO text_fts(rowid, text, case_id) VALUES (new.id * 2, new.subject, new.case_id); END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF subject ON cases WHEN old.subject IS NOT new.subject
  BEGIN
    DELETE FROM text_fts WHERE rowid = old.id * 2;
    INSERT INTO text_fts(rowid, text, case_id) VALUES (new.id * 2, new.subject, new.case_id);
  END;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes
  BEGIN INSERT INTO text_fts(rowid, text, case_id) VALUES (new.id * 2 + 1, new.text, new.case_id); END;

-- Case intelligence (service/intelligence.cpp).
CREATE TABLE generic_verdicts(
  message_id INTEGER PRIMARY KEY REFERENCES messages(id),
  score REAL NOT NULL,
  generic INTEGER NOT NULL,
  reasons TEXT NOT NULL);
CREATE TABLE reply_bands(
  band INTEGER NOT NULL,
  case_id TEXT NOT NULL,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  PRIMARY KEY(band, case_id, message_id)) WITHOUT ROWID;
CREATE INDEX reply_bands_message ON reply_bands(message_id);
CREATE TABLE reminder_state(
  case_id TEXT NOT NULL REFERENCES cases(case_id),
  rule TEXT NOT NULL,
  case_version INTEGER NOT NULL,
  fired_at INTEGER,
  dismissed_at INTEGER,
  PRIMARY KEY(case_id, rule)) WITHOUT ROWID;
)sql";

// Version 2: when each case's next reminder comes due (domain nextReminderDue(), stored at
// reassess), so "what is due" is one indexed range instead of every case with its messages.
// No row: never assessed (a candidate); next_due_at NULL: nothing can come due unless the case changes.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE reminder_schedule(
  case_id TEXT PRIMARY KEY REFERENCES cases(case_id),
  next_due_at INTEGER) WITHOUT ROWID;
CREATE INDEX reminder_schedule_due ON reminder_schedule(next_due_at);
)sql";

// Version 3: the full-text indexes are written by the store (storage/fts_index.hpp says why),
// not by triggers; the index contents do not change. And when each open case's assessment is
// next refreshed (its priority moves with time), so the host refreshes a slice at a time,
// oldest first, instead of every open case at once; every existing case is due at once (one that
// was never assessed, too: it gets a row, or no slice would ever find it; its reminders are
// looked at once that assessment has saved when they come due — not all at once by due(), which
// would compute every case's verdicts on the spot). And the
// near-duplicate bands are kept per case, not per message: the question asked of them is "how
// many other cases got this text", and a case that got one template ten times held ten rows of
// each band (ten index entries to write per reply, ten to step over when counting).
constexpr const char* kSchemaV3 = R"sql(
DROP TRIGGER IF EXISTS messages_fts_insert;
DROP TRIGGER IF EXISTS messages_fts_supersede;
DROP TRIGGER IF EXISTS cases_fts_insert;
DROP TRIGGER IF EXISTS cases_fts_update;
DROP TRIGGER IF EXISTS notes_fts_insert;
ALTER TABLE reminder_schedule ADD COLUMN reassess_after INTEGER;
UPDATE reminder_schedule SET reassess_after = 0;
INSERT OR IGNORE INTO reminder_schedule(case_id, next_due_at, reassess_after) SELECT case_id, NULL, 0 FROM cases;
CREATE INDEX reminder_schedule_reassess ON reminder_schedule(reassess_after);
CREATE TABLE reply_band_cases(
  band INTEGER NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(case_id),
  PRIMARY KEY(band, case_id)) WITHOUT ROWID;
INSERT OR IGNORE INTO reply_band_cases(band, case_id) SELECT band, case_id FROM reply_bands;
DROP TABLE reply_bands;
ALTER TABLE reply_band_cases RENAME TO reply_bands;
)sql";

// Version 0: the pre-release layout (no hash chain, times as text, no search index).
// Migrating keeps every case, message, note and event; old events are chained in their order,
// and each migrated message gets a "message_migrated" event carrying its content hash.
constexpr const char* kMigrateV0Tables = R"sql(
ALTER TABLE cases RENAME TO v0_cases;
ALTER TABLE messages RENAME TO v0_messages;
ALTER TABLE notes RENAME TO v0_notes;
ALTER TABLE events RENAME TO v0_events;
)sql";

constexpr const char* kMigrateV0Copy = R"sql(
INSERT INTO cases(case_id, subject, status_raw, status, category_raw, category, created_at, updated_at,
                  first_captured_at, last_captured_at)
  SELECT case_id, coalesce(subject, ''), coalesce(status, ''), coalesce(status, 'unknown'),
         coalesce(category, ''), coalesce(category, 'other'),
         unixepoch(created_at), unixepoch(updated_at),
         coalesce(unixepoch(captured_at), unixepoch('now')), coalesce(unixepoch(captured_at), unixepoch('now'))
  FROM v0_cases ORDER BY rowid;
INSERT INTO messages(id, case_id, author, sender, sent_at, body, captured_at)
  SELECT id, case_id, author, coalesce(sender, ''), unixepoch(sent_at), body,
         coalesce(unixepoch(captured_at), unixepoch('now'))
  FROM v0_messages ORDER BY id;
UPDATE cases SET message_count = (SELECT count(*) FROM messages m WHERE m.case_id = cases.case_id);
INSERT INTO notes(id, case_id, at, text)
  SELECT id, case_id, coalesce(unixepoch(at), unixepoch('now')), text FROM v0_notes ORDER BY id;
)sql";

constexpr const char* kMigrateV0Drop = R"sql(
DROP TABLE v0_events;
DROP TABLE v0_notes;
DROP TABLE v0_messages;
DROP TABLE v0_cases;
)sql";

int userVersion(Db& db) {
  Stmt st(db, "PRAGMA user_version");
  return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

bool hasTable(Db& db, const char* name) {
  Stmt st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  st.bind(1, name);
  return st.step();
}

// Appends a chained event during a migration (the Store is not open yet).
void chainEvent(Db& db, Event& e, std::string& prevHash) {
  e.prevHash = prevHash;
  e.hash = audit::eventHash(e);
  Stmt ins(db,
           "INSERT INTO events(seq, case_id, kind, at, data, prev_hash, hash) VALUES (?1,?2,?3,?4,?5,?6,?7)");
  ins.bind(1, e.seq).bind(3, e.kind).bind(4, static_cast<std::int64_t>(e.at.time_since_epoch().count()));
  if (e.caseId.empty())
    ins.bindNull(2);
  else
    ins.bind(2, e.caseId);
  ins.bind(5, e.data.dump()).bind(6, e.prevHash).bind(7, e.hash);
  ins.run();
  prevHash = e.hash;
}

void chainV0Events(Db& db) {
  std::string prev = audit::kGenesisHash;
  std::int64_t seq = 0;
  Stmt old(db,
           "SELECT coalesce(case_id, ''), kind, coalesce(unixepoch(at), unixepoch('now')), data "
           "FROM v0_events ORDER BY seq");
  while (old.step()) {
    Event e;
    e.seq = ++seq;
    e.caseId = old.text(0);
    e.kind = old.text(1);
    e.at = Instant{std::chrono::seconds{old.int64(2)}};
    e.data = nlohmann::json::parse(old.text(3), nullptr, false);
    if (e.data.is_discarded()) e.data = {{"text", old.text(3)}};
    chainEvent(db, e, prev);
  }
  Stmt msgs(db, "SELECT id, case_id, author, sender, sent_at, body, captured_at FROM messages ORDER BY id");
  while (msgs.step()) {
    StoredMessage m;
    m.id = msgs.int64(0);
    m.author = msgs.text(2);
    m.sender = msgs.text(3);
    if (auto t = msgs.optInt64(4)) m.sentAt = Instant{std::chrono::seconds{*t}};
    m.body = msgs.text(5);
    Event e;
    e.seq = ++seq;
    e.caseId = msgs.text(1);
    e.kind = "message_migrated";
    e.at = Instant{std::chrono::seconds{msgs.int64(6)}};
    e.data = {{"messageId", m.id}, {"contentHash", audit::messageContentHash(m)}};
    chainEvent(db, e, prev);
  }
  Event done;
  done.seq = ++seq;
  done.kind = "schema_migrated";
  done.at = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  done.data = {{"from", 0}, {"to", 1}};
  chainEvent(db, done, prev);
}

void migrateV0(Db& db) {
  db.exec(kMigrateV0Tables);
  db.exec(kSchemaV1);
  db.exec(kMigrateV0Copy);
  chainV0Events(db);
  db.exec(kMigrateV0Drop);
}

}  // namespace

void backupTo(Db& db, const std::string& target) {
  std::error_code ec;
  std::filesystem::remove(target, ec);
  Db copy(target, true);
  sqlite3_backup* b = sqlite3_backup_init(copy.handle(), "main", db.handle(), "main");
  if (!b) copy.fail(sqlite3_errcode(copy.handle()), "backup " + target);
  const int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) copy.fail(rc, "backup " + target);
  std::filesystem::permissions(target,
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
}

void requireCurrentSchema(Db& db) {
  const int seen = userVersion(db);
  if (seen == kSchemaVersion) return;
  if (seen > kSchemaVersion)
    throw Error(ErrorCode::storage, "database " + db.path() + " has schema version " + std::to_string(seen) +
                                        ", newer than this CaseLog (" + std::to_string(kSchemaVersion) +
                                        "): upgrade CaseLog");
  throw Error(ErrorCode::storage,
              "database " + db.path() + " is read-only and has schema version " + std::to_string(seen) + ", not " +
                  std::to_string(kSchemaVersion) + ": open a copy you can write, which CaseLog brings up to date");
}

void migrate(Db& db) {
  // The backup is taken before the write lock (the backup API cannot read a connection that is
  // inside a write transaction); the version is checked again under the lock, in case another
  // process migrated the file meanwhile.
  const int seen = userVersion(db);
  if (seen > kSchemaVersion) {
    throw Error(ErrorCode::storage, "database " + db.path() + " has schema version " + std::to_string(seen) +
                                        ", newer than this CaseLog (" + std::to_string(kSchemaVersion) +
                                        "): upgrade CaseLog");
  }
  if (seen == kSchemaVersion) return;
  const bool fresh = seen == 0 && !hasTable(db, "cases");
  if (!fresh) backupTo(db, db.path() + ".bak-v" + std::to_string(seen));
  db.exec("BEGIN IMMEDIATE");
  try {
    const int version = userVersion(db);
    if (version == kSchemaVersion) {
      db.exec("COMMIT");
      return;
    }
    if (version == 0 && !hasTable(db, "cases")) {
      db.exec(kSchemaV1);
    } else if (version == 0) {
      migrateV0(db);  // to v1, its data indexed by v1's triggers
    }
    if (version < 2) db.exec(kSchemaV2);
    if (version < 3) db.exec(kSchemaV3);  // add later steps here, in order
    static_assert(kSchemaVersion == 3, "set user_version to the new version");
    db.exec("PRAGMA user_version = 3");
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

}  // namespace caselog::sqlite
