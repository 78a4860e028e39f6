// Reminder rules: Amazon silent past the expected reply time (business days), Amazon waiting on
// the seller, generic reply on an answered/resolved case (reopen window), the seller's follow-up
// date, an approaching deadline. Pure: returns what is due at `now`; the service records firings.
#pragma once

#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"

namespace caselog {

std::vector<Reminder> evaluateReminders(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                                        const Config& config, Instant now);

}  // namespace caselog
