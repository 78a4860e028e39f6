// CaseService::capture and captureList over a real store.
#include <tuple>

#include "core/error.hpp"
#include "storage/audit.hpp"
#include "storage/sqlite_db.hpp"
#include "unit/service/service_fixture.hpp"

namespace caselog::testing {
namespace {

using Kinds = std::vector<std::string>;

class Capture : public ServiceTest {
 protected:
  // The category's part of the stored priority (0 when the case has no such term).
  double categoryContribution(const std::string& caseId) {
    const auto priority = store_->storedPriority(caseId);
    if (!priority) throw std::runtime_error("no stored priority for case " + caseId);
    for (const auto& t : priority->terms)
      if (t.name == "category") return t.contribution;
    return 0;
  }
};

// An FBA shipment case as its page shows it: the whole subject. The case list shows that subject
// cut short, and cut at "ship" it no longer says shipment: guessed from the cut subject and the
// seller's message, the category would be fba_inventory.
constexpr const char* kShipmentCaseId = "17865432960";

CaseSnapshot shipmentCase() {
  CaseSnapshot s;
  s.caseId = kShipmentCaseId;
  s.marketplace = "sellercentral.amazon.com";
  s.subject = "Question about my shipment FBA15ABC1234";
  s.status = "Pending Amazon action";
  s.createdAt = "2026-11-18T08:00:00Z";
  s.messages = {msg("seller", "2026-11-18T08:00:00Z",
                    "Shipment FBA15ABC1234 was delivered to the fulfillment center on Nov 12 but is "
                    "still shown as in transit. Can you check the receiving?")};
  return s;
}

CaseListEntry shipmentRow(const std::string& subject, const char* status = "Pending Amazon action") {
  return {kShipmentCaseId, subject, status, "2026-11-18T08:00:00Z", ""};
}

TEST_F(Capture, StoresANewCaseWithEventsAndIdentifiers) {
  const auto out = service_.capture(listingCase(), source());
  EXPECT_TRUE(out.created);
  EXPECT_EQ(out.newMessages, 2);
  const auto c = service_.getCase("17865432901");
  EXPECT_EQ(c.status, "pending_amazon");
  EXPECT_EQ(c.statusRaw, "Pending Amazon action");
  EXPECT_FALSE(c.category.empty());
  EXPECT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.updatedAt, at("2026-11-21T09:12:00Z"));
  EXPECT_EQ(c.identifiers, (std::vector<Identifier>{{"asin", "B08XYZ1234"}}));
  EXPECT_EQ(kinds("17865432901"), (Kinds{"case_created", "messages_added"}));
  // One event vouches for both messages: their ids and content hashes, in thread order.
  const auto added = lastEvent("17865432901").data.at("messages");
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[0].at("messageId"), c.messages[0].id);
  EXPECT_EQ(added[1].at("messageId"), c.messages[1].id);
  EXPECT_EQ(added[1].at("contentHash"), audit::messageContentHash(c.messages[1]));
  EXPECT_TRUE(service_.verify().ok);
}

TEST_F(Capture, SameSnapshotTwiceChangesNothing) {
  service_.capture(listingCase(), source());
  const auto head = service_.chainHead();
  const auto counter = store_->changeCounter();
  const auto out = service_.capture(listingCase(), source());
  EXPECT_FALSE(out.created);
  EXPECT_EQ(out.newMessages, 0);
  EXPECT_EQ(out.newVersions, 0);
  EXPECT_FALSE(out.statusChanged);
  EXPECT_EQ(service_.chainHead().seq, head.seq);
  EXPECT_EQ(service_.getCase("17865432901").messages.size(), 2u);
  (void)counter;
}

TEST_F(Capture, ANewMessageAppends) {
  service_.capture(listingCase(), source());
  auto s = listingCase();
  s.messages.push_back(
      msg("seller", "2026-11-22T08:00:00Z", "The image is compliant, please reinstate B08XYZ1234."));
  const auto out = service_.capture(s, source());
  EXPECT_EQ(out.newMessages, 1);
  const auto c = service_.getCase("17865432901");
  ASSERT_EQ(c.messages.size(), 3u);
  EXPECT_EQ(c.messages[2].author, "seller");
  EXPECT_EQ(kinds("17865432901").back(), "messages_added");
  const auto added = lastEvent("17865432901").data.at("messages");
  ASSERT_EQ(added.size(), 1u);  // only the new message
  EXPECT_EQ(added[0].at("messageId"), c.messages[2].id);
}

