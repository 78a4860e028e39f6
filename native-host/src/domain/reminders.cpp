#include "domain/reminders.hpp"

namespace caselog {

std::vector<Reminder> evaluateReminders(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                                        const Config& config, Instant now) {
  (void)verdicts;
  (void)config;
  std::vector<Reminder> out;
  if (c.snoozedUntil && *c.snoozedUntil <= now) {
    out.push_back({c.caseId, c.subject, "follow_up", "Your follow-up date for this case has arrived", *c.snoozedUntil});
  }
  if (c.snoozedUntil && *c.snoozedUntil > now) return out;
  if (c.status == "needs_seller") {
    out.push_back({c.caseId, c.subject, "needs_seller", "Amazon is waiting for your reply on this case",
                   c.updatedAt.value_or(now)});
  }
  return out;
}

}  // namespace caselog
