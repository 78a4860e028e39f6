// Deadlines: stated in an Amazon reply ("within 17 days", "innerhalb von 17 Tagen", "dans les
// 17 jours", "17日以内") or implied by the case type (a plan of action for account health, the
// 18-month reimbursement claim window for FBA inventory). Patterns are in the configuration.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "domain/case_facts.hpp"
#include "domain/config.hpp"

namespace caselog {

struct Deadline {
  Instant due{};
  std::string what;    // "\"within 17 days\" in Amazon's reply", "plan of action"
  std::string source;  // "reply" or "category"
};

// A duration found in text: the first configured pattern that matches in a sentence that is not
// about Amazon's own response time ("we will reply within 2 days" is not the seller's deadline).
struct StatedPeriod {
  int amount = 0;
  std::string unit;    // "days", "businessDays", "months"
  std::string phrase;  // the matched words, folded: "within 17 days"
};
std::optional<StatedPeriod> findStatedPeriod(std::string_view body, const Config& config);

// Every deadline of the case: from current Amazon messages and from its category. `folded`, when
// given, holds texts already folded (text::fold of c.messages[i].body at i; an empty one is not
// known), which are not folded again.
std::vector<Deadline> caseDeadlines(const CaseRecord& c, const std::string& category, const Config& config,
                                    const std::vector<std::string>* folded = nullptr);
// caseDeadlines of an open case, none for a closed one: what the priority and reminder rules look at.
std::vector<Deadline> openDeadlines(const CaseRecord& c, const CaseFacts& facts, const Config& config,
                                    const std::vector<std::string>* folded = nullptr);

// The earliest of `deadlines` (as caseDeadlines lists them; the first of equal ones) still relevant
// at `now`: not passed by more than priority.deadlineGraceDays.
std::optional<Deadline> nextDeadline(const std::vector<Deadline>& deadlines, const Config& config,
                                     Instant now);

}  // namespace caselog
