// For a generic, unhelpful or stale case: reopen, escalate or redirect (naming the team), with a
// drafted follow-up filled with the case's identifiers. CaseLog never posts it.
#pragma once

#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"

namespace caselog {

NextStep suggestNextStep(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                         const Config& config, Instant now);

}  // namespace caselog
