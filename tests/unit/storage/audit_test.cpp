// The audit chain: hashes link, verify passes on an honest file and names the first bad event
// when a copy is tampered with through the sqlite3 CLI (triggers dropped first).
#include "storage/audit.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/json_text.hpp"
#include "storage/store.hpp"
#include "unit/storage/append_one.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog {
namespace {

using testing::sqliteCli;
using testing::TempDir;

Instant at(const char* iso) {
  return *parseIso8601(iso);
}

// Three cases, each with a message and its event, like the service writes them.
void fill(Store& store) {
  for (int i = 0; i < 3; ++i) {
    const std::string id = std::to_string(2000 + i);
    store.transaction([&] {
      CaseRecord c;
      c.caseId = id;
      c.subject = "Inbound shipment FBA15XYZ1AB" + std::to_string(i);
      c.firstCapturedAt = c.lastCapturedAt = at("2026-11-21T10:00:00Z");
      store.upsertCase(c);
      store.appendEvent(id, "case_created", at("2026-11-21T10:00:00Z"), {{"subject", c.subject}});
      StoredMessage m;
      m.author = "amazon";
      m.sender = "Amazon Seller Support";
      m.sentAt = at("2026-11-21T09:00:00Z");
      m.body = "We located 12 units of case " + id + ".";
      m.capturedAt = at("2026-11-21T10:00:00Z");
      const auto mid = testing::appendMessage(store, id, m);
      store.appendEvent(id, "message_added", at("2026-11-21T10:00:00Z"),
                        {{"messageId", mid}, {"contentHash", audit::messageContentHash(m)}});
    });
  }
}

std::string copyOf(const TempDir& dir, const std::string& path) {
  { auto flush = openSqliteStore(path); }  // closing checkpoints the WAL into the file
  const std::string copy = dir.file("tampered.db");
  std::filesystem::copy_file(path, copy);
  return copy;
}

TEST(Audit, HashIsSha256OfPrevHashAndCanonicalJson) {
  EXPECT_EQ(audit::sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Event e;
  e.seq = 1;
  e.caseId = "1";
  e.kind = "k";
  e.at = at("2026-11-21T10:00:00Z");
  e.data = {{"b", 1}, {"a", "é"}};
  e.prevHash = audit::kGenesisHash;
  EXPECT_EQ(audit::canonicalJson(e),
            R"({"at":"2026-11-21T10:00:00Z","caseId":"1","data":{"a":"é","b":1},"kind":"k","seq":1})");
  EXPECT_EQ(audit::eventHash(e), audit::sha256Hex(audit::kGenesisHash + audit::canonicalJson(e)));
}

TEST(Audit, ChainLinksAndVerifies) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  fill(*store);
  const auto events = store->allEvents();
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events[0].prevHash, audit::kGenesisHash);
  for (size_t i = 1; i < events.size(); ++i) EXPECT_EQ(events[i].prevHash, events[i - 1].hash);
  const auto report = store->verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.checked, 6);
  EXPECT_EQ(report.headHash, events.back().hash);
  EXPECT_EQ(store->chainHead().seq, 6);
  EXPECT_EQ(store->events("2001").size(), 2u);
}

TEST(Audit, DetectsAnEditedMessageBody) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  {
    auto store = openSqliteStore(path);
    fill(*store);
  }
  const std::string copy = copyOf(dir, path);
  ASSERT_EQ(sqliteCli(copy,
                      "DROP TRIGGER messages_immutable;"
                      "UPDATE messages SET body = 'We could not find anything.' WHERE case_id = '2001';"),
            0);
  auto tampered = openSqliteStore(copy);
  const auto report = tampered->verify();
  EXPECT_FALSE(report.ok);
  ASSERT_TRUE(report.firstBadSeq);
  EXPECT_EQ(*report.firstBadSeq, 4);  // the message_added event of case 2001
  EXPECT_NE(report.problem.find("changed"), std::string::npos) << report.problem;
  EXPECT_TRUE(openSqliteStore(path)->verify().ok);  // the original is untouched
}

