// SqliteStore::trendCases and identifiersOf (sqlite_trends.cpp) on a real file.
#include <gtest/gtest.h>

#include <algorithm>

#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"
#include "unit/storage/append_one.hpp"
#include "unit/storage/temp_dir.hpp"

namespace caselog {
namespace {

using testing::TempDir;

Instant at(const char* iso) {
  return *parseIso8601(iso);
}

CaseRecord makeCase(const std::string& id, const std::string& category) {
  CaseRecord c;
  c.caseId = id;
  c.subject = "Case " + id;
  c.status = "answered";
  c.category = category;
  c.createdAt = at("2026-11-01T00:00:00Z");
  c.firstCapturedAt = c.lastCapturedAt = at("2026-11-20T00:00:00Z");
  return c;
}

StoredMessage makeMessage(const std::string& author, const char* sentAt) {
  StoredMessage m;
  m.author = author;
  m.body = author + " wrote this";
  if (sentAt) m.sentAt = at(sentAt);
  m.capturedAt = at("2026-11-20T00:00:00Z");
  return m;
}

GenericVerdict verdict(bool generic) {
  return {generic ? 0.9 : 0.1, generic, {}};
}

class TrendStore : public ::testing::Test {
 protected:
  std::int64_t add(const std::string& caseId, const std::string& author, const char* sentAt) {
    return testing::appendMessage(*store, caseId, makeMessage(author, sentAt));
  }
  TempDir dir;
  std::unique_ptr<Store> store = openSqliteStore(dir.file("caselog.db"));
};

TEST_F(TrendStore, EmptyStore) {
  EXPECT_TRUE(store->trendCases().empty());
  EXPECT_TRUE(store->identifiersOf({}).empty());
}

TEST_F(TrendStore, CaseFieldsInCaseIdOrder) {
  auto b = makeCase("2002", "");
  b.status = "resolved";
  b.subject = "Shipment short";
  b.createdAt.reset();
  b.updatedAt = at("2026-11-10T00:00:00Z");
  b.reopenCount = 2;
  store->upsertCase(makeCase("3003", "payments"));
  store->upsertCase(b);
  store->upsertCase(makeCase("1001", "policy"));
  {  // upsertCase stores "other" for an empty category; a store migrated from v0 may hold ''
    sqlite::Db db(dir.file("caselog.db"), false);
    db.exec("UPDATE cases SET category = '' WHERE case_id = '2002'");
  }
  const auto cases = store->trendCases();
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].caseId, "3003");
  EXPECT_EQ(cases[1].caseId, "2002");
  EXPECT_EQ(cases[2].caseId, "1001");
  EXPECT_EQ(store->caseIds(false), (std::vector<std::string>{"3003", "2002", "1001"}));
  const auto& c = cases[1];
  EXPECT_EQ(c.category, "");  // as stored: the service infers it
  EXPECT_EQ(c.status, "resolved");
  EXPECT_EQ(c.subject, "Shipment short");
  EXPECT_FALSE(c.createdAt);
  EXPECT_EQ(c.updatedAt, at("2026-11-10T00:00:00Z"));
  EXPECT_EQ(c.firstCapturedAt, at("2026-11-20T00:00:00Z"));
  EXPECT_EQ(c.reopenCount, 2);
  EXPECT_FALSE(c.firstMessageAt);
  EXPECT_FALSE(c.firstAmazonReplyAt);
  EXPECT_EQ(c.amazonReplies, 0);
  EXPECT_TRUE(c.identifiers.empty());
}

TEST_F(TrendStore, MessageTimesAndVerdictCountsOfCurrentMessages) {
  store->upsertCase(makeCase("1001", "other"));
  store->upsertCase(makeCase("2002", "other"));
  // Interleaved between the cases, so a case's messages are not adjacent in the scan.
  add("1001", "seller", "2026-11-02T08:00:00Z");
  const auto a1 = add("1001", "amazon", "2026-11-03T08:00:00Z");
  const auto b1 = add("2002", "amazon", "2026-11-04T08:00:00Z");
  const auto a2 = add("1001", "amazon", nullptr);  // no date: captured 2026-11-20
  const auto a3 = add("1001", "amazon", "2026-11-05T08:00:00Z");
  const auto b2 = add("2002", "amazon", "2026-11-01T08:00:00Z");
  auto edited = makeMessage("amazon", "2026-11-01T09:00:00Z");
  edited.supersedes = b2;
  const auto b3 = testing::appendMessage(*store, "2002", edited);  // b2 is no longer current
  store->saveGenericVerdicts("1001", {{a1, verdict(true), {}}});
  store->saveGenericVerdicts("1001", {{a3, verdict(false), {}}});
  store->saveGenericVerdicts("2002", {{b2, verdict(true), {}}});  // superseded: not counted
  store->saveGenericVerdicts("2002", {{b3, verdict(true), {}}});
  (void)a2;
  (void)b1;
  const auto cases = store->trendCases();
  ASSERT_EQ(cases.size(), 2u);
  const auto& a = cases[0];
  EXPECT_FALSE(a.firstMessageAt);  // messageSpans() gives those
  EXPECT_FALSE(a.lastMessageAt);
  EXPECT_EQ(a.firstAmazonReplyAt, at("2026-11-03T08:00:00Z"));
  EXPECT_EQ(a.amazonReplies, 3);
  EXPECT_EQ(a.genericReplies, 1);
  EXPECT_EQ(a.unassessedReplies, 1);  // a2
  const auto& b = cases[1];
  EXPECT_EQ(b.firstAmazonReplyAt, at("2026-11-01T09:00:00Z"));  // the edit, not the superseded 08:00
  EXPECT_EQ(b.amazonReplies, 2);
  EXPECT_EQ(b.genericReplies, 1);
  EXPECT_EQ(b.unassessedReplies, 1);  // b1

  const auto spans = store->messageSpans({"2002", "9999", "1001"});
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].first, at("2026-11-01T09:00:00Z"));  // the superseded 08:00 does not count
  EXPECT_EQ(spans[0].last, at("2026-11-04T08:00:00Z"));
  EXPECT_FALSE(spans[1].first);  // unknown case
  EXPECT_FALSE(spans[1].last);
  EXPECT_EQ(spans[2].first, at("2026-11-02T08:00:00Z"));
  EXPECT_EQ(spans[2].last, at("2026-11-20T00:00:00Z"));  // no sentAt: its capture time
}

