// Reminder rules: Amazon silent past the expected reply time (business days), Amazon waiting on
// the seller, generic reply on an answered/resolved case (reopen window), the seller's follow-up
// date, an approaching deadline. Pure: returns what is due at `now`; the service records firings.
#pragma once

#include <optional>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/case_facts.hpp"
#include "domain/config.hpp"
#include "domain/deadlines.hpp"

namespace caselog {

std::vector<Reminder> evaluateReminders(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                                        const Config& config, Instant now);
// The same from the case's facts and deadlines already worked out (caseFacts; caseDeadlines, or
// none for a closed case).
std::vector<Reminder> evaluateReminders(const CaseRecord& c, const CaseFacts& facts,
                                        const std::vector<Deadline>& deadlines, const Config& config,
                                        Instant now);

// The earliest instant t >= from at which evaluateReminders(c, verdicts, config, t) can return a
// reminder, or nullopt when none can come due without the case (or the configuration) changing.
// Never later than the true first due instant, so a store can index it and load only cases whose
// instant has passed; it may be earlier (a reopen window or deadline grace that ends meanwhile).
// Dismissals are not considered: the service honours them when it evaluates.
std::optional<Instant> nextReminderDue(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                                       const Config& config, Instant from);
// The same from the case's facts and deadlines already worked out, as evaluateReminders takes them.
std::optional<Instant> nextReminderDue(const CaseRecord& c, const CaseFacts& facts,
                                       const std::vector<Deadline>& deadlines, const Config& config,
                                       Instant from);

}  // namespace caselog
