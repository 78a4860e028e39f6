// `snooze`: the seller's follow-up date for a case; reminders hold until then.
#include "messaging/handlers.hpp"

namespace caselog::messaging {

nlohmann::json handleSnooze(const Fields& request, HandlerContext& ctx) {
  const std::string caseId = request.requiredString("caseId");
  const Instant until = request.requiredInstant("until");
  ctx.service.snooze(caseId, until);
  return {{"type", "ack"}, {"caseId", caseId}, {"snoozedUntil", formatIso8601(until)}};
}

}  // namespace caselog::messaging
