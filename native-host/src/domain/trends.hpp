// Trends across cases: counts per category per week, recurring issues with a hint at the
// operational flaw behind them, reply and resolution times, generic-reply and reopen rates.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"

namespace caselog {

struct WeekCount {
  std::string weekStart;  // ISO date of the Monday, "2026-11-16"
  std::string category;
  int cases = 0;
};

struct RecurringIssue {
  std::string category;
  std::string key;   // the shared ASIN / shipment / SKU, or the common subject
  std::string kind;  // "asin", "shipment", "sku", "subject"
  std::vector<std::string> caseIds;
  std::string hint;  // "Repeated FBA receiving discrepancies: check labelling and packaging"
};

struct CategoryTimes {
  std::string category;
  int cases = 0;
  double medianHoursToFirstReply = -1;  // -1: no data
  double medianHoursToResolution = -1;
};

struct Trends {
  std::vector<WeekCount> perWeek;  // last 26 weeks
  std::vector<RecurringIssue> recurring;
  std::vector<CategoryTimes> times;
  int amazonReplies = 0;
  int genericReplies = 0;
  int unassessedReplies = 0;    // Amazon replies with no generic verdict yet (see TrendCase)
  double genericReplyRate = 0;  // genericReplies / (amazonReplies - unassessedReplies)
  int cases = 0;
  int reopenedCases = 0;
  double reopenRate = 0;
};

// What trends need of one case: its own fields and facts about its current messages, never their
// bodies. The store fills it with aggregate queries (Store::trendCases), so trends over 100,000 cases
// and 2,000,000 messages read no message text.
struct TrendCase {
  std::string caseId;
  std::string category;  // already resolved: the stored category, or inferCategory() when that is empty
  std::string status;
  std::string subject;
  std::optional<Instant> createdAt;
  std::optional<Instant> updatedAt;
  Instant firstCapturedAt{};
  int reopenCount = 0;
  // Of the current messages (sentAt, else capturedAt): the earliest and latest. Only read when
  // needsMessageSpan(); the store fills them for those cases alone (Store::messageSpans).
  std::optional<Instant> firstMessageAt;
  std::optional<Instant> lastMessageAt;
  std::optional<Instant> firstAmazonReplyAt;  // likewise, the earliest Amazon reply
  int amazonReplies = 0;                      // current Amazon replies…
  int genericReplies = 0;                     // …judged generic by their verdict
  int unassessedReplies = 0;                  // …with no verdict (counted in neither rate term)
  // Only read for the cases recurringWindowCases() names; the others may leave it empty.
  std::vector<Identifier> identifiers;
};

// The earliest and latest current message of a case (sentAt, else capturedAt); empty without any.
struct MessageSpan {
  std::optional<Instant> first;
  std::optional<Instant> last;
};

// Whether computeTrends reads c.firstMessageAt / c.lastMessageAt: when the case has no creation
// date (it began with its first message), or is resolved/closed with no update date (it ended
// with its last message).
bool needsMessageSpan(const TrendCase& c);

// Indices of the cases that began within /trends/recurringWindowDays before now: the only ones
// whose identifiers computeTrends() looks at.
std::vector<std::size_t> recurringWindowCases(const std::vector<TrendCase>& cases, const Config& config,
                                              Instant now);

// The cases in their stored order (it decides the order of equal-sized recurring issues).
Trends computeTrends(const std::vector<TrendCase>& cases, const Config& config, Instant now);

// The same from fully loaded cases: verdicts[i] parallel to cases[i].messages (a missing verdict
// counts as not generic, as before the TrendCase form).
TrendCase trendCase(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts, const Config& config);
Trends computeTrends(const std::vector<CaseRecord>& cases,
                     const std::vector<std::vector<GenericVerdict>>& verdicts, const Config& config,
                     Instant now);

}  // namespace caselog