TEST_F(Capture, AnEditedMessageBecomesANewVersion) {
  service_.capture(listingCase(), source());
  auto s = listingCase();
  s.messages[1].body = "Thank you for contacting Amazon Seller Support. We have reinstated your listing.";
  const auto out = service_.capture(s, source());
  EXPECT_EQ(out.newMessages, 0);
  EXPECT_EQ(out.newVersions, 1);
  const auto versions = store_->messageVersions("17865432901");
  ASSERT_EQ(versions.size(), 3u);
  const auto c = service_.getCase("17865432901");
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[1].version, 2);
  EXPECT_EQ(c.messages[1].body, s.messages[1].body);
  EXPECT_TRUE(c.messages[1].supersedes.has_value());
  const auto added = lastEvent("17865432901").data.at("messages");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].at("messageId"), c.messages[1].id);
  EXPECT_EQ(added[0].at("supersedes"), *c.messages[1].supersedes);
  // The old text captured again (an older page in the cache) is known: nothing changes.
  EXPECT_EQ(service_.capture(listingCase(), source()).newVersions, 0);
  EXPECT_TRUE(service_.verify().ok);
}

TEST_F(Capture, AStatusChangeIsAnEventAndReopeningCounts) {
  service_.capture(listingCase(), source());
  auto s = listingCase();
  s.status = "Resolved";
  EXPECT_TRUE(service_.capture(s, source()).statusChanged);
  s.status = "Reopened";
  EXPECT_TRUE(service_.capture(s, source()).statusChanged);
  const auto c = service_.getCase("17865432901");
  EXPECT_EQ(c.reopenCount, 1);
  const auto events = service_.events("17865432901");
  std::vector<std::string> tail;
  for (auto it = events.end() - 3; it != events.end(); ++it) tail.push_back(it->kind);
  EXPECT_EQ(tail, (Kinds{"status_changed", "status_changed", "reopened"}));
  EXPECT_EQ(events[events.size() - 2].data.value("from", ""), "resolved");
}

// The category is guessed from the subject and each current message once. A page captured again
// repeats the messages already stored: counted twice, the seller's words about lost units in the
// fulfillment center outweighed the subject's "shipment", and the category flipped on every
// re-capture that followed a first one (fba_shipment -> fba_inventory), then back on a list row.
TEST_F(Capture, CapturingAPageAgainKeepsItsCategory) {
  CaseSnapshot page = shipmentCase();
  page.messages = {msg("seller", "2026-11-18T08:00:00Z", "12 lost units at the fulfillment center.")};
  service_.capture(page, source());
  ASSERT_EQ(service_.getCase(kShipmentCaseId).category, "fba_shipment");
  service_.capture(page, source());
  EXPECT_EQ(service_.getCase(kShipmentCaseId).category, "fba_shipment");
  // An edited message counts in its new text only.
  page.messages[0].body = "Shipment checked in: 12 lost units at the fulfillment center.";
  EXPECT_EQ(service_.capture(page, source()).newVersions, 1);
  EXPECT_EQ(service_.getCase(kShipmentCaseId).category, "fba_shipment");
  EXPECT_EQ(kinds(kShipmentCaseId), (Kinds{"case_created", "messages_added", "messages_added"}));
}

TEST_F(Capture, APagedThreadMergesInDateOrder) {
  auto newer = listingCase();
  newer.messages = {msg("amazon", "2026-11-23T09:00:00Z", "Page one, newest reply."),
                    msg("seller", "2026-11-22T09:00:00Z", "Page one, seller follow-up.")};
  service_.capture(newer, source());
  service_.capture(listingCase(), source());  // the older page
  const auto c = service_.getCase("17865432901");
  ASSERT_EQ(c.messages.size(), 4u);
  for (size_t i = 1; i < c.messages.size(); ++i) EXPECT_LE(*c.messages[i - 1].sentAt, *c.messages[i].sentAt);
  EXPECT_EQ(c.updatedAt, at("2026-11-23T09:00:00Z"));
}

