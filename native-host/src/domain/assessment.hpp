// What the case-intelligence rules produce (issue 3). Pure values; the rules live beside
// this header (priority.hpp, reminders.hpp, generic_reply.hpp, next_step.hpp, trends.hpp).
#pragma once

#include <string>
#include <vector>

#include "core/time.hpp"

namespace caselog {

// One named term of the priority score: contribution = coefficient × value.
struct PriorityTerm {
  std::string name;         // "category", "money", "needs_seller", "waiting", "generic_reply", ...
  double value = 0;         // the term, usually in [0, 1]
  double coefficient = 0;   // from the configuration
  double contribution = 0;  // coefficient × value
  std::string explanation;  // "suppressed listing", "waiting 6 business days", ...
};

struct Priority {
  double score = 0;
  std::string label = "P4";  // P1 … P4
  std::vector<PriorityTerm> terms;
};

struct Reminder {
  std::string caseId;
  std::string subject;
  std::string rule;     // "amazon_silent", "needs_seller", "generic_reopen", "follow_up", "deadline"
  std::string message;  // one line a seller understands
  Instant dueAt{};
};

struct GenericVerdict {
  double score = 0;  // [0, 1]
  bool generic = false;
  std::vector<std::string> reasons;
};

struct NextStep {
  std::string action;  // "reopen", "escalate", "redirect", "reply", "wait", "none"
  std::string team;    // "Brand Registry Support", "Seller Performance / Account Health", ...
  std::string reason;
  std::string draft;   // a follow-up the seller can copy; CaseLog never posts it
};

}  // namespace caselog
