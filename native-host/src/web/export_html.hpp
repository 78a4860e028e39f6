// The evidence bundle as one printable, self-contained HTML file: every message verbatim with
// its capture time, the case events, and the audit-chain head. The history view's /export and
// `caselog export --format html` both call this, so they write the same bytes.
#pragma once

#include <optional>
#include <string>

#include "core/time.hpp"

namespace caselog {

class CaseService;

struct ExportSelection {
  std::optional<std::string> caseId;  // one case; otherwise every case updated in [from, to)
  std::optional<Instant> from;
  std::optional<Instant> to;
};

// Throws caselog::Error(not_found) for an unknown caseId.
std::string renderEvidenceHtml(CaseService& service, const ExportSelection& selection);

}  // namespace caselog
