#include "domain/trends.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "builders.hpp"

using namespace caselog;
using namespace caselog::testing;
using std::chrono::days;
using std::chrono::hours;

namespace {

// A generated history with known answers. "Now" is Wednesday 2026-11-25 12:00 UTC.
//  - 30 FBA receiving cases, one per week going back 0…29 weeks, each about another shipment; the
//    first Amazon reply comes after 24 h (72 h when k % 3 == 0); cases k ≥ 4 were resolved after 10
//    days; every other reply (k even) is a template.
//  - 4 suppressions of ASIN B0REPEAT01, 10, 40, 70 and 120 days ago, answered after 2 h with a
//    template, each reopened once.
struct History {
  std::vector<CaseRecord> cases;
  std::vector<std::vector<GenericVerdict>> verdicts;
};

const Instant kNow = at("2026-11-25T12:00:00Z");

History generate() {
  History h;
  for (int k = 0; k < 30; ++k) {
    const Instant start = kNow - days{7 * k};
    CaseRecord c = makeCase("fba_inventory", k >= 4 ? "resolved" : "answered");
    c.caseId = "fba-" + std::to_string(k);
    c.subject = "Receiving discrepancy for FBA15SHIP" + std::to_string(1000 + k);
    c.identifiers = {{"shipment", "FBA15SHIP" + std::to_string(1000 + k)}};
    c.createdAt = start;
    auto seller = message("seller", "2026-01-01T00:00:00Z", "Units missing.");
    seller.sentAt = start;
    auto amazon = message("amazon", "2026-01-01T00:00:00Z", "Reply.");
    amazon.sentAt = start + hours{k % 3 == 0 ? 72 : 24};
    c.messages = {seller, amazon};
    if (k >= 4) c.updatedAt = start + days{10};
    h.cases.push_back(c);
    h.verdicts.push_back({verdict(false), verdict(k % 2 == 0)});
  }
  for (int ago : {10, 40, 70, 120}) {
    const Instant start = kNow - days{ago};
    CaseRecord c = makeCase("listing_suppressed", "reopened");
    c.caseId = "sup-" + std::to_string(ago);
    c.subject = "Listing suppressed again (" + std::to_string(ago) + ")";
    c.identifiers = {{"asin", "B0REPEAT01"}};
    c.createdAt = start;
    c.reopenCount = 1;
    auto amazon = message("amazon", "2026-01-01T00:00:00Z", "Reply.");
    amazon.sentAt = start + hours{2};
    c.messages = {amazon};
    h.cases.push_back(c);
    h.verdicts.push_back({verdict(true)});
  }
  return h;
}

const CategoryTimes* timesOf(const Trends& t, const std::string& category) {
  for (const auto& ct : t.times)
    if (ct.category == category) return &ct;
  return nullptr;
}

}  // namespace

TEST(Trends, CountsPerCategoryPerWeekOverTheLast26Weeks) {
  const auto h = generate();
  const Trends t = computeTrends(h.cases, h.verdicts, Config::defaults(), kNow);
  ASSERT_EQ(t.perWeek.size(), 26u * 2u);  // every week for each category seen
  EXPECT_EQ(t.perWeek.front().weekStart, "2026-06-01");
  EXPECT_EQ(t.perWeek.back().weekStart, "2026-11-23");
  int fba = 0, listing = 0;
  for (const auto& w : t.perWeek) {
    if (w.category == "fba_inventory") {
      EXPECT_EQ(w.cases, 1) << w.weekStart;
      fba += w.cases;
    } else {
      listing += w.cases;
    }
  }
  EXPECT_EQ(fba, 26);
  EXPECT_EQ(listing, 4);
  // 10 days before Wednesday 25 Nov is Sunday 15 Nov: the week of Monday 9 Nov.
  bool found = false;
  for (const auto& w : t.perWeek)
    found |= w.category == "listing_suppressed" && w.weekStart == "2026-11-09" && w.cases == 1;
  EXPECT_TRUE(found);
}

TEST(Trends, RecurringIssuesWithinNinetyDays) {
  const auto h = generate();
  const Trends t = computeTrends(h.cases, h.verdicts, Config::defaults(), kNow);
  ASSERT_EQ(t.recurring.size(), 2u);
  // The receiving discrepancies share a subject once shipment IDs are masked: weeks 0…12 (≤ 90 days).
  EXPECT_EQ(t.recurring[0].category, "fba_inventory");
  EXPECT_EQ(t.recurring[0].kind, "subject");
  EXPECT_EQ(t.recurring[0].caseIds.size(), 13u);
  // Shown as the latest subject, the shipment ID it names masked: the others name other shipments.
  EXPECT_EQ(t.recurring[0].key, "Receiving discrepancy for …");
  EXPECT_NE(t.recurring[0].hint.find("labelling"), std::string::npos);
  // The same ASIN suppressed 3 times in 90 days (the 4th, 120 days ago, is outside the window).
  EXPECT_EQ(t.recurring[1].category, "listing_suppressed");
  EXPECT_EQ(t.recurring[1].kind, "asin");
  EXPECT_EQ(t.recurring[1].key, "B0REPEAT01");
  EXPECT_EQ(t.recurring[1].caseIds, (std::vector<std::string>{"sup-10", "sup-40", "sup-70"}));
  EXPECT_NE(t.recurring[1].hint.find("images"), std::string::npos);
}

