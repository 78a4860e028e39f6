// Instants and ISO 8601. Everything CaseLog stores is UTC.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace caselog {

using Instant = std::chrono::sys_seconds;

// Parses "2026-11-20T14:05:00Z", "2026-11-20T14:05:00.123Z", "2026-11-20T14:05:00+01:00",
// "2026-11-20 14:05:00" (taken as UTC) and "2026-11-20" (midnight UTC).
std::optional<Instant> parseIso8601(std::string_view text);

// "2026-11-20T14:05:00Z"
std::string formatIso8601(Instant t);

// The source of "now". Domain code takes it as an argument, never reads the system clock.
using Clock = std::function<Instant()>;

// The system clock, or the fixed instant given by CASELOG_NOW / --now when set.
Clock systemClock();
Clock fixedClock(Instant t);

}  // namespace caselog
