// Ranking inside the candidate window (see storage/search.hpp).
//
// FTS5's built-in bm25() computes each phrase's document frequency by walking the phrase's whole
// doclist on the first row: ~25 ms of CPU for a word in a million messages, before a single row
// is scored. CaseLog ranks only a bounded window of the newest matches, so it takes the document
// frequencies from that window instead: the auxiliary function caselog_stats() returns, per row,
// the row's length in tokens and each phrase's hit count, and windowBm25() scores the window with
// BM25 (k1 = 1.2, b = 0.75) using the window's own document count, frequencies and mean length.
// When every match fits in the window (rare terms), this is BM25 over all matches.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace caselog::search {

// Registers caselog_stats(<fts table>) on a connection. Returns false when FTS5 is missing.
bool registerRankFunction(sqlite3* db);

// One candidate row as caselog_stats() describes it: "length:count0,count1,…".
struct RowStats {
  int length = 0;
  std::vector<int> counts;  // hits per query phrase
};
RowStats parseRowStats(const std::string& text);

// Scores (higher is better), parallel to rows.
std::vector<double> windowBm25(const std::vector<RowStats>& rows);

}  // namespace caselog::search
