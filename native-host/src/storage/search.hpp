// Full-text search: turning what a user typed into a safe FTS5 query, and the paging cursor.
//
// The plan (SqliteStore::search, search.cpp), and what the user sees:
//   Matches are found newest first (FTS5 walks a term's rowids in descending order cheaply, and
//   message ids grow with capture order), and at most kCandidateWindow of them are taken: the
//   newest 1,000 matching messages plus the newest 250 matching subjects/notes. Those candidates
//   are ranked by BM25 whose document frequencies come from the window itself
//   (storage/search_rank.hpp: the built-in bm25() would first walk every match of every term),
//   and paged. A rare term (fewer matches than the window) is therefore ranked over all its
//   matches; a broad term shows "the most relevant among the newest 1,000 matches", and paging
//   past them continues with the next-older 1,000. Snippets are built only for the page
//   returned. The work per page is bounded whatever the term's frequency (the naive
//   `ORDER BY rank` scores every match: ~275k rows for a common word over 2M messages).
//   Subjects and notes have their own small index, ranked the same way; the two lists merge by
//   score. Superseded message versions are not in the index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caselog::search {

inline constexpr int kCandidateWindow = 1000;  // messages
inline constexpr int kTextWindow = 250;        // subjects and notes

// An FTS5 MATCH expression for the user's text, or nullopt when it has no searchable term.
// Every term becomes a quoted string (so `:`, `-`, `(`, `^`, `NEAR` … are plain text and
// "113-1234567-1234567" is a phrase); "double-quoted phrases" stay phrases; a trailing `*` makes
// a prefix term. With operators, upper-case AND / OR / NOT between two terms are kept as FTS5
// operators; without, every word is a term (all must match).
std::optional<std::string> buildFtsQuery(std::string_view text, bool operators);

// CJK text (Japanese, Chinese, Korean). The unicode61 tokenizer of message_fts/text_fts makes a
// whole run of kana/ideographs one token ("商品を受領しました" is a single token), so an FTS
// term "受領" matches nothing. Chosen fix, without touching the schema: when any term of the query
// holds a CJK character, the query is answered by substring matching (caselog_contains(), a
// plain SQL function registered next to caselog_stats; no LIKE escaping issues) over a bounded
// scan window: the newest kSubstringScan messages (and
// kTextSubstringScan subjects/notes) below the cursor. Matches are ranked with the same window
// BM25 (occurrence counts, length in characters) and snippets are cut around the first hit.
// Paging past the window continues with the next-older kSubstringScan rows, so the work per page
// stays bounded and old history is still reachable. Rejected: a custom tokenizer (ICU, trigram
// on an older SQLite, or our own) — the index must stay readable and writable by the plain
// sqlite3 CLI (caselog_contains appears in queries only, never in the schema); FTS prefix
// queries alone find "受領" only at the start of a run, not inside one.
// Non-CJK terms in such a query match as ASCII-case-insensitive substrings; AND/OR/NOT work.
inline constexpr int kSubstringScan = 20000;     // messages scanned per page
inline constexpr int kTextSubstringScan = 5000;  // subjects and notes scanned per page
inline constexpr std::size_t kMaxSubstringTerms = 16;

// Does the text hold a kana, CJK ideograph or Hangul character?
bool hasCjk(std::string_view text);

// One term of a substring query: its text (ASCII letters lower-cased) and how it joins the
// previous term ("" or "AND": both; "OR"; "NOT": and not). The first term's op is "".
struct SubstringTerm {
  std::string text;
  std::string op;
};
// The terms of the user's text (at most kMaxSubstringTerms; `*` suffixes dropped), empty when
// nothing is searchable. Operators as in buildFtsQuery(…, true).
std::vector<SubstringTerm> buildSubstringQuery(std::string_view text);

// The terms as one SQL parameter for caselog_contains(text, encoded) (registered with
// caselog_stats, storage/search_rank.cpp): the SQL stays one constant text whatever the query
// (prepared statements are cached by the address of their SQL text).
std::string encodeSubstringQuery(const std::vector<SubstringTerm>& terms);
// Does `text` satisfy the encoded query? Terms are ASCII-case-insensitive substrings; NOT binds
// tighter than AND (implicit), AND tighter than OR, as in FTS5.
bool substringMatches(std::string_view text, std::string_view encoded);

std::string asciiLower(std::string_view s);
// Non-overlapping occurrences of each term in `lowered` (asciiLower of the text).
std::vector<int> countOccurrences(std::string_view lowered, const std::vector<SubstringTerm>& terms);
// A snippet like FTS5's snippet(…, char(2), char(3), '…'): text around the first hit of a term,
// each hit wrapped in \x02…\x03. UTF-8 safe.
std::string substringSnippet(std::string_view text, const std::vector<SubstringTerm>& terms);

// Where the next page starts: exclusive upper rowid bounds of the candidate windows (0: that
// source is exhausted) and the offset within the ranked window.
struct Cursor {
  std::int64_t messageUpper = 0;
  std::int64_t textUpper = 0;
  std::int64_t offset = 0;
};

std::string encodeCursor(const Cursor& c);
// Throws caselog::Error(bad_request) for anything encodeCursor did not produce.
Cursor decodeCursor(std::string_view text);

}  // namespace caselog::search
