// `due`: reminders due now, highest priority first. Trimmed to fit one frame; `total` tells how
// many there are in all (the history view lists every one).
#include "messaging/handlers.hpp"
#include "messaging/protocol_json.hpp"

namespace caselog::messaging {

nlohmann::json handleDue(const Fields& request, HandlerContext& ctx) {
  const auto limit = request.optionalInt("limit", 1, 10'000);
  const auto due = ctx.service.due();
  nlohmann::json reminders = nlohmann::json::array();
  std::size_t used = 0;
  for (const auto& r : due) {
    if (limit && reminders.size() >= static_cast<std::size_t>(*limit)) break;
    nlohmann::json item = toJson(r);
    used += jsonSize(item) + 1;
    if (used > kAnswerBudget) break;
    reminders.push_back(std::move(item));
  }
  return {{"type", "due"}, {"reminders", reminders}, {"total", due.size()}};
}

}  // namespace caselog::messaging
