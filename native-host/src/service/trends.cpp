// Trends across cases (caselog stats, /trends): loads what computeTrends needs from the store.
//
// It scales with the number of messages without reading their bodies (1.5 s at 10,000 cases when
// every case was loaded whole; see tests/bench/trends_bench.sh for 100,000 cases / 2M messages):
//  - Store::trendCases() gives every case's own fields plus per-case message facts (first/last
//    message, first Amazon reply) and counts of its current Amazon replies by stored verdict.
//  - Identifiers are read only for the cases inside the recurring-issue window.
//  - Two things still need a whole case, and are rare, so those cases alone are loaded:
//    an empty stored category (inferred from subject and bodies, as before), and Amazon replies
//    without a stored generic verdict. The capture path stores a verdict for every Amazon reply
//    and reassess fills gaps in open cases, so missing verdicts are few (a store migrated from an
//    older CaseLog may lack them for closed cases). Up to kAssessAtMost of them are assessed on
//    the fly (not saved, as before: trends is a read); beyond that they are reported as
//    Trends::unassessedReplies and left out of the generic-reply rate, instead of making one
//    `caselog stats` cost minutes (each assessment reads the reply and probes its near-duplicates).
#include "domain/category.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

namespace caselog {

namespace {

constexpr int kAssessAtMost = 200;  // unassessed Amazon replies assessed on the fly per call

int unassessed(const std::vector<TrendCase>& cases) {
  int n = 0;
  for (const auto& c : cases) n += c.unassessedReplies;
  return n;
}

}  // namespace

Trends CaseService::trends() {
  auto cases = store_.trendCases();
  const bool assess = unassessed(cases) <= kAssessAtMost;
  for (auto& c : cases) {
    const bool reassess = assess && c.unassessedReplies > 0;
    if (!c.category.empty() && !reassess) continue;
    const auto whole = store_.findCase(c.caseId, true);
    if (!whole) continue;  // cases are never deleted
    if (c.category.empty()) c.category = inferCategory(*whole, config_);
    if (!reassess) continue;
    const TrendCase fresh = trendCase(*whole, genericVerdicts(*whole), config_);
    c.amazonReplies = fresh.amazonReplies;
    c.genericReplies = fresh.genericReplies;
    c.unassessedReplies = 0;
  }
  const Instant at = now();
  const auto inWindow = recurringWindowCases(cases, config_, at);
  std::vector<std::string> ids;
  ids.reserve(inWindow.size());
  for (const std::size_t i : inWindow) ids.push_back(cases[i].caseId);
  auto identifiers = store_.identifiersOf(ids);
  for (std::size_t k = 0; k < inWindow.size(); ++k) cases[inWindow[k]].identifiers = std::move(identifiers[k]);
  return computeTrends(cases, config_, at);
}

}  // namespace caselog
