// SqliteStore: what trends read (domain/trends.hpp TrendCase), without message bodies.
//
// Why this shape (measured on 100,000 cases / 2,000,000 messages, tests/bench/trends_bench.sh):
//  - One "GROUP BY case_id" over messages LEFT JOIN generic_verdicts walks the messages_case index
//    and looks every row up in the table: ~1.8 s in the sqlite3 CLI alone; forcing a table scan
//    makes SQLite sort the 2M rows instead: ~2.3 s; even with a covering index on (case_id,
//    current, author, sent_at, captured_at) the grouped aggregate takes ~0.65 s.
//  - Scanning messages in rowid order (sequential pages) and folding each row into its case here
//    costs one pass (~0.45 s for the bare scan in the CLI); a case's messages are mostly adjacent,
//    so the case lookup is usually one compare with the previous row's case ID. Only the Amazon
//    replies are returned: the first/last message of a case is needed for few cases
//    (needsMessageSpan), which messageSpans() reads apart.
//  - generic_verdicts is keyed by message id like messages' rowid, so both scans run side by side
//    as a merge join: ~0.07 s for 1,000,000 verdicts instead of a B-tree probe per reply.

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

// The stored verdicts in message-id order, advanced alongside the scan of the replies.
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

void addReply(TrendCase& c, Instant at, std::optional<bool> generic) {
  if (!c.firstAmazonReplyAt || at < *c.firstAmazonReplyAt) c.firstAmazonReplyAt = at;
  ++c.amazonReplies;
  if (!generic)
    ++c.unassessedReplies;
  else if (*generic)
    ++c.genericReplies;
}

// Finds the case of each row of a scan; a case's messages are mostly adjacent in rowid order, so
// this is usually one compare with the previous row's case ID.
template <class T>
class CaseLookup {
 public:
  CaseLookup(std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& index)
      : items_(items), index_(index) {}
  T* find(std::string caseId) {
    if (!found_ || caseId != caseId_) {
      const auto it = index_.find(caseId);
      current_ = it == index_.end() ? nullptr : &items_[it->second];
      caseId_ = std::move(caseId);
      found_ = true;
    }
    return current_;
  }

 private:
  std::vector<T>& items_;
  const std::unordered_map<std::string, std::size_t>& index_;
  std::string caseId_;
  T* current_ = nullptr;
  bool found_ = false;
};

// Folds every current Amazon reply into its case (one pass in rowid order beside the verdicts).
void addReplies(Db& db, std::vector<TrendCase>& cases,
                const std::unordered_map<std::string, std::size_t>& index) {
  VerdictCursor verdicts(db);
  CaseLookup<TrendCase> lookup(cases, index);
  Stmt st(db,
          "SELECT id, case_id, coalesce(sent_at, captured_at) FROM messages "
          "WHERE current = 1 AND author = 'amazon' ORDER BY id");
  while (st.step()) {
    if (TrendCase* c = lookup.find(st.text(1)))
      addReply(*c, sqlite::instant(st.int64(2)), verdicts.genericOf(st.int64(0)));
  }
}

void widen(MessageSpan& span, Instant at) {
  if (!span.first || at < *span.first) span.first = at;
  if (!span.last || at > *span.last) span.last = at;
}

// Up to this many cases, each span is one indexed query (messages_case, ~20 rows a case: ~10k
// cases in 0.25 s); beyond, one scan of every current message (~0.5 s at 2M) is about as cheap.
constexpr std::size_t kSpansByCaseAtMost = 5000;

std::vector<MessageSpan> spansByCase(Db& db, const std::vector<std::string>& caseIds) {
  std::vector<MessageSpan> out(caseIds.size());
  Stmt st(db,
          "SELECT min(coalesce(sent_at, captured_at)), max(coalesce(sent_at, captured_at)) FROM messages "
          "WHERE case_id = ?1 AND current = 1");
  for (std::size_t i = 0; i < caseIds.size(); ++i) {
    st.reset();
    st.bind(1, caseIds[i]);
    if (st.step() && !st.isNull(0)) out[i] = {sqlite::optInstant(st, 0), sqlite::optInstant(st, 1)};
  }
  return out;
}

std::vector<MessageSpan> spansByScan(Db& db, const std::vector<std::string>& caseIds) {
  std::vector<MessageSpan> out(caseIds.size());
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < caseIds.size(); ++i) index.emplace(caseIds[i], i);
  CaseLookup<MessageSpan> lookup(out, index);
  Stmt st(db, "SELECT case_id, coalesce(sent_at, captured_at) FROM messages WHERE current = 1 ORDER BY id");
  while (st.step()) {
    if (MessageSpan* span = lookup.find(st.text(0))) widen(*span, sqlite::instant(st.int64(1)));
  }
  // A case named twice: every occurrence gets the span gathered under its first one.
  for (std::size_t i = 0; i < caseIds.size(); ++i) out[i] = out[index.at(caseIds[i])];
  return out;
}

}  // namespace

std::vector<TrendCase> SqliteStore::trendCases() {
  return read([&](Db& db) {
    std::unordered_map<std::string, std::size_t> index;
    auto cases = loadCases(db, index);
    addReplies(db, cases, index);
    return cases;
  });
}

std::vector<MessageSpan> SqliteStore::messageSpans(const std::vector<std::string>& caseIds) {
  return read([&](Db& db) {
    return caseIds.size() <= kSpansByCaseAtMost ? spansByCase(db, caseIds) : spansByScan(db, caseIds);
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
