// SqliteStore on real files: creation and modes, pragmas, cases, messages, versions, triggers.
#include "storage/store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/error.hpp"
#include "storage/sqlite_db.hpp"
#include "unit/storage/append_one.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog {
namespace {

using testing::TempDir;

Instant at(const char* iso) {
  return *parseIso8601(iso);
}

CaseRecord makeCase(const std::string& id, const std::string& subject = "Listing suppressed for B08XYZ1234") {
  CaseRecord c;
  c.caseId = id;
  c.marketplace = "sellercentral.amazon.com";
  c.subject = subject;
  c.statusRaw = "Pending Amazon action";
  c.status = "pending_amazon";
  c.category = "listing_suppressed";
  c.createdAt = at("2026-11-20T14:05:00Z");
  c.updatedAt = at("2026-11-21T09:12:00Z");
  c.firstCapturedAt = c.lastCapturedAt = at("2026-11-21T10:00:00Z");
  return c;
}

StoredMessage makeMessage(const std::string& author, const std::string& body, const char* sentAt) {
  StoredMessage m;
  m.author = author;
  m.sender = author == "amazon" ? "Amazon Seller Support" : "Acme Goods";
  m.sentAt = at(sentAt);
  m.body = body;
  m.capturedAt = at("2026-11-21T10:00:00Z");
  return m;
}

mode_t modeOf(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 0777;
}

TEST(Store, CreatesFolderAndFilesPrivately) {
  TempDir dir;
  const std::string path = dir.file("nested/deeper/caselog.db");
  auto store = openSqliteStore(path);
  store->transaction([&] { store->upsertCase(makeCase("1001")); });
  EXPECT_EQ(modeOf(path), 0600u);
  EXPECT_EQ(modeOf(dir.file("nested/deeper")), 0700u);
  ASSERT_TRUE(std::filesystem::exists(path + "-wal"));
  EXPECT_EQ(modeOf(path + "-wal"), 0600u);
}

TEST(Store, TightensAnExistingFileMode) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  { auto store = openSqliteStore(path); }
  ::chmod(path.c_str(), 0644);
  auto store = openSqliteStore(path);
  EXPECT_EQ(modeOf(path), 0600u);
}

TEST(Store, UsesWalFullSyncForeignKeysAndSchemaVersion) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  auto store = openSqliteStore(path);
  sqlite::Db db(path, false);
  sqlite::Stmt mode(db, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.text(0), "wal");
  sqlite::Stmt version(db, "PRAGMA user_version");
  ASSERT_TRUE(version.step());
  EXPECT_EQ(version.int64(0), 3);
}

// A file system that cannot share memory between programs (some network ones) has no WAL mode:
// played here by SQLite's own unix VFS whose open files hide their shared-memory methods (version-1
// io methods, as such a VFS gives). The store says so on opening and works on in the rollback
// journal, a second connection included.
sqlite3_vfs* gUnix = nullptr;
std::map<const sqlite3_io_methods*, sqlite3_io_methods> gWithoutShm;

int openWithoutShm(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
  const int rc = gUnix->xOpen(gUnix, name, file, flags, outFlags);
  if (rc == SQLITE_OK && file->pMethods) {
    auto [it, added] = gWithoutShm.try_emplace(file->pMethods, *file->pMethods);
    it->second.iVersion = 1;
    file->pMethods = &it->second;
  }
  return rc;
}

TEST(Store, WithoutSharedMemoryItSaysSoAndKeepsTheRollbackJournal) {
  gUnix = sqlite3_vfs_find(nullptr);
  ASSERT_NE(gUnix, nullptr);
  sqlite3_vfs noShm = *gUnix;
  noShm.zName = "caselog-test-no-shm";
  noShm.xOpen = openWithoutShm;
  ASSERT_EQ(sqlite3_vfs_register(&noShm, 1), SQLITE_OK);
  struct Restore {
    sqlite3_vfs *unix, *noShm;
    ~Restore() {
      sqlite3_vfs_register(unix, 1);
      sqlite3_vfs_unregister(noShm);
    }
  } restore{gUnix, &noShm};

  TempDir dir;
  const std::string path = dir.file("caselog.db");
  ::testing::internal::CaptureStderr();
  auto store = openSqliteStore(path);
  const std::string said = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(said.find(path + " stays in SQLite's 'delete' journal mode"), std::string::npos) << said;
  EXPECT_NE(said.find("on a local disk (--db or CASELOG_DB)"), std::string::npos) << said;
  {
    sqlite::Db db(path, false);
    sqlite::Stmt mode(db, "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "delete");
  }
  store->transaction([&] { store->upsertCase(makeCase("77")); });
  ::testing::internal::CaptureStderr();
  auto other = openSqliteStore(path);  // each program that opens the file says it again
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("'delete' journal mode"), std::string::npos);
  const auto found = other->findCase("77", false);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->subject, "Listing suppressed for B08XYZ1234");
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Store, RefusesADatabaseFromANewerCaseLog) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  { auto store = openSqliteStore(path); }
  ASSERT_EQ(testing::sqliteCli(path, "PRAGMA user_version = 99;"), 0);
  try {
    openSqliteStore(path);
    FAIL() << "opened a newer schema";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::storage);
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

