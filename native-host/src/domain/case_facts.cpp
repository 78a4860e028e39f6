#include "domain/case_facts.hpp"

#include <charconv>
#include <cstdio>
#include <map>
#include <set>

#include "domain/category.hpp"
#include "domain/status.hpp"

namespace caselog {

namespace {

// timing.utcOffsetMinutes and expectedReplyBusinessDays, read once per Config.
struct Timing {
  int utcOffsetMinutes;
  double expectedReplyBusinessDays;

  static Timing from(const Config& config) {
    return {static_cast<int>(config.number("/timing/utcOffsetMinutes", 0)),
            config.number("/timing/expectedReplyBusinessDays", 5)};
  }
};

}  // namespace

Instant messageTime(const StoredMessage& m) {
  return m.sentAt.value_or(m.capturedAt);
}

CaseFacts caseFacts(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts, const Config& config) {
  CaseFacts f;
  f.category = c.category.empty() ? inferCategory(c, config) : c.category;
  f.closed = isClosedStatus(c.status);
  const Timing& timing = config.view<Timing>();
  f.utcOffset = std::chrono::minutes{timing.utcOffsetMinutes};
  f.expectedReplyBusinessDays = static_cast<int>(config.number(
      "/categories/" + f.category + "/expectedReplyBusinessDays", timing.expectedReplyBusinessDays));
  const StoredMessage* newest = nullptr;
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const StoredMessage& m = c.messages[i];
    if (!m.current) continue;
    const Instant at = messageTime(m);
    if (!newest || at >= messageTime(*newest)) newest = &m;
    if (m.author == "amazon") {
      ++f.amazonReplies;
      const bool generic = i < verdicts.size() && verdicts[i].generic;
      f.genericReplies += generic ? 1 : 0;
      if (!f.lastAmazonAt || at >= *f.lastAmazonAt) {
        f.lastAmazonAt = at;
        f.lastAmazonVerdict = i < verdicts.size() ? verdicts[i] : GenericVerdict{};
      }
    } else if (!f.lastSellerAt || at >= *f.lastSellerAt) {
      f.lastSellerAt = at;
    }
  }
  f.lastActivity =
      newest ? std::optional<Instant>(messageTime(*newest)) : (c.updatedAt ? c.updatedAt : c.createdAt);
  f.sellerWroteLast = newest ? newest->author != "amazon" : false;
  const bool amazonToAct = c.status == "open" || c.status == "pending_amazon" ||
                           c.status == "work_in_progress" || c.status == "reopened";
  f.awaitingAmazon =
      !f.closed && c.status != "needs_seller" && (f.sellerWroteLast || (!newest && amazonToAct));
  f.awaitingSince = f.lastSellerAt ? f.lastSellerAt : f.lastActivity;
  return f;
}

std::optional<MoneyAtStake> moneyAtStake(const CaseRecord& c) {
  std::map<std::string, double> totals;
  std::set<std::string> seen;
  for (const auto& id : c.identifiers) {
    if (id.kind != "amount" || !seen.insert(id.value).second) continue;
    const auto space = id.value.find(' ');
    if (space == std::string::npos) continue;
    const std::string number = id.value.substr(space + 1);
    double amount = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), amount);
    if (ec != std::errc() || end == number.data() || amount <= 0) continue;
    totals[id.value.substr(0, space)] += amount;
  }
  std::optional<MoneyAtStake> best;
  for (const auto& [currency, amount] : totals) {
    if (!best || amount > best->amount) best = MoneyAtStake{currency, amount};
  }
  return best;
}

std::string formatAmount(const MoneyAtStake& money) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", money.amount);
  return money.currency + " " + buf;
}

}  // namespace caselog
