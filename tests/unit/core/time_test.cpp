#include "core/time.hpp"

#include <gtest/gtest.h>

using namespace caselog;

TEST(Time, ParsesUtcAndOffsets) {
  auto z = parseIso8601("2026-11-20T14:05:00Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(formatIso8601(*z), "2026-11-20T14:05:00Z");
  auto off = parseIso8601("2026-11-20T15:05:00+01:00");
  ASSERT_TRUE(off);
  EXPECT_EQ(*off, *z);
  auto neg = parseIso8601("2026-11-20T06:05:00.250-0800");
  ASSERT_TRUE(neg);
  EXPECT_EQ(*neg, *z);
  EXPECT_EQ(formatIso8601(*parseIso8601("2026-11-20")), "2026-11-20T00:00:00Z");
}

TEST(Time, RejectsGarbage) {
  EXPECT_FALSE(parseIso8601(""));
  EXPECT_FALSE(parseIso8601("Nov 20, 2026"));
  EXPECT_FALSE(parseIso8601("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(parseIso8601("2026-11-20T25:00:00Z"));
  EXPECT_FALSE(parseIso8601("2026-11-20T14:05:00Zjunk"));
}
