#include "domain/business_days.hpp"

namespace caselog {

namespace {

using std::chrono::seconds;

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kBusinessWeek = 5 * kDay;
// 1970-01-01 was a Thursday: shifting by 3 days puts day 0 on Monday 1969-12-29.
constexpr std::int64_t kMondayShift = 3 * kDay;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Business seconds from Monday 1969-12-29 00:00 (local) to the local wall time `t`.
std::int64_t businessClock(std::int64_t localSeconds) {
  const std::int64_t s = localSeconds + kMondayShift;
  const std::int64_t days = floorDiv(s, kDay);
  const std::int64_t week = floorDiv(days, 7);
  const std::int64_t weekday = days - week * 7;  // 0 = Monday … 6 = Sunday
  const std::int64_t intoDay = s - days * kDay;
  if (weekday >= 5) return week * kBusinessWeek + kBusinessWeek;
  return week * kBusinessWeek + weekday * kDay + intoDay;
}

// Inverse of businessClock: the earliest local wall time with that business clock.
std::int64_t fromBusinessClock(std::int64_t business) {
  const std::int64_t week = floorDiv(business, kBusinessWeek);
  const std::int64_t rest = business - week * kBusinessWeek;
  return week * 7 * kDay + rest / kDay * kDay + rest % kDay - kMondayShift;
}

std::int64_t local(Instant t, std::chrono::minutes offset) {
  return t.time_since_epoch().count() + std::chrono::duration_cast<seconds>(offset).count();
}

}  // namespace

std::chrono::seconds businessTimeBetween(Instant from, Instant to, std::chrono::minutes utcOffset) {
  return seconds{businessClock(local(to, utcOffset)) - businessClock(local(from, utcOffset))};
}

int businessDaysBetween(Instant from, Instant to, std::chrono::minutes utcOffset) {
  const auto s = businessTimeBetween(from, to, utcOffset).count();
  return s <= 0 ? 0 : static_cast<int>(s / kDay);
}

Instant addBusinessDays(Instant from, int days, std::chrono::minutes utcOffset) {
  const std::int64_t offset = std::chrono::duration_cast<seconds>(utcOffset).count();
  const std::int64_t target = businessClock(local(from, utcOffset)) + static_cast<std::int64_t>(days) * kDay;
  return Instant{seconds{fromBusinessClock(target) - offset}};
}

}  // namespace caselog