TEST_F(Capture, MessagesWithoutADateDedupeByAuthorAndBody) {
  auto s = listingCase();
  s.messages = {msg("amazon", "", "Undated reply."), msg("amazon", "", "Undated reply."),
                msg("seller", "", "Undated reply.")};
  EXPECT_EQ(service_.capture(s, source()).newMessages, 2);
  EXPECT_EQ(service_.capture(s, source()).newMessages, 0);
}

TEST_F(Capture, TwoMessagesInTheSameMinuteAreBothKept) {
  auto s = listingCase();
  s.messages = {msg("seller", "2026-11-20T14:05:00Z", "First part."),
                msg("seller", "2026-11-20T14:05:00Z", "Second part.")};
  EXPECT_EQ(service_.capture(s, source()).newMessages, 2);
  EXPECT_EQ(service_.capture(s, source()).newMessages, 0);
}

TEST_F(Capture, RejectsBadSnapshotsNamingTheField) {
  auto expectBad = [&](CaseSnapshot s, const std::string& field) {
    try {
      service_.capture(s, source());
      ADD_FAILURE() << "accepted a snapshot without a valid " << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::bad_request);
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
    }
  };
  auto s = listingCase();
  s.caseId = "";
  expectBad(s, "caseId");
  s.caseId = "12ab";
  expectBad(s, "caseId");
  s = listingCase();
  s.messages[1].author = "";
  expectBad(s, "messages[1].author");
  s.messages[1].author = "robot";
  expectBad(s, "messages[1].author");
  s = listingCase();
  s.messages[0].body = "";
  expectBad(s, "messages[0].body");
  s = listingCase();
  s.messages[0].sentAt = "yesterday";
  expectBad(s, "messages[0].sentAt");
  s = listingCase();
  s.createdAt = "2026-13-45";
  expectBad(s, "createdAt");
  EXPECT_FALSE(service_.findCase("17865432901"));  // nothing was stored
}

// A refused snapshot is a bad_request naming the field, and nothing is stored.
TEST_F(Capture, ARefusedSnapshotNamesTheFieldAndStoresNothing) {
  auto refusal = [&](const CaseSnapshot& s) {
    try {
      service_.capture(s, source());
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::bad_request);
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  auto s = listingCase();
  s.messages[1].author = "bot";
  EXPECT_EQ(refusal(s), "messages[1].author must be \"seller\" or \"amazon\"");
  s = listingCase();
  s.messages[1].body.clear();
  EXPECT_EQ(refusal(s), "missing messages[1].body");
  s = listingCase();
  s.messages[0].sentAt = "yesterday";
  EXPECT_EQ(refusal(s), "messages[0].sentAt is not an ISO 8601 date: 'yesterday'");
  s = listingCase();
  s.caseId = "17-86";
  EXPECT_EQ(refusal(s), "caseId must be digits: '17-86'");
  EXPECT_EQ(store_->caseIds(false).size(), 0u);

  std::vector<CaseListEntry> list(2);
  list[0].caseId = "1001";
  list[1].caseId = "1002";
  list[1].updatedAt = "soon";
  try {
    service_.captureList(list, source("case-list"));
    ADD_FAILURE() << "a bad list entry was accepted";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "cases[1].updatedAt is not an ISO 8601 date: 'soon'");
  }
  EXPECT_EQ(store_->caseIds(false).size(), 0u);
}

