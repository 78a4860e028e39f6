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

TEST(Time, FormatsEveryFieldWithLeadingZerosAndRoundTrips) {
  for (const char* iso : {"1970-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2000-02-29T09:08:07Z",
                          "2026-01-05T00:00:01Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
    const auto t = parseIso8601(iso);
    ASSERT_TRUE(t) << iso;
    EXPECT_EQ(formatIso8601(*t), iso);
  }
  // Outside four-digit years the general path still writes something readable.
  const Instant far = Instant{} + std::chrono::days(3000000);  // year 10183
  EXPECT_EQ(formatIso8601(far).substr(0, 6), "10183-");
}
