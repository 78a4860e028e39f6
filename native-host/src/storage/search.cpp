// SqliteStore::search — the bounded newest-first plan described in storage/search.hpp.
#include "storage/search.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "storage/search_rank.hpp"
#include "storage/sqlite_store.hpp"

namespace caselog {

using sqlite::Db;
using sqlite::Stmt;

namespace {

struct Candidate {
  bool message = true;  // message_fts, else text_fts (subject or note)
  std::int64_t rowid = 0;
  search::RowStats stats;
  double score = 0;  // higher is better
  std::string text;  // substring plan only: the matched body/subject/note, for the snippet
};

// Newest matching messages below `upper`, with the filters applied. The index holds current
// message versions only (superseded ones are removed from it).
constexpr const char* kMessageCandidates =
    "SELECT f.rowid, caselog_stats(message_fts) FROM message_fts f "
    "JOIN messages m ON m.id = f.rowid JOIN cases c ON c.case_id = m.case_id "
    "WHERE message_fts MATCH ?1 AND f.rowid < ?2 "
    "AND (?3 IS NULL OR m.author = ?3) AND (?4 IS NULL OR m.case_id = ?4) AND (?5 IS NULL OR c.status = ?5) "
    "AND (?6 IS NULL OR c.category = ?6) AND (?7 IS NULL OR m.sent_at >= ?7) AND (?8 IS NULL OR m.sent_at < "
    "?8) "
    "ORDER BY f.rowid DESC LIMIT ?9";

// No filter: the index alone (no row lookups).
constexpr const char* kPlainMessageCandidates =
    "SELECT rowid, caselog_stats(message_fts) FROM message_fts WHERE message_fts MATCH ?1 AND rowid < ?2 "
    "ORDER BY rowid DESC LIMIT ?9";

// With a case filter the case's own messages drive the plan (a handful of rowid lookups).
constexpr const char* kCaseMessageCandidates =
    "SELECT f.rowid, caselog_stats(message_fts) FROM messages m CROSS JOIN message_fts f ON f.rowid = m.id "
    "JOIN cases c ON c.case_id = m.case_id "
    "WHERE m.case_id = ?4 AND message_fts MATCH ?1 AND m.id < ?2 "
    "AND (?3 IS NULL OR m.author = ?3) AND (?5 IS NULL OR c.status = ?5) "
    "AND (?6 IS NULL OR c.category = ?6) AND (?7 IS NULL OR m.sent_at >= ?7) AND (?8 IS NULL OR m.sent_at < "
    "?8) "
    "ORDER BY m.id DESC LIMIT ?9";

// Newest matching subjects and notes below `upper`.
constexpr const char* kTextCandidates =
    "SELECT t.rowid, caselog_stats(text_fts) FROM text_fts t JOIN cases c ON c.case_id = t.case_id "
    "WHERE text_fts MATCH ?1 AND t.rowid < ?2 "
    "AND (?3 IS NULL OR t.case_id = ?3) AND (?4 IS NULL OR c.status = ?4) AND (?5 IS NULL OR c.category = "
    "?5) "
    "ORDER BY t.rowid DESC LIMIT ?6";

constexpr const char* kPlainTextCandidates =
    "SELECT rowid, caselog_stats(text_fts) FROM text_fts WHERE text_fts MATCH ?1 AND rowid < ?2 "
    "AND (?3 IS NULL OR case_id = ?3) ORDER BY rowid DESC LIMIT ?6";

// A hit's row: case_id, subject, author (messages) or note time (text), sent_at (messages) or the
// case's creation (text), then — FTS hits only — the snippet, or for a text over 8 KB the text
// itself. readHit() reads this layout.
//
// FTS5's snippet() scores a window at every hit against every other hit: its time grows with the
// square of the hits in one text (a 1 MB reply repeating the word searched for: 13 s, the host
// serving nothing meanwhile; 32 KB repeating two words, about 0.7 s). A text over 8 KB gets its
// snippet from substringSnippet instead: the first hit of a term, in linear time.
constexpr const char* kMessageHit =
    "SELECT m.case_id, c.subject, m.author, m.sent_at, "
    "CASE WHEN length(CAST(m.body AS BLOB)) <= 8192 THEN snippet(message_fts, 0, char(2), char(3), '…', 16) END, "
    "CASE WHEN length(CAST(m.body AS BLOB)) > 8192 THEN m.body END "
    "FROM message_fts f JOIN messages m ON m.id = f.rowid JOIN cases c ON c.case_id = m.case_id "
    "WHERE message_fts MATCH ?1 AND f.rowid = ?2";

constexpr const char* kTextHit =
    "SELECT t.case_id, c.subject, (SELECT n.at FROM notes n WHERE n.id = t.rowid / 2 AND t.rowid % 2 = 1), "
    "c.created_at, "
    "CASE WHEN length(CAST(t.text AS BLOB)) <= 8192 THEN snippet(text_fts, 0, char(2), char(3), '…', 16) END, "
    "CASE WHEN length(CAST(t.text AS BLOB)) > 8192 THEN t.text END "
    "FROM text_fts t JOIN cases c ON c.case_id = t.case_id WHERE text_fts MATCH ?1 AND t.rowid = ?2";

constexpr const char* kMessageRow =
    "SELECT m.case_id, c.subject, m.author, m.sent_at FROM messages m "
    "JOIN cases c ON c.case_id = m.case_id WHERE m.id = ?1";

constexpr const char* kTextRow =
    "SELECT t.case_id, c.subject, (SELECT n.at FROM notes n WHERE n.id = t.rowid / 2 AND t.rowid % 2 = 1), "
    "c.created_at FROM text_fts t JOIN cases c ON c.case_id = t.case_id WHERE t.rowid = ?1";

std::int64_t maxRowid(Db& db, const char* sql) {
  Stmt st(db, sql);
  return st.step() ? st.int64(0) : 0;
}

void messageCandidates(Db& db, const std::string& fts, const SearchQuery& q, std::int64_t upper,
                       std::vector<Candidate>& out) {
  const bool filtered = q.author || q.status || q.category || q.from || q.to;
  Stmt st(db, q.caseId ? kCaseMessageCandidates : filtered ? kMessageCandidates : kPlainMessageCandidates);
  st.bind(1, fts).bind(2, upper).bind(9, search::kCandidateWindow);
  if (q.caseId || filtered) {
    st.bind(3, q.author).bind(4, q.caseId).bind(5, q.status).bind(6, q.category);
    st.bind(7, sqlite::seconds(q.from)).bind(8, sqlite::seconds(q.to));
  }
  while (st.step()) out.push_back({true, st.int64(0), search::parseRowStats(st.text(1)), 0, {}});
}

void textCandidates(Db& db, const std::string& fts, const SearchQuery& q, std::int64_t upper,
                    std::vector<Candidate>& out) {
  const bool filtered = q.status || q.category;
  Stmt st(db, filtered ? kTextCandidates : kPlainTextCandidates);
  st.bind(1, fts).bind(2, upper).bind(3, q.caseId).bind(6, search::kTextWindow);
  if (filtered) st.bind(4, q.status).bind(5, q.category);
  while (st.step()) out.push_back({false, st.int64(0), search::parseRowStats(st.text(1)), 0, {}});
}

// BM25 within each source's window (storage/search_rank.hpp).
void score(std::vector<Candidate>::iterator begin, std::vector<Candidate>::iterator end) {
  std::vector<search::RowStats> rows;
  for (auto it = begin; it != end; ++it) rows.push_back(it->stats);
  const auto scores = search::windowBm25(rows);
  for (std::size_t i = 0; begin + static_cast<std::ptrdiff_t>(i) != end; ++i)
    (begin + static_cast<std::ptrdiff_t>(i))->score = scores[i];
}

// Fills hit from a stepped row in the kMessageHit/kTextHit layout (snippet read only when present;
// `terms` make a long text's).
void readHit(Stmt& st, const Candidate& c, bool withSnippet, SearchHit& hit,
             const std::vector<search::SubstringTerm>& terms = {}) {
  hit.caseId = st.text(0);
  hit.subject = st.text(1);
  if (c.message) {
    hit.messageId = c.rowid;
    hit.author = st.text(2);
    hit.sentAt = sqlite::optInstant(st, 3);
  } else {
    const bool note = c.rowid % 2 == 1;
    hit.author = note ? "note" : "subject";
    hit.sentAt = sqlite::optInstant(st, note ? 2 : 3);
  }
  if (withSnippet) hit.snippet = st.isNull(4) ? search::substringSnippet(st.text(5), terms) : st.text(4);
}

SearchHit loadHit(Db& db, const std::string& fts, const Candidate& c, const std::vector<search::SubstringTerm>& terms) {
  SearchHit hit;
  hit.score = c.score;
  Stmt st(db, c.message ? kMessageHit : kTextHit);
  st.bind(1, fts).bind(2, c.rowid);
  if (st.step()) readHit(st, c, true, hit, terms);
  return hit;
}

template <class Load>
SearchPage rankedPage(std::vector<Candidate>& candidates, const search::Cursor& cur,
                      const search::Cursor& nextWindow, int limit, Load load);

// One page for a prepared FTS expression. Throws caselog::Error(storage) on FTS syntax errors.
SearchPage runSearch(Db& db, const std::string& fts, const SearchQuery& q, search::Cursor cur, int limit) {
  const auto terms = search::buildSubstringQuery(q.text);  // for long texts' snippets
  // Subjects and notes have no author or date of their own: author/date filters mean messages only.
  const bool withText = !q.author && !q.from && !q.to;
  std::vector<Candidate> candidates;
  if (cur.messageUpper > 0) messageCandidates(db, fts, q, cur.messageUpper, candidates);
  const size_t messages = candidates.size();
  if (withText && cur.textUpper > 0) textCandidates(db, fts, q, cur.textUpper, candidates);
  const size_t texts = candidates.size() - messages;
  score(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(messages));
  score(candidates.begin() + static_cast<std::ptrdiff_t>(messages), candidates.end());

  // The next window starts below the oldest candidate of each full window.
  search::Cursor nextWindow{0, 0, 0};
  if (messages == search::kCandidateWindow) nextWindow.messageUpper = candidates[messages - 1].rowid;
  if (texts == search::kTextWindow) nextWindow.textUpper = candidates.back().rowid;
  return rankedPage(candidates, cur, nextWindow, limit,
                    [&](const Candidate& c) { return loadHit(db, fts, c, terms); });
}

// Sorts the scored candidates and returns the page at cur.offset (hits made by `load`).
template <class Load>
SearchPage rankedPage(std::vector<Candidate>& candidates, const search::Cursor& cur,
                      const search::Cursor& nextWindow, int limit, Load load) {
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.rowid > b.rowid;
  });
  SearchPage page;
  const auto begin = static_cast<size_t>(std::min<std::int64_t>(cur.offset, candidates.size()));
  const size_t end = std::min(candidates.size(), begin + static_cast<size_t>(limit));
  for (size_t i = begin; i < end; ++i) page.hits.push_back(load(candidates[i]));
  if (end < candidates.size()) {
    page.next = search::encodeCursor({cur.messageUpper, cur.textUpper, static_cast<std::int64_t>(end)});
  } else if (nextWindow.messageUpper > 0 || nextWindow.textUpper > 0) {
    page.next = search::encodeCursor(nextWindow);
  }
  return page;
}

