// Forward migration from the pre-versioning schema (tests/fixtures/db/v0.sql), with its backup.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"
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
  {
    sqlite::Db old(backup, false);  // the backup is the untouched v0 file
    sqlite::Stmt st(old, "SELECT count(*) FROM messages");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 4);
    sqlite::Stmt v(old, "PRAGMA user_version");
    ASSERT_TRUE(v.step());
    EXPECT_EQ(v.int64(0), 0);
  }

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

}  // namespace
}  // namespace caselog
