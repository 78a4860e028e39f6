// The priority score: Σ coefficient × term, Taskwarrior-urgency style. Pure: now and the
// coefficients come in as arguments.
#pragma once

#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"

namespace caselog {

// verdicts: parallel to c.messages (c must be loaded with messages).
Priority computePriority(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                         const Config& config, Instant now);

}  // namespace caselog
