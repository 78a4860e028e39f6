#include "domain/next_step.hpp"

#include <gtest/gtest.h>

#include "builders.hpp"

using namespace caselog;
using namespace caselog::testing;

namespace {

CaseRecord answeredWithTemplate(const std::string& category) {
  auto c = makeCase(
      category, "answered",
      {message("seller", "2026-11-10T10:00:00Z", "Please look at my case."),
       message("amazon", "2026-11-11T10:00:00Z", "Thank you for contacting us. See the help page.")});
  c.subject = "Lost units in FBA15ABC1234";
  c.identifiers = {{"shipment", "FBA15ABC1234"}, {"asin", "B08XYZ1234"}, {"amount", "USD 187.20"}};
  return c;
}

const std::vector<GenericVerdict> kTemplateLast = {verdict(false), verdict(true)};

}  // namespace

TEST(NextStep, ReopenAfterATemplateReplyWithADraftNamingTheCase) {
  const auto c = answeredWithTemplate("fba_inventory");
  const NextStep s = suggestNextStep(c, kTemplateLast, Config::defaults(), at("2026-11-12T10:00:00Z"));
  EXPECT_EQ(s.action, "reopen");
  EXPECT_EQ(s.team, "FBA Seller Support (Inventory & Reimbursements)");
  EXPECT_NE(s.draft.find("case 17865432901 (Lost units in FBA15ABC1234)"), std::string::npos) << s.draft;
  EXPECT_NE(s.draft.find("ASIN B08XYZ1234; shipment FBA15ABC1234; amount USD 187.20"), std::string::npos)
      << s.draft;
  EXPECT_EQ(s.draft.find('{'), std::string::npos);
}

TEST(NextStep, RedirectBrandAndAccountHealthToTheirTeams) {
  auto s = suggestNextStep(answeredWithTemplate("brand_registry"), kTemplateLast, Config::defaults(),
                           at("2026-11-12T10:00:00Z"));
  EXPECT_EQ(s.action, "redirect");
  EXPECT_EQ(s.team, "Brand Registry Support");
  EXPECT_EQ(s.draft.rfind("Hello Brand Registry Support,", 0), 0u) << s.draft;
  s = suggestNextStep(answeredWithTemplate("account_health"), kTemplateLast, Config::defaults(),
                      at("2026-11-12T10:00:00Z"));
  EXPECT_EQ(s.action, "redirect");
  EXPECT_EQ(s.team, "Seller Performance / Account Health");
}

TEST(NextStep, RedirectWhenAmazonSaysItIsTheWrongTeam) {
  auto c = answeredWithTemplate("catalog_error");
  c.messages[1].body = "Hello, you have contacted the incorrect team. Please contact Brand Registry Support.";
  const auto s = suggestNextStep(c, kTemplateLast, Config::defaults(), at("2026-11-12T10:00:00Z"));
  EXPECT_EQ(s.action, "redirect");
  EXPECT_EQ(s.team, "Seller Support (Catalog)");
}

TEST(NextStep, EscalateAfterRepeatedTemplatesOrAReopen) {
  auto c = answeredWithTemplate("fba_inventory");
  c.messages.push_back(message("seller", "2026-11-12T10:00:00Z", "This does not answer my question."));
  c.messages.push_back(message("amazon", "2026-11-13T10:00:00Z", "We apologize for the inconvenience."));
  const std::vector<GenericVerdict> v = {verdict(false), verdict(true), verdict(false), verdict(true)};
  auto s = suggestNextStep(c, v, Config::defaults(), at("2026-11-14T10:00:00Z"));
  EXPECT_EQ(s.action, "escalate");
  EXPECT_EQ(s.team, "a senior investigator or supervisor");
  EXPECT_EQ(s.reason, "2 template replies so far: ask for a senior investigator or supervisor");
  auto once = answeredWithTemplate("fba_inventory");
  once.reopenCount = 1;
  EXPECT_EQ(suggestNextStep(once, kTemplateLast, Config::defaults(), at("2026-11-12T10:00:00Z")).action,
            "escalate");
}

TEST(NextStep, ReplyWhenAmazonWaitsOnTheSeller) {
  auto c = answeredWithTemplate("policy");
  c.status = "needs_seller";
  const auto s = suggestNextStep(c, kTemplateLast, Config::defaults(), at("2026-11-12T10:00:00Z"));
  EXPECT_EQ(s.action, "reply");
  EXPECT_NE(s.draft.find("information requested in case 17865432901"), std::string::npos);
}

TEST(NextStep, WaitThenChaseThenEscalateWhileAmazonIsSilent) {
  // Seller wrote Monday 2 Nov; expected reply 5 business days.
  auto c = makeCase("catalog_error", "pending_amazon",
                    {message("seller", "2026-11-02T10:00:00Z", "Wrong title.")});
  auto s = suggestNextStep(c, {verdict(false)}, Config::defaults(), at("2026-11-05T10:00:00Z"));
  EXPECT_EQ(s.action, "wait");
  EXPECT_EQ(s.reason, "Amazon usually replies within 5 business days; 3 so far");
  EXPECT_TRUE(s.draft.empty());
  s = suggestNextStep(c, {verdict(false)}, Config::defaults(), at("2026-11-10T10:00:00Z"));
  EXPECT_EQ(s.action, "reply");
  EXPECT_NE(s.draft.find("no reply for 6 business days"), std::string::npos) << s.draft;
  s = suggestNextStep(c, {verdict(false)}, Config::defaults(), at("2026-11-17T10:00:00Z"));
  EXPECT_EQ(s.action, "escalate");
}

TEST(NextStep, NothingToDoAfterASpecificAnswerOrOutsideTheReopenWindow) {
  auto c = answeredWithTemplate("fba_inventory");
  EXPECT_EQ(
      suggestNextStep(c, {verdict(false), verdict(false)}, Config::defaults(), at("2026-11-12T10:00:00Z"))
          .action,
      "none");
  c.status = "closed";
  const auto late = suggestNextStep(c, kTemplateLast, Config::defaults(), at("2027-01-20T10:00:00Z"));
  EXPECT_EQ(late.action, "none");
  EXPECT_NE(late.reason.find("open a new case that cites case 17865432901"), std::string::npos);
}

TEST(NextStep, TemplatesComeFromTheConfigurationAndUnknownPlaceholdersStay) {
  const auto c = answeredWithTemplate("fba_inventory");
  Config config = Config::fromJson(
      {{"nextStep",
        {{"templates", {{"reopen", "Case {caseId}: {asins} / {orders} / {shipments} {nope} {"}}}}}});
  EXPECT_EQ(draftFollowUp("reopen", c, "FBA", 0, config),
            "Case 17865432901: B08XYZ1234 /  / FBA15ABC1234 {nope} {");
  EXPECT_EQ(draftFollowUp("missing-kind", c, "FBA", 0, config), "");
}

TEST(NextStep, ACaseWithoutCapturedRepliesAsksToOpenIt) {
  auto c = makeCase("catalog_error", "answered");
  c.updatedAt = at("2026-11-16T09:00:00Z");
  const auto s = suggestNextStep(c, {}, Config::defaults(), at("2026-11-24T09:00:00Z"));
  EXPECT_EQ(s.action, "none");
  EXPECT_EQ(s.reason, "Amazon's reply has not been captured yet: open the case page to save it");
  c.status = "pending_amazon";
  EXPECT_EQ(suggestNextStep(c, {}, Config::defaults(), at("2026-11-24T09:00:00Z")).action, "reply");
}