// ---- Substring plan for CJK queries (see storage/search.hpp) ----

// The substring plan's SQL: constant texts (statements are cached by the address of their SQL),
// the query itself is one parameter for caselog_contains() (storage/search_rank.cpp).
constexpr const char* kSubstringMessages =
    "SELECT m.id, m.body FROM messages m JOIN cases c ON c.case_id = m.case_id "
    "WHERE m.id < ?2 AND m.id >= ?3 AND m.current = 1 AND ?4 IS NULL "
    "AND (?5 IS NULL OR m.author = ?5) AND (?6 IS NULL OR c.status = ?6) AND (?7 IS NULL OR c.category = ?7) "
    "AND (?8 IS NULL OR m.sent_at >= ?8) AND (?9 IS NULL OR m.sent_at < ?9) AND caselog_contains(m.body, ?10) "
    "ORDER BY m.id DESC LIMIT ?1";
constexpr const char* kSubstringCaseMessages =
    "SELECT m.id, m.body FROM messages m JOIN cases c ON c.case_id = m.case_id "
    "WHERE m.case_id = ?4 AND m.id < ?2 AND m.id >= ?3 AND m.current = 1 "
    "AND (?5 IS NULL OR m.author = ?5) AND (?6 IS NULL OR c.status = ?6) AND (?7 IS NULL OR c.category = ?7) "
    "AND (?8 IS NULL OR m.sent_at >= ?8) AND (?9 IS NULL OR m.sent_at < ?9) AND caselog_contains(m.body, ?10) "
    "ORDER BY m.id DESC LIMIT ?1";
