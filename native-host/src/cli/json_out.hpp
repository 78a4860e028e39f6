// The CLI's --json output: model values as JSON objects. Field names follow the protocol
// (DESIGN.md) so scripts can use the CLI and the host alike.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

nlohmann::json toJson(const Priority& p);
nlohmann::json toJson(const Reminder& r);
nlohmann::json toJson(const GenericVerdict& v);
nlohmann::json toJson(const NextStep& s);
nlohmann::json toJson(const Event& e);
nlohmann::json toJson(const Note& n);
nlohmann::json toJson(const StoredMessage& m);
nlohmann::json toJson(const Identifier& id);
// The case's fields, identifiers and notes (messages are added by the caller when wanted).
nlohmann::json caseSummaryJson(const CaseRecord& c);
nlohmann::json toJson(const SearchHit& h);  // snippet without markers + the highlighted terms
nlohmann::json toJson(const Trends& t);
nlohmann::json toJson(const CaptureOutcome& o);
nlohmann::json toJson(const VerifyReport& r);

template <typename T>
nlohmann::json toJsonArray(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : items) out.push_back(toJson(i));
  return out;
}

// Writes `value` indented, one document per call; invalid UTF-8 in captured text is replaced.
void printJson(std::ostream& out, const nlohmann::json& value);

// Optional instants as an ISO string or null.
nlohmann::json isoOrNull(const std::optional<Instant>& t);

}  // namespace caselog::cli
