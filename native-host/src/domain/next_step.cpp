#include "domain/next_step.hpp"

namespace caselog {

NextStep suggestNextStep(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts, const Config& config,
                         Instant now) {
  (void)verdicts;
  (void)config;
  (void)now;
  NextStep step;
  if (c.status == "needs_seller") {
    step.action = "reply";
    step.reason = "Amazon is waiting for information from you";
    return step;
  }
  step.action = c.status == "resolved" || c.status == "closed" ? "none" : "wait";
  step.reason = step.action == "none" ? "The case is closed" : "Waiting for Amazon's reply";
  return step;
}

}  // namespace caselog
