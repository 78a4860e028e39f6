// Forward migrations with their backups: from the pre-versioning schema (tests/fixtures/db/v0.sql)
// and from version 2 (tests/fixtures/db/v2.sql: a `sqlite3 .dump` of a database written by the
// version-2 host: one case captured, re-captured with an edited reply and a new subject, a note).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "storage/audit.hpp"
#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"
#include "unit/storage/append_one.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog {
namespace {

using testing::TempDir;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(CASELOG_TESTS_DIR) + "/fixtures/db/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first column of the first row of `sql` run on the file at `path`.
std::int64_t scalar(const std::string& path, const char* sql) {
  sqlite::Db db(path, false);
  sqlite::Stmt st(db, sql);
  EXPECT_TRUE(st.step()) << sql;
  return st.int64(0);
}

std::string makeV0(const TempDir& dir) {
  const std::string path = dir.file("caselog.db");
  sqlite::Db db(path, true);
  db.exec(fixture("v0.sql").c_str());
  return path;
}

TEST(Migration, BacksUpThenMigratesV0WithoutLoss) {
  TempDir dir;
  const std::string path = makeV0(dir);
  auto store = openSqliteStore(path);

  const std::string backup = path + ".bak-v0";
  ASSERT_TRUE(std::filesystem::exists(backup));
  // The backup is the untouched v0 file.
  EXPECT_EQ(scalar(backup, "SELECT count(*) FROM messages"), 4);
  EXPECT_EQ(scalar(backup, "PRAGMA user_version"), 0);

  const auto c = store->findCase("17865432950", true);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->subject, "Inbound shipment FBA15XYZ1AB2 received short by 12 units");
  EXPECT_EQ(c->status, "answered");
  ASSERT_EQ(c->messages.size(), 2u);
  EXPECT_EQ(c->messages[1].author, "amazon");
  EXPECT_EQ(formatIso8601(*c->messages[1].sentAt), "2026-11-19T16:30:00Z");
  ASSERT_EQ(c->notes.size(), 1u);
  EXPECT_EQ(c->messageCount, 2);

  const auto events = store->allEvents();
  ASSERT_EQ(events.size(), 3u + 4u + 1u);  // old events, one per migrated message, the migration
  EXPECT_EQ(events[0].kind, "case_created");
  EXPECT_EQ(events.back().kind, "schema_migrated");
  const auto report = store->verify();
  EXPECT_TRUE(report.ok) << report.problem;

  // Never assessed before: due for assessment now, so the host's reassess slices find it.
  const auto due = store->reassessmentsDue(Instant{std::chrono::seconds{1}}, 100);
  EXPECT_NE(std::find(due.begin(), due.end(), "17865432950"), due.end());
  // …and not a reminder candidate before that assessment has saved when its reminders come due
  // (due() would otherwise compute every migrated case's verdicts at once).
  const auto candidates = store->reminderCandidates(*parseIso8601("2030-01-01T00:00:00Z"));
  EXPECT_EQ(std::find(candidates.begin(), candidates.end(), "17865432950"), candidates.end());

  // Migrated data is searchable.
  SearchQuery q;
  q.text = "FBA15XYZ1AB2";
  EXPECT_GE(store->search(q).hits.size(), 2u);
}

TEST(Migration, ReopeningAMigratedFileDoesNothing) {
  TempDir dir;
  const std::string path = makeV0(dir);
  { auto store = openSqliteStore(path); }
  std::filesystem::remove(path + ".bak-v0");
  auto store = openSqliteStore(path);
  EXPECT_FALSE(std::filesystem::exists(path + ".bak-v0"));
  EXPECT_EQ(store->allEvents().size(), 8u);
}

TEST(Migration, AFreshFileNeedsNoBackup) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  EXPECT_FALSE(std::filesystem::exists(dir.file("caselog.db.bak-v0")));
}

std::vector<std::string> hitAuthors(Store& store, const std::string& text) {
  SearchQuery q;
  q.text = text;
  std::vector<std::string> authors;
  for (const auto& h : store.search(q).hits) authors.push_back(h.author);
  return authors;
}

