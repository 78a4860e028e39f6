// Window BM25: the ranking used inside the candidate window (storage/search_rank.hpp).
#include "storage/search_rank.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace caselog::search {
namespace {

TEST(SearchRank, ParsesRowStats) {
  const auto r = parseRowStats("42:3,0,1");
  EXPECT_EQ(r.length, 42);
  EXPECT_EQ(r.counts, (std::vector<int>{3, 0, 1}));
  EXPECT_TRUE(parseRowStats("7:").counts.empty());
  EXPECT_EQ(parseRowStats("garbage").length, 0);
}

TEST(SearchRank, MoreHitsAndShorterRowsRankHigher) {
  const auto s = windowBm25({{10, {1}}, {10, {3}}, {40, {1}}});
  EXPECT_GT(s[1], s[0]);  // more occurrences
  EXPECT_GT(s[0], s[2]);  // same hits, shorter row
}

TEST(SearchRank, RarerTermsWeighMore) {
  // Phrase 0 is in every row, phrase 1 in one: a row with phrase 1 outranks one with phrase 0 twice.
  const auto s = windowBm25({{10, {2, 0}}, {10, {1, 1}}, {10, {2, 0}}, {10, {2, 0}}});
  EXPECT_GT(s[1], s[0]);
  EXPECT_DOUBLE_EQ(s[0], s[2]);
}

TEST(SearchRank, MatchesTheBm25Formula) {
  // Two rows, one phrase in one of them: idf = ln(1 + (2 - 1 + 0.5) / (1 + 0.5)) = ln 2.
  const auto s = windowBm25({{8, {2}}, {8, {0}}});
  const double norm = 1.2 * (1 - 0.75 + 0.75 * 8 / 8.0);
  EXPECT_NEAR(s[0], std::log(2.0) * 2 * 2.2 / (2 + norm), 1e-12);
  EXPECT_DOUBLE_EQ(s[1], 0);
  EXPECT_TRUE(windowBm25({}).empty());
}

}  // namespace
}  // namespace caselog::search
