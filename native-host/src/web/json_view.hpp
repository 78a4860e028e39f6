// The JSON shapes of /api/* and the JSON evidence export (field names as in docs/PROTOCOL.md).
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"

namespace caselog::web {

nlohmann::json toJson(const Priority& p);
nlohmann::json toJson(const Reminder& r);
nlohmann::json toJson(const StoredMessage& m);
nlohmann::json toJson(const Event& e);
nlohmann::json toJson(const SearchHit& h);
nlohmann::json toJson(const Trends& t);
nlohmann::json toJson(const NextStep& s);
nlohmann::json toJson(const GenericVerdict& v);
// The case's scalar fields, identifiers and notes; messages when loaded.
nlohmann::json toJson(const CaseRecord& c);

// JSON text safe to send: invalid UTF-8 in captured text is replaced, never an exception.
std::string dumpJson(const nlohmann::json& j);

}  // namespace caselog::web