TEST(Migration, V2ToV3DropsTheIndexTriggersAndTheStoreKeepsTheIndexesCurrent) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  ASSERT_EQ(testing::sqliteCli(path, fixture("v2.sql")), 0);
  auto store = openSqliteStore(path);
  ASSERT_TRUE(std::filesystem::exists(path + ".bak-v2"));
  EXPECT_EQ(scalar(path, "PRAGMA user_version"), 3);
  EXPECT_EQ(scalar(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'"),
            0);
  // The bands of the case's two replies, one row per (band, case).
  EXPECT_EQ(scalar(path, "SELECT count(*) FROM reply_bands"), 32);
  EXPECT_EQ(scalar(path, "SELECT count(DISTINCT case_id) FROM reply_bands"), 1);
  EXPECT_EQ(store->casesSharingBands({static_cast<std::uint64_t>(-6122531622855400831LL)}, "1"), 1);
  // Every case's assessment is due once after the migration (the slices of reassessDue find it).
  EXPECT_EQ(store->reassessmentsDue(Instant{std::chrono::seconds{1}}, 10),
            std::vector<std::string>{"17000000001"});
  // What version 2's triggers indexed is still found; the superseded reply is not.
  EXPECT_EQ(hitAuthors(*store, "reimbursed"), std::vector<std::string>{"amazon"});
  EXPECT_TRUE(hitAuthors(*store, "investigating").empty());
  EXPECT_EQ(hitAuthors(*store, "escalated"), std::vector<std::string>{"note"});
  EXPECT_EQ(hitAuthors(*store, "inbound"), std::vector<std::string>{"subject"});

  // New writes are indexed by the store: a message, its edited version, a subject change, a note.
  auto c = store->findCase("17000000001", true);
  ASSERT_TRUE(c);
  StoredMessage m;
  m.author = "amazon";
  m.body = "Your claim for the lost cartons was approved.";
  m.capturedAt = *parseIso8601("2026-11-22T10:00:00Z");
  const auto id = testing::appendMessage(*store, c->caseId, m);
  EXPECT_EQ(hitAuthors(*store, "cartons"), std::vector<std::string>{"amazon"});
  m.body = "Your claim for the lost pallets was approved.";
  m.supersedes = id;
  testing::appendMessage(*store, c->caseId, m);
  EXPECT_TRUE(hitAuthors(*store, "cartons").empty());
  EXPECT_EQ(hitAuthors(*store, "pallets"), std::vector<std::string>{"amazon"});
  c->subject = "Reimbursement for shipment FBA15ABCD123";
  store->upsertCase(*c);
  EXPECT_EQ(hitAuthors(*store, "reimbursement"), std::vector<std::string>{"subject"});
  EXPECT_TRUE(hitAuthors(*store, "inbound").empty());
  store->addNote(c->caseId, m.capturedAt, "Asked for the POD of pallet seven.");
  EXPECT_EQ(hitAuthors(*store, "seven"), std::vector<std::string>{"note"});
}

// A file written by version 2 holds one message_added / message_version event per message; what
// this version adds is one messages_added event per capture. The chain verifies across both, and
// an edited old message is still named.
TEST(Migration, AChainOfOldPerMessageEventsAndNewPerCaptureEventsVerifies) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  ASSERT_EQ(testing::sqliteCli(path, fixture("v2.sql")), 0);
  const std::int64_t oldEvents = [&] {
    auto store = openSqliteStore(path);
    const std::int64_t before = store->chainHead().seq;
    store->transaction([&] {
      StoredMessage m;
      m.author = "amazon";
      m.body = "Your claim for the lost cartons was approved.";
      m.sentAt = *parseIso8601("2026-11-22T09:00:00Z");
      const auto ids = store->appendMessages("17000000001", {m});
      store->appendEvent(
          "17000000001", "messages_added", *parseIso8601("2026-11-22T10:00:00Z"),
          {{"messages", {{{"messageId", ids[0]}, {"contentHash", audit::messageContentHash(m)}}}}});
    });
    const auto report = store->verify();
    EXPECT_TRUE(report.ok) << report.problem;
    EXPECT_EQ(report.checked, before + 1);
    return before;
  }();
  ASSERT_GT(oldEvents, 3);
  const std::int64_t oldMessage = scalar(path, "SELECT min(id) FROM messages");
  ASSERT_EQ(
      testing::sqliteCli(path, "DROP TRIGGER messages_immutable; UPDATE messages SET body = 'x' WHERE id = " +
                                   std::to_string(oldMessage) + ";"),
      0);
  const auto report = openSqliteStore(path)->verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.problem, "message " + std::to_string(oldMessage) + " changed");
}

}  // namespace
}  // namespace caselog
