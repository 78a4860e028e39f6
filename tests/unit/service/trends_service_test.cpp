// CaseService::trends() over a real store gives what the whole-case computation gives (every case
// loaded with its messages, verdicts from CaseService::genericVerdicts), on a generated history.
#include <cstdint>

#include "domain/trends.hpp"
#include "storage/sqlite_db.hpp"
#include "unit/service/service_fixture.hpp"
#include "unit/storage/append_one.hpp"

namespace caselog::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : s_(seed) {}
  std::size_t below(std::size_t n) {
    s_ = s_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((s_ >> 33) % n);
  }

 private:
  std::uint64_t s_;
};

const char* kSubjects[] = {"Listing suppressed for %A - main image", "Inbound shipment %S received short",
                           "Reimbursement for lost units of %A", "Account health warning about %A",
                           "Question about fees"};
const char* kStatuses[] = {"Answered", "Resolved", "Closed", "Pending Amazon action", "Needs your attention"};
const char* kReplies[] = {
    "Thank you for contacting Amazon Seller Support. We have forwarded your request to the appropriate team.",
    "We located 12 units of %A at the fulfillment center and added them back to your inventory.",
    "Please review the help page for more information. We appreciate your patience.",
    "The shipment %S was reconciled; 4 units were found in another carton."};

std::string fill(std::string text, const std::string& asin, const std::string& shipment) {
  for (auto [mark, value] : {std::pair{"%A", asin}, std::pair{"%S", shipment}})
    for (auto p = text.find(mark); p != std::string::npos; p = text.find(mark)) text.replace(p, 2, value);
  return text;
}

std::string iso(Instant t) {
  return formatIso8601(t);
}

class ServiceTrends : public ServiceTest {
 protected:
  // Cases over the last ~200 days; a few ASINs and shipments come back, so some issues recur.
  void generate(int n) {
    Lcg rng(20261122);
    for (int i = 0; i < n; ++i) {
      const std::string asin = "B0REPEAT0" + std::to_string(rng.below(6));
      const std::string shipment = "FBA15SHIP" + std::to_string(1000 + rng.below(8)) + "X";
      const Instant start = now_ - hours{static_cast<int>(rng.below(200 * 24))};
      CaseSnapshot s;
      s.caseId = std::to_string(5000000 + i);
      s.marketplace = "sellercentral.amazon.com";
      s.subject = fill(kSubjects[rng.below(5)], asin, shipment);
      s.status = kStatuses[rng.below(5)];
      if (rng.below(4) != 0) s.createdAt = iso(start);
      if (rng.below(3) == 0) s.updatedAt = iso(start + hours{static_cast<int>(rng.below(500))});
      Instant t = start;
      const std::size_t messages = rng.below(5);
      for (std::size_t k = 0; k < messages; ++k) {
        t += minutes{static_cast<int>(30 + rng.below(3000))};
        const bool amazon = k % 2 == 1 || rng.below(3) == 0;
        const std::string sent = rng.below(8) == 0 ? "" : iso(t);
        s.messages.push_back(msg(amazon ? "amazon" : "seller", sent.c_str(), ""));
        s.messages.back().body = amazon ? fill(kReplies[rng.below(4)], asin, shipment)
                                        : fill("Please check %A in shipment %S.", asin, shipment);
      }
      service_.capture(s, source());
    }
  }

  // What trends() computed before it read aggregates: every case whole.
  Trends wholeCaseTrends() {
    std::vector<CaseRecord> cases;
    std::vector<std::vector<GenericVerdict>> verdicts;
    for (const auto& id : store_->caseIds(false)) {
      auto c = store_->findCase(id, true);
      verdicts.push_back(service_.genericVerdicts(*c));
      cases.push_back(std::move(*c));
    }
    return computeTrends(cases, verdicts, config_, now_);
  }

  // An Amazon reply stored without a verdict (as a store migrated from an older CaseLog has them).
  void addUnassessedReply(const std::string& caseId, int minute) {
    StoredMessage m;
    m.author = "amazon";
    m.sender = "Amazon Seller Support";
    m.body = kReplies[minute % 4];
    m.sentAt = now_ - minutes{minute + 1};
    m.capturedAt = now_;
    testing::appendMessage(*store_, caseId, m);
  }
};

