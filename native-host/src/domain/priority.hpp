// The priority score: Σ coefficient × term, Taskwarrior-urgency style. Pure: now and the
// coefficients come in as arguments.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/case_facts.hpp"
#include "domain/config.hpp"
#include "domain/deadlines.hpp"

namespace caselog {

// verdicts: parallel to c.messages (c must be loaded with messages).
// Terms (only those that apply are listed): category, money, needs_seller, waiting, generic_reply,
// reopen, deadline, pinned, resolved. Each value is in [0, 1]; see docs/CONFIG.md.
Priority computePriority(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                         const Config& config, Instant now);
// The same from the case's facts and deadlines already worked out (caseFacts; caseDeadlines, or
// none for a closed case), for a caller that also needs them for the reminders.
Priority computePriority(const CaseRecord& c, const CaseFacts& facts, const std::vector<Deadline>& deadlines,
                         const Config& config, Instant now);

// The P1–P4 label of a score by the configured bands (priority.bands).
std::string priorityLabel(double score, const Config& config);

// "suppressed or removed listing +10.0" — the explanation with its signed contribution.
std::string describeTerm(const PriorityTerm& term);

}  // namespace caselog
