#include "domain/business_days.hpp"

#include <gtest/gtest.h>

#include "builders.hpp"

using namespace caselog;
using caselog::testing::at;
using std::chrono::hours;
using std::chrono::minutes;

// 2026-11-20 is a Friday; 2026-11-23 a Monday.

TEST(BusinessDays, WithinAWeek) {
  EXPECT_EQ(businessDaysBetween(at("2026-11-16T09:00:00Z"), at("2026-11-19T09:00:00Z"), minutes{0}), 3);
  EXPECT_EQ(businessDaysBetween(at("2026-11-16T09:00:00Z"), at("2026-11-19T08:59:59Z"), minutes{0}), 2);
}

TEST(BusinessDays, WeekendsAreSkipped) {
  // Friday 17:00 → Monday 17:00: one business day.
  EXPECT_EQ(businessDaysBetween(at("2026-11-20T17:00:00Z"), at("2026-11-23T17:00:00Z"), minutes{0}), 1);
  // Friday → next Friday: five.
  EXPECT_EQ(businessDaysBetween(at("2026-11-20T10:00:00Z"), at("2026-11-27T10:00:00Z"), minutes{0}), 5);
  // Saturday → Sunday: nothing.
  EXPECT_EQ(businessTimeBetween(at("2026-11-21T08:00:00Z"), at("2026-11-22T20:00:00Z"), minutes{0}).count(),
            0);
  // Three weeks.
  EXPECT_EQ(businessDaysBetween(at("2026-11-02T12:00:00Z"), at("2026-11-23T12:00:00Z"), minutes{0}), 15);
}

TEST(BusinessDays, BackwardsIsZeroDaysAndNegativeTime) {
  EXPECT_EQ(businessDaysBetween(at("2026-11-23T12:00:00Z"), at("2026-11-20T12:00:00Z"), minutes{0}), 0);
  EXPECT_LT(businessTimeBetween(at("2026-11-23T12:00:00Z"), at("2026-11-20T12:00:00Z"), minutes{0}).count(),
            0);
}

TEST(BusinessDays, InstantsWithOffsetsAreTheSameInstants) {
  // Same two instants written in UTC and in Berlin / Los Angeles offsets.
  const auto utc = businessDaysBetween(at("2026-11-18T12:00:00Z"), at("2026-11-25T12:00:00Z"), minutes{0});
  const auto written =
      businessDaysBetween(at("2026-11-18T13:00:00+01:00"), at("2026-11-25T04:00:00-08:00"), minutes{0});
  EXPECT_EQ(utc, 5);
  EXPECT_EQ(written, utc);
}

TEST(BusinessDays, TheWeekendIsTheSellersLocalWeekend) {
  // Friday 2026-11-20 23:30 UTC is already Saturday 08:30 in Tokyo (+09:00) but still Friday
  // 15:30 in Los Angeles (−08:00). Until Monday 2026-11-23 23:30 UTC:
  const Instant from = at("2026-11-20T23:30:00Z");
  const Instant to = at("2026-11-23T23:30:00Z");
  // UTC: Friday 23:30 → Monday 23:30 = Fri 0.5 h + Mon 23.5 h = 24 h.
  EXPECT_EQ(businessTimeBetween(from, to, minutes{0}), hours{24});
  // Tokyo: Saturday 08:30 → Tuesday 08:30 = Monday 24 h + Tuesday 8.5 h.
  EXPECT_EQ(businessTimeBetween(from, to, minutes{9 * 60}), hours{32} + minutes{30});
  // Los Angeles: Friday 15:30 → Monday 15:30 = Friday 8.5 h + Monday 15.5 h.
  EXPECT_EQ(businessTimeBetween(from, to, minutes{-8 * 60}), hours{24});
}

TEST(BusinessDays, AddSkipsWeekends) {
  EXPECT_EQ(formatIso8601(addBusinessDays(at("2026-11-19T10:00:00Z"), 2, minutes{0})),
            "2026-11-23T10:00:00Z");
  EXPECT_EQ(formatIso8601(addBusinessDays(at("2026-11-20T10:00:00Z"), 5, minutes{0})),
            "2026-11-27T10:00:00Z");
  // From Saturday: counted from Monday 00:00.
  EXPECT_EQ(formatIso8601(addBusinessDays(at("2026-11-21T15:00:00Z"), 1, minutes{0})),
            "2026-11-24T00:00:00Z");
  EXPECT_EQ(formatIso8601(addBusinessDays(at("2026-11-19T10:00:00Z"), 0, minutes{0})),
            "2026-11-19T10:00:00Z");
}

TEST(BusinessDays, AddRoundTripsWithBetween) {
  const Instant start = at("2026-11-18T07:45:00Z");
  for (int offset : {-480, 0, 60, 540}) {
    for (int n = 0; n < 30; ++n) {
      const Instant end = addBusinessDays(start, n, minutes{offset});
      EXPECT_EQ(businessDaysBetween(start, end, minutes{offset}), n) << "n=" << n << " offset=" << offset;
    }
  }
}

TEST(BusinessDays, AddInAnotherZoneLandsOnItsMonday) {
  // Friday 2026-11-20 20:00 in Los Angeles (Saturday 04:00 UTC) + 1 business day = Monday 20:00 LA.
  EXPECT_EQ(formatIso8601(addBusinessDays(at("2026-11-20T20:00:00-08:00"), 1, minutes{-480})),
            "2026-11-24T04:00:00Z");
}

TEST(BusinessDays, BeforeTheEpoch) {
  // 1969-12-26 was a Friday, 1969-12-29 a Monday.
  EXPECT_EQ(businessDaysBetween(at("1969-12-26T12:00:00Z"), at("1969-12-29T12:00:00Z"), minutes{0}), 1);
}
