// Small builders for domain tests: instants from ISO text, messages, cases, a config whose
// coefficients are all 10 (Taskwarrior's trick: expected scores are easy to compute by hand).
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"

namespace caselog::testing {

inline Instant at(const std::string& iso) {
  auto t = parseIso8601(iso);
  if (!t) throw std::runtime_error("bad instant in test: " + iso);
  return *t;
}

inline StoredMessage message(const std::string& author, const std::string& iso, const std::string& body) {
  StoredMessage m;
  m.author = author;
  m.sender = author == "amazon" ? "Amazon Seller Support" : "Acme Goods";
  m.sentAt = at(iso);
  m.capturedAt = at(iso);
  m.body = body;
  return m;
}

inline CaseRecord makeCase(const std::string& category, const std::string& status,
                           std::vector<StoredMessage> messages = {}) {
  CaseRecord c;
  c.caseId = "17865432901";
  c.subject = "Test case";
  c.category = category;
  c.status = status;
  c.messages = std::move(messages);
  c.messageCount = static_cast<int>(c.messages.size());
  if (!c.messages.empty()) c.createdAt = c.messages.front().sentAt;
  return c;
}

inline GenericVerdict verdict(bool generic) {
  GenericVerdict v;
  v.generic = generic;
  v.score = generic ? 0.9 : 0.1;
  return v;
}

// Every priority coefficient 10 (resolved −10), bands at 30/20/10, simple scales.
inline Config tens() {
  return Config::fromJson(nlohmann::json::parse(R"({
    "priority": {
      "coefficients": {"category": 10, "money": 10, "needs_seller": 10, "waiting": 10, "generic_reply": 10,
                       "reopen": 10, "deadline": 10, "pinned": 10, "resolved": -10},
      "bands": {"P1": 30, "P2": 20, "P3": 10},
      "moneyFullAt": 999, "waitingCapBusinessDays": 10, "reopenCap": 4, "deadlineHorizonDays": 10,
      "deadlineGraceDays": 7
    },
    "timing": {"expectedReplyBusinessDays": 5, "utcOffsetMinutes": 0}
  })"));
}

}  // namespace caselog::testing
