// computeTrends over the lightweight TrendCase (what the store aggregates), trendCase() from a
// whole case, and the recurring-issue window.
#include <gtest/gtest.h>

#include "builders.hpp"
#include "domain/trends.hpp"

using namespace caselog;
using namespace caselog::testing;
using std::chrono::days;
using std::chrono::hours;

namespace {

const Instant kNow = at("2026-11-25T12:00:00Z");

TrendCase light(const std::string& id, const std::string& category, Instant created) {
  TrendCase c;
  c.caseId = id;
  c.category = category;
  c.status = "answered";
  c.subject = "Lost units in shipment " + id;
  c.createdAt = created;
  c.firstCapturedAt = created;
  return c;
}

}  // namespace

TEST(TrendCases, UnassessedRepliesAreCountedApartAndLeftOutOfTheRate) {
  auto a = light("1", "fba_inventory", kNow - days{1});
  a.amazonReplies = 6;
  a.genericReplies = 2;
  a.unassessedReplies = 2;
  auto b = light("2", "fba_inventory", kNow - days{2});
  b.amazonReplies = 4;
  b.genericReplies = 1;
  b.unassessedReplies = 2;
  const Trends t = computeTrends({a, b}, Config::defaults(), kNow);
  EXPECT_EQ(t.amazonReplies, 10);
  EXPECT_EQ(t.genericReplies, 3);
  EXPECT_EQ(t.unassessedReplies, 4);
  EXPECT_DOUBLE_EQ(t.genericReplyRate, 3.0 / 6.0);
}

TEST(TrendCases, NoAssessedReplyMeansNoRate) {
  auto a = light("1", "other", kNow - days{1});
  a.amazonReplies = 3;
  a.unassessedReplies = 3;
  const Trends t = computeTrends({a}, Config::defaults(), kNow);
  EXPECT_EQ(t.genericReplyRate, 0);
}

TEST(TrendCases, StartFallsBackToTheFirstMessageThenTheFirstCapture) {
  auto byMessage = light("1", "other", kNow);
  byMessage.createdAt.reset();
  byMessage.firstMessageAt = kNow - days{14};  // Wednesday 11 Nov: the week of Monday 9 Nov
  auto byCapture = light("2", "policy", kNow);
  byCapture.createdAt.reset();
  byCapture.firstCapturedAt = kNow - days{7};  // the week of Monday 16 Nov
  const Trends t = computeTrends({byMessage, byCapture}, Config::defaults(), kNow);
  int seen = 0;
  for (const auto& w : t.perWeek) {
    if (w.cases == 0) continue;
    ++seen;
    EXPECT_EQ(w.weekStart, w.category == "other" ? "2026-11-09" : "2026-11-16");
  }
  EXPECT_EQ(seen, 2);
}

TEST(TrendCases, ResolutionEndsAtUpdatedAtElseTheLastMessage) {
  auto a = light("1", "payments", kNow - days{10});
  a.status = "resolved";
  a.updatedAt = kNow - days{9};  // 24 h
  a.lastMessageAt = kNow;        // ignored: updatedAt wins
  a.firstAmazonReplyAt = kNow - days{10} + hours{5};
  auto b = light("2", "payments", kNow - days{10});
  b.status = "closed";
  b.lastMessageAt = kNow - days{8};  // 48 h
  const Trends t = computeTrends({a, b}, Config::defaults(), kNow);
  ASSERT_EQ(t.times.size(), 1u);
  EXPECT_DOUBLE_EQ(t.times[0].medianHoursToResolution, 36.0);
  EXPECT_DOUBLE_EQ(t.times[0].medianHoursToFirstReply, 5.0);
}

TEST(TrendCases, RecurringWindowKeepsPastCasesWithinTheWindowOnly) {
  const std::vector<TrendCase> cases = {
      light("inside", "other", kNow - days{90}),   // on the edge: kept
      light("outside", "other", kNow - days{91}),  // too old
      light("future", "other", kNow + hours{1}),   // not begun yet
      light("today", "other", kNow),
  };
  EXPECT_EQ(recurringWindowCases(cases, Config::defaults(), kNow), (std::vector<std::size_t>{0, 3}));
}

TEST(TrendCases, IdentifiersOutsideTheWindowAreNotRecurring) {
  std::vector<TrendCase> cases;
  for (int k = 0; k < 3; ++k) {
    auto c = light("old-" + std::to_string(k), "listing_suppressed", kNow - days{100 + k});
    c.subject = "Subject " + std::string(1, static_cast<char>('a' + k));  // distinct subjects
    c.identifiers = {{"asin", "B0REPEAT01"}};
    cases.push_back(c);
  }
  EXPECT_TRUE(computeTrends(cases, Config::defaults(), kNow).recurring.empty());
  for (auto& c : cases) c.createdAt = kNow - days{10};
  const auto t = computeTrends(cases, Config::defaults(), kNow);
  ASSERT_EQ(t.recurring.size(), 1u);
  EXPECT_EQ(t.recurring[0].key, "B0REPEAT01");
}

TEST(TrendCases, FromAWholeCaseUsesCurrentMessagesOnly) {
  auto seller = message("seller", "2026-11-01T10:00:00Z", "Units missing.");
  auto first = message("amazon", "2026-11-02T10:00:00Z", "Reply one.");
  auto superseded = message("amazon", "2026-11-01T12:00:00Z", "Old reply.");
  superseded.current = false;
  auto last = message("amazon", "2026-11-05T10:00:00Z", "Reply two.");
  last.sentAt.reset();  // no date on the page: its capture time counts
  last.capturedAt = at("2026-11-06T10:00:00Z");
  CaseRecord c = makeCase("", "answered", {seller, first, superseded, last});
  c.subject = "Listing suppressed: main image";
  const TrendCase t =
      trendCase(c, {verdict(false), verdict(true), verdict(true), verdict(false)}, Config::defaults());
  EXPECT_EQ(t.category, "listing_suppressed");  // empty stored category: inferred
  EXPECT_EQ(t.firstMessageAt, at("2026-11-01T10:00:00Z"));
  EXPECT_EQ(t.lastMessageAt, at("2026-11-06T10:00:00Z"));
  EXPECT_EQ(t.firstAmazonReplyAt, at("2026-11-02T10:00:00Z"));
  EXPECT_EQ(t.amazonReplies, 2);
  EXPECT_EQ(t.genericReplies, 1);
  EXPECT_EQ(t.unassessedReplies, 0);
  // Fewer verdicts than messages (as before): the missing ones count as not generic.
  EXPECT_EQ(trendCase(c, {verdict(false), verdict(true)}, Config::defaults()).genericReplies, 1);
}

TEST(TrendCases, MessageSpansAreNeededWithoutCreationOrClosingDates) {
  auto c = light("1", "other", kNow);
  EXPECT_FALSE(needsMessageSpan(c));
  c.status = "resolved";
  EXPECT_TRUE(needsMessageSpan(c));  // no updatedAt: it ended with its last message
  c.updatedAt = kNow;
  EXPECT_FALSE(needsMessageSpan(c));
  c.status = "closed";
  c.updatedAt.reset();
  EXPECT_TRUE(needsMessageSpan(c));
  c.status = "answered";
  EXPECT_FALSE(needsMessageSpan(c));  // an open case's end is not read
  c.createdAt.reset();
  EXPECT_TRUE(needsMessageSpan(c));  // it began with its first message
}