// Suppressions of three different listings share a subject shape: the group is shown without
// one of their ASINs (it would read as one listing suppressed three times); subjects all alike
// are shown as they are.
TEST(Trends, ASubjectGroupOfOtherListingsDoesNotNameOneOfThem) {
  std::vector<CaseRecord> cases;
  for (const char* asin : {"B0AAAAAAA1", "B0BBBBBBB2", "B0CCCCCCC3"}) {
    CaseRecord c = makeCase("listing_suppressed", "answered");
    c.caseId = std::string("s-") + asin;
    c.subject = std::string("Listing suppressed for ") + asin + " - incorrect main image";
    c.identifiers = {{"asin", asin}};
    c.createdAt = kNow - days{3};
    cases.push_back(c);
  }
  const std::vector<std::vector<GenericVerdict>> none(cases.size());
  Trends t = computeTrends(cases, none, Config::defaults(), kNow);
  ASSERT_EQ(t.recurring.size(), 1u);
  EXPECT_EQ(t.recurring[0].kind, "subject");
  EXPECT_EQ(t.recurring[0].key, "Listing suppressed for … - incorrect main image");
  EXPECT_EQ(t.recurring[0].hint.rfind("Listings keep getting suppressed", 0), 0u) << t.recurring[0].hint;
  for (auto& c : cases) c.subject = "Listing suppressed for B0AAAAAAA1 - incorrect main image";
  t = computeTrends(cases, none, Config::defaults(), kNow);
  ASSERT_FALSE(t.recurring.empty());
  EXPECT_EQ(t.recurring[0].key, "Listing suppressed for B0AAAAAAA1 - incorrect main image");
}

TEST(Trends, TwoCasesAreNotARecurringIssue) {
  auto h = generate();
  h.cases.erase(h.cases.begin() + 31);  // drop sup-40
  h.verdicts.erase(h.verdicts.begin() + 31);
  const Trends t = computeTrends(h.cases, h.verdicts, Config::defaults(), kNow);
  for (const auto& r : t.recurring) EXPECT_NE(r.category, "listing_suppressed");
}

TEST(Trends, MedianTimesToFirstReplyAndResolution) {
  const auto h = generate();
  const Trends t = computeTrends(h.cases, h.verdicts, Config::defaults(), kNow);
  const auto* fba = timesOf(t, "fba_inventory");
  ASSERT_NE(fba, nullptr);
  EXPECT_EQ(fba->cases, 30);
  EXPECT_DOUBLE_EQ(fba->medianHoursToFirstReply, 24.0);  // 20 at 24 h, 10 at 72 h
  EXPECT_DOUBLE_EQ(fba->medianHoursToResolution, 240.0);
  const auto* listing = timesOf(t, "listing_suppressed");
  ASSERT_NE(listing, nullptr);
  EXPECT_DOUBLE_EQ(listing->medianHoursToFirstReply, 2.0);
  EXPECT_DOUBLE_EQ(listing->medianHoursToResolution, -1.0);  // none resolved
}

TEST(Trends, GenericReplyAndReopenRates) {
  const auto h = generate();
  const Trends t = computeTrends(h.cases, h.verdicts, Config::defaults(), kNow);
  EXPECT_EQ(t.cases, 34);
  EXPECT_EQ(t.amazonReplies, 34);
  EXPECT_EQ(t.genericReplies, 15 + 4);
  EXPECT_DOUBLE_EQ(t.genericReplyRate, 19.0 / 34.0);
  EXPECT_EQ(t.reopenedCases, 4);
  EXPECT_DOUBLE_EQ(t.reopenRate, 4.0 / 34.0);
}

TEST(Trends, EmptyHistory) {
  const Trends t = computeTrends({}, {}, Config::defaults(), kNow);
  EXPECT_TRUE(t.perWeek.empty());
  EXPECT_TRUE(t.recurring.empty());
  EXPECT_TRUE(t.times.empty());
  EXPECT_EQ(t.genericReplyRate, 0);
  EXPECT_EQ(t.reopenRate, 0);
}

TEST(Trends, AGroupInsideALargerOneIsReportedOnce) {
  auto h = generate();
  // A fourth suppression with the same subject shape but no ASIN captured: the subject group (4
  // cases) holds the ASIN group (3 cases), so only the subject group is listed.
  CaseRecord extra = h.cases[30];
  extra.caseId = "sup-5";
  extra.subject = "Listing suppressed again (5)";
  extra.identifiers.clear();
  extra.createdAt = kNow - days{5};
  h.cases.push_back(extra);
  h.verdicts.push_back({verdict(true)});
  const Trends t = computeTrends(h.cases, h.verdicts, Config::defaults(), kNow);
  int listing = 0;
  for (const auto& r : t.recurring) {
    if (r.category != "listing_suppressed") continue;
    ++listing;
    EXPECT_EQ(r.kind, "subject");
    EXPECT_EQ(r.caseIds.size(), 4u);
    EXPECT_EQ(r.key, "Listing suppressed again (5)");
  }
  EXPECT_EQ(listing, 1);
}
