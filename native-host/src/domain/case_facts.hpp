// Facts about one case that several rules need (priority, reminders, next step): who wrote last
// and when, the last Amazon reply's verdict, the category, the expected reply time.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"

namespace caselog {

struct CaseFacts {
  std::string category;  // c.category, or inferred when empty
  bool closed = false;   // resolved or closed
  std::optional<Instant> lastAmazonAt;
  std::optional<Instant> lastSellerAt;
  std::optional<Instant> lastActivity;  // newest message, or updatedAt/createdAt when there are none
  bool sellerWroteLast = false;         // the newest message is the seller's
  // The ball is in Amazon's court: the seller wrote last, or (a case known only from the case list,
  // without messages) its status says Amazon is to act. Waiting is counted from awaitingSince.
  bool awaitingAmazon = false;
  std::optional<Instant> awaitingSince;
  std::optional<GenericVerdict> lastAmazonVerdict;
  int amazonReplies = 0;
  int genericReplies = 0;
  int expectedReplyBusinessDays = 5;  // timing.expectedReplyBusinessDays, per category if set
  std::chrono::minutes utcOffset{0};
};

// verdicts: parallel to c.messages (shorter is tolerated: missing verdicts count as not generic).
CaseFacts caseFacts(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts, const Config& config);

// When a message was sent, or when CaseLog first saw it if the page had no date.
Instant messageTime(const StoredMessage& m);

// "USD 1,234.50": the largest total per currency among the case's amount identifiers.
struct MoneyAtStake {
  std::string currency;
  double amount = 0;
};
std::optional<MoneyAtStake> moneyAtStake(const CaseRecord& c);

std::string formatAmount(const MoneyAtStake& money);

}  // namespace caselog