TEST_F(Capture, CaseListUpsertsRowsWithoutMessages) {
  std::vector<CaseListEntry> rows = {{"17865432901", "Listing suppressed for B08XYZ1234",
                                      "Pending Amazon action", "2026-11-20T14:05:00Z", ""},
                                     {"17865432950", "Inbound shipment FBA15XYZ1AB2 received short",
                                      "Answered", "2026-11-18T08:00:00Z", ""}};
  auto out = service_.captureList(rows, source("case-list"));
  EXPECT_EQ(out.cases, 2);
  EXPECT_EQ(out.created, 2);
  out = service_.captureList(rows, source("case-list"));
  EXPECT_EQ(out.created, 0);
  EXPECT_EQ(out.updated, 0);
  rows[1].status = "Resolved";
  out = service_.captureList(rows, source("case-list"));
  EXPECT_EQ(out.updated, 1);
  EXPECT_EQ(service_.getCase("17865432950").status, "resolved");
  EXPECT_TRUE(service_.getCase("17865432950").messages.empty());
  rows[0].caseId = "x";
  EXPECT_THROW(service_.captureList(rows, source("case-list")), Error);
}

// A case-list row (capture_list, or a case-list line of `caselog import`) whose subject is the
// stored one cut short keeps the whole subject a case page stored, and so the category guessed
// from it and that part of the priority; the row's status still counts.
TEST_F(Capture, ACaseListRowKeepsTheWholeSubjectItShowsCutShort) {
  const CaseSnapshot page = shipmentCase();
  service_.capture(page, source());
  ASSERT_EQ(service_.getCase(kShipmentCaseId).category, "fba_shipment");
  const double categoryPart = categoryContribution(kShipmentCaseId);

  std::vector<CaseListEntry> rows = {shipmentRow("Question about my ship...", "Answered")};
  EXPECT_EQ(service_.captureList(rows, source("case-list")).updated, 1);
  auto c = service_.getCase(kShipmentCaseId);
  EXPECT_EQ(c.subject, page.subject);
  EXPECT_EQ(c.category, "fba_shipment");
  EXPECT_EQ(c.status, "answered");
  EXPECT_EQ(categoryContribution(kShipmentCaseId), categoryPart);
  EXPECT_EQ(lastEvent(kShipmentCaseId).kind, "status_changed");

  // Cut at another length, with "…", without an ellipsis, or the same subject in other case and
  // spacing: nothing to store.
  for (const char* shown : {"Question about my shipment FBA15…", "Question about my shipment FBA1",
                            "  question about my SHIPMENT  fba15abc1234 "}) {
    rows = {shipmentRow(shown, "Answered")};
    EXPECT_EQ(service_.captureList(rows, source("case-list")).updated, 0) << shown;
    EXPECT_EQ(service_.getCase(kShipmentCaseId).subject, page.subject) << shown;
  }
  EXPECT_EQ(kinds(kShipmentCaseId), (Kinds{"case_created", "messages_added", "status_changed"}));
  EXPECT_TRUE(service_.verify().ok);
}

// A subject from the list that is not the stored one cut short replaces it as before, with an
// event; the seller's category override stays; a cut of the new subject keeps it whole in turn.
TEST_F(Capture, ACaseListRowWithAnotherSubjectStillReplacesIt) {
  const CaseSnapshot page = shipmentCase();
  service_.capture(page, source());
  const std::string longer = page.subject + " - 12 units missing";
  std::vector<CaseListEntry> rows = {shipmentRow(longer)};
  EXPECT_EQ(service_.captureList(rows, source("case-list")).updated, 1);
  EXPECT_EQ(service_.getCase(kShipmentCaseId).subject, longer);
  const Event updated = lastEvent(kShipmentCaseId);
  EXPECT_EQ(updated.kind, "case_updated");
  EXPECT_EQ(updated.data.at("subject"), (nlohmann::json{{"from", page.subject}, {"to", longer}}));

  service_.setCategory(kShipmentCaseId, "payments");
  const std::string other = "Reimbursement request for lost units";
  rows = {shipmentRow(other)};
  EXPECT_EQ(service_.captureList(rows, source("case-list")).updated, 1);
  auto c = service_.getCase(kShipmentCaseId);
  EXPECT_EQ(c.subject, other);
  EXPECT_EQ(c.category, "payments");

  rows = {shipmentRow("Reimbursement request f...")};
  EXPECT_EQ(service_.captureList(rows, source("case-list")).updated, 0);
  c = service_.getCase(kShipmentCaseId);
  EXPECT_EQ(c.subject, other);
  EXPECT_EQ(c.category, "payments");
  EXPECT_TRUE(service_.verify().ok);
}

