// SqliteStore: the audit trail (append, read, chain head, verify).
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/json_text.hpp"
#include "storage/audit.hpp"
#include "storage/sqlite_store.hpp"

namespace caselog {

using sqlite::Db;
using sqlite::Stmt;

namespace {

Event readEvent(const Stmt& st) {
  Event e;
  e.seq = st.int64(0);
  e.caseId = st.text(1);
  e.kind = st.text(2);
  e.at = sqlite::instant(st.int64(3));
  e.data = nlohmann::json::parse(st.text(4), nullptr, false);  // discarded when not JSON: verify flags it
  e.prevHash = st.text(5);
  e.hash = st.text(6);
  return e;
}

ChainHead readHead(Db& db) {
  Stmt st(db, "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  if (!st.step()) return {0, audit::kGenesisHash};
  return {st.int64(0), st.text(1)};
}

// One message an event vouches for, checked against its content hash. Empty when fine.
std::string checkMessage(Db& db, const nlohmann::json& entry, std::vector<bool>& coveredMessages) {
  if (!entry.is_object()) return "a message entry is not an object";
  const std::int64_t id = entry.value("messageId", std::int64_t{0});
  Stmt st(db, "SELECT author, sender, sent_at, body FROM messages WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return "message " + std::to_string(id) + " is missing";
  StoredMessage m;
  m.author = st.text(0);
  m.sender = st.text(1);
  m.sentAt = sqlite::optInstant(st, 2);
  m.body = st.text(3);
  if (audit::messageContentHash(m) != entry.value("contentHash", ""))
    return "message " + std::to_string(id) + " changed";
  if (id >= 0 && static_cast<std::size_t>(id) < coveredMessages.size()) coveredMessages[id] = true;
  return {};
}

// The messages or the note an event vouches for: `messages_added` lists entries
// {messageId, contentHash, …}; older files have one message per event (messageId and
// contentHash in the data itself); `note_added` carries noteId and contentHash. Empty when fine.
std::string checkContent(Db& db, const Event& e, std::vector<bool>& coveredMessages) {
  if (!e.data.is_object()) return {};
  if (auto it = e.data.find("messages"); it != e.data.end()) {
    if (!it->is_array()) return "the messages list is not an array";
    for (const auto& entry : *it)
      if (std::string problem = checkMessage(db, entry, coveredMessages); !problem.empty()) return problem;
    return {};
  }
  if (!e.data.contains("contentHash")) return {};
  if (e.data.contains("messageId")) return checkMessage(db, e.data, coveredMessages);
  if (e.data.contains("noteId")) {
    const std::int64_t id = e.data.value("noteId", std::int64_t{0});
    Stmt st(db, "SELECT at, text FROM notes WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return "note " + std::to_string(id) + " is missing";
    if (audit::noteContentHash({id, sqlite::instant(st.int64(0)), st.text(1)}) !=
        e.data.value("contentHash", ""))
      return "note " + std::to_string(id) + " changed";
  }
  return {};
}

// What the audit trail last recorded of each case's subject and status, and in which event: the
// cases table must still say the same. Only cases whose case_created event records both (every
// case since the hash chain; not those migrated from the pre-release layout, whose events did not).
class RecordedFields {
 public:
  void follow(const Event& e) {
    if (e.caseId.empty() || !e.data.is_object()) return;
    if (e.kind == "case_created") {
      const auto subject = e.data.find("subject"), status = e.data.find("status");
      if (subject != e.data.end() && subject->is_string() && status != e.data.end() && status->is_string())
        cases_[e.caseId] = {{subject->get<std::string>(), e.seq}, {status->get<std::string>(), e.seq}};
      return;
    }
    const auto it = cases_.find(e.caseId);
    if (it == cases_.end()) return;
    if (e.kind == "status_changed") set(it->second.status, e.data, "to", e.seq);
    if (e.kind == "case_updated" && e.data.contains("subject")) set(it->second.subject, e.data["subject"], "to", e.seq);
  }

  // Reports the first case whose row differs from what was recorded.
  void findChanged(Db& db, VerifyReport& report) const {
    Stmt st(db, "SELECT case_id, subject, status FROM cases ORDER BY id");
    const auto differs = [&](const std::string& caseId, const char* field, const Value& recorded,
                             const std::string& now) {
      if (now == recorded.value) return false;
      report.ok = false;
      report.firstBadSeq = recorded.seq;
      report.problem = "case " + caseId + "'s " + field + " is '" + now + "', but this event recorded '" +
                       recorded.value + "' (the case was changed behind CaseLog's back)";
      return true;
    };
    while (st.step()) {
      const auto it = cases_.find(st.text(0));
      if (it == cases_.end()) continue;
      if (differs(it->first, "subject", it->second.subject, st.text(1)) ||
          differs(it->first, "status", it->second.status, st.text(2)))
        return;
    }
  }

 private:
  struct Value {
    std::string value;
    std::int64_t seq = 0;
  };
  struct Fields {
    Value subject, status;
  };
  static void set(Value& v, const nlohmann::json& data, const char* key, std::int64_t seq) {
    if (!data.is_object()) return;
    if (const auto it = data.find(key); it != data.end() && it->is_string()) v = {it->get<std::string>(), seq};
  }
  std::unordered_map<std::string, Fields> cases_;
};

}  // namespace

Event SqliteStore::appendEvent(const std::string& caseId, const std::string& kind, Instant at,
                               nlohmann::json data) {
  Event e;
  e.caseId = caseId;
  e.kind = kind;
  e.at = at;
  e.data = data.is_null() ? nlohmann::json::object() : std::move(data);
  const std::string text = compactJson(e.data);
  write([&](Db& db) {  // may run again from the start (another writer held the lock): e.data stays
    const ChainHead head = readHead(db);
    e.seq = head.seq + 1;
    e.prevHash = head.hash;
    e.hash = audit::eventHash(e, text);
    Stmt st(
        db,
        "INSERT INTO events(seq, case_id, kind, at, data, prev_hash, hash) VALUES (?1,?2,?3,?4,?5,?6,?7)");
    st.bind(1, e.seq).bind(3, kind).bind(4, sqlite::seconds(at)).bind(5, text);
    if (caseId.empty())
      st.bindNull(2);
    else
      st.bind(2, caseId);
    st.bind(6, e.prevHash).bind(7, e.hash).run();
  });
  return e;
}

std::vector<Event> SqliteStore::events(const std::string& caseId) {
  return read([&](Db& db) {
    Stmt st(db,
            "SELECT seq, coalesce(case_id, ''), kind, at, data, prev_hash, hash FROM events "
            "WHERE case_id = ?1 ORDER BY seq");
    st.bind(1, caseId);
    std::vector<Event> out;
    while (st.step()) out.push_back(readEvent(st));
    return out;
  });
}

std::vector<Event> SqliteStore::allEvents() {
  return read([&](Db& db) {
    Stmt st(db,
            "SELECT seq, coalesce(case_id, ''), kind, at, data, prev_hash, hash FROM events ORDER BY seq");
    std::vector<Event> out;
    while (st.step()) out.push_back(readEvent(st));
    return out;
  });
}

ChainHead SqliteStore::chainHead() {
  return read([](Db& db) { return readHead(db); });
}

VerifyReport SqliteStore::verify() {
  return read([&](Db& db) {
    VerifyReport report;
    std::vector<bool> covered(static_cast<std::size_t>(maxMessageId(db)) + 1, false);
    auto fail = [&](std::int64_t seq, std::string problem) {
      report.ok = false;
      report.firstBadSeq = seq;
      report.problem = std::move(problem);
    };
    std::string prev = audit::kGenesisHash;
    std::int64_t expectedSeq = 1;
    RecordedFields recorded;
    Stmt st(db,
            "SELECT seq, coalesce(case_id, ''), kind, at, data, prev_hash, hash FROM events ORDER BY seq");
    while (report.ok && st.step()) {
      const Event e = readEvent(st);
      ++report.checked;
      if (e.seq != expectedSeq) {
        fail(e.seq, "event " + std::to_string(expectedSeq) + " is missing");
      } else if (e.data.is_discarded()) {
        fail(e.seq, "data is not valid JSON");
      } else if (e.prevHash != prev) {
        fail(e.seq, "prev_hash does not link to event " + std::to_string(e.seq - 1));
      } else if (audit::eventHash(e) != e.hash) {
        fail(e.seq, "hash mismatch (the event was changed)");
      } else if (std::string problem = checkContent(db, e, covered); !problem.empty()) {
        fail(e.seq, problem);
      }
      recorded.follow(e);
      prev = e.hash;
      ++expectedSeq;
    }
    report.headHash = readHead(db).hash;
    if (!report.ok) return report;
    Stmt ids(db, "SELECT id FROM messages ORDER BY id");
    while (ids.step()) {
      const auto id = static_cast<std::size_t>(ids.int64(0));
      if (id >= covered.size() || !covered[id]) {
        report.ok = false;
        report.problem =
            "message " + std::to_string(id) + " has no audit event (inserted behind CaseLog's back)";
        break;
      }
    }
    if (report.ok) recorded.findChanged(db, report);
    return report;
  });
}

}  // namespace caselog