constexpr const char* kSubstringTexts =
    "SELECT t.rowid, t.text FROM text_fts t JOIN cases c ON c.case_id = t.case_id "
    "WHERE t.rowid < ?2 AND t.rowid >= ?3 AND ?4 IS NULL "
    "AND (?5 IS NULL OR c.status = ?5) AND (?6 IS NULL OR c.category = ?6) AND caselog_contains(t.text, ?10) "
    "ORDER BY t.rowid DESC LIMIT ?1";
// A case filter names the case's own rows (subject: cases.id * 2, notes: notes.id * 2 + 1).
constexpr const char* kSubstringCaseTexts =
    "SELECT t.rowid, t.text FROM text_fts t JOIN cases c ON c.case_id = t.case_id "
    "WHERE t.rowid < ?2 AND t.rowid >= ?3 AND t.rowid IN (SELECT id * 2 FROM cases WHERE case_id = ?4 "
    "UNION ALL SELECT id * 2 + 1 FROM notes WHERE case_id = ?4) "
    "AND (?5 IS NULL OR c.status = ?5) AND (?6 IS NULL OR c.category = ?6) AND caselog_contains(t.text, ?10) "
    "ORDER BY t.rowid DESC LIMIT ?1";

void scoreSubstring(std::vector<Candidate>& out, std::size_t from, const std::vector<search::SubstringTerm>& terms) {
  for (std::size_t i = from; i < out.size(); ++i) {
    const std::string lowered = search::asciiLower(out[i].text);
    int length = 0;  // in code points
    for (char ch : lowered) length += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    out[i].stats = {length, search::countOccurrences(lowered, terms)};
  }
}