// A case first seen in the list keeps the cut subject the list shows (better than none) until its
// page brings the whole one.
TEST_F(Capture, ACutSubjectFromTheListIsStoredUntilTheCasePageBringsTheWholeOne) {
  std::vector<CaseListEntry> rows = {shipmentRow("Question about my ship...")};
  EXPECT_EQ(service_.captureList(rows, source("case-list")).created, 1);
  EXPECT_EQ(service_.getCase(kShipmentCaseId).subject, "Question about my ship...");
  service_.capture(shipmentCase(), source());
  const auto c = service_.getCase(kShipmentCaseId);
  EXPECT_EQ(c.subject, "Question about my shipment FBA15ABC1234");
  EXPECT_EQ(c.category, "fba_shipment");
}

TEST_F(Capture, ImportCountsBadEntriesByLineAndKeepsTheRest) {
  std::vector<CaseSnapshot> snapshots;
  for (int i = 0; i < 1200; ++i) {
    auto s = listingCase();
    s.caseId = std::to_string(5000000 + i);
    s.messages[1].body += " Ref " + std::to_string(i);
    snapshots.push_back(s);
  }
  snapshots[7].caseId = "not-digits";
  snapshots[900].messages[0].author = "";
  std::vector<ImportProgress> progress;
  const auto out = service_.importSnapshots(snapshots, source("import"),
                                            [&](const ImportProgress& p) { progress.push_back(p); });
  EXPECT_EQ(out.snapshots, 1198u);
  EXPECT_EQ(out.created, 1198u);
  EXPECT_EQ(out.newMessages, 2396u);
  EXPECT_EQ(out.failed, 2u);
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_EQ(out.errors[0].rfind("line 8: ", 0), 0u) << out.errors[0];
  EXPECT_EQ(out.errors[1].rfind("line 901: ", 0), 0u) << out.errors[1];
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().done, 1200u);
  EXPECT_EQ(progress.back().total, 1200u);
  EXPECT_EQ(service_.importSnapshots(snapshots, source("import")).newMessages, 0u);  // idempotent
  EXPECT_TRUE(service_.verify().ok);
}

// A database error that is the row's (here a trigger refusing one case, as a constraint would) is
// that snapshot's failure: the import goes on. (One that is the disk's stops it: a full disk, in
// tests/process/storage_failure_test.cpp.)
TEST_F(Capture, ImportSkipsARowTheDatabaseRefuses) {
  std::vector<CaseSnapshot> snapshots;
  for (int i = 0; i < 6; ++i) {
    snapshots.push_back(listingCase());
    snapshots.back().caseId = std::to_string(7200 + i);
  }
  sqlite::Db other(dir_.file("caselog.db"), false);
  other.exec("CREATE TRIGGER refuse_7202 BEFORE INSERT ON cases WHEN NEW.case_id = '7202' "
             "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END");
  const auto out = service_.importSnapshots(snapshots, source("import"));
  EXPECT_FALSE(out.stopped) << *out.stopped;
  EXPECT_EQ(out.snapshots, 5u);
  EXPECT_EQ(out.failed, 1u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("line 3: "), std::string::npos) << out.errors[0];
  EXPECT_EQ(out.handled, 6u);
}

// An import stores the cases and leaves their assessment due; reassessOverdue() makes it.
TEST_F(Capture, ImportedCasesAreAssessedAfterwards) {
  std::vector<CaseSnapshot> snapshots;
  for (int i = 0; i < 3; ++i) {
    snapshots.push_back(listingCase());
    snapshots.back().caseId = std::to_string(7100 + i);
  }
  service_.importSnapshots(snapshots, source("import"));
  EXPECT_FALSE(store_->storedPriority("7100"));
  EXPECT_EQ(store_->reassessmentsDue(Instant{std::chrono::seconds{1}}, 10).size(), 3u);
  std::vector<std::size_t> progress;
  EXPECT_EQ(service_.reassessOverdue([&](std::size_t done) { progress.push_back(done); }), 3u);
  EXPECT_EQ(progress, std::vector<std::size_t>{3});
  EXPECT_TRUE(store_->storedPriority("7100"));
  EXPECT_TRUE(store_->reassessmentsDue(Instant{std::chrono::seconds{1}}, 10).empty());
  EXPECT_EQ(service_.reassessOverdue(), 0u);
  // The same import again (as after a stop) changes nothing, so nothing is to be assessed again.
  service_.importSnapshots(snapshots, source("import"));
  EXPECT_EQ(service_.reassessOverdue(), 0u);
}

