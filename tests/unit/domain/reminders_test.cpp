#include "domain/reminders.hpp"

#include <gtest/gtest.h>

#include "builders.hpp"

using namespace caselog;
using namespace caselog::testing;

namespace {

std::vector<std::string> rules(const std::vector<Reminder>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r.rule);
  return out;
}

const Reminder* find(const std::vector<Reminder>& rs, const std::string& rule) {
  for (const auto& r : rs)
    if (r.rule == rule) return &r;
  return nullptr;
}

using Rules = std::vector<std::string>;

}  // namespace

TEST(Reminders, AmazonSilentAfterExpectedBusinessDays) {
  // Seller wrote Thursday 19 Nov 10:00; 5 business days later is Thursday 26 Nov 10:00.
  auto c = makeCase("catalog_error", "pending_amazon",
                    {message("seller", "2026-11-19T10:00:00Z", "The title of my product is wrong.")});
  const Config config = Config::defaults();
  EXPECT_TRUE(evaluateReminders(c, {verdict(false)}, config, at("2026-11-26T09:59:00Z")).empty());
  // The weekend did not count: after 7 calendar days but only 5 business days, not yet due either.
  EXPECT_TRUE(evaluateReminders(c, {verdict(false)}, config, at("2026-11-26T10:00:00Z")).empty());
  const auto rs = evaluateReminders(c, {verdict(false)}, config, at("2026-11-27T11:00:00Z"));
  ASSERT_EQ(rules(rs), Rules{"amazon_silent"});
  EXPECT_EQ(formatIso8601(rs[0].dueAt), "2026-11-26T10:00:00Z");
  EXPECT_EQ(rs[0].message,
            "Amazon has not replied for 6 business days (usually within 5): follow up in the case");
  EXPECT_EQ(rs[0].caseId, c.caseId);
  EXPECT_EQ(rs[0].subject, c.subject);
}

TEST(Reminders, AmazonSilentUsesTheCategorysExpectedTime) {
  // Account health expects a reply within 2 business days by default.
  auto c = makeCase("account_health", "pending_amazon",
                    {message("seller", "2026-11-16T10:00:00Z", "Here is my plan of action.")});
  const auto rs = evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-18T12:00:00Z"));
  EXPECT_NE(find(rs, "amazon_silent"), nullptr);
}

TEST(Reminders, NoSilenceReminderOnceAmazonAnswered) {
  auto c = makeCase("catalog_error", "answered",
                    {message("seller", "2026-11-02T10:00:00Z", "The title of my product is wrong."),
                     message("amazon", "2026-11-03T10:00:00Z", "We have corrected the title.")});
  EXPECT_TRUE(
      evaluateReminders(c, {verdict(false), verdict(false)}, Config::defaults(), at("2026-11-27T00:00:00Z"))
          .empty());
}

TEST(Reminders, NeedsSeller) {
  auto c = makeCase("policy", "needs_seller",
                    {message("amazon", "2026-11-20T10:00:00Z", "Please send the safety data sheet.")});
  const auto rs = evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-20T11:00:00Z"));
  ASSERT_EQ(rules(rs), Rules{"needs_seller"});
  EXPECT_EQ(formatIso8601(rs[0].dueAt), "2026-11-20T10:00:00Z");
  Config later = Config::fromJson({{"reminders", {{"needsSellerAfterHours", 24}}}});
  EXPECT_TRUE(evaluateReminders(c, {verdict(false)}, later, at("2026-11-20T11:00:00Z")).empty());
}

TEST(Reminders, GenericReplyOnAnsweredCaseWhileTheReopenWindowIsOpen) {
  auto c = makeCase(
      "fba_shipment", "answered",
      {message("seller", "2026-11-01T10:00:00Z", "Shipment FBA15ABC1234 shows 0 units received."),
       message("amazon", "2026-11-02T10:00:00Z", "Thank you for contacting us. Please see the help page.")});
  const std::vector<GenericVerdict> v = {verdict(false), verdict(true)};
  const auto rs = evaluateReminders(c, v, Config::defaults(), at("2026-11-05T00:00:00Z"));
  ASSERT_EQ(rules(rs), Rules{"generic_reopen"});
  EXPECT_EQ(rs[0].message,
            "Amazon's last reply looks like a template: reopen the case with specifics before 2026-12-02");
  // After the 30-day window: nothing to do.
  EXPECT_TRUE(evaluateReminders(c, v, Config::defaults(), at("2026-12-03T00:00:00Z")).empty());
  // A specific reply: nothing either.
  EXPECT_TRUE(
      evaluateReminders(c, {verdict(false), verdict(false)}, Config::defaults(), at("2026-11-05T00:00:00Z"))
          .empty());
  // Work in progress is not answered: no reopen reminder.
  c.status = "work_in_progress";
  EXPECT_EQ(find(evaluateReminders(c, v, Config::defaults(), at("2026-11-05T00:00:00Z")), "generic_reopen"),
            nullptr);
}

