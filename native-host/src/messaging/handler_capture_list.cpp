// `capture_list`: the rows of the case-list page (no threads).
#include "messaging/handlers.hpp"
#include "messaging/protocol_json.hpp"

namespace caselog::messaging {

nlohmann::json handleCaptureList(const Fields& request, HandlerContext& ctx) {
  const CaptureSource source = readSource(request);
  const auto entries = readListEntries(request);
  const ListCaptureOutcome outcome = ctx.service.captureList(entries, source);
  nlohmann::json ack = toJson(outcome);
  ack["type"] = "ack";
  return ack;
}

}  // namespace caselog::messaging
