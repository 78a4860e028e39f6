// The demo must show every feature: these tests load it through the real service and store.
#include "service/demo_data.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/category.hpp"
#include "domain/config.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"
#include "temp_dir.hpp"

using namespace caselog;

namespace {

const Instant kNow = *parseIso8601("2026-11-26T12:00:00Z");

class DemoLoaded : public ::testing::Test {
 protected:
  void SetUp() override {
    store = openSqliteStore(dir.file("demo.db"));
    service = std::make_unique<CaseService>(*store, config, fixedClock(kNow));
    result = loadDemoData(*service, generateDemoData({1, kNow, 60}));
  }
  caselog::testing::TempDir dir;
  Config config = Config::defaults();
  std::unique_ptr<Store> store;
  std::unique_ptr<CaseService> service;
  DemoLoadResult result;
};

}  // namespace

TEST(DemoData, SameSeedAndNowGiveTheSameCases) {
  const auto a = generateDemoData({7, kNow, 200});
  const auto b = generateDemoData({7, kNow, 200});
  ASSERT_EQ(a.cases.size(), 200u);
  for (std::size_t i = 0; i < a.cases.size(); ++i) {
    EXPECT_EQ(a.cases[i].caseId, b.cases[i].caseId);
    ASSERT_EQ(a.cases[i].messages.size(), b.cases[i].messages.size());
    for (std::size_t m = 0; m < a.cases[i].messages.size(); ++m)
      EXPECT_EQ(a.cases[i].messages[m].body, b.cases[i].messages[m].body);
  }
  const auto other = generateDemoData({8, kNow, 200});
  EXPECT_NE(a.cases[0].caseId, other.cases[0].caseId);
}

TEST(DemoData, CaseIdsAreUniqueDigitsAndNothingIsInTheFuture) {
  const auto d = generateDemoData({1, kNow, 5000});
  std::set<std::string> ids;
  for (const auto& c : d.cases) {
    EXPECT_EQ(c.caseId.size(), 11u);
    EXPECT_EQ(c.caseId.find_first_not_of("0123456789"), std::string::npos);
    ids.insert(c.caseId);
    for (const auto& m : c.messages) EXPECT_LE(*parseIso8601(m.sentAt), kNow) << c.caseId;
    EXPECT_GE(*parseIso8601(c.createdAt), kNow - std::chrono::days(200));
  }
  EXPECT_EQ(ids.size(), 5000u);
}

TEST_F(DemoLoaded, EveryCaseIsStoredThroughTheServiceAndTheChainVerifies) {
  EXPECT_EQ(result.cases, 60u);
  EXPECT_EQ(result.failed, 0u);
  EXPECT_GT(result.messages, 150u);
  EXPECT_TRUE(service->verify().ok);
}

TEST_F(DemoLoaded, EveryCategoryAndEveryStatusAppears) {
  std::set<std::string> categories, statuses, markets;
  for (const auto& id : store->caseIds(false)) {
    const auto c = store->findCase(id, false);
    categories.insert(c->category);
    statuses.insert(c->status);
    markets.insert(c->marketplace);
  }
  for (const auto& key : categoryKeys()) {
    if (key != "other") {
      EXPECT_TRUE(categories.count(key)) << key;
    }
  }
  for (const char* s : {"open", "pending_amazon", "needs_seller", "answered", "work_in_progress", "resolved",
                        "closed", "reopened"})
    EXPECT_TRUE(statuses.count(s)) << s;
  EXPECT_TRUE(markets.count("sellercentral.amazon.co.jp"));
  EXPECT_GE(markets.size(), 6u);
}

TEST_F(DemoLoaded, EveryReminderRuleIsDue) {
  std::set<std::string> rules;
  for (const auto& r : service->due()) rules.insert(r.rule);
  for (const char* rule : {"amazon_silent", "needs_seller", "generic_reopen", "follow_up", "deadline"})
    EXPECT_TRUE(rules.count(rule)) << rule;
}

TEST_F(DemoLoaded, GenericAndSpecificRepliesRecurringIssuesAndActions) {
  int generic = 0, specific = 0, pinned = 0, notes = 0;
  for (const auto& id : store->caseIds(false)) {
    const auto c = service->getCase(id);
    for (const auto& v : service->genericVerdicts(c)) (v.generic ? generic : specific) += 1;
    pinned += c.pinned;
    notes += static_cast<int>(c.notes.size());
  }
  EXPECT_GT(generic, 10);
  EXPECT_GT(specific, 40);  // includes the seller's own messages (no verdict)
  EXPECT_EQ(pinned, 2);
  EXPECT_EQ(notes, 3);
  const Trends t = service->trends();
  std::set<std::string> recurringCategories;
  for (const auto& r : t.recurring) recurringCategories.insert(r.category);
  EXPECT_TRUE(recurringCategories.count("listing_suppressed"));
  EXPECT_TRUE(recurringCategories.count("fba_inventory"));
  EXPECT_GT(t.genericReplyRate, 0.1);
}
