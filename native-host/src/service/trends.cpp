// Trends across cases (caselog stats, /trends): loads what computeTrends needs from the store.
//
// It scales with the number of messages without reading their bodies (1.5 s at 10,000 cases when
// every case was loaded whole; see tests/bench/trends_bench.sh for 100,000 cases / 2M messages):
//  - Store::trendCases() gives every case's own fields plus its first Amazon reply and counts of its
//    current Amazon replies by stored verdict (a scan of the Amazon replies beside generic_verdicts).
//  - The first and last message of a case matter only when it lacks a creation date or a resolved
//    one lacks an update date (needsMessageSpan); capture sets both, so Store::messageSpans is
//    asked for those few cases only.
//  - Identifiers are read only for the cases inside the recurring-issue window.
//  - Two things still need a whole case, and are rare, so those cases alone are loaded:
//    an empty stored category (inferred from subject and bodies, as before), and Amazon replies
//    without a stored generic verdict. The capture path stores a verdict for every Amazon reply
//    and reassess fills gaps in open cases, so missing verdicts are few (a store migrated from an
//    older CaseLog may lack them for closed cases). Up to kAssessAtMost of them are assessed on
//    the fly (not saved, as before: trends is a read); beyond that they are reported as
//    Trends::unassessedReplies and left out of the generic-reply rate, instead of making one
//    `caselog stats` cost minutes (each assessment reads the reply and probes its near-duplicates).
#include "domain/trends.hpp"

#include "domain/category.hpp"
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

// Fills firstMessageAt / lastMessageAt where computeTrends reads them.
void addMessageSpans(Store& store, std::vector<TrendCase>& cases) {
  std::vector<std::size_t> which;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (!needsMessageSpan(cases[i])) continue;
    which.push_back(i);
    ids.push_back(cases[i].caseId);
  }
  const auto spans = store.messageSpans(ids);
  for (std::size_t k = 0; k < which.size(); ++k) {
    cases[which[k]].firstMessageAt = spans[k].first;
    cases[which[k]].lastMessageAt = spans[k].last;
  }
}

// Fills identifiers for the cases in the recurring-issue window (the only ones read).
void addIdentifiers(Store& store, std::vector<TrendCase>& cases, const Config& config, Instant now) {
  const auto which = recurringWindowCases(cases, config, now);
  std::vector<std::string> ids;
  ids.reserve(which.size());
  for (const std::size_t i : which) ids.push_back(cases[i].caseId);
  auto identifiers = store.identifiersOf(ids);
  for (std::size_t k = 0; k < which.size(); ++k) cases[which[k]].identifiers = std::move(identifiers[k]);
}

}  // namespace

Trends CaseService::trends() {
  auto cases = store_.trendCases();
  addMessageSpans(store_, cases);
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
  addIdentifiers(store_, cases, config_, at);
  return computeTrends(cases, config_, at);
}

}  // namespace caselog
