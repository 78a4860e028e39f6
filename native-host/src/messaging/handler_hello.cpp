// `hello`: the extension's greeting; reports the protocol, the host version, the database and the
// history view. A protocol other than 1 is still answered: the extension decides what to do.
#include "messaging/handlers.hpp"

namespace caselog::messaging {

nlohmann::json handleHello(const Fields& request, HandlerContext& ctx) {
  request.optionalInt("protocol", 0, 1'000'000);  // validated, not required
  request.optionalString("extension");
  return {{"type", "hello"},
          {"protocol", 1},
          {"host", ctx.host.version},
          {"db", ctx.host.dbPath},
          {"view", ctx.host.viewUrl ? nlohmann::json(*ctx.host.viewUrl) : nlohmann::json(nullptr)}};
}

}  // namespace caselog::messaging
