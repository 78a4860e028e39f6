#include "domain/trends.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "domain/case_facts.hpp"
#include "domain/category.hpp"
#include "domain/identifiers.hpp"
#include "domain/minhash.hpp"
#include "domain/status.hpp"

namespace caselog {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

struct Ctx {
  const Config& config;
  Instant now;
  std::chrono::minutes offset;
};

bool isFinished(const TrendCase& c) {
  return isClosedStatus(c.status);
}

// When a case began: its creation date, else its first message, else when CaseLog first saw it.
Instant startOf(const TrendCase& c) {
  if (c.createdAt) return *c.createdAt;
  if (c.firstMessageAt) return *c.firstMessageAt;
  return c.firstCapturedAt;
}

// The Monday (in the seller's zone) of the week holding `t`.
sys_days mondayOf(Instant t, std::chrono::minutes offset) {
  const auto local = std::chrono::floor<days>(t + offset);
  const std::chrono::weekday wd{local};
  return local - days{(wd.c_encoding() + 6) % 7};
}

std::string isoDate(sys_days d) {
  return formatIso8601(Instant{d.time_since_epoch()}).substr(0, 10);
}

std::vector<WeekCount> perWeek(const std::vector<TrendCase>& cases, const Ctx& x) {
  const int weeks = std::max(1, static_cast<int>(x.config.number("/trends/weeks", 26)));
  const sys_days last = mondayOf(x.now, x.offset);
  const sys_days first = last - days{7 * (weeks - 1)};
  std::map<std::string, std::map<sys_days, int>> counts;  // category → week → cases
  for (const auto& c : cases) {
    const sys_days week = mondayOf(startOf(c), x.offset);
    if (week < first || week > last) continue;
    ++counts[c.category][week];
  }
  std::vector<WeekCount> out;
  for (sys_days week = first; week <= last; week += days{7}) {
    for (const auto& [category, byWeek] : counts) {
      const auto it = byWeek.find(week);
      out.push_back({isoDate(week), category, it == byWeek.end() ? 0 : it->second});
    }
  }
  return out;
}

// The subject with digits and identifiers masked, so "Lost units in FBA15A" and "Lost units in FBA15B" match.
std::string subjectKey(const std::string& subject) {
  std::string key;
  for (const auto& word : minhash::normalizedTokens(subject)) key += (key.empty() ? "" : " ") + word;
  return key;
}

// A subject that stands for a group of others: its ASINs, shipment and order IDs and SKUs become
// "…" when the group's subjects differ (they name other listings or shipments: "Listing
// suppressed for … - incorrect main image", not one ASIN of the four).
std::string subjectShownFor(const std::string& subject, bool othersDiffer) {
  if (!othersDiffer) return subject;
  std::string shown = subject;
  for (const auto& id : extractIdentifiers(subject)) {
    if (id.kind == "amount") continue;  // stored as "USD 10.00", not as written
    for (auto at = shown.find(id.value); at != std::string::npos; at = shown.find(id.value, at + 3))
      shown.replace(at, id.value.size(), "…");
  }
  return shown;
}

std::vector<RecurringIssue> recurring(const std::vector<TrendCase>& cases, const Ctx& x) {
  const auto minCases = static_cast<std::size_t>(x.config.number("/trends/recurringMinCases", 3));
  // (category, kind, key) → case IDs, in first-seen order; the display key for subjects is the latest
  // subject (subjectShownFor).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> groups;
  std::map<std::string, std::string> subjectShown;
  std::set<std::string> subjectsDiffer;
  std::vector<std::tuple<std::string, std::string, std::string>> order;
  auto add = [&](const std::string& category, const std::string& kind, const std::string& key,
                 const std::string& id) {
    auto k = std::make_tuple(category, kind, key);
    auto& ids = groups[k];
    if (ids.empty()) order.push_back(k);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const std::size_t i : recurringWindowCases(cases, x.config, x.now)) {
    const TrendCase& c = cases[i];
    const std::string& category = c.category;
    for (const auto& id : c.identifiers) {
      if (id.kind == "asin" || id.kind == "shipment" || id.kind == "sku")
        add(category, id.kind, id.value, c.caseId);
    }
    const std::string key = subjectKey(c.subject);
    if (!key.empty()) {
      add(category, "subject", key, c.caseId);
      auto [shown, first] = subjectShown.try_emplace(key, c.subject);
      if (!first && shown->second != c.subject) subjectsDiffer.insert(key);
      shown->second = c.subject;
    }
  }
  // Largest groups first (identifier keys before subjects at equal size); a group whose cases are
  // all in a group already reported for the same category adds nothing and is left out.
  std::vector<RecurringIssue> candidates;
  for (const auto& k : order) {
    const auto& [category, kind, key] = k;
    if (groups[k].size() < minCases) continue;
    candidates.push_back(
        {category,
         kind == "subject" ? subjectShownFor(subjectShown[key], subjectsDiffer.count(key) > 0) : key, kind,
         groups[k], x.config.string("/categories/" + category + "/hint")});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const RecurringIssue& a, const RecurringIssue& b) {
                     if (a.caseIds.size() != b.caseIds.size()) return a.caseIds.size() > b.caseIds.size();
                     return (a.kind != "subject") > (b.kind != "subject");
                   });
  std::vector<RecurringIssue> out;
  for (auto& issue : candidates) {
    const bool covered = std::any_of(out.begin(), out.end(), [&](const RecurringIssue& kept) {
      return kept.category == issue.category &&
             std::all_of(issue.caseIds.begin(), issue.caseIds.end(), [&](const std::string& id) {
               return std::find(kept.caseIds.begin(), kept.caseIds.end(), id) != kept.caseIds.end();
             });
    });
    if (!covered) out.push_back(std::move(issue));
  }
  return out;
}

