// service/intelligence.cpp (the CLI owner's part of the service) over a real SQLite store: stored
// priorities, generic verdicts with near-duplicate bands, and reminders that fire once per case
// version and stay dismissed until the case changes. (tests/unit/service/ holds the capture/query
// tests of the storage owner; these live with the CLI, which owns intelligence.cpp.)
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "domain/config.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"
#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"
#include "temp_dir.hpp"

using namespace caselog;

namespace {

const Instant kCreated = *parseIso8601("2026-11-02T09:00:00Z");  // a Monday
const Instant kLate = *parseIso8601("2026-11-20T09:00:00Z");     // 14 business days later

const char* kTemplate =
    "Hello,\n\nGreetings from Amazon Seller Support.\n\nI understand that your concern is regarding your "
    "listing. "
    "I have forwarded your request to the appropriate team for further review.\n\nWe apologize for the "
    "inconvenience.\n\nThank you for contacting Amazon Seller Support.";

CaseSnapshot snapshot(const std::string& id, std::vector<MessageSnapshot> messages,
                      const std::string& status) {
  CaseSnapshot s;
  s.caseId = id;
  s.marketplace = "sellercentral.amazon.com";
  s.subject = "Listing suppressed for B08XYZ1234";
  s.status = status;
  s.createdAt = formatIso8601(kCreated);
  s.messages = std::move(messages);
  return s;
}

MessageSnapshot seller(const std::string& at, const std::string& body) {
  return {"seller", "Acme", at, body};
}
MessageSnapshot amazon(const std::string& at, const std::string& body) {
  return {"amazon", "Amazon", at, body};
}

class Intelligence : public ::testing::Test {
 protected:
  void SetUp() override {
    store = openSqliteStore(dir.file("t.db"));
    service = std::make_unique<CaseService>(*store, config, [this] { return now; });
  }
  CaptureOutcome capture(const CaseSnapshot& s) {
    return service->capture(s, CaptureSource{"", "", "cli", ""});
  }
  int firedEvents(const std::string& id) {
    int n = 0;
    for (const auto& e : service->events(id)) n += e.kind == "reminder_fired";
    return n;
  }
  caselog::testing::TempDir dir;
  Config config = Config::defaults();
  Instant now = kLate;
  std::unique_ptr<Store> store;
  std::unique_ptr<CaseService> service;
};

}  // namespace

TEST_F(Intelligence, CaptureFillsAndStoresThePriority) {
  const auto o = capture(snapshot("5001", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                                  "Pending Amazon action"));
  EXPECT_GT(o.priority.score, 0);
  EXPECT_FALSE(o.priority.terms.empty());
  const auto stored = store->storedPriority("5001");
  ASSERT_TRUE(stored);
  EXPECT_DOUBLE_EQ(stored->score, o.priority.score);
  EXPECT_EQ(stored->label, o.priority.label);
  ASSERT_EQ(o.reminders.size(), 1u);
  EXPECT_EQ(o.reminders[0].rule, "amazon_silent");
}

TEST_F(Intelligence, VerdictsAreStoredAndTheSameTemplateElsewhereCounts) {
  capture(snapshot("5101",
                   {seller("2026-11-02T09:00:00Z", "Help"), amazon("2026-11-03T09:00:00Z", kTemplate)},
                   "Answered"));
  const auto first = service->getCase("5101");
  ASSERT_EQ(store->genericVerdicts("5101").size(), 1u);  // only Amazon's reply gets a verdict
  capture(snapshot("5102",
                   {seller("2026-11-02T10:00:00Z", "Other issue"), amazon("2026-11-03T10:00:00Z", kTemplate)},
                   "Answered"));
  const auto second = service->getCase("5102");
  const auto v = service->genericVerdicts(second);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_TRUE(v[1].generic);
  bool sharedReason = false;
  for (const auto& r : v[1].reasons) sharedReason |= r.find("other case") != std::string::npos;
  EXPECT_TRUE(sharedReason) << "the second copy of a template should know the first";
  EXPECT_TRUE(service->genericVerdicts(first)[1].generic);  // the stored verdict of the first copy
}