// The scan window below `upper`: the oldest rowid it reaches, or 0 when it reaches the start.
std::int64_t scanFloor(Db& db, const char* sql, std::int64_t upper, const std::optional<std::string>& caseId,
                       int window) {
  Stmt st(db, sql);
  st.bind(1, upper).bind(2, window);
  if (caseId) st.bind(3, *caseId);
  if (!st.step() || st.int64(0) < window) return 0;
  return st.int64(1);
}

SearchPage runSubstringSearch(Db& db, const std::vector<search::SubstringTerm>& terms, const SearchQuery& q,
                              search::Cursor cur, int limit) {
  const bool withText = !q.author && !q.from && !q.to;
  const std::string encoded = search::encodeSubstringQuery(terms);
  std::vector<Candidate> candidates;
  search::Cursor nextWindow{0, 0, 0};

  if (cur.messageUpper > 0) {
    const std::int64_t floor = scanFloor(
        db,
        q.caseId ? "SELECT count(*), min(id) FROM (SELECT id FROM messages WHERE case_id = ?3 AND id < ?1 "
                   "ORDER BY id DESC LIMIT ?2)"
                 : "SELECT count(*), min(id) FROM (SELECT id FROM messages WHERE id < ?1 ORDER BY id DESC LIMIT ?2)",
        cur.messageUpper, q.caseId, search::kSubstringScan);
    Stmt st(db, q.caseId ? kSubstringCaseMessages : kSubstringMessages);
    st.bind(1, search::kCandidateWindow).bind(2, cur.messageUpper).bind(3, floor).bind(4, q.caseId);
    st.bind(5, q.author).bind(6, q.status).bind(7, q.category);
    st.bind(8, sqlite::seconds(q.from)).bind(9, sqlite::seconds(q.to));
    st.bind(10, encoded);
    while (st.step()) {
      Candidate c;
      c.rowid = st.int64(0);
      c.text = st.text(1);
      candidates.push_back(std::move(c));
    }
    if (candidates.size() == search::kCandidateWindow) nextWindow.messageUpper = candidates.back().rowid;
    else if (floor > 0) nextWindow.messageUpper = floor;
  }
  const std::size_t messages = candidates.size();

  if (withText && cur.textUpper > 0) {
    const std::int64_t floor =
        q.caseId ? 0
                 : scanFloor(db,
                             "SELECT count(*), min(rowid) FROM (SELECT rowid FROM text_fts WHERE rowid < ?1 "
                             "ORDER BY rowid DESC LIMIT ?2)",
                             cur.textUpper, std::nullopt, search::kTextSubstringScan);
    Stmt st(db, q.caseId ? kSubstringCaseTexts : kSubstringTexts);
    st.bind(1, search::kTextWindow).bind(2, cur.textUpper).bind(3, floor).bind(4, q.caseId);
    st.bind(5, q.status).bind(6, q.category);
    st.bind(10, encoded);
    while (st.step()) {
      Candidate c;
      c.message = false;
      c.rowid = st.int64(0);
      c.text = st.text(1);
      candidates.push_back(std::move(c));
    }
    if (candidates.size() - messages == search::kTextWindow) nextWindow.textUpper = candidates.back().rowid;
    else if (floor > 0) nextWindow.textUpper = floor;
  }

  scoreSubstring(candidates, 0, terms);
  score(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(messages));
  score(candidates.begin() + static_cast<std::ptrdiff_t>(messages), candidates.end());

  return rankedPage(candidates, cur, nextWindow, limit, [&](const Candidate& c) {
    SearchHit hit;
    hit.score = c.score;
    hit.snippet = search::substringSnippet(c.text, terms);
    Stmt st(db, c.message ? kMessageRow : kTextRow);
    st.bind(1, c.rowid);
    if (st.step()) readHit(st, c, false, hit);
    return hit;
  });
}

