// Business time: elapsed time with Saturdays and Sundays left out, in the seller's time zone
// (a fixed UTC offset from the configuration; instants themselves are UTC).
#pragma once

#include <chrono>

#include "core/time.hpp"

namespace caselog {

// Business seconds from `from` to `to` (negative when `to` is earlier). Weekend days, as seen at
// `utcOffset`, count zero: Friday 17:00 → Monday 17:00 is exactly one business day.
std::chrono::seconds businessTimeBetween(Instant from, Instant to, std::chrono::minutes utcOffset);

// Whole business days elapsed (floor of businessTimeBetween / 24 h; 0 when `to` is not later).
int businessDaysBetween(Instant from, Instant to, std::chrono::minutes utcOffset);

// The instant `days` business days after `from` (a start on a weekend counts from Monday 00:00).
Instant addBusinessDays(Instant from, int days, std::chrono::minutes utcOffset);

}  // namespace caselog
