// SqliteStore: what trends read (domain/trends.hpp TrendCase), without message bodies.
//
// Why this shape (measured on 100,000 cases / 2,000,000 messages, tests/bench/trends_bench.sh):
//  - One "GROUP BY case_id" over messages LEFT JOIN generic_verdicts walks the messages_case index
//    and looks every row up in the table: ~1.8 s in the sqlite3 CLI alone; forcing a table scan
//    makes SQLite sort the 2M rows instead: ~2.3 s.
//  - Scanning messages in rowid order (sequential pages) and folding each row into its case here
//    costs one pass; a case's messages are mostly adjacent, so the case lookup is usually a string
//    compare with the previous row.
//  - generic_verdicts is keyed by message id like messages' rowid, so both scans run side by side
//    as a merge join: ~0.07 s for 1,000,000 verdicts instead of a B-tree probe per message.
#include <unordered_map>

#include "storage/sqlite_store.hpp"

namespace caselog {

using sqlite::Db;
using sqlite::Stmt;

namespace {

std::vector<TrendCase> loadCases(Db& db, std::unordered_map<std::string, std::size_t>& index) {
  Stmt st(db,
          "SELECT case_id, category, status, subject, created_at, updated_at, first_captured_at, "
          "reopen_count FROM cases ORDER BY id");
  std::vector<TrendCase> cases;
  while (st.step()) {
    TrendCase c;
    c.caseId = st.text(0);
    c.category = st.text(1);
    c.status = st.text(2);
    c.subject = st.text(3);
    c.createdAt = sqlite::optInstant(st, 4);
    c.updatedAt = sqlite::optInstant(st, 5);
    c.firstCapturedAt = sqlite::instant(st.int64(6));
    c.reopenCount = static_cast<int>(st.int64(7));
    index.emplace(c.caseId, cases.size());
    cases.push_back(std::move(c));
  }
  return cases;
}

// The stored verdicts in message-id order, read one step behind the message scan.
class VerdictCursor {
 public:
  explicit VerdictCursor(Db& db)
      : st_(db, "SELECT message_id, generic FROM generic_verdicts ORDER BY message_id") {
    advance();
  }
  // The verdict of message `id` (ids must be asked in increasing order): generic or not, or
  // nullopt when none is stored.
  std::optional<bool> genericOf(std::int64_t id) {
    while (more_ && messageId_ < id) advance();
    if (!more_ || messageId_ != id) return std::nullopt;
    return generic_;
  }

 private:
  void advance() {
    more_ = st_.step();
    if (!more_) return;
    messageId_ = st_.int64(0);
    generic_ = st_.int64(1) != 0;
  }
  Stmt st_;
  bool more_ = false;
  std::int64_t messageId_ = 0;
  bool generic_ = false;
};

void addMessage(TrendCase& c, bool amazon, Instant at, VerdictCursor& verdicts, std::int64_t id) {
  if (!c.firstMessageAt || at < *c.firstMessageAt) c.firstMessageAt = at;
  if (!c.lastMessageAt || at > *c.lastMessageAt) c.lastMessageAt = at;
  if (!amazon) return;
  if (!c.firstAmazonReplyAt || at < *c.firstAmazonReplyAt) c.firstAmazonReplyAt = at;
  ++c.amazonReplies;
  const auto generic = verdicts.genericOf(id);
  if (!generic)
    ++c.unassessedReplies;
  else if (*generic)
    ++c.genericReplies;
}

// Folds every current message into its case (one pass in rowid order).
void addMessages(Db& db, std::vector<TrendCase>& cases,
                 const std::unordered_map<std::string, std::size_t>& index) {
  VerdictCursor verdicts(db);
  Stmt st(db,
          "SELECT id, case_id, author = 'amazon', coalesce(sent_at, captured_at) FROM messages "
          "WHERE current = 1 ORDER BY id");
  std::string caseId;
  TrendCase* c = nullptr;
  while (st.step()) {
    std::string rowCase = st.text(1);
    if (rowCase != caseId || !c) {
      const auto it = index.find(rowCase);
      c = it == index.end() ? nullptr : &cases[it->second];
      caseId = std::move(rowCase);
    }
    if (c) addMessage(*c, st.int64(2) != 0, sqlite::instant(st.int64(3)), verdicts, st.int64(0));
  }
}

}  // namespace

std::vector<TrendCase> SqliteStore::trendCases() {
  return read([&](Db& db) {
    std::unordered_map<std::string, std::size_t> index;
    auto cases = loadCases(db, index);
    addMessages(db, cases, index);
    return cases;
  });
}

std::vector<std::vector<Identifier>> SqliteStore::identifiersOf(const std::vector<std::string>& caseIds) {
  return read([&](Db& db) {
    std::vector<std::vector<Identifier>> out;
    out.reserve(caseIds.size());
    Stmt st(db, "SELECT kind, value FROM identifiers WHERE case_id = ?1 ORDER BY kind, value");
    for (const auto& id : caseIds) {
      st.reset();
      st.bind(1, id);
      auto& ids = out.emplace_back();
      while (st.step()) ids.push_back({st.text(0), st.text(1)});
    }
    return out;
  });
}

}  // namespace caselog