double median(std::vector<double> v) {
  if (v.empty()) return -1;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double hoursBetween(Instant a, Instant b) {
  return std::chrono::duration<double>(b - a).count() / 3600.0;
}

std::vector<CategoryTimes> times(const std::vector<TrendCase>& cases) {
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>>
      samples;  // first reply, resolution
  std::map<std::string, int> counts;
  for (const auto& c : cases) {
    ++counts[c.category];
    const Instant start = startOf(c);
    if (c.firstAmazonReplyAt && *c.firstAmazonReplyAt >= start)
      samples[c.category].first.push_back(hoursBetween(start, *c.firstAmazonReplyAt));
    if (isFinished(c)) {
      const auto end = c.updatedAt ? c.updatedAt : c.lastMessageAt;
      if (end && *end >= start) samples[c.category].second.push_back(hoursBetween(start, *end));
    }
  }
  std::vector<CategoryTimes> out;
  for (const auto& [category, n] : counts) {
    out.push_back({category, n, median(samples[category].first), median(samples[category].second)});
  }
  return out;
}

}  // namespace

bool needsMessageSpan(const TrendCase& c) {
  return !c.createdAt || (isFinished(c) && !c.updatedAt);
}

std::vector<std::size_t> recurringWindowCases(const std::vector<TrendCase>& cases, const Config& config,
                                              Instant now) {
  const auto window = days{static_cast<int>(config.number("/trends/recurringWindowDays", 90))};
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Instant start = startOf(cases[i]);
    if (start <= now && now - start <= window) out.push_back(i);
  }
  return out;
}

Trends computeTrends(const std::vector<TrendCase>& cases, const Config& config, Instant now) {
  const Ctx x{config, now,
              std::chrono::minutes{static_cast<int>(config.number("/timing/utcOffsetMinutes", 0))}};
  Trends t;
  t.perWeek = perWeek(cases, x);
  t.recurring = recurring(cases, x);
  t.times = times(cases);
  t.cases = static_cast<int>(cases.size());
  for (const auto& c : cases) {
    if (c.reopenCount > 0 || c.status == "reopened") ++t.reopenedCases;
    t.amazonReplies += c.amazonReplies;
    t.genericReplies += c.genericReplies;
    t.unassessedReplies += c.unassessedReplies;
  }
  // The rate is over the replies that have a verdict: an unassessed reply is not known to be specific.
  if (const int assessed = t.amazonReplies - t.unassessedReplies; assessed > 0)
    t.genericReplyRate = static_cast<double>(t.genericReplies) / assessed;
  if (t.cases > 0) t.reopenRate = static_cast<double>(t.reopenedCases) / t.cases;
  return t;
}

TrendCase trendCase(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts, const Config& config) {
  TrendCase t;
  t.caseId = c.caseId;
  t.category = c.category.empty() ? inferCategory(c, config) : c.category;
  t.status = c.status;
  t.subject = c.subject;
  t.createdAt = c.createdAt;
  t.updatedAt = c.updatedAt;
  t.firstCapturedAt = c.firstCapturedAt;
  t.reopenCount = c.reopenCount;
  t.identifiers = c.identifiers;
  if (!c.messages.empty()) t.firstMessageAt = messageTime(c.messages.front());
  for (std::size_t m = 0; m < c.messages.size(); ++m) {
    const auto& msg = c.messages[m];
    if (!msg.current) continue;
    const Instant at = messageTime(msg);
    if (!t.lastMessageAt || at > *t.lastMessageAt) t.lastMessageAt = at;
    if (msg.author != "amazon") continue;
    if (!t.firstAmazonReplyAt || at < *t.firstAmazonReplyAt) t.firstAmazonReplyAt = at;
    ++t.amazonReplies;
    if (m < verdicts.size() && verdicts[m].generic) ++t.genericReplies;
  }
  return t;
}

Trends computeTrends(const std::vector<CaseRecord>& cases,
                     const std::vector<std::vector<GenericVerdict>>& verdicts, const Config& config,
                     Instant now) {
  static const std::vector<GenericVerdict> kNone;
  std::vector<TrendCase> light;
  light.reserve(cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i)
    light.push_back(trendCase(cases[i], i < verdicts.size() ? verdicts[i] : kNone, config));
  return computeTrends(light, config, now);
}

}  // namespace caselog
