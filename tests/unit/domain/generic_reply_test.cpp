#include "domain/generic_reply.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "builders.hpp"
#include "domain/minhash.hpp"
#include "domain/reply_features.hpp"

using namespace caselog;
using namespace caselog::testing;

namespace {

int sharedBands(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  int n = 0;
  for (auto x : a) n += std::count(b.begin(), b.end(), x) > 0 ? 1 : 0;
  return n;
}

bool hasReason(const GenericVerdict& v, const std::string& start) {
  return std::any_of(v.reasons.begin(), v.reasons.end(),
                     [&](const std::string& r) { return r.rfind(start, 0) == 0; });
}

const char* kTemplate =
    "Greetings from Amazon Seller Support. I understand that your concern is regarding ASIN B08XYZ1234. "
    "I have forwarded your case to the appropriate team. We apologize for the inconvenience and thank you "
    "for selling on Amazon.";

}  // namespace

// replyBands(ReplyText) reuses the bands of a text seen lately: the same as computing them. On the
// second pass every text is a cache hit; "ab c" and "a bc" must not share an entry (the key keeps
// the word boundaries).
TEST(ReplyBands, OfAReplyTextAreThoseOfItsBodyAlsoWhenSeenBefore) {
  const std::vector<std::string> texts = {
      kTemplate,
      "Greetings from Amazon Seller Support. I understand that your concern is regarding ASIN B09ABC0001. "
      "I have forwarded your case to the appropriate team.",
      "Greetings from Amazon Seller Support. I understand that your concern is regarding ASIN B09ABC0001.",
      "ok",
      "",
      " ... ",
      "お問い合わせありがとうございます。本件は担当部署に転送しました。",
      "We refunded order 113-1234567-1234567 ($45.10) and 12 units of FBA15ABC1234.",
      "ab c",
      "a bc",
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& body : texts) EXPECT_EQ(replyBands(ReplyText(body)), replyBands(body)) << body;
  }
  EXPECT_NE(replyBands(ReplyText(texts[1])), replyBands(ReplyText(texts[2])));
  EXPECT_NE(replyBands(ReplyText("ab c")), replyBands(ReplyText("a bc")));
}

TEST(ReplyBands, SameTemplateAboutAnotherAsinOrderOrAmountSharesBands) {
  const auto a = replyBands(kTemplate);
  std::string other = kTemplate;
  other.replace(other.find("B08XYZ1234"), 10, "B07ABC9876");
  ASSERT_EQ(a.size(), static_cast<std::size_t>(minhash::kBands));
  EXPECT_EQ(a, replyBands(other));  // identifiers are masked: identical bands
  EXPECT_EQ(a, replyBands("  GREETINGS from Amazon seller support.\n" + std::string(kTemplate).substr(37)));
}

TEST(ReplyBands, NearDuplicateSharesABandUnrelatedTextDoesNot) {
  const std::string edited = std::string(kTemplate) + " Have a nice day.";
  EXPECT_GE(sharedBands(replyBands(kTemplate), replyBands(edited)), 1);
  const auto unrelated = replyBands(
      "Shipment FBA15ABC1234 was received at PHX7 on November 18; 108 of 120 units were counted and we "
      "reimbursed the remaining 12 units at the average selling price.");
  EXPECT_EQ(sharedBands(replyBands(kTemplate), unrelated), 0);
}

TEST(ReplyBands, DeterministicAcrossRunsAndMachines) {
  // Golden values: FNV-1a and SplitMix64 over explicit bytes, fixed seeds. If this changes, every
  // stored band in every user's database changes with it: bump the schema and re-band instead.
  EXPECT_EQ(minhash::fnv1a("caselog"), 13718378485024196365ULL);  // FNV-1a 64 of "caselog"
  const auto bands = replyBands("Thank you for contacting Amazon Seller Support.");
  ASSERT_EQ(bands.size(), 16u);
  EXPECT_EQ(bands.front(), 6144320043961584758ULL);  // checked against an independent Python implementation
  EXPECT_EQ(bands, replyBands("thank you for contacting amazon seller support"));
  EXPECT_TRUE(replyBands("").empty());
  EXPECT_TRUE(replyBands("  \n ... ").empty());
  EXPECT_EQ(replyBands("ok").size(), 16u);  // shorter than a shingle: still one shingle
}

TEST(ReplyBands, JapaneseIsShingledByCharacter) {
  const auto a = replyBands("お問い合わせありがとうございます。本件は担当部署に転送いたしました。");
  const auto b = replyBands(
      "お問い合わせありがとうございます。本件は担当部署に転送いたしました。よろしくお願いします。");
  EXPECT_GE(sharedBands(a, b), 1);
}

TEST(GenericReply, TemplateMentioningTheAsinIsStillGeneric) {
  auto c = makeCase("listing_suppressed", "answered");
  c.identifiers = {{"asin", "B08XYZ1234"}};
  StoredMessage m = message("amazon", "2026-11-20T10:00:00Z", kTemplate);
  const GenericVerdict v = assessReply(m, c, 0, Config::defaults());
  EXPECT_TRUE(v.generic);
  EXPECT_GT(v.score, 0.5);
  EXPECT_LE(v.score, 1.0);
  EXPECT_TRUE(hasReason(v, "template phrases: \"greetings from amazon seller support\""));
  EXPECT_TRUE(hasReason(v, "mentions this case's \"asin B08XYZ1234\""));
}

