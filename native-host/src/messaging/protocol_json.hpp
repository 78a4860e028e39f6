// JSON <-> model for protocol v1 (docs/PROTOCOL.md): reading what the extension sends and
// writing what the host answers. Readers throw caselog::Error(bad_request) naming the field.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "messaging/fields.hpp"
#include "service/case_service.hpp"

namespace caselog::messaging {

// ---- requests ----
CaptureSource readSource(const Fields& request);                    // request.source (object)
CaseSnapshot readCaseSnapshot(const Fields& snapshot);              // the `case` object
std::vector<CaseListEntry> readListEntries(const Fields& request);  // request.cases

// ---- answers ----
nlohmann::json toJson(const Priority& p);  // {score, label, reasons[], terms[]}
nlohmann::json toJson(const Reminder& r);  // {caseId, subject, rule, message, dueAt}
nlohmann::json toJson(const SearchHit& h);
nlohmann::json toJson(const Event& e);
nlohmann::json toJson(const StoredMessage& m);
// The case's scalar fields, identifiers and notes; messages are paged separately.
nlohmann::json caseSummaryJson(const CaseRecord& c);

nlohmann::json optionalInstant(const std::optional<Instant>& t);  // ISO string or null

}  // namespace caselog::messaging
