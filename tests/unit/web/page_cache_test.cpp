// The page cache: exact version hits, stale pages only for the same data, bounded size.
#include "web/page_cache.hpp"

#include <gtest/gtest.h>

namespace caselog::web {
namespace {

TEST(PageCache, HitsOnlyTheExactVersion) {
  PageCache cache;
  cache.put("GET /", {7, 100}, Response::html("a"));
  ASSERT_NE(cache.get("GET /", {7, 100}), nullptr);
  EXPECT_EQ(*cache.get("GET /", {7, 100})->body, "a");
  EXPECT_EQ(cache.get("GET /", {8, 100}), nullptr);  // data changed
  EXPECT_EQ(cache.get("GET /", {7, 101}), nullptr);  // a minute passed
  EXPECT_EQ(cache.get("GET /cases", {7, 100}), nullptr);
}

TEST(PageCache, StalePagesOnlyForUnchangedData) {
  PageCache cache;
  cache.put("GET /", {7, 100}, Response::html("a"));
  EXPECT_NE(cache.getStale("GET /", {7, 101}), nullptr);
  EXPECT_EQ(cache.getStale("GET /", {8, 101}), nullptr) << "after a change, never show the old data";
}

TEST(PageCache, ClearAndBound) {
  PageCache cache(2);
  cache.put("a", {1, 1}, Response::html("a"));
  cache.put("b", {1, 1}, Response::html("b"));
  cache.put("c", {1, 1}, Response::html("c"));  // full: starts over
  EXPECT_EQ(cache.get("a", {1, 1}), nullptr);
  EXPECT_NE(cache.get("c", {1, 1}), nullptr);
  cache.clear();
  EXPECT_EQ(cache.get("c", {1, 1}), nullptr);
}

}  // namespace
}  // namespace caselog::web
