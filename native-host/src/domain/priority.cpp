#include "domain/priority.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "core/error.hpp"
#include "domain/business_days.hpp"
#include "domain/case_facts.hpp"
#include "domain/deadlines.hpp"

namespace caselog {

namespace {

using std::chrono::duration_cast;
using std::chrono::hours;

// The terms' coefficients (priority.coefficients), read once per Config.
struct Coefficients {
  static constexpr const char* kNames[] = {"category", "money",    "needs_seller", "waiting", "generic_reply",
                                           "reopen",   "deadline", "pinned",       "resolved"};
  double values[std::size(kNames)];

  static Coefficients from(const Config& config) {
    Coefficients out{};
    for (std::size_t i = 0; i < std::size(kNames); ++i)
      out.values[i] = config.number(std::string("/priority/coefficients/") + kNames[i], 0);
    return out;
  }
  // Every term computePriority adds is one of kNames.
  double of(const std::string& name) const {
    for (std::size_t i = 0; i < std::size(kNames); ++i)
      if (name == kNames[i]) return values[i];
    throw Error(ErrorCode::internal, "no priority coefficient named " + name);
  }
};

// The other numbers of priority.*, read once per Config.
struct PriorityNumbers {
  double moneyFullAt, waitingCap, deadlineHorizon, reopenCap, p1, p2, p3;

  static PriorityNumbers from(const Config& config) {
    return {config.number("/priority/moneyFullAt", 5000),
            config.number("/priority/waitingCapBusinessDays", 10),
            config.number("/priority/deadlineHorizonDays", 30),
            config.number("/priority/reopenCap", 3),
            config.number("/priority/bands/P1", 20),
            config.number("/priority/bands/P2", 12),
            config.number("/priority/bands/P3", 6)};
  }
};

class TermList {
 public:
  explicit TermList(const Config& config) : coefficients_(config.view<Coefficients>()) {}
  void add(const std::string& name, double value, std::string explanation) {
    if (value == 0) return;
    const double coefficient = coefficients_.of(name);
    terms_.push_back({name, value, coefficient, coefficient * value, std::move(explanation)});
  }
  std::vector<PriorityTerm> take() { return std::move(terms_); }

 private:
  const Coefficients& coefficients_;
  std::vector<PriorityTerm> terms_;
};

std::string plural(long n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void addMoney(TermList& terms, const CaseRecord& c, const Config& config) {
  const auto money = moneyAtStake(c);
  if (!money) return;
  const double fullAt = std::max(1.0, config.view<PriorityNumbers>().moneyFullAt);
  const double value = std::min(1.0, std::log10(1 + money->amount) / std::log10(1 + fullAt));
  terms.add("money", value, formatAmount(*money) + " at stake");
}

void addWaiting(TermList& terms, const CaseFacts& f, const Config& config, Instant now) {
  if (!f.awaitingAmazon || !f.awaitingSince) return;
  const auto since = f.awaitingSince;
  const int waited = businessDaysBetween(*since, now, f.utcOffset);
  const int excess = waited - f.expectedReplyBusinessDays;
  if (excess <= 0) return;
  const double cap = std::max(1.0, config.view<PriorityNumbers>().waitingCap);
  terms.add("waiting", std::min(1.0, excess / cap),
            "waiting " + plural(waited, "business day") + " for Amazon (expected " +
                std::to_string(f.expectedReplyBusinessDays) + ")");
}

void addDeadline(TermList& terms, const CaseFacts& f, const std::vector<Deadline>& deadlines,
                 const Config& config, Instant now) {
  if (f.closed) return;
  const auto deadline = nextDeadline(deadlines, config, now);
  if (!deadline) return;
  const double horizon = std::max(1.0, config.view<PriorityNumbers>().deadlineHorizon);
  const double daysLeft = duration_cast<hours>(deadline->due - now).count() / 24.0;
  const double value = daysLeft <= 0 ? 1.0 : std::max(0.0, 1.0 - daysLeft / horizon);
  const long whole = std::lround(std::abs(daysLeft));
  terms.add("deadline", value,
            deadline->what + (daysLeft <= 0 ? ": passed " + plural(whole, "day") + " ago"
                                            : ": due in " + plural(whole, "day")));
}

}  // namespace

Priority computePriority(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                         const Config& config, Instant now) {
  const CaseFacts f = caseFacts(c, verdicts, config);
  return computePriority(c, f, openDeadlines(c, f, config), config, now);
}

Priority computePriority(const CaseRecord& c, const CaseFacts& f, const std::vector<Deadline>& deadlines,
                         const Config& config, Instant now) {
  TermList terms(config);
  terms.add("category", config.number("/categories/" + f.category + "/impact", 0),
            config.string("/categories/" + f.category + "/explain", f.category));
  addMoney(terms, c, config);
  if (c.status == "needs_seller") terms.add("needs_seller", 1, "Amazon is waiting for your reply");
  addWaiting(terms, f, config, now);
  if (f.lastAmazonVerdict && f.lastAmazonVerdict->generic)
    terms.add("generic_reply", 1, "Amazon's last reply looks like a template");
  if (c.reopenCount > 0) {
    const double cap = std::max(1.0, config.view<PriorityNumbers>().reopenCap);
    terms.add("reopen", std::min(1.0, c.reopenCount / cap), "reopened " + plural(c.reopenCount, "time"));
  }
  addDeadline(terms, f, deadlines, config, now);
  if (c.pinned) terms.add("pinned", 1, "pinned by you");
  if (f.closed) terms.add("resolved", 1, c.status == "closed" ? "case is closed" : "case is resolved");

  Priority p;
  p.terms = terms.take();
  for (const auto& t : p.terms) p.score += t.contribution;
  p.label = priorityLabel(p.score, config);
  return p;
}

std::string priorityLabel(double score, const Config& config) {
  const auto& bands = config.view<PriorityNumbers>();
  if (score >= bands.p1) return "P1";
  if (score >= bands.p2) return "P2";
  if (score >= bands.p3) return "P3";
  return "P4";
}

std::string describeTerm(const PriorityTerm& term) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", term.contribution);
  return term.explanation + " " + buf;
}

}  // namespace caselog
