// `dismiss` (protocol extension): the seller dismisses one reminder rule for a case until the case
// changes. Recorded as an audit event.
#include <algorithm>
#include <array>
#include <string_view>

#include "core/error.hpp"
#include "messaging/handlers.hpp"

namespace caselog::messaging {

namespace {
constexpr std::array<std::string_view, 5> kRules{"amazon_silent", "needs_seller", "generic_reopen",
                                                 "follow_up", "deadline"};
}  // namespace

nlohmann::json handleDismiss(const Fields& request, HandlerContext& ctx) {
  const std::string caseId = request.requiredString("caseId");
  const std::string rule = request.requiredString("rule");
  if (std::find(kRules.begin(), kRules.end(), rule) == kRules.end()) {
    throw Error(ErrorCode::bad_request,
                "field `rule` must be one of amazon_silent, needs_seller, "
                "generic_reopen, follow_up, deadline");
  }
  ctx.service.dismissReminder(caseId, rule);
  return {{"type", "ack"}, {"caseId", caseId}, {"rule", rule}};
}

}  // namespace caselog::messaging
