#include "web/json_view.hpp"

namespace caselog::web {

nlohmann::json caseWithMessagesJson(const CaseRecord& c) {
  nlohmann::json j = caseSummaryJson(c);
  j["messages"] = toJsonArray(c.messages);
  return j;
}

std::string dumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace caselog::web