void expectSame(const Trends& a, const Trends& b) {
  ASSERT_EQ(a.perWeek.size(), b.perWeek.size());
  for (std::size_t i = 0; i < a.perWeek.size(); ++i) {
    EXPECT_EQ(a.perWeek[i].weekStart, b.perWeek[i].weekStart) << i;
    EXPECT_EQ(a.perWeek[i].category, b.perWeek[i].category) << i;
    EXPECT_EQ(a.perWeek[i].cases, b.perWeek[i].cases) << i;
  }
  ASSERT_EQ(a.recurring.size(), b.recurring.size());
  for (std::size_t i = 0; i < a.recurring.size(); ++i) {
    EXPECT_EQ(a.recurring[i].category, b.recurring[i].category) << i;
    EXPECT_EQ(a.recurring[i].key, b.recurring[i].key) << i;
    EXPECT_EQ(a.recurring[i].kind, b.recurring[i].kind) << i;
    EXPECT_EQ(a.recurring[i].caseIds, b.recurring[i].caseIds) << i;
    EXPECT_EQ(a.recurring[i].hint, b.recurring[i].hint) << i;
  }
  ASSERT_EQ(a.times.size(), b.times.size());
  for (std::size_t i = 0; i < a.times.size(); ++i) {
    EXPECT_EQ(a.times[i].category, b.times[i].category) << i;
    EXPECT_EQ(a.times[i].cases, b.times[i].cases) << i;
    EXPECT_DOUBLE_EQ(a.times[i].medianHoursToFirstReply, b.times[i].medianHoursToFirstReply) << i;
    EXPECT_DOUBLE_EQ(a.times[i].medianHoursToResolution, b.times[i].medianHoursToResolution) << i;
  }
  EXPECT_EQ(a.amazonReplies, b.amazonReplies);
  EXPECT_EQ(a.genericReplies, b.genericReplies);
  EXPECT_EQ(a.unassessedReplies, b.unassessedReplies);
  EXPECT_DOUBLE_EQ(a.genericReplyRate, b.genericReplyRate);
  EXPECT_EQ(a.cases, b.cases);
  EXPECT_EQ(a.reopenedCases, b.reopenedCases);
  EXPECT_DOUBLE_EQ(a.reopenRate, b.reopenRate);
}

TEST_F(ServiceTrends, SameAsFromWholeCases) {
  generate(150);
  const Trends t = service_.trends();
  // The history is rich enough to compare something in each part.
  EXPECT_EQ(t.cases, 150);
  EXPECT_FALSE(t.recurring.empty());
  EXPECT_GT(t.genericReplies, 0);
  EXPECT_LT(t.genericReplies, t.amazonReplies);
  EXPECT_EQ(t.unassessedReplies, 0);
  bool firstReply = false, resolution = false;
  for (const auto& c : t.times) {
    firstReply |= c.medianHoursToFirstReply > 0;
    resolution |= c.medianHoursToResolution > 0;
  }
  EXPECT_TRUE(firstReply && resolution);
  expectSame(t, wholeCaseTrends());
}

TEST_F(ServiceTrends, AFewRepliesWithoutAVerdictAreAssessedOnTheFly) {
  generate(40);
  const int before = service_.trends().amazonReplies;
  for (int k = 0; k < 30; ++k) addUnassessedReply("50000" + std::to_string(10 + k), k);
  const Trends t = service_.trends();
  EXPECT_EQ(t.amazonReplies, before + 30);
  EXPECT_EQ(t.unassessedReplies, 0);
  expectSame(t, wholeCaseTrends());
}

TEST_F(ServiceTrends, AnEmptyStoredCategoryIsInferredAsBefore) {
  generate(20);
  {  // upsertCase never stores an empty category, but a store migrated from v0 may hold ''
    sqlite::Db db(dir_.file("caselog.db"), false);
    db.exec("UPDATE cases SET category = '' WHERE case_id IN ('5000003', '5000007')");
  }
  const Trends t = service_.trends();
  for (const auto& c : t.times) EXPECT_FALSE(c.category.empty());
  expectSame(t, wholeCaseTrends());
}

TEST_F(ServiceTrends, ManyRepliesWithoutAVerdictAreReportedNotAssessed) {
  generate(10);
  const Trends before = service_.trends();
  for (int k = 0; k < 201; ++k) addUnassessedReply("5000001", k);
  const Trends t = service_.trends();
  EXPECT_EQ(t.amazonReplies, before.amazonReplies + 201);
  EXPECT_EQ(t.unassessedReplies, 201);
  EXPECT_EQ(t.genericReplies, before.genericReplies);
  EXPECT_DOUBLE_EQ(t.genericReplyRate, before.genericReplyRate);  // over the assessed replies only
  service_.reassess("5000001");                                   // stores the missing verdicts
  const Trends after = service_.trends();
  EXPECT_EQ(after.unassessedReplies, 0);
  expectSame(after, wholeCaseTrends());
}

}  // namespace
}  // namespace caselog::testing
