// Seller Central statuses, in any of its languages, to CaseLog's normalized set.
#pragma once

#include <string>
#include <string_view>

namespace caselog {

// Returns one of: open, pending_amazon, needs_seller, answered, work_in_progress, resolved, closed,
// reopened, unknown. "Answered" means Amazon replied, not that the problem is solved.
std::string normalizeStatus(std::string_view raw);

// A normalized status that ends the case: resolved or closed.
inline bool isClosedStatus(std::string_view status) {
  return status == "resolved" || status == "closed";
}

}  // namespace caselog