// The form the service writes since schema 3: one `messages_added` event listing every message a
// capture added. Tampering with the middle one names exactly that message.
TEST(Audit, DetectsAnEditedMessageListedInAMessagesAddedEvent) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  std::vector<std::int64_t> ids;
  {
    auto store = openSqliteStore(path);
    fill(*store);
    store->transaction([&] {
      std::vector<StoredMessage> thread;
      for (int i = 0; i < 3; ++i) {
        StoredMessage m;
        m.author = i % 2 ? "amazon" : "seller";
        m.sentAt = at("2026-11-22T09:00:00Z") + std::chrono::hours(i);
        m.body = "Message " + std::to_string(i) + " about FBA15XYZ1AB0.";
        thread.push_back(m);
      }
      ids = store->appendMessages("2000", thread);
      nlohmann::json entries = nlohmann::json::array();
      for (std::size_t i = 0; i < ids.size(); ++i)
        entries.push_back({{"messageId", ids[i]}, {"contentHash", audit::messageContentHash(thread[i])}});
      store->appendEvent("2000", "messages_added", at("2026-11-22T12:00:00Z"), {{"messages", entries}});
    });
    const auto report = store->verify();
    ASSERT_TRUE(report.ok) << report.problem;
    EXPECT_EQ(report.checked, 7);
  }
  ASSERT_EQ(ids.size(), 3u);
  const std::string copy = copyOf(dir, path);
  ASSERT_EQ(
      sqliteCli(copy, "DROP TRIGGER messages_immutable; UPDATE messages SET body = 'Nothing.' WHERE id = " +
                          std::to_string(ids[1]) + ";"),
      0);
  const auto report = openSqliteStore(copy)->verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.firstBadSeq, 7);
  EXPECT_EQ(report.problem, "message " + std::to_string(ids[1]) + " changed");
}

// canonicalJson is assembled by hand for speed: it must stay the dump of the whole object.
TEST(Audit, CanonicalJsonIsTheDumpOfTheWholeEvent) {
  Event e;
  e.seq = 42;
  e.caseId = "quote \" back\\slash \x01 ctrl";
  e.kind = "k\u00e9\n";
  e.at = at("2026-11-21T10:00:00Z");
  e.data = {{"z", {1, 2.5, nullptr}}, {"a", "\xe6\x97\xa5\xe6\x9c\xac"}, {"m", {{"y", true}, {"b", ""}}}};
  const nlohmann::json whole = {{"seq", e.seq},
                                {"caseId", e.caseId},
                                {"kind", e.kind},
                                {"at", "2026-11-21T10:00:00Z"},
                                {"data", e.data}};
  EXPECT_EQ(audit::canonicalJson(e), whole.dump());
  EXPECT_EQ(audit::canonicalJson(e, compactJson(e.data)), whole.dump());
}

TEST(Audit, DetectsAnEditedEvent) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  {
    auto store = openSqliteStore(path);
    fill(*store);
  }
  const std::string copy = copyOf(dir, path);
  ASSERT_EQ(sqliteCli(copy,
                      "DROP TRIGGER events_no_update;"
                      "UPDATE events SET data = '{\"subject\":\"nothing happened\"}' WHERE seq = 3;"),
            0);
  const auto report = openSqliteStore(copy)->verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.firstBadSeq, 3);
  EXPECT_NE(report.problem.find("hash mismatch"), std::string::npos) << report.problem;
}

TEST(Audit, DetectsADeletedEvent) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  {
    auto store = openSqliteStore(path);
    fill(*store);
  }
  const std::string copy = copyOf(dir, path);
  ASSERT_EQ(sqliteCli(copy, "DROP TRIGGER events_no_delete; DELETE FROM events WHERE seq = 2;"), 0);
  const auto report = openSqliteStore(copy)->verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.firstBadSeq, 3);
  EXPECT_NE(report.problem.find("event 2 is missing"), std::string::npos) << report.problem;
}

TEST(Audit, DetectsARehashedChainThatNoLongerLinks) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  {
    auto store = openSqliteStore(path);
    fill(*store);
  }
  const std::string copy = copyOf(dir, path);
  ASSERT_EQ(sqliteCli(copy,
                      "DROP TRIGGER events_no_update;"
                      "UPDATE events SET prev_hash = hash WHERE seq = 5;"),
            0);
  const auto report = openSqliteStore(copy)->verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.firstBadSeq, 5);
  EXPECT_NE(report.problem.find("does not link"), std::string::npos) << report.problem;
}

TEST(Audit, DetectsAMessageInsertedWithoutAnEvent) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  {
    auto store = openSqliteStore(path);
    fill(*store);
  }
  const std::string copy = copyOf(dir, path);
  ASSERT_EQ(sqliteCli(copy,
                      "INSERT INTO messages(case_id, author, body, captured_at) "
                      "VALUES ('2000', 'amazon', 'Your case is resolved.', 0);"),
            0);
  const auto report = openSqliteStore(copy)->verify();
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.problem.find("has no audit event"), std::string::npos) << report.problem;
}

}  // namespace
}  // namespace caselog
