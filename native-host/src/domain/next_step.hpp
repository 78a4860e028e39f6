// For a generic, unhelpful or stale case: reopen, escalate or redirect (naming the team), with a
// drafted follow-up filled with the case's identifiers. CaseLog never posts it.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"

namespace caselog {

// Actions: "reply" (Amazon waits on the seller, or a chase inside an open case), "reopen",
// "escalate", "redirect" (another team handles this category), "wait", "none".
NextStep suggestNextStep(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                         const Config& config, Instant now);

// Fills nextStep.templates.<kind> with the case: {caseId} {subject} {asins} {orders} {shipments}
// {skus} {amounts} {references} {team} {days}. Unknown placeholders stay as written.
std::string draftFollowUp(const std::string& kind, const CaseRecord& c, const std::string& team, int days,
                          const Config& config);

}  // namespace caselog
