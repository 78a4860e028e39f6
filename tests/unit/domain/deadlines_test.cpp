#include "domain/deadlines.hpp"

#include <gtest/gtest.h>

#include "builders.hpp"
#include "domain/text.hpp"

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
  const auto deadlines = caseDeadlines(c, "account_health", config);
  auto next = nextDeadline(deadlines, config, at("2026-11-11T00:00:00Z"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->source, "reply");
  EXPECT_EQ(formatIso8601(next->due), "2026-11-13T00:00:00Z");
  // Long after the reply's deadline passed (beyond the 7-day grace) the plan of action remains.
  next = nextDeadline(deadlines, config, at("2026-11-21T00:00:00Z"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->what, "plan of action");
}

// The case type's deadline is a rule of thumb: one that had already passed when Amazon's reply
// stated a period gives way to it (a plan of action asked for on day 19 is not 2 days late).
TEST(Deadlines, AReplyAfterTheImpliedDeadlineReplacesIt) {
  const Config config = Config::defaults();
  auto c = makeCase("account_health", "needs_seller",
                    {message("amazon", "2026-11-20T00:00:00Z", "Please submit a plan of action within 17 days.")});
  c.createdAt = at("2026-11-01T00:00:00Z");
  auto ds = caseDeadlines(c, "account_health", config);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].source, "reply");
  EXPECT_EQ(formatIso8601(ds[0].due), "2026-12-07T00:00:00Z");
  const auto next = nextDeadline(ds, config, at("2026-11-21T00:00:00Z"));
  ASSERT_TRUE(next);
  EXPECT_EQ(formatIso8601(next->due), "2026-12-07T00:00:00Z");
  // The same reply before the case type's deadline: both stay, the earlier one comes first.
  c.createdAt = at("2026-11-15T00:00:00Z");
  ds = caseDeadlines(c, "account_health", config);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[1].source, "category");
  EXPECT_EQ(ds[1].what, "plan of action");
  const auto first = nextDeadline(ds, config, at("2026-11-21T00:00:00Z"));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->what, "plan of action");
  EXPECT_EQ(formatIso8601(first->due), "2026-12-02T00:00:00Z");
}

// The patterns are matched from the positions of the text's digits: the leftmost match wins,
// whatever the prefix ends with, and a number is read up to five digits as before.
TEST(Deadlines, PatternsMatchAtTheLeftmostNumberThatFits) {
  const Config config = Config::fromJson({{"deadlines",
                                           {{"days", {"within {n} days", "ref 1{n} days", "{n}-day window"}},
                                            {"businessDays", nlohmann::json::array()},
                                            {"months", nlohmann::json::array()},
                                            {"ignoreIfSentenceHas", {"we will"}}}}});
  struct Case {
    const char* body;
    int amount;  // 0: no period stated
    const char* phrase;
  } cases[] = {
      {"Reply within within 5 days.", 5, "within 5 days"},  // overlapping prefixes
      {"Reply within 3 weeks or within 9 days.", 9, "within 9 days"},
      {"Quote ref 15 days.", 5, "ref 15 days"},                         // the prefix ends in a digit
      {"A 30-day window applies; within 2 days.", 2, "within 2 days"},  // patterns in order
      {"A 30-day window applies.", 30, "30-day window"},                // {n} first
      {"A 130-day window", 130, "130-day window"},                      // not from inside the number
      {"within 12345 days", 12345, "within 12345 days"},
      {"within 123456 days", 0, ""},                       // five digits at most
      {"xwithin 5 days", 0, ""},                           // the prefix starts a word
      {"Within １７ days please.", 17, "within 17 days"},  // full-width digits fold
      {"We will reply within 4 days. Send it within 6 days.", 6, "within 6 days"},
      {"no digits at all", 0, ""},
  };
  for (const auto& c : cases) {
    const auto found = findStatedPeriod(c.body, config);
    if (c.amount == 0) {
      EXPECT_FALSE(found) << c.body;
      continue;
    }
    ASSERT_TRUE(found) << c.body;
    EXPECT_EQ(found->amount, c.amount) << c.body;
    EXPECT_EQ(found->phrase, c.phrase) << c.body;
    EXPECT_EQ(found->unit, "days") << c.body;
  }
}

// Texts already folded (the reassess folds new replies once) give the same deadlines; an empty
// entry or a list of the wrong length is folded again.
TEST(Deadlines, FoldedTextsAtHandGiveTheSameDeadlines) {
  auto c =
      makeCase("account_health", "needs_seller",
               {message("amazon", "2026-11-10T00:00:00Z", "Send the documents WITHIN 3 DAYS."),
                message("seller", "2026-11-11T00:00:00Z", "Within 1 day?"),
                message("amazon", "2026-11-12T00:00:00Z", "Provide the invoices within 5 business days.")});
  const Config config = Config::defaults();
  const auto plain = caseDeadlines(c, "account_health", config);
  ASSERT_EQ(plain.size(), 3u);
  auto same = [&](const std::vector<Deadline>& ds) {
    ASSERT_EQ(ds.size(), plain.size());
    for (std::size_t i = 0; i < ds.size(); ++i) {
      EXPECT_EQ(ds[i].due, plain[i].due);
      EXPECT_EQ(ds[i].what, plain[i].what);
      EXPECT_EQ(ds[i].source, plain[i].source);
    }
  };
  const std::vector<std::string> folded = {text::fold(c.messages[0].body), "",
                                           text::fold(c.messages[2].body)};
  same(caseDeadlines(c, "account_health", config, &folded));
  const std::vector<std::string> partly = {"", "", text::fold(c.messages[2].body)};
  same(caseDeadlines(c, "account_health", config, &partly));
  const std::vector<std::string> shorter = {text::fold(c.messages[0].body)};
  same(caseDeadlines(c, "account_health", config, &shorter));
  // A folded text given is the one read, not folded again from the body: "9 business days" there
  // gives a later deadline than the body's 5.
  const std::vector<std::string> other = {"", "", text::fold("Provide the invoices within 9 business days.")};
  const auto read = caseDeadlines(c, "account_health", config, &other);
  ASSERT_EQ(read.size(), plain.size());
  EXPECT_GT(read[1].due, plain[1].due);  // [1]: the third message's; [2] is the category's
  EXPECT_NE(read[1].what.find("9 business days"), std::string::npos) << read[1].what;
  CaseFacts facts;
  facts.category = "account_health";
  same(openDeadlines(c, facts, config, &folded));
  facts.closed = true;
  EXPECT_TRUE(openDeadlines(c, facts, config, &folded).empty());
}