TEST(Store, RoundTripsACase) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  CaseRecord c = makeCase("17865432901");
  c.categoryOverride = "catalog_error";
  c.snoozedUntil = at("2026-12-01T00:00:00Z");
  c.pinned = true;
  c.reopenCount = 2;
  EXPECT_TRUE(store->upsertCase(c));
  EXPECT_FALSE(store->upsertCase(c));
  auto back = store->findCase("17865432901", true);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->marketplace, "sellercentral.amazon.com");
  EXPECT_EQ(back->subject, c.subject);
  EXPECT_EQ(back->status, "pending_amazon");
  EXPECT_EQ(back->categoryOverride, "catalog_error");
  EXPECT_EQ(back->snoozedUntil, c.snoozedUntil);
  EXPECT_TRUE(back->pinned);
  EXPECT_EQ(back->reopenCount, 2);
  EXPECT_EQ(back->createdAt, c.createdAt);
  EXPECT_FALSE(store->findCase("999", false));
}

TEST(Store, AppendsMessagesAndVersionsThem) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  store->upsertCase(makeCase("1001"));
  const auto v0 = store->caseVersion("1001");
  const auto first = testing::appendMessage(*store, 
      "1001", makeMessage("seller", "Please reinstate B08XYZ1234.", "2026-11-20T14:05:00Z"));
  auto edited = makeMessage("seller", "Please reinstate B08XYZ1234 today.", "2026-11-20T14:05:00Z");
  edited.supersedes = first;
  const auto second = testing::appendMessage(*store, "1001", edited);
  EXPECT_GT(store->caseVersion("1001"), v0);

  const auto all = store->messageVersions("1001");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_FALSE(all[0].current);
  EXPECT_TRUE(all[1].current);
  EXPECT_EQ(all[1].version, 2);
  EXPECT_EQ(all[1].supersedes, first);

  const auto c = store->findCase("1001", true);
  ASSERT_EQ(c->messages.size(), 1u);
  EXPECT_EQ(c->messages[0].id, second);
  EXPECT_EQ(c->messageCount, 1);
}

TEST(Store, OrdersMessagesBySentAtThenCaptureOrder) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  store->upsertCase(makeCase("1001"));
  testing::appendMessage(*store, "1001", makeMessage("amazon", "third", "2026-11-22T10:00:00Z"));
  testing::appendMessage(*store, "1001", makeMessage("seller", "first", "2026-11-20T10:00:00Z"));
  testing::appendMessage(*store, "1001", makeMessage("seller", "second", "2026-11-21T10:00:00Z"));
  const auto c = store->findCase("1001", true);
  ASSERT_EQ(c->messages.size(), 3u);
  EXPECT_EQ(c->messages[0].body, "first");
  EXPECT_EQ(c->messages[1].body, "second");
  EXPECT_EQ(c->messages[2].body, "third");
}

TEST(Store, TriggersKeepMessagesAndEventsImmutable) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  auto store = openSqliteStore(path);
  store->upsertCase(makeCase("1001"));
  testing::appendMessage(*store, "1001", makeMessage("amazon", "We reinstated the listing.", "2026-11-21T09:12:00Z"));
  store->appendEvent("1001", "case_created", at("2026-11-21T10:00:00Z"), {{"subject", "x"}});
  sqlite::Db db(path, false);
  EXPECT_THROW(db.exec("UPDATE events SET kind = 'other'"), Error);
  EXPECT_THROW(db.exec("DELETE FROM events"), Error);
  EXPECT_THROW(db.exec("UPDATE messages SET body = 'edited'"), Error);
  EXPECT_THROW(db.exec("UPDATE messages SET sent_at = 0"), Error);
  EXPECT_THROW(db.exec("DELETE FROM messages"), Error);
  EXPECT_NO_THROW(db.exec("UPDATE messages SET current = 1"));
  EXPECT_EQ(store->allEvents().size(), 1u);
}

TEST(Store, IdentifiersAndNotes) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  store->upsertCase(makeCase("1001"));
  EXPECT_EQ(store->addIdentifiers("1001", {{"asin", "B08XYZ1234"}, {"order", "113-1234567-1234567"}}), 2);
  EXPECT_EQ(store->addIdentifiers("1001", {{"asin", "B08XYZ1234"}}), 0);
  store->addNote("1001", at("2026-11-22T08:00:00Z"), "Call back Monday");
  const auto c = store->findCase("1001", false);
  ASSERT_EQ(c->identifiers.size(), 2u);
  ASSERT_EQ(c->notes.size(), 1u);
  EXPECT_EQ(c->notes[0].text, "Call back Monday");
  try {
    store->addNote("404", at("2026-11-22T08:00:00Z"), "x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
}

TEST(Store, TransactionRollsBackOnError) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  EXPECT_THROW(store->transaction([&] {
    store->upsertCase(makeCase("1001"));
    store->appendEvent("1001", "case_created", at("2026-11-21T10:00:00Z"), {});
    throw Error(ErrorCode::internal, "boom");
  }),
               Error);
  EXPECT_FALSE(store->findCase("1001", false));
  EXPECT_TRUE(store->allEvents().empty());
}

