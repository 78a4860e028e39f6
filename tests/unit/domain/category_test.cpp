#include "domain/category.hpp"

#include <gtest/gtest.h>

using namespace caselog;

namespace {

CaseRecord caseWith(std::string subject, std::string sellerBody = "", std::string raw = "") {
  CaseRecord c;
  c.caseId = "17865432901";
  c.subject = std::move(subject);
  c.categoryRaw = std::move(raw);
  if (!sellerBody.empty()) {
    StoredMessage m;
    m.author = "seller";
    m.body = std::move(sellerBody);
    c.messages.push_back(m);
  }
  return c;
}

}  // namespace

TEST(Category, KeysAndLabels) {
  EXPECT_EQ(categoryKeys().size(), 11u);
  for (const auto& key : categoryKeys()) {
    EXPECT_TRUE(isCategoryKey(key));
    EXPECT_FALSE(categoryLabel(key).empty());
  }
  EXPECT_FALSE(isCategoryKey("Listing"));
  EXPECT_FALSE(isCategoryKey(""));
  EXPECT_EQ(categoryLabel("listing_suppressed"), "Listing suppressed / ASIN removed");
  EXPECT_EQ(categoryLabel("nonsense"), "Other");
}

TEST(Category, InferredFromSubjectInSeveralLanguages) {
  const Config config = Config::defaults();
  EXPECT_EQ(inferCategory(caseWith("Listing suppressed for B08XYZ1234 - incorrect main image"), config),
            "listing_suppressed");
  EXPECT_EQ(inferCategory(caseWith("Lost inventory at fulfillment center, 12 units missing"), config),
            "fba_inventory");
  EXPECT_EQ(inferCategory(caseWith("Account health: plan of action for late shipment rate"), config),
            "account_health");
  EXPECT_EQ(inferCategory(caseWith("Angebot unterdrückt: Hauptbild"), config), "listing_suppressed");
  EXPECT_EQ(inferCategory(caseWith("Marque contrefaçon sur mon ASIN"), config), "brand_registry");
  EXPECT_EQ(inferCategory(caseWith("Rimborso per unità smarrite"), config), "fba_inventory");
  EXPECT_EQ(inferCategory(caseWith("Campaña de publicidad rechazada"), config), "advertising");
  EXPECT_EQ(inferCategory(caseWith("商標の侵害について"), config), "brand_registry");
  EXPECT_EQ(inferCategory(caseWith("Negative feedback removal request"), config), "feedback_dispute");
  EXPECT_EQ(inferCategory(caseWith("Disbursement delayed for two weeks"), config), "payments");
}

TEST(Category, BodyDecidesWhenSubjectIsVague) {
  const Config config = Config::defaults();
  EXPECT_EQ(inferCategory(caseWith("Help needed", "My inbound shipment FBA15ABC1234 is stuck at the carrier"),
                          config),
            "fba_shipment");
  EXPECT_EQ(inferCategory(caseWith("Question"), config), "other");
}

TEST(Category, OverrideWinsThenRawThenText) {
  const Config config = Config::defaults();
  CaseRecord c = caseWith("Listing suppressed", "", "Advertising");
  EXPECT_EQ(inferCategory(c, config), "advertising");
  c.categoryOverride = "payments";
  EXPECT_EQ(inferCategory(c, config), "payments");
  c.categoryOverride = "not_a_category";  // an invalid override is ignored, not trusted
  EXPECT_EQ(inferCategory(c, config), "advertising");
  c.categoryRaw = "Selling on Amazon";  // a raw label that says nothing falls back to the text
  EXPECT_EQ(inferCategory(c, config), "listing_suppressed");
}

TEST(Category, RulesComeFromTheConfiguration) {
  Config config = Config::fromJson({{"categories", {{"advertising", {{"keywords", {"gizmo"}}}}}}});
  EXPECT_EQ(inferCategory(caseWith("Gizmo question"), config), "advertising");
  EXPECT_EQ(inferCategory(caseWith("Sponsored products campaign"), config), "other");
}
