// `capture`: one case snapshot from a case page (or a selection). Stored durably before the ack.
#include "messaging/handlers.hpp"
#include "messaging/protocol_json.hpp"

namespace caselog::messaging {

nlohmann::json handleCapture(const Fields& request, HandlerContext& ctx) {
  const CaptureSource source = readSource(request);
  const CaseSnapshot snapshot = readCaseSnapshot(request.object("case"));
  const CaptureOutcome outcome = ctx.service.capture(snapshot, source);
  nlohmann::json ack = toJson(outcome);
  ack["type"] = "ack";
  return ack;
}

}  // namespace caselog::messaging
