#include "domain/reminders.hpp"

#include <cmath>

#include "domain/business_days.hpp"
#include "domain/case_facts.hpp"
#include "domain/deadlines.hpp"

namespace caselog {

namespace {

using std::chrono::days;
using std::chrono::hours;

std::string isoDate(Instant t) {
  return formatIso8601(t).substr(0, 10);
}

std::string plural(long n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The numbers of reminders.* the rules (and nextReminderDue, which mirrors them) read, once per Config.
struct ReminderNumbers {
  int needsSellerAfterHours, genericReopenAfterHours, reopenWindowDays, deadlineWarnDays, deadlineGraceDays;

  static ReminderNumbers from(const Config& config) {
    auto whole = [&](const char* pointer, double fallback) {
      return static_cast<int>(config.number(pointer, fallback));
    };
    return {whole("/reminders/needsSellerAfterHours", 0), whole("/reminders/genericReopenAfterHours", 0),
            whole("/timing/reopenWindowDays", 30), whole("/reminders/deadlineWarnDays", 3),
            whole("/priority/deadlineGraceDays", 7)};
  }
};

struct Context {
  const CaseRecord& c;
  const CaseFacts& facts;
  const std::vector<Deadline>& deadlines;
  const Config& config;
  const ReminderNumbers& numbers;
  Instant now;
  std::vector<Reminder>& out;

  void add(const char* rule, std::string message, Instant dueAt) const {
    out.push_back({c.caseId, c.subject, rule, std::move(message), dueAt});
  }
};

void amazonSilent(const Context& x) {
  const auto& f = x.facts;
  if (!f.awaitingAmazon || !f.awaitingSince) return;
  const auto since = f.awaitingSince;
  const Instant due = addBusinessDays(*since, f.expectedReplyBusinessDays, f.utcOffset);
  if (x.now <= due) return;
  const int waited = businessDaysBetween(*since, x.now, f.utcOffset);
  x.add("amazon_silent",
        "Amazon has not replied for " + plural(waited, "business day") + " (usually within " +
            std::to_string(f.expectedReplyBusinessDays) + "): follow up in the case",
        due);
}

void needsSeller(const Context& x) {
  if (x.c.status != "needs_seller") return;
  const auto since =
      x.facts.lastAmazonAt ? x.facts.lastAmazonAt : (x.c.updatedAt ? x.c.updatedAt : x.facts.lastActivity);
  const Instant due = since.value_or(x.now) + hours{x.numbers.needsSellerAfterHours};
  if (x.now < due) return;
  x.add("needs_seller", "Amazon is waiting for your reply: answer in the case before it is closed", due);
}

void genericReopen(const Context& x) {
  const auto& f = x.facts;
  if (x.c.status != "answered" && x.c.status != "resolved") return;
  if (!f.lastAmazonVerdict || !f.lastAmazonVerdict->generic || f.sellerWroteLast || !f.lastAmazonAt) return;
  const Instant due = *f.lastAmazonAt + hours{x.numbers.genericReopenAfterHours};
  const Instant windowEnd = *f.lastAmazonAt + days{x.numbers.reopenWindowDays};
  if (x.now < due || x.now >= windowEnd) return;
  x.add("generic_reopen",
        "Amazon's last reply looks like a template: reopen the case with specifics before " +
            isoDate(windowEnd),
        due);
}

void deadline(const Context& x) {
  if (x.facts.closed) return;
  const auto d = nextDeadline(x.deadlines, x.config, x.now);
  if (!d) return;
  const Instant due = d->due - days{x.numbers.deadlineWarnDays};
  if (x.now < due) return;
  const long left = std::lround(std::chrono::duration_cast<hours>(d->due - x.now).count() / 24.0);
  const std::string when = left > 0    ? "due in " + plural(left, "day")
                           : left == 0 ? "due today"
                                       : "passed " + plural(-left, "day") + " ago";
  x.add("deadline", "Deadline " + when + " (" + isoDate(d->due) + "): " + d->what, due);
}

}  // namespace

std::vector<Reminder> evaluateReminders(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                                        const Config& config, Instant now) {
  if (c.snoozedUntil && *c.snoozedUntil > now) return {};  // snoozed: nothing until the follow-up date
  const CaseFacts facts = caseFacts(c, verdicts, config);
  return evaluateReminders(c, facts, openDeadlines(c, facts, config), config, now);
}

std::vector<Reminder> evaluateReminders(const CaseRecord& c, const CaseFacts& facts,
                                        const std::vector<Deadline>& deadlines, const Config& config,
                                        Instant now) {
  std::vector<Reminder> out;
  if (c.snoozedUntil && *c.snoozedUntil > now) return out;  // snoozed: nothing until the follow-up date
  const Context x{c, facts, deadlines, config, config.view<ReminderNumbers>(), now, out};
  if (c.snoozedUntil) x.add("follow_up", "Your follow-up date for this case has arrived", *c.snoozedUntil);
  needsSeller(x);
  amazonSilent(x);
  genericReopen(x);
  deadline(x);
  return out;
}

std::optional<Instant> nextReminderDue(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                                       const Config& config, Instant from) {
  // A follow-up date silences every rule until it arrives, and from then on follow_up is due.
  if (c.snoozedUntil) return *c.snoozedUntil;
  const CaseFacts facts = caseFacts(c, verdicts, config);
  return nextReminderDue(c, facts, openDeadlines(c, facts, config), config, from);
}

std::optional<Instant> nextReminderDue(const CaseRecord& c, const CaseFacts& f,
                                       const std::vector<Deadline>& deadlines, const Config& config,
                                       Instant from) {
  if (c.snoozedUntil) return *c.snoozedUntil;
  const auto& numbers = config.view<ReminderNumbers>();
  std::optional<Instant> next;
  auto consider = [&](Instant t) { next = std::min(next.value_or(t), std::max(t, from)); };

  if (c.status == "needs_seller") {  // needsSeller(): due once now >= since + the configured hours
    const hours after{numbers.needsSellerAfterHours};
    const auto since = f.lastAmazonAt ? f.lastAmazonAt : (c.updatedAt ? c.updatedAt : f.lastActivity);
    if (since)
      consider(*since + after);
    else if (after.count() <= 0)  // measured from `now` itself: due at once, or never
      consider(from);
  }
  if (f.awaitingAmazon && f.awaitingSince)  // amazonSilent(): due once now > the expected reply day
    consider(addBusinessDays(*f.awaitingSince, f.expectedReplyBusinessDays, f.utcOffset) +
             std::chrono::seconds{1});
  if ((c.status == "answered" || c.status == "resolved") && f.lastAmazonVerdict &&
      f.lastAmazonVerdict->generic && !f.sellerWroteLast &&
      f.lastAmazonAt) {  // genericReopen(): due in [due, windowEnd)
    const Instant due = *f.lastAmazonAt + hours{numbers.genericReopenAfterHours};
    const Instant windowEnd = *f.lastAmazonAt + days{numbers.reopenWindowDays};
    if (from < windowEnd && due < windowEnd) consider(due);
  }
  if (!f.closed) {  // deadline(): due while some deadline d has d.due - warn <= now <= d.due + grace
    const days warn{numbers.deadlineWarnDays};
    const days grace{numbers.deadlineGraceDays};
    for (const auto& d : deadlines)
      if (d.due + grace >= from) consider(d.due - warn);
  }
  return next;
}

}  // namespace caselog