// A capture time the extension gives (the capture may have waited in its outbox) dates the
// capture; one later than now does not: the audit trail is never dated in the future.
TEST_F(Capture, ACaptureTimeInTheFutureIsNow) {
  auto early = source();
  early.capturedAt = "2026-11-01T08:00:00Z";
  service_.capture(listingCase(), early);
  EXPECT_EQ(service_.getCase("17865432901").firstCapturedAt, at("2026-11-01T08:00:00Z"));
  auto future = source();
  future.capturedAt = "9999-12-31T23:59:59Z";
  auto other = listingCase();
  other.caseId = "17865432999";
  service_.capture(other, future);
  EXPECT_EQ(service_.getCase("17865432999").firstCapturedAt, now_);
  EXPECT_EQ(lastEvent("17865432999").at, now_);
  // Clocks a few minutes apart are allowed for; beyond 5 minutes ahead it is now.
  for (const auto& [id, ahead, taken] : {std::tuple{"17865433001", std::chrono::minutes(4), now_ + std::chrono::minutes(4)},
                                         std::tuple{"17865433002", std::chrono::minutes(6), now_}}) {
    auto s = listingCase();
    s.caseId = id;
    auto src = source();
    src.capturedAt = formatIso8601(now_ + ahead);
    service_.capture(s, src);
    EXPECT_EQ(service_.getCase(id).firstCapturedAt, taken) << id;
  }
}

// Short fields have a length limit (every answer and reminder repeating them must fit a frame to
// the browser), and a refused value is quoted by its start only.
TEST_F(Capture, OverlongFieldsAreRefusedByNameWithAShortMessage) {
  const std::string huge(1100 * 1000, 'x');
  const auto refusal = [&](const CaseSnapshot& s) -> std::string {
    try {
      service_.capture(s, source());
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::bad_request);
      return e.what();
    }
    return "(stored)";
  };
  auto s = listingCase();
  s.subject = huge;
  EXPECT_EQ(refusal(s), "subject is too long (1100000 bytes; at most 4000)");
  s = listingCase();
  s.messages[0].sender = huge;
  EXPECT_EQ(refusal(s), "messages[0].sender is too long (1100000 bytes; at most 500)");
  s = listingCase();
  s.status = std::string(501, 's');
  EXPECT_EQ(refusal(s), "status is too long (501 bytes; at most 500)");
  s = listingCase();
  s.marketplace = std::string(501, 'm');
  EXPECT_EQ(refusal(s), "marketplace is too long (501 bytes; at most 500)");
  s = listingCase();
  s.category = std::string(501, 'c');
  EXPECT_EQ(refusal(s), "category is too long (501 bytes; at most 500)");
  s = listingCase();
  s.createdAt = huge;
  EXPECT_EQ(refusal(s), "createdAt is not an ISO 8601 date: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (1100000 bytes)");
  s = listingCase();
  s.caseId = std::string(40, '7');
  EXPECT_EQ(refusal(s).rfind("caseId is too long: '7777", 0), 0u);
  s = listingCase();
  s.subject = std::string(4000, 's');  // at the limit: stored
  EXPECT_EQ(refusal(s), "(stored)");
  EXPECT_THROW(service_.captureList({{"17865432902", huge, "Answered", "", ""}}, source("case-list")), Error);
  EXPECT_THROW(service_.captureList({{"17865432902", "Subject", std::string(501, 's'), "", ""}}, source("case-list")),
               Error);
}

}  // namespace
}  // namespace caselog::testing
