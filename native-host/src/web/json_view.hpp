// The JSON of /api/* and of the JSON evidence export. The model values map to JSON through
// service/json.hpp (field names as in docs/PROTOCOL.md); this file keeps what is the view's own.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/json.hpp"

namespace caselog::web {

// The case summary with its messages (as loaded): what /api/cases/<id> and the export show.
nlohmann::json caseWithMessagesJson(const CaseRecord& c);

}  // namespace caselog::web