bool isFtsSyntaxError(const Error& e) {
  const std::string what = e.what();
  return what.find("fts5") != std::string::npos || what.find("syntax error") != std::string::npos ||
         what.find("unterminated") != std::string::npos;
}

}  // namespace

SearchPage SqliteStore::search(const SearchQuery& query) {
  const int limit = std::clamp(query.limit, 1, 50);
  const auto startCursor = [&](Db& db) {
    search::Cursor cur;
    if (query.cursor) {
      cur = search::decodeCursor(*query.cursor);
    } else {  // a snapshot: later captures do not shift the pages of this search
      cur.messageUpper = maxRowid(db, "SELECT coalesce(max(id), 0) + 1 FROM messages");
      cur.textUpper = maxRowid(db, "SELECT coalesce(max(rowid), 0) + 1 FROM text_fts");
    }
    return cur;
  };
  if (search::hasCjk(query.text)) {  // unicode61 cannot split CJK runs: substring plan
    const auto terms = search::buildSubstringQuery(query.text);
    if (terms.empty()) return {};
    return read([&](Db& db) { return runSubstringSearch(db, terms, query, startCursor(db), limit); });
  }
  const auto withOperators = search::buildFtsQuery(query.text, true);
  if (!withOperators) return {};
  return read([&](Db& db) {
    const search::Cursor cur = startCursor(db);
    try {
      return runSearch(db, *withOperators, query, cur, limit);
    } catch (const Error& e) {
      if (!isFtsSyntaxError(e)) throw;
    }
    const auto plain = search::buildFtsQuery(query.text, false);
    if (!plain) return SearchPage{};
    try {
      return runSearch(db, *plain, query, cur, limit);
    } catch (const Error& e) {
      if (!isFtsSyntaxError(e)) throw;
      return SearchPage{};
    }
  });
}

}  // namespace caselog