TEST_F(Intelligence, AReminderFiresOnceUntilTheCaseChanges) {
  capture(snapshot("5201", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  auto fired = service->fireDueReminders().value();
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0].caseId, "5201");
  EXPECT_EQ(firedEvents("5201"), 1);
  EXPECT_TRUE(service->fireDueReminders().value().empty());  // not again for the same case version
  EXPECT_EQ(service->due().size(), 1u);              // still listed as due

  // The seller chases: the case changed, Amazon is silent again later, so it fires again.
  capture(snapshot("5201",
                   {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234."),
                    seller("2026-11-10T09:00:00Z", "Any news?")},
                   "Pending Amazon action"));
  now = *parseIso8601("2026-11-30T09:00:00Z");
  EXPECT_EQ(service->fireDueReminders().value().size(), 1u);
  EXPECT_EQ(firedEvents("5201"), 2);
  EXPECT_TRUE(service->verify().ok);
}

// After a capture the host fires the reminders of that case only: another case's due reminder
// waits for the timer's firing of every case.
TEST_F(Intelligence, FiringForOneCaseLeavesTheOthers) {
  capture(snapshot("5201", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  capture(snapshot("5202", {seller("2026-11-03T09:00:00Z", "Please reinstate B08XYZ9999.")},
                   "Pending Amazon action"));
  auto fired = service->fireDueReminders("5202").value();
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0].caseId, "5202");
  EXPECT_EQ(firedEvents("5201"), 0);
  EXPECT_TRUE(service->fireDueReminders("5202").value().empty());
  EXPECT_TRUE(service->fireDueReminders("404").value().empty());  // an unknown case has none
  fired = service->fireDueReminders().value();
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0].caseId, "5201");
}

// The host fires reminders between requests: while another program holds the write lock it
// must not wait for it (requests would wait too). Nothing is fired then, and nothing is lost: the
// same reminder fires once the lock is free.
TEST_F(Intelligence, FiringNeverWaitsForAWriteLockAnotherProgramHolds) {
  capture(snapshot("5211", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  sqlite::Db other(dir.file("t.db"), false);
  other.exec("BEGIN IMMEDIATE");
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(service->fireDueReminders().has_value());
  EXPECT_FALSE(service->fireDueReminders("5211").has_value());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2)) << "it waited for the lock";
  other.exec("ROLLBACK");
  EXPECT_EQ(firedEvents("5211"), 0);
  const auto fired = service->fireDueReminders().value();
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0].caseId, "5211");
  EXPECT_EQ(firedEvents("5211"), 1);
}

