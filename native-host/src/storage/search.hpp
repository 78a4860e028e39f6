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

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caselog::search {

inline constexpr int kCandidateWindow = 1000;  // messages
inline constexpr int kTextWindow = 250;        // subjects and notes

// An FTS5 MATCH expression for the user's text, or nullopt when it has no searchable term.
// Every term becomes a quoted string (so `:`, `-`, `(`, `^`, `NEAR` … are plain text and
// "113-1234567-1234567" is a phrase); "double-quoted phrases" stay phrases; a trailing `*` makes
// a prefix term. With operators, upper-case AND / OR / NOT between two terms are kept as FTS5
// operators; without, every word is a term (all must match).
std::optional<std::string> buildFtsQuery(std::string_view text, bool operators);

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
