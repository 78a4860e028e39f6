// JSON <-> model for protocol v1 (docs/PROTOCOL.md): reading what the extension sends, and the
// protocol's own subsets of what the host answers. Readers throw caselog::Error(bad_request)
// naming the field.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "messaging/fields.hpp"
#include "service/case_service.hpp"
#include "service/json.hpp"

namespace caselog::messaging {

// ---- requests ----
CaptureSource readSource(const Fields& request);                    // request.source (object)
CaseSnapshot readCaseSnapshot(const Fields& snapshot);              // the `case` object
std::vector<CaseListEntry> readListEntries(const Fields& request);  // request.cases

// ---- answers ----
// Values map to JSON through service/json.hpp (PROTOCOL.md's shapes). Below are the leaner
// subsets that the `case` answer documents, for its frame budget.
// A message without `current` (the answer's thread is the current one).
nlohmann::json protocolMessageJson(const StoredMessage& m);
// An event without caseId and prevHash: {seq, kind, at, data, hash}.
nlohmann::json protocolEventJson(const Event& e);

}  // namespace caselog::messaging