// due() loads only the cases the reminder schedule (saved at reassess) says have come due: a
// case scheduled for later is not even looked at, and a quiet case is never a candidate.
TEST_F(Intelligence, DueLoadsOnlyScheduledCases) {
  capture(snapshot("5251", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  capture(snapshot("5252", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ9999.")}, "Closed"));
  EXPECT_EQ(store->reminderCandidates(now), std::vector<std::string>{"5251"});
  ASSERT_EQ(service->due().size(), 1u);
  store->saveSchedule("5251", {now + std::chrono::hours{1}, now});
  EXPECT_TRUE(store->reminderCandidates(now).empty());
  EXPECT_TRUE(service->due().empty());  // not loaded: the schedule says later
  EXPECT_EQ(service->reassessOverdue(), 1u);  // brings the schedule back to the case's facts
  EXPECT_EQ(service->due().size(), 1u);
}

TEST_F(Intelligence, DismissHoldsUntilTheCaseChanges) {
  capture(snapshot("5301", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  service->dismissReminder("5301", "amazon_silent");
  EXPECT_TRUE(service->due().empty());
  EXPECT_TRUE(service->fireDueReminders().value().empty());
  EXPECT_TRUE(service->remindersFor(service->getCase("5301")).empty());
  bool dismissedEvent = false;
  for (const auto& e : service->events("5301")) dismissedEvent |= e.kind == "reminder_dismissed";
  EXPECT_TRUE(dismissedEvent);
  capture(snapshot("5301",
                   {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234."),
                    seller("2026-11-05T09:00:00Z", "Still suppressed.")},
                   "Pending Amazon action"));
  EXPECT_EQ(service->due().size(), 1u);
  EXPECT_THROW(service->dismissReminder("5301", "nonsense"), Error);
  EXPECT_THROW(service->dismissReminder("404", "amazon_silent"), Error);
}

TEST_F(Intelligence, SnoozeQuietsAndThenRemindsToFollowUp) {
  capture(snapshot("5401", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  service->snooze("5401", *parseIso8601("2026-11-25T00:00:00Z"));
  EXPECT_TRUE(service->due().empty());
  now = *parseIso8601("2026-11-26T00:00:00Z");
  std::set<std::string> rules;
  for (const auto& r : service->due()) rules.insert(r.rule);
  EXPECT_TRUE(rules.count("follow_up"));
}

TEST_F(Intelligence, ReassessmentFollowsTheClock) {
  capture(snapshot("5501", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  EXPECT_EQ(service->reassessOverdue(), 0u);  // just assessed by the capture
  now += std::chrono::hours{7};
  EXPECT_EQ(service->reassessOverdue(), 1u);  // 6 h after the capture's assessment
  const double early = store->storedPriority("5501")->score;
  now = *parseIso8601("2026-12-20T09:00:00Z");
  EXPECT_EQ(service->reassessOverdue(), 1u);
  EXPECT_GT(store->storedPriority("5501")->score, early);  // waiting longer weighs more
}

// The host refreshes assessments in slices: only the open cases whose refresh time has passed,
// the longest overdue first, never a closed one.
TEST_F(Intelligence, ReassessDueRefreshesOnlyOverdueOpenCases) {
  for (const char* id : {"5601", "5602", "5603"})
    capture(snapshot(id, {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                     "Pending Amazon action"));
  capture(snapshot("5604", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")}, "Closed"));
  EXPECT_EQ(service->reassessDue(10), 0u);  // all assessed just now
  now += std::chrono::hours{7};
  EXPECT_EQ(store->reassessmentsDue(now, 10), (std::vector<std::string>{"5601", "5602", "5603"}));
  const double before = store->storedPriority("5603")->score;
  EXPECT_EQ(service->reassessDue(2), 2u);
  EXPECT_EQ(store->reassessmentsDue(now, 10), std::vector<std::string>{"5603"});
  EXPECT_EQ(service->reassessDue(2), 1u);
  EXPECT_EQ(service->reassessDue(2), 0u);
  EXPECT_GE(store->storedPriority("5603")->score, before);
}

// The host's slices give way to another writer (an import assessing its own cases): nothing is
// done, nothing waited for, and the cases stay due for a later slice.
TEST_F(Intelligence, TheHostsSliceDoesNothingWhileAnotherConnectionWrites) {
  capture(snapshot("5701", {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234.")},
                   "Pending Amazon action"));
  now += std::chrono::hours{7};
  auto other = openSqliteStore(dir.file("t.db"));
  std::optional<std::size_t> whileLocked;
  other->transaction([&] { whileLocked = service->reassessDueIfUnlocked(5); });
  EXPECT_FALSE(whileLocked.has_value());
  EXPECT_EQ(store->reassessmentsDue(now, 10), std::vector<std::string>{"5701"});
  EXPECT_EQ(service->reassessDueIfUnlocked(5), std::optional<std::size_t>(1));
  EXPECT_TRUE(store->reassessmentsDue(now, 10).empty());
  EXPECT_EQ(service->reassessDueIfUnlocked(5), std::optional<std::size_t>(0));  // nothing due
}

// Batch assessment (assessEach: the replies prepared on a second thread, a group of cases ahead)
// gives the verdicts and priorities that assessing one case at a time in the same order gives:
// across groups, with template replies shared by many cases, a body repeated within a case, and
// a new reply that repeats a body whose verdict is stored.
TEST(BatchAssessment, SameVerdictsAsOneCaseAtATime) {
  const char* bodies[] = {kTemplate,
                          "We reviewed B08XYZ1234 and reinstated the listing because the image was compliant.",
                          "Please provide an invoice for order 113-1234567-1234567 within 17 days.",
                          "Thank you for contacting Amazon Seller Support. Your request has been forwarded."};
  std::vector<CaseSnapshot> first, second;
  for (int i = 0; i < 60; ++i) {
    const std::string id = std::to_string(8800 + i);
    std::vector<MessageSnapshot> thread = {seller("2026-11-02T09:00:00Z", "Please reinstate B08XYZ1234, case " + id),
                                           amazon("2026-11-03T09:00:00Z", bodies[i % 4]),
                                           amazon("2026-11-04T09:00:00Z", bodies[(i / 4) % 4])};
    if (i % 5 == 0) thread.push_back(amazon("2026-11-05T09:00:00Z", bodies[i % 4]));  // repeated in the case
    first.push_back(snapshot(id, thread, "Answered"));
    if (i % 2 == 0) {  // later: a reply repeating a body with a stored verdict, and a new text
      thread.push_back(amazon("2026-11-06T09:00:00Z", bodies[i % 4]));
      thread.push_back(amazon("2026-11-07T09:00:00Z", "Case " + id + ": 12 units were found and credited."));
      second.push_back(snapshot(id, thread, "Answered"));
    }
  }
  ASSERT_GT(second.size(), 25u);  // two groups (of 25) or more: prepared on the second thread too
  caselog::testing::TempDir dir;
  const Config config = Config::defaults();
  const Instant now = kLate;
  auto batchStore = openSqliteStore(dir.file("batch.db"));
  auto oneStore = openSqliteStore(dir.file("one.db"));
  CaseService batch(*batchStore, config, [&] { return now; });
  CaseService one(*oneStore, config, [&] { return now; });
  auto compare = [&](const char* phase) {
    for (const auto& id : batchStore->caseIds(false)) {
      const CaseRecord b = batch.getCase(id), o = one.getCase(id);
      const auto vb = batch.genericVerdicts(b), vo = one.genericVerdicts(o);
      ASSERT_EQ(vb.size(), vo.size()) << phase << " " << id;
      for (std::size_t i = 0; i < vb.size(); ++i) {
        EXPECT_EQ(vb[i].score, vo[i].score) << phase << " " << id << " message " << i;
        EXPECT_EQ(vb[i].reasons, vo[i].reasons) << phase << " " << id << " message " << i;
      }
      EXPECT_EQ(batchStore->storedPriority(id)->score, oneStore->storedPriority(id)->score) << phase << " " << id;
    }
  };
  for (const auto* snapshots : {&first, &second}) {
    CaptureSource source;
    source.page = "import";
    batch.importSnapshots(*snapshots, source);
    one.importSnapshots(*snapshots, source);
    const auto order = oneStore->reassessmentsDue(now, 1000);
    EXPECT_EQ(order.size(), snapshots->size());
    for (const auto& id : order) one.reassess(id);
    EXPECT_EQ(batch.reassessOverdue(), snapshots->size());
    compare(snapshots == &first ? "imported" : "added to");
  }
  // The templates were found shared between cases (the bands were looked up, in order).
  const auto verdicts = batch.genericVerdicts(batch.getCase("8859"));
  EXPECT_TRUE(verdicts[1].generic);
  EXPECT_NE(verdicts[1].reasons.end(),
            std::find_if(verdicts[1].reasons.begin(), verdicts[1].reasons.end(),
                         [](const std::string& r) { return r.rfind("same text sent in", 0) == 0; }));
}

TEST_F(Intelligence, TrendsCountWhatIsStored) {
  capture(snapshot("5601",
                   {seller("2026-11-02T09:00:00Z", "Help"), amazon("2026-11-03T09:00:00Z", kTemplate)},
                   "Answered"));
  const Trends t = service->trends();
  EXPECT_EQ(t.cases, 1);
  EXPECT_EQ(t.amazonReplies, 1);
  EXPECT_EQ(t.genericReplies, 1);
}
