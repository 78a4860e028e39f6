// SqliteStore: cases, messages, identifiers and notes.
#include "core/error.hpp"
#include "storage/fts_index.hpp"
#include "storage/sqlite_store.hpp"

namespace caselog {

using sqlite::Db;
using sqlite::Stmt;

namespace {

#define CASE_COLUMNS                                                                                     \
  "c.case_id, coalesce(mk.host, ''), c.subject, c.status_raw, c.status, c.category_raw, c.category, "    \
  "c.category_override, c.created_at, c.updated_at, c.first_captured_at, c.last_captured_at, c.pinned, " \
  "c.reopen_count, c.snoozed_until, c.message_count, c.priority_score, c.priority_label, c.priority_terms "
#define CASE_FROM                                             \
  "FROM cases c LEFT JOIN accounts a ON a.id = c.account_id " \
  "LEFT JOIN marketplaces mk ON mk.id = a.marketplace_id "
#define CASE_FILTER                                                                                          \
  "WHERE (?1 IS NULL OR c.status = ?1) AND (?2 IS NULL OR c.category = ?2) "                                 \
  "AND (?3 IS NULL OR mk.host = ?3) AND (?4 IS NULL OR c.updated_at >= ?4) AND (?5 IS NULL OR c.updated_at " \
  "< ?5) "

constexpr const char* kFindCase = "SELECT " CASE_COLUMNS CASE_FROM "WHERE c.case_id = ?1";
constexpr const char* kListByPriority =
    "SELECT " CASE_COLUMNS CASE_FROM CASE_FILTER
    "ORDER BY c.priority_score DESC, c.updated_at DESC LIMIT ?6 OFFSET ?7";
constexpr const char* kListByUpdated =
    "SELECT " CASE_COLUMNS CASE_FROM CASE_FILTER "ORDER BY c.updated_at DESC, c.id DESC LIMIT ?6 OFFSET ?7";
constexpr const char* kListByCreated =
    "SELECT " CASE_COLUMNS CASE_FROM CASE_FILTER "ORDER BY c.created_at DESC, c.id DESC LIMIT ?6 OFFSET ?7";
constexpr const char* kCountCases = "SELECT count(*) " CASE_FROM CASE_FILTER;

constexpr const char* kMessageColumns =
    "SELECT id, author, sender, sent_at, body, captured_at, version, supersedes, current FROM messages ";

CaseRecord readCase(const Stmt& st, Priority* priority) {
  CaseRecord c;
  c.caseId = st.text(0);
  c.marketplace = st.text(1);
  c.subject = st.text(2);
  c.statusRaw = st.text(3);
  c.status = st.text(4);
  c.categoryRaw = st.text(5);
  c.category = st.text(6);
  if (!st.isNull(7)) c.categoryOverride = st.text(7);
  c.createdAt = sqlite::optInstant(st, 8);
  c.updatedAt = sqlite::optInstant(st, 9);
  c.firstCapturedAt = sqlite::instant(st.int64(10));
  c.lastCapturedAt = sqlite::instant(st.int64(11));
  c.pinned = st.int64(12) != 0;
  c.reopenCount = static_cast<int>(st.int64(13));
  c.snoozedUntil = sqlite::optInstant(st, 14);
  c.messageCount = static_cast<int>(st.int64(15));
  if (priority && !st.isNull(16))
    *priority = sqlite::priorityFromColumns(st.real(16), st.text(17), st.text(18));
  return c;
}

StoredMessage readMessage(const Stmt& st) {
  StoredMessage m;
  m.id = st.int64(0);
  m.author = st.text(1);
  m.sender = st.text(2);
  m.sentAt = sqlite::optInstant(st, 3);
  m.body = st.text(4);
  m.capturedAt = sqlite::instant(st.int64(5));
  m.version = static_cast<int>(st.int64(6));
  m.supersedes = st.optInt64(7);
  m.current = st.int64(8) != 0;
  return m;
}

std::vector<StoredMessage> loadMessages(Db& db, const std::string& caseId, bool currentOnly) {
  static constexpr const char* kAll =
      "SELECT id, author, sender, sent_at, body, captured_at, version, supersedes, "
      "current FROM messages WHERE case_id = ?1 ORDER BY coalesce(sent_at, captured_at), id";
  static constexpr const char* kCurrent =
      "SELECT id, author, sender, sent_at, body, captured_at, version, "
      "supersedes, current FROM messages WHERE case_id = ?1 AND current = 1 ORDER BY coalesce(sent_at, "
      "captured_at), id";
  Stmt st(db, currentOnly ? kCurrent : kAll);
  st.bind(1, caseId);
  std::vector<StoredMessage> out;
  while (st.step()) out.push_back(readMessage(st));
  return out;
}

void loadDetails(Db& db, CaseRecord& c) {
  Stmt ids(db, "SELECT kind, value FROM identifiers WHERE case_id = ?1 ORDER BY kind, value");
  ids.bind(1, c.caseId);
  while (ids.step()) c.identifiers.push_back({ids.text(0), ids.text(1)});
  Stmt notes(db, "SELECT id, at, text FROM notes WHERE case_id = ?1 ORDER BY id");
  notes.bind(1, c.caseId);
  while (notes.step()) c.notes.push_back({notes.int64(0), sqlite::instant(notes.int64(1)), notes.text(2)});
}

// The account row for a marketplace host (created when first seen); null for an empty host.
std::optional<std::int64_t> accountFor(Db& db, const std::string& host) {
  if (host.empty()) return std::nullopt;
  Stmt find(db,
            "SELECT a.id FROM accounts a JOIN marketplaces mk ON mk.id = a.marketplace_id "
            "WHERE mk.host = ?1 AND a.name = ''");
  find.bind(1, host);
  if (find.step()) return find.int64(0);
  Stmt(db, "INSERT OR IGNORE INTO marketplaces(host) VALUES (?1)").bind(1, host).run();
  Stmt(db, "INSERT INTO accounts(marketplace_id, name) SELECT id, '' FROM marketplaces WHERE host = ?1")
      .bind(1, host)
      .run();
  return db.lastInsertId();
}

}  // namespace

std::optional<CaseRecord> SqliteStore::findCase(const std::string& caseId, bool withMessages) {
  return read([&](Db& db) -> std::optional<CaseRecord> {
    Stmt st(db, kFindCase);
    st.bind(1, caseId);
    if (!st.step()) return std::nullopt;
    CaseRecord c = readCase(st, nullptr);
    loadDetails(db, c);
    if (withMessages) c.messages = loadMessages(db, caseId, true);
    return c;
  });
}

bool SqliteStore::upsertCase(const CaseRecord& c) {
  return write([&](Db& db) {
    Stmt existing(db, "SELECT id, subject FROM cases WHERE case_id = ?1");
    existing.bind(1, c.caseId);
    const bool created = !existing.step();
    const bool subjectChanged = created || existing.text(1) != c.subject;
    std::int64_t rowId = created ? 0 : existing.int64(0);
    Stmt st(
        db,
        "INSERT INTO cases(case_id, account_id, subject, status_raw, status, category_raw, category, "
        "category_override, created_at, updated_at, first_captured_at, last_captured_at, pinned, "
        "reopen_count, "
        "snoozed_until) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15) "
        "ON CONFLICT(case_id) DO UPDATE SET account_id = excluded.account_id, subject = excluded.subject, "
        "status_raw = excluded.status_raw, status = excluded.status, category_raw = excluded.category_raw, "
        "category = excluded.category, category_override = excluded.category_override, "
        "created_at = excluded.created_at, updated_at = excluded.updated_at, "
        "first_captured_at = excluded.first_captured_at, last_captured_at = excluded.last_captured_at, "
        "pinned = excluded.pinned, reopen_count = excluded.reopen_count, snoozed_until = "
        "excluded.snoozed_until, "
        "version = version + (status IS NOT excluded.status OR snoozed_until IS NOT excluded.snoozed_until)");
    st.bind(1, c.caseId).bind(2, accountFor(db, c.marketplace)).bind(3, c.subject).bind(4, c.statusRaw);
    st.bind(5, c.status.empty() ? std::string("unknown") : c.status).bind(6, c.categoryRaw);
    st.bind(7, c.category.empty() ? std::string("other") : c.category).bind(8, c.categoryOverride);
    st.bind(9, sqlite::seconds(c.createdAt)).bind(10, sqlite::seconds(c.updatedAt));
    st.bind(11, sqlite::seconds(c.firstCapturedAt)).bind(12, sqlite::seconds(c.lastCapturedAt));
    st.bind(13, c.pinned ? 1 : 0).bind(14, c.reopenCount).bind(15, sqlite::seconds(c.snoozedUntil));
    st.run();
    if (created) rowId = db.lastInsertId();
    if (subjectChanged) ftsPending().setSubject(rowId, c.caseId, c.subject);
    return created;
  });
}

CaseList SqliteStore::listCases(const CaseFilter& f) {
  const char* sql = f.sort == "priority"  ? kListByPriority
                    : f.sort == "updated" ? kListByUpdated
                    : f.sort == "created" ? kListByCreated
                                          : nullptr;
  if (!sql) throw Error(ErrorCode::bad_request, "unknown sort '" + f.sort + "' (priority, updated, created)");
  auto bindFilter = [&](Stmt& st) {
    st.bind(1, f.status).bind(2, f.category).bind(3, f.marketplace);
    st.bind(4, sqlite::seconds(f.from)).bind(5, sqlite::seconds(f.to));
  };
  return read([&](Db& db) {
    CaseList list;
    Stmt st(db, sql);
    bindFilter(st);
    st.bind(6, std::max(0, f.limit)).bind(7, std::max(0, f.offset));
    while (st.step()) {
      Priority p;
      list.cases.push_back(readCase(st, &p));
      list.priorities.push_back(std::move(p));
    }
    Stmt count(db, kCountCases);
    bindFilter(count);
    if (count.step()) list.total = static_cast<std::size_t>(count.int64(0));
    return list;
  });
}

std::vector<std::string> SqliteStore::caseIds(bool openOnly) {
  return read([&](Db& db) {
    Stmt st(db, "SELECT case_id FROM cases WHERE ?1 = 0 OR status NOT IN ('resolved', 'closed') ORDER BY id");
    st.bind(1, openOnly ? 1 : 0);
    std::vector<std::string> ids;
    while (st.step()) ids.push_back(st.text(0));
    return ids;
  });
}

std::int64_t SqliteStore::caseVersion(const std::string& caseId) {
  return read([&](Db& db) {
    Stmt st(db, "SELECT version FROM cases WHERE case_id = ?1");
    st.bind(1, caseId);
    if (!st.step()) throw Error(ErrorCode::not_found, "no case " + caseId);
    return st.int64(0);
  });
}

std::vector<StoredMessage> SqliteStore::messageVersions(const std::string& caseId) {
  return read([&](Db& db) { return loadMessages(db, caseId, false); });
}

namespace {

// Marks a superseded message not current and takes it out of the search index; returns the
// version number of the message that replaces it.
int supersede(Db& db, sqlite::fts::Pending& index, const std::string& caseId, std::int64_t oldId) {
  Stmt old(db, "SELECT version, body, current FROM messages WHERE id = ?1 AND case_id = ?2");
  old.bind(1, oldId).bind(2, caseId);
  if (!old.step())
    throw Error(ErrorCode::storage, "message " + std::to_string(oldId) + " is not in case " + caseId);
  if (old.int64(2) == 1) {  // only current versions are searchable
    Stmt(db, "UPDATE messages SET current = 0 WHERE id = ?1").bind(1, oldId).run();
    index.removeMessage(oldId, old.text(1));
  }
  return static_cast<int>(old.int64(0)) + 1;
}

}  // namespace

std::vector<std::int64_t> SqliteStore::appendMessages(const std::string& caseId,
                                                      const std::vector<StoredMessage>& messages) {
  return write([&](Db& db) {
    sqlite::requireCase(db, caseId);
    sqlite::fts::Pending& index = ftsPending();
    std::vector<std::int64_t> ids;
    int added = 0;
    for (const auto& m : messages) {
      const int version = m.supersedes ? supersede(db, index, caseId, *m.supersedes) : 1;
      Stmt ins(db,
               "INSERT INTO messages(case_id, author, sender, sent_at, body, captured_at, version, "
               "supersedes) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
      ins.bind(1, caseId).bind(2, m.author).bind(3, m.sender).bind(4, sqlite::seconds(m.sentAt));
      ins.bind(5, m.body).bind(6, sqlite::seconds(m.capturedAt)).bind(7, version).bind(8, m.supersedes);
      ins.run();
      ids.push_back(db.lastInsertId());
      index.addMessage(ids.back(), m.body);
      added += m.supersedes ? 0 : 1;
    }
    Stmt(db, "UPDATE cases SET message_count = message_count + ?2, version = version + ?3 WHERE case_id = ?1")
        .bind(1, caseId)
        .bind(2, added)
        .bind(3, static_cast<std::int64_t>(messages.size()))
        .run();
    return ids;
  });
}

int SqliteStore::addIdentifiers(const std::string& caseId, const std::vector<Identifier>& ids) {
  return write([&](Db& db) {
    int added = 0;
    for (const auto& id : ids) {
      Stmt st(db, "INSERT OR IGNORE INTO identifiers(case_id, kind, value) VALUES (?1, ?2, ?3)");
      st.bind(1, caseId).bind(2, id.kind).bind(3, id.value).run();
      added += db.changes();
    }
    return added;
  });
}

Note SqliteStore::addNote(const std::string& caseId, Instant at, const std::string& text) {
  return write([&](Db& db) {
    sqlite::requireCase(db, caseId);
    Stmt(db, "INSERT INTO notes(case_id, at, text) VALUES (?1, ?2, ?3)")
        .bind(1, caseId)
        .bind(2, sqlite::seconds(at))
        .bind(3, text)
        .run();
    const std::int64_t id = db.lastInsertId();
    ftsPending().addNote(id, caseId, text);
    return Note{id, at, text};
  });
}

}  // namespace caselog