TEST(Reminders, SnoozeSilencesEverythingUntilTheFollowUpDate) {
  auto c = makeCase("policy", "needs_seller",
                    {message("amazon", "2026-11-20T10:00:00Z", "Please send the safety data sheet.")});
  c.snoozedUntil = at("2026-11-25T09:00:00Z");
  EXPECT_TRUE(evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-24T00:00:00Z")).empty());
  const auto rs = evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-25T09:00:00Z"));
  ASSERT_EQ(rules(rs), (Rules{"follow_up", "needs_seller"}));
  EXPECT_EQ(formatIso8601(rs[0].dueAt), "2026-11-25T09:00:00Z");
}

TEST(Reminders, FollowUpOnAClosedCase) {
  auto c = makeCase("other", "closed");
  c.snoozedUntil = at("2026-11-25T09:00:00Z");
  EXPECT_EQ(rules(evaluateReminders(c, {}, Config::defaults(), at("2026-11-26T00:00:00Z"))),
            Rules{"follow_up"});
}

TEST(Reminders, DeadlineApproaching) {
  auto c = makeCase("account_health", "work_in_progress",
                    {message("amazon", "2026-11-10T00:00:00Z", "Your account is under review.")});
  // Plan of action due 27 Nov (17 days); warned 3 days before, from 24 Nov.
  EXPECT_EQ(find(evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-23T23:00:00Z")),
                 "deadline"),
            nullptr);
  const auto rs = evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-25T00:00:00Z"));
  const Reminder* r = find(rs, "deadline");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(formatIso8601(r->dueAt), "2026-11-24T00:00:00Z");
  EXPECT_EQ(r->message, "Deadline due in 2 days (2026-11-27): plan of action");
  c.status = "resolved";
  EXPECT_EQ(find(evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-25T00:00:00Z")),
                 "deadline"),
            nullptr);
}

TEST(Reminders, NothingForAQuietOpenCaseWithinExpectations) {
  auto c =
      makeCase("advertising", "open", {message("seller", "2026-11-20T10:00:00Z", "My campaign was paused.")});
  EXPECT_TRUE(evaluateReminders(c, {verdict(false)}, Config::defaults(), at("2026-11-23T10:00:00Z")).empty());
}

TEST(Reminders, ACaseKnownOnlyFromTheCaseListCountsFromItsLastUpdate) {
  auto c = makeCase("catalog_error", "pending_amazon");  // captured from the list: no messages
  c.updatedAt = at("2026-11-16T09:00:00Z");
  EXPECT_TRUE(evaluateReminders(c, {}, Config::defaults(), at("2026-11-20T09:00:00Z")).empty());
  const auto rs = evaluateReminders(c, {}, Config::defaults(), at("2026-11-24T09:00:00Z"));
  ASSERT_EQ(rules(rs), Rules{"amazon_silent"});
  EXPECT_EQ(formatIso8601(rs[0].dueAt), "2026-11-23T09:00:00Z");
  c.status = "answered";  // Amazon replied, we just have not seen the text
  EXPECT_TRUE(evaluateReminders(c, {}, Config::defaults(), at("2026-11-24T09:00:00Z")).empty());
}

// nextReminderDue is never later than the first instant evaluateReminders reports something, so
// a store may skip every case whose instant is still ahead.
TEST(Reminders, NextDueIsNeverLaterThanTheFirstDueInstant) {
  const Config config = Config::defaults();
  const std::vector<std::pair<CaseRecord, std::vector<GenericVerdict>>> cases = {
      {makeCase("catalog_error", "pending_amazon", {message("seller", "2026-11-19T10:00:00Z", "Title wrong.")}),
       {verdict(false)}},
      {makeCase("catalog_error", "needs_seller",
                {message("seller", "2026-11-02T10:00:00Z", "Title wrong."),
                 message("amazon", "2026-11-03T10:00:00Z", "Please send an invoice within 5 days.")}),
       {verdict(false), verdict(false)}},
      {makeCase("catalog_error", "answered",
                {message("seller", "2026-11-02T10:00:00Z", "Title wrong."),
                 message("amazon", "2026-11-03T10:00:00Z", "We have looked into it.")}),
       {verdict(false), verdict(true)}},
  };
  const Instant from = at("2026-11-01T00:00:00Z");
  for (const auto& [c, verdicts] : cases) {
    const auto next = nextReminderDue(c, verdicts, config, from);
    std::optional<Instant> first;
    for (Instant t = from; t < from + std::chrono::days{80} && !first; t += std::chrono::hours{1})
      if (!evaluateReminders(c, verdicts, config, t).empty()) first = t;
    ASSERT_TRUE(first) << c.status;
    ASSERT_TRUE(next) << c.status;
    EXPECT_LE(*next, *first) << c.status;
    EXPECT_GT(*next + std::chrono::hours{1}, *first) << c.status;  // and not needlessly early
  }
  auto quiet = makeCase("catalog_error", "closed", {message("seller", "2026-11-02T10:00:00Z", "Done.")});
  EXPECT_FALSE(nextReminderDue(quiet, {verdict(false)}, config, from));
}
