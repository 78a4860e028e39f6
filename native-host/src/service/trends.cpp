// Trends across cases (caselog stats, /trends): loads what computeTrends needs from the store.
#include "domain/trends.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

namespace caselog {

Trends CaseService::trends() {
  std::vector<CaseRecord> cases;
  std::vector<std::vector<GenericVerdict>> verdicts;
  for (const auto& id : store_.caseIds(false)) {
    auto c = store_.findCase(id, true);
    if (!c) continue;
    verdicts.push_back(genericVerdicts(*c));
    cases.push_back(std::move(*c));
  }
  return computeTrends(cases, verdicts, config_, now());
}

}  // namespace caselog
