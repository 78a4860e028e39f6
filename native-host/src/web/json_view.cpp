#include "web/json_view.hpp"

namespace caselog::web {

nlohmann::json caseWithMessagesJson(const CaseRecord& c) {
  nlohmann::json j = caseJson(c);
  j["messages"] = toJsonArray(c.messages);
  return j;
}

}  // namespace caselog::web
