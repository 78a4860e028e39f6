#include "domain/priority.hpp"

#include <gtest/gtest.h>

#include "builders.hpp"

using namespace caselog;
using namespace caselog::testing;

namespace {

double termOf(const Priority& p, const std::string& name) {
  for (const auto& t : p.terms)
    if (t.name == name) return t.contribution;
  return 0;
}

bool hasTerm(const Priority& p, const std::string& name) {
  for (const auto& t : p.terms)
    if (t.name == name) return true;
  return false;
}

}  // namespace

TEST(Priority, SuppressedListingWaitingPastExpectedReplyTime) {
  // Seller wrote on Monday 2 Nov; on Monday 16 Nov that is 10 business days, 5 over the expected 5.
  auto c = makeCase("listing_suppressed", "pending_amazon",
                    {message("seller", "2026-11-02T10:00:00Z", "Please reinstate my listing.")});
  const Priority p = computePriority(c, {verdict(false)}, tens(), at("2026-11-16T10:00:00Z"));
  EXPECT_DOUBLE_EQ(termOf(p, "category"), 10.0);  // impact 1.0
  EXPECT_DOUBLE_EQ(termOf(p, "waiting"), 5.0);    // 5 excess days / cap 10
  EXPECT_DOUBLE_EQ(p.score, 15.0);
  EXPECT_EQ(p.label, "P3");
  ASSERT_EQ(p.terms.size(), 2u);
  EXPECT_EQ(p.terms[1].explanation, "waiting 10 business days for Amazon (expected 5)");
  EXPECT_EQ(describeTerm(p.terms[0]), "suppressed or removed listing +10.0");
}

TEST(Priority, WaitingIsCappedAndNeedsTheSellerToHaveWrittenLast) {
  auto c = makeCase("listing_suppressed", "pending_amazon",
                    {message("seller", "2026-09-01T10:00:00Z", "Please reinstate my listing.")});
  EXPECT_DOUBLE_EQ(
      termOf(computePriority(c, {verdict(false)}, tens(), at("2026-11-16T10:00:00Z")), "waiting"), 10.0);
  c.messages.push_back(message("amazon", "2026-09-02T10:00:00Z", "We reinstated it."));
  EXPECT_FALSE(hasTerm(
      computePriority(c, {verdict(false), verdict(false)}, tens(), at("2026-11-16T10:00:00Z")), "waiting"));
}

TEST(Priority, NeedsSellerWithImpliedPlanOfActionDeadline) {
  // Account health implies a plan of action within 17 days of the case: created 10 Nov, due 27 Nov.
  auto c = makeCase("account_health", "needs_seller",
                    {message("amazon", "2026-11-10T00:00:00Z", "Your account is at risk of deactivation.")});
  const Priority p = computePriority(c, {verdict(false)}, tens(), at("2026-11-20T00:00:00Z"));
  EXPECT_DOUBLE_EQ(termOf(p, "category"), 10.0);
  EXPECT_DOUBLE_EQ(termOf(p, "needs_seller"), 10.0);
  EXPECT_NEAR(termOf(p, "deadline"), 3.0, 1e-9);  // 7 days left of a 10-day horizon
  EXPECT_NEAR(p.score, 23.0, 1e-9);
  EXPECT_EQ(p.label, "P2");
  EXPECT_FALSE(hasTerm(p, "waiting"));
}

TEST(Priority, MoneyOnALogScale) {
  auto c = makeCase("payments", "pending_amazon");
  c.identifiers = {{"amount", "USD 99"}};
  EXPECT_NEAR(termOf(computePriority(c, {}, tens(), at("2026-11-20T00:00:00Z")), "money"), 10.0 * 2.0 / 3.0,
              1e-9);
  c.identifiers = {{"amount", "USD 400.00"}, {"amount", "USD 599.00"}, {"amount", "EUR 5.00"}};
  const Priority p = computePriority(c, {}, tens(), at("2026-11-20T00:00:00Z"));
  EXPECT_NEAR(termOf(p, "money"), 10.0, 1e-9);  // USD total 999 = moneyFullAt
  bool explained = false;
  for (const auto& t : p.terms) explained |= t.explanation == "USD 999.00 at stake";
  EXPECT_TRUE(explained);
  c.identifiers = {{"amount", "USD 1000000"}};
  EXPECT_NEAR(termOf(computePriority(c, {}, tens(), at("2026-11-20T00:00:00Z")), "money"), 10.0, 1e-9);
  c.identifiers = {{"amount", "garbage"}, {"asin", "B08XYZ1234"}};
  EXPECT_FALSE(hasTerm(computePriority(c, {}, tens(), at("2026-11-20T00:00:00Z")), "money"));
}

