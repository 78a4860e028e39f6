// JSON as CaseLog writes it everywhere (native-messaging frames, stored audit-event data, API
// bodies, exports): compact, keys sorted, UTF-8 as is, an invalid byte replaced by U+FFFD rather
// than an exception halfway through an answer.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace caselog {

inline std::string compactJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace caselog