// Past 5,000 cases the spans come from one scan of every message instead of a query per case.
TEST_F(TrendStore, ManySpansGiveTheSameAnswersAsFew) {
  std::vector<std::string> ids;
  store->transaction([&] {
    for (int i = 0; i < 5100; ++i) {
      ids.push_back(std::to_string(100000 + i));
      store->upsertCase(makeCase(ids.back(), "other"));
      if (i % 7 == 0) continue;  // some cases have no messages
      const std::string day = std::to_string(10 + i % 9);
      add(ids.back(), "seller", ("2026-11-" + day + "T08:00:00Z").c_str());
      add(ids.back(), "amazon",
          i % 5 == 0 ? nullptr : ("2026-11-0" + std::to_string(1 + i % 9) + "T08:00:00Z").c_str());
    }
    add(ids[1], "amazon", "2026-10-01T00:00:00Z");  // not adjacent to the case's other messages
  });
  ids.push_back(ids[1]);  // named twice
  ids.push_back("unknown");
  const auto many = store->messageSpans(ids);
  ASSERT_EQ(many.size(), ids.size());
  for (std::size_t start = 0; start < ids.size(); start += 500) {
    const std::vector<std::string> part(
        ids.begin() + static_cast<std::ptrdiff_t>(start),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + 500)));
    const auto few = store->messageSpans(part);
    for (std::size_t k = 0; k < part.size(); ++k) {
      EXPECT_EQ(many[start + k].first, few[k].first) << part[k];
      EXPECT_EQ(many[start + k].last, few[k].last) << part[k];
    }
  }
  EXPECT_EQ(many[1].first, at("2026-10-01T00:00:00Z"));
  EXPECT_EQ(many[5100].first, at("2026-10-01T00:00:00Z"));
  EXPECT_FALSE(many[0].first);  // no messages
  EXPECT_EQ(many[5].first, at("2026-11-15T08:00:00Z"));
  EXPECT_EQ(many[5].last, at("2026-11-20T00:00:00Z"));  // the undated reply's capture time
  EXPECT_FALSE(many.back().first);
}

TEST_F(TrendStore, VerdictsOfSellerMessagesAreIgnored) {
  store->upsertCase(makeCase("1001", "other"));
  const auto s = add("1001", "seller", "2026-11-02T08:00:00Z");
  store->saveGenericVerdicts("1001", {{s, verdict(true), {}}});
  const auto cases = store->trendCases();
  EXPECT_EQ(cases[0].amazonReplies, 0);
  EXPECT_EQ(cases[0].genericReplies, 0);
  EXPECT_FALSE(cases[0].firstAmazonReplyAt);
}

TEST_F(TrendStore, IdentifiersOfTheNamedCasesInOrder) {
  store->upsertCase(makeCase("1001", "other"));
  store->upsertCase(makeCase("2002", "other"));
  store->addIdentifiers("1001", {{"sku", "RED-1"}, {"asin", "B0ZZZZZZZ1"}, {"asin", "B0AAAAAAA1"}});
  store->addIdentifiers("2002", {{"shipment", "FBA15XYZ1AB2"}});
  const auto ids = store->identifiersOf({"2002", "9999", "1001"});
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0], (std::vector<Identifier>{{"shipment", "FBA15XYZ1AB2"}}));
  EXPECT_TRUE(ids[1].empty());
  EXPECT_EQ(ids[2],
            (std::vector<Identifier>{{"asin", "B0AAAAAAA1"}, {"asin", "B0ZZZZZZZ1"}, {"sku", "RED-1"}}));
}

}  // namespace
}  // namespace caselog
