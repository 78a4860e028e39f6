// Trends benchmark, in process (tests/bench/trends_bench.sh runs it): CaseService::trends() on a
// store, beside the whole-case computation it replaced (every case loaded with its messages,
// verdicts from CaseService::genericVerdicts, computeTrends over the records) on the same store,
// and whether both give the same Trends.
//
// Usage: trends_bench --db PATH --now ISO [--runs N] [--no-whole]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "domain/config.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

namespace caselog::bench {
namespace {

struct Options {
  std::string db;
  std::string now;
  int runs = 3;
  bool whole = true;
};

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: trends_bench --db PATH --now ISO [--runs N] [--no-whole]\n");
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool hasValue = i + 1 < argc;
    if (a == "--db" && hasValue) {
      o.db = argv[++i];
    } else if (a == "--now" && hasValue) {
      o.now = argv[++i];
    } else if (a == "--runs" && hasValue) {
      o.runs = std::atoi(argv[++i]);
    } else if (a == "--no-whole") {
      o.whole = false;
    } else {
      usage();
    }
  }
  if (o.db.empty() || !parseIso8601(o.now) || o.runs < 1) usage();
  return o;
}

Trends wholeCaseTrends(Store& store, CaseService& service, const Config& config, Instant now) {
  std::vector<CaseRecord> cases;
  std::vector<std::vector<GenericVerdict>> verdicts;
  for (const auto& id : store.caseIds(false)) {
    auto c = store.findCase(id, true);
    if (!c) continue;
    verdicts.push_back(service.genericVerdicts(*c));
    cases.push_back(std::move(*c));
  }
  return computeTrends(cases, verdicts, config, now);
}

// The first difference between two Trends, or "" when they are the same.
std::string difference(const Trends& a, const Trends& b) {
  if (a.perWeek.size() != b.perWeek.size()) return "perWeek size";
  for (std::size_t i = 0; i < a.perWeek.size(); ++i) {
    const auto &x = a.perWeek[i], &y = b.perWeek[i];
    if (x.weekStart != y.weekStart || x.category != y.category || x.cases != y.cases)
      return "perWeek[" + std::to_string(i) + "]";
  }
  if (a.recurring.size() != b.recurring.size()) return "recurring size";
  for (std::size_t i = 0; i < a.recurring.size(); ++i) {
    const auto &x = a.recurring[i], &y = b.recurring[i];
    if (x.category != y.category || x.key != y.key || x.kind != y.kind || x.caseIds != y.caseIds ||
        x.hint != y.hint)
      return "recurring[" + std::to_string(i) + "]";
  }
  if (a.times.size() != b.times.size()) return "times size";
  for (std::size_t i = 0; i < a.times.size(); ++i) {
    const auto &x = a.times[i], &y = b.times[i];
    if (x.category != y.category || x.cases != y.cases ||
        x.medianHoursToFirstReply != y.medianHoursToFirstReply ||
        x.medianHoursToResolution != y.medianHoursToResolution)
      return "times[" + std::to_string(i) + "]";
  }
  if (a.amazonReplies != b.amazonReplies || a.genericReplies != b.genericReplies ||
      a.unassessedReplies != b.unassessedReplies || a.genericReplyRate != b.genericReplyRate)
    return "reply counts";
  if (a.cases != b.cases || a.reopenedCases != b.reopenedCases || a.reopenRate != b.reopenRate)
    return "case counts";
  return "";
}

template <class F>
double millis(F&& fn) {
  const auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int run(const Options& o) {
  auto store = openSqliteStore(o.db);
  const Config config = Config::defaults();
  const Instant now = *parseIso8601(o.now);
  CaseService service(*store, config, [now] { return now; });
  Trends fast;
  std::vector<double> ms;
  for (int i = 0; i < o.runs; ++i) ms.push_back(millis([&] { fast = service.trends(); }));
  std::sort(ms.begin(), ms.end());
  std::printf("%-58s %10.0f %10.0f\n", "CaseService::trends() (in process)", ms[ms.size() / 2], ms.back());
  if (!o.whole) return 0;
  Trends whole;
  const double wholeMs = millis([&] { whole = wholeCaseTrends(*store, service, config, now); });
  std::printf("%-58s %10.0f %10s\n", "whole cases with messages (the former trends(), 1 run)", wholeMs, "");
  const std::string diff = difference(fast, whole);
  std::printf("same Trends from both: %s\n",
              diff.empty() ? "yes" : ("NO, first difference: " + diff).c_str());
  return diff.empty() ? 0 : 1;
}

}  // namespace
}  // namespace caselog::bench

int main(int argc, char** argv) {
  return caselog::bench::run(caselog::bench::parse(argc, argv));
}
