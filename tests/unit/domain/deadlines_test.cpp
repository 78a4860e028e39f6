#include "domain/deadlines.hpp"

#include <gtest/gtest.h>

#include "builders.hpp"

using namespace caselog;
using namespace caselog::testing;

TEST(Deadlines, StatedInSeveralLanguages) {
  const Config config = Config::defaults();
  struct Case {
    const char* body;
    int amount;
    const char* unit;
  } cases[] = {
      {"Please submit a plan of action within 17 days.", 17, "days"},
      {"Bitte reichen Sie innerhalb von 17 Tagen einen Maßnahmenplan ein.", 17, "days"},
      {"Veuillez envoyer un plan d'action dans les 17 jours.", 17, "days"},
      {"La preghiamo di inviare un piano d'azione entro 17 giorni.", 17, "days"},
      {"Envíe un plan de acción en un plazo de 17 días.", 17, "days"},
      {"17日以内に改善計画書を提出してください。", 17, "days"},
      {"Provide the invoices within 5 business days.", 5, "businessDays"},
      {"You may file a claim within 18 months of the shipment.", 18, "months"},
  };
  for (const auto& c : cases) {
    const auto found = findStatedPeriod(c.body, config);
    ASSERT_TRUE(found) << c.body;
    EXPECT_EQ(found->amount, c.amount) << c.body;
    EXPECT_EQ(found->unit, c.unit) << c.body;
  }
}

TEST(Deadlines, AmazonsOwnPromisesAreIgnored) {
  const Config config = Config::defaults();
  EXPECT_FALSE(findStatedPeriod("We will respond within 2 business days.", config));
  EXPECT_FALSE(findStatedPeriod("Nous vous répondrons dans les 2 jours.", config));
  EXPECT_FALSE(findStatedPeriod("Thank you for your patience.", config));
  // The promise is ignored, the seller's deadline in the next sentence is not.
  const auto found =
      findStatedPeriod("We will reply within 2 days. Please send the POA within 17 days.", config);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->amount, 17);
}

TEST(Deadlines, ImpliedByTheCaseType) {
  auto c = makeCase("fba_inventory", "open");
  c.createdAt = at("2025-06-01T00:00:00Z");
  const auto ds = caseDeadlines(c, "fba_inventory", Config::defaults());
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].source, "category");
  EXPECT_EQ(formatIso8601(ds[0].due), "2026-12-01T00:00:00Z");  // 548 days
  EXPECT_TRUE(caseDeadlines(c, "catalog_error", Config::defaults()).empty());
}

TEST(Deadlines, NextDeadlineIsTheEarliestStillRelevant) {
  auto c = makeCase("account_health", "needs_seller",
                    {message("amazon", "2026-11-10T00:00:00Z", "Send the documents within 3 days.")});
  const Config config = Config::defaults();
  auto next = nextDeadline(c, "account_health", config, at("2026-11-11T00:00:00Z"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->source, "reply");
  EXPECT_EQ(formatIso8601(next->due), "2026-11-13T00:00:00Z");
  // Long after the reply's deadline passed (beyond the 7-day grace) the plan of action remains.
  next = nextDeadline(c, "account_health", config, at("2026-11-21T00:00:00Z"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->what, "plan of action");
}