TEST(Priority, GenericReplyReopensAndPin) {
  auto c = makeCase("other", "answered",
                    {message("seller", "2026-11-18T00:00:00Z", "Why?"),
                     message("amazon", "2026-11-19T00:00:00Z", "Thank you for contacting us.")});
  c.reopenCount = 2;
  c.pinned = true;
  const Priority p = computePriority(c, {verdict(false), verdict(true)}, tens(), at("2026-11-20T00:00:00Z"));
  EXPECT_DOUBLE_EQ(termOf(p, "category"), 1.0);  // impact 0.1
  EXPECT_DOUBLE_EQ(termOf(p, "generic_reply"), 10.0);
  EXPECT_DOUBLE_EQ(termOf(p, "reopen"), 5.0);  // 2 of cap 4
  EXPECT_DOUBLE_EQ(termOf(p, "pinned"), 10.0);
  EXPECT_DOUBLE_EQ(p.score, 26.0);
  EXPECT_EQ(p.label, "P2");
}

TEST(Priority, ResolvedCasesSinkAndStopWaiting) {
  auto c = makeCase("policy", "resolved", {message("seller", "2026-09-01T00:00:00Z", "Is this allowed?")});
  const Priority p = computePriority(c, {verdict(false)}, tens(), at("2026-11-20T00:00:00Z"));
  EXPECT_DOUBLE_EQ(p.score, 4.0 - 10.0);
  EXPECT_EQ(p.label, "P4");
  EXPECT_FALSE(hasTerm(p, "waiting"));
  EXPECT_DOUBLE_EQ(termOf(p, "resolved"), -10.0);
}

TEST(Priority, DeadlineStatedInAReply) {
  auto c =
      makeCase("other", "answered",
               {message("amazon", "2026-11-18T00:00:00Z",
                        "Please provide the invoices within 3 days. Otherwise the listing stays inactive.")});
  const std::vector<GenericVerdict> v = {verdict(false)};
  EXPECT_NEAR(termOf(computePriority(c, v, tens(), at("2026-11-20T00:00:00Z")), "deadline"), 9.0, 1e-9);
  const Priority passed = computePriority(c, v, tens(), at("2026-11-23T00:00:00Z"));
  EXPECT_NEAR(termOf(passed, "deadline"), 10.0, 1e-9);
  bool explained = false;
  for (const auto& t : passed.terms)
    explained |= t.explanation == "\"within 3 days\" in Amazon's reply: passed 2 days ago";
  EXPECT_TRUE(explained);
  // Beyond the grace period the deadline is history.
  EXPECT_FALSE(hasTerm(computePriority(c, v, tens(), at("2026-12-01T00:00:00Z")), "deadline"));
}

TEST(Priority, AmazonsOwnResponseTimeIsNotADeadline) {
  auto c = makeCase("other", "answered",
                    {message("amazon", "2026-11-18T00:00:00Z", "We will get back to you within 2 days.")});
  EXPECT_FALSE(hasTerm(computePriority(c, {verdict(false)}, tens(), at("2026-11-19T12:00:00Z")), "deadline"));
}

TEST(Priority, CoefficientsComeFromTheConfiguration) {
  auto c = makeCase("listing_suppressed", "needs_seller");
  Config config =
      Config::fromJson({{"priority", {{"coefficients", {{"category", 2}, {"needs_seller", 0.5}}}}}});
  const Priority p = computePriority(c, {}, config, at("2026-11-20T00:00:00Z"));
  EXPECT_DOUBLE_EQ(p.score, 2.5);
  EXPECT_EQ(p.label, "P4");
}

TEST(Priority, DefaultsRankASuppressedListingAwaitingTheSellerAsP1) {
  auto c = makeCase("listing_suppressed", "needs_seller");
  c.identifiers = {{"amount", "USD 2500.00"}};
  const Priority p = computePriority(c, {}, Config::defaults(), at("2026-11-20T00:00:00Z"));
  EXPECT_EQ(p.label, "P1");
  auto minor = makeCase("other", "pending_amazon");
  EXPECT_EQ(computePriority(minor, {}, Config::defaults(), at("2026-11-20T00:00:00Z")).label, "P4");
}

TEST(Priority, InfersTheCategoryWhenTheRecordHasNone) {
  auto c = makeCase("", "pending_amazon");
  c.subject = "Listing suppressed for B08XYZ1234";
  EXPECT_DOUBLE_EQ(termOf(computePriority(c, {}, tens(), at("2026-11-20T00:00:00Z")), "category"), 10.0);
}