TEST(GenericReply, SpecificReplyOpeningWithTheGreetingIsSpecific) {
  auto c = makeCase("fba_inventory", "answered");
  c.identifiers = {{"shipment", "FBA15ABC1234"}, {"amount", "USD 187.20"}};
  StoredMessage m =
      message("amazon", "2026-11-20T10:00:00Z",
              "Greetings from Amazon Seller Support. Shipment FBA15ABC1234: 7 units could not be found, "
              "so we have reimbursed you USD 187.20 in your next settlement.");
  const GenericVerdict v = assessReply(m, c, 0, Config::defaults());
  EXPECT_FALSE(v.generic);
  EXPECT_LT(v.score, 0.5);
  EXPECT_GE(v.score, 0.0);
  EXPECT_TRUE(hasReason(v, "says what was done: \"we have reimbursed\""));
}

TEST(GenericReply, TextSentToManyCasesRaisesTheScore) {
  auto c = makeCase("other", "answered");
  StoredMessage m = message("amazon", "2026-11-20T10:00:00Z", "Your case has been reviewed and resolved.");
  const auto alone = assessReply(m, c, 0, Config::defaults());
  const auto shared = assessReply(m, c, 5, Config::defaults());
  EXPECT_GT(shared.score, alone.score);
  EXPECT_TRUE(shared.generic);
  EXPECT_TRUE(hasReason(shared, "same text sent in 5 other cases"));
  // The store stops counting at kMaxSharingCases: the reason says so.
  EXPECT_TRUE(hasReason(assessReply(m, c, kMaxSharingCases, Config::defaults()),
                        "same text sent in " + std::to_string(kMaxSharingCases) + " or more other cases"));
}

TEST(GenericReply, LexiconAndThresholdComeFromTheConfiguration) {
  auto c = makeCase("other", "answered");
  StoredMessage m = message("amazon", "2026-11-20T10:00:00Z", "Zorglub blorp fizz, zorglub.");
  Config config = Config::fromJson({{"generic", {{"phrases", {"zorglub blorp"}}, {"threshold", 0.99}}}});
  const auto v = assessReply(m, c, 0, config);
  EXPECT_TRUE(hasReason(v, "template phrases: \"zorglub blorp\""));
  EXPECT_FALSE(v.generic);  // the raised threshold
}

TEST(ReplyFeatures, AmountsInAnyLocaleMatchTheCaseAmount) {
  auto c = makeCase("payments", "answered");
  c.identifiers = {{"amount", "EUR 8214.77"}};
  for (const char* body : {"Ihre Auszahlung über EUR 8.214,77 wurde freigegeben.", "paid EUR 8,214.77 today",
                           "versement de 8 214,77 € effectué"}) {
    EXPECT_EQ(replyFeatures(body, c, Config::defaults()).identifiers.size(), 1u) << body;
  }
  EXPECT_TRUE(replyFeatures("paid EUR 8,214 today", c, Config::defaults()).identifiers.empty());
}

TEST(ReplyFeatures, IdentifierShapesWhenTheCaseHasNone) {
  const auto shapes =
      identifierShapes("Order 113-4567890-1234567, ASIN B08XYZ1234, shipment FBA15ABC1234, $45.10");
  EXPECT_EQ(shapes, (std::vector<std::string>{"113-4567890-1234567", "b08xyz1234", "fba15abc1234", "45"}));
  EXPECT_TRUE(identifierShapes("Thank you for contacting us within 2 days.").empty());
}

TEST(ReplyFeatures, TheCaseNumberIsNotAConcreteDetail) {
  auto c = makeCase("other", "answered");
  const auto f = replyFeatures("Reference: case 17865432901. We shipped 3 units.", c, Config::defaults());
  EXPECT_EQ(f.details, 1);  // the 3 units, not the case number
}

TEST(GenericReply, AMacroFilledInWithThisCasesDetailsIsNotATemplate) {
  auto c = makeCase("fba_inventory", "answered");
  c.identifiers = {{"shipment", "FBA15ABC1234"}};
  StoredMessage m = message("amazon", "2026-11-20T10:00:00Z",
                            "Hello, shipment FBA15ABC1234 was received on November 18 with 4 units missing. "
                            "We have reimbursed them.");
  const auto v = assessReply(m, c, 5, Config::defaults());
  EXPECT_FALSE(v.generic);
  EXPECT_TRUE(hasReason(v, "same text sent in 5 other cases, filled in with this case's details"));
}

TEST(GenericReply, ATargetedRequestForADocumentIsSpecific) {
  auto c = makeCase("catalog_error", "needs_seller");
  c.identifiers = {{"asin", "B07PGL2ZSL"}};
  StoredMessage targeted = message(
      "amazon", "2026-11-20T10:00:00Z",
      "Hello, to change the brand on B07PGL2ZSL please send us a photo of the product and its packaging.");
  EXPECT_FALSE(assessReply(targeted, c, 0, Config::defaults()).generic);
  StoredMessage vague =
      message("amazon", "2026-11-20T10:00:00Z",
              "Hello, to investigate further please provide additional information about your "
              "request. We apologize for the inconvenience.");
  EXPECT_TRUE(assessReply(vague, c, 0, Config::defaults()).generic);
}