TEST(Store, AFailedSavepointUndoesItsOwnWritesOnly) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  store->transaction([&] {
    store->upsertCase(makeCase("1001"));
    EXPECT_THROW(store->savepoint([&] {
      store->upsertCase(makeCase("1002"));
      store->appendEvent("1002", "case_created", at("2026-11-21T10:00:00Z"), {});
      store->addNote("1001", at("2026-11-21T10:00:00Z"), "zebra");
      throw Error(ErrorCode::internal, "boom");
    }),
                 Error);
    store->savepoint([&] { store->upsertCase(makeCase("1003")); });
    store->appendEvent("1001", "case_created", at("2026-11-21T10:00:00Z"), {});
  });
  EXPECT_TRUE(store->findCase("1001", false));
  EXPECT_FALSE(store->findCase("1002", false));
  EXPECT_TRUE(store->findCase("1003", false));
  // The search index follows: the subjects queued before and after the undone savepoint are
  // searchable, the note queued inside it is not.
  SearchQuery q;
  q.text = "suppressed";
  std::set<std::string> found;
  for (const auto& hit : store->search(q).hits) found.insert(hit.caseId);
  EXPECT_EQ(found, (std::set<std::string>{"1001", "1003"}));
  q.text = "zebra";
  EXPECT_TRUE(store->search(q).hits.empty());
  ASSERT_EQ(store->allEvents().size(), 1u);
  EXPECT_TRUE(store->verify().ok);  // the chain continues from the event that stayed
  // Outside a transaction, a savepoint is a transaction of its own.
  EXPECT_THROW(store->savepoint([&] {
    store->upsertCase(makeCase("1004"));
    throw Error(ErrorCode::internal, "boom");
  }),
               Error);
  EXPECT_FALSE(store->findCase("1004", false));
}

TEST(Store, ChangeCounterMovesWithEveryWriteAcrossConnections) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  auto a = openSqliteStore(path);
  auto b = openSqliteStore(path);
  const auto start = b->changeCounter();
  a->transaction([&] { a->upsertCase(makeCase("1001")); });
  const auto afterOne = b->changeCounter();
  EXPECT_GT(afterOne, start);
  a->addNote("1001", at("2026-11-22T08:00:00Z"), "note");
  const auto afterTwo = b->changeCounter();
  EXPECT_GT(afterTwo, afterOne);
  // A write transaction that changed nothing leaves it (and the view's cached pages) alone.
  a->transaction([&] { EXPECT_TRUE(a->findCase("1001", false)); });
  EXPECT_EQ(b->changeCounter(), afterTwo);
  EXPECT_EQ(a->addIdentifiers("1001", {{"asin", "B08XYZ1234"}}), 1);
  const auto afterThree = b->changeCounter();
  EXPECT_GT(afterThree, afterTwo);
  EXPECT_EQ(a->addIdentifiers("1001", {{"asin", "B08XYZ1234"}}), 0);  // already there: no row changes
  EXPECT_EQ(b->changeCounter(), afterThree);
}

TEST(Store, ListsWithFilterSortAndPaging) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  for (int i = 0; i < 5; ++i) {
    CaseRecord c = makeCase(std::to_string(1000 + i));
    c.status = i % 2 ? "resolved" : "pending_amazon";
    c.updatedAt = at("2026-11-21T09:00:00Z") + std::chrono::hours(i);
    store->upsertCase(c);
    if (i != 4) store->savePriority(c.caseId, Priority{double(10 * i), "P2", {{"category", 1, 10, 10, "x"}}});
  }
  CaseFilter f;
  auto all = store->listCases(f);
  ASSERT_EQ(all.cases.size(), 5u);
  EXPECT_EQ(all.cases[0].caseId, "1003");  // highest stored score
  EXPECT_EQ(all.cases[4].caseId, "1004");  // never scored: last
  ASSERT_EQ(all.priorities[0].terms.size(), 1u);
  EXPECT_EQ(all.priorities[0].terms[0].explanation, "x");

  f.status = "pending_amazon";
  f.sort = "updated";
  f.limit = 2;
  auto page = store->listCases(f);
  EXPECT_EQ(page.total, 3u);
  ASSERT_EQ(page.cases.size(), 2u);
  EXPECT_EQ(page.cases[0].caseId, "1004");
  f.offset = 2;
  page = store->listCases(f);
  ASSERT_EQ(page.cases.size(), 1u);
  EXPECT_EQ(page.cases[0].caseId, "1000");
  f.sort = "sideways";
  EXPECT_THROW(store->listCases(f), Error);
  EXPECT_EQ(store->caseIds(true).size(), 3u);
  EXPECT_EQ(store->caseIds(false).size(), 5u);
}

}  // namespace
}  // namespace caselog
