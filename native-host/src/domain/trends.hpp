// Trends across cases: counts per category per week, recurring issues with a hint at the
// operational flaw behind them, reply and resolution times, generic-reply and reopen rates.
#pragma once

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
  double genericReplyRate = 0;  // genericReplies / amazonReplies
  int cases = 0;
  int reopenedCases = 0;
  double reopenRate = 0;
};

// cases: loaded with messages; verdicts[i] parallel to cases[i].messages.
Trends computeTrends(const std::vector<CaseRecord>& cases,
                     const std::vector<std::vector<GenericVerdict>>& verdicts, const Config& config,
                     Instant now);

}  // namespace caselog
