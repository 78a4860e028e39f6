// What the intelligence layer stores: priorities, generic verdicts with LSH bands, reminder state.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "domain/generic_reply.hpp"
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

std::int64_t addReply(Store& store, const std::string& caseId, const std::string& body) {
  CaseRecord c;
  c.caseId = caseId;
  if (!store.findCase(caseId, false)) store.upsertCase(c);
  StoredMessage m;
  m.author = "amazon";
  m.body = body;
  return testing::appendMessage(store, caseId, m);
}

TEST(IntelState, PriorityRoundTrips) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  addReply(*store, "1", "x");
  EXPECT_FALSE(store->storedPriority("1"));
  Priority p{
      42.5, "P1", {{"category", 1, 20, 20, "suppressed listing"}, {"money", 0.5, 10, 5, "USD 1200.00"}}};
  store->savePriority("1", p);
  const auto back = store->storedPriority("1");
  ASSERT_TRUE(back);
  EXPECT_DOUBLE_EQ(back->score, 42.5);
  EXPECT_EQ(back->label, "P1");
  ASSERT_EQ(back->terms.size(), 2u);
  EXPECT_EQ(back->terms[1].explanation, "USD 1200.00");
  EXPECT_DOUBLE_EQ(back->terms[1].contribution, 5);
  EXPECT_THROW(store->savePriority("404", p), Error);
}

TEST(IntelState, VerdictsAndCasesSharingBands) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  const auto a = addReply(*store, "1", "template");
  const auto b = addReply(*store, "2", "template");
  const auto c = addReply(*store, "3", "template");
  const auto d = addReply(*store, "3", "template again");
  const std::uint64_t big = 0xFFFFFFFFFFFFFFF0ull;  // beyond int64: stored bit for bit
  store->saveGenericVerdicts("1", {{a, {0.9, true, {"lexicon", "near-duplicate"}}, {1, 2, big}}});
  store->saveGenericVerdicts("2", {{b, {0.8, true, {}}, {big, 7}}});
  store->saveGenericVerdicts("3", {{c, {0.1, false, {}}, {2}}});
  store->saveGenericVerdicts("3", {{d, {0.1, false, {}}, {2, 9}}});
  EXPECT_EQ(store->casesSharingBands({1, 2, big}, "1"), 2);  // cases 2 and 3, each once
  EXPECT_EQ(store->casesSharingBands({big}, "2"), 1);
  EXPECT_EQ(store->casesSharingBands({9}, "3"), 0);
  EXPECT_EQ(store->casesSharingBands({}, "1"), 0);
  const auto verdicts = store->genericVerdicts("1");
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_TRUE(verdicts.at(a).generic);
  EXPECT_EQ(verdicts.at(a).reasons, (std::vector<std::string>{"lexicon", "near-duplicate"}));
  store->saveGenericVerdicts("1", {{a, {0.2, false, {}}, {}}});  // re-assessing replaces the verdict…
  EXPECT_FALSE(store->genericVerdicts("1").at(a).generic);
  EXPECT_EQ(store->casesSharingBands({1}, "2"), 1);  // …the case still received that text
}

std::int64_t bandRows(const std::string& path, const std::string& caseId) {
  sqlite::Db db(path, false);
  sqlite::Stmt st(db, "SELECT count(*) FROM reply_bands WHERE case_id = ?1");
  st.bind(1, caseId);
  st.step();
  return st.int64(0);
}

TEST(IntelState, VerdictsOfOneCaseSavedTogether) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  const auto a = addReply(*store, "1", "template");
  const auto b = addReply(*store, "1", "template again");
  addReply(*store, "2", "template");
  store->saveGenericVerdicts("1",
                             {{a, {0.9, true, {"lexicon"}}, {1, 2, 3}}, {b, {0.3, false, {}}, {3, 2, 4}}});
  const auto verdicts = store->genericVerdicts("1");
  ASSERT_EQ(verdicts.size(), 2u);
  EXPECT_DOUBLE_EQ(verdicts.at(a).score, 0.9);
  EXPECT_EQ(verdicts.at(a).reasons, (std::vector<std::string>{"lexicon"}));
  EXPECT_FALSE(verdicts.at(b).generic);
  EXPECT_EQ(bandRows(dir.file("caselog.db"), "1"), 4);  // bands 1-4, each once for the case
  EXPECT_EQ(store->casesSharingBands({4}, "2"), 1);
  store->saveGenericVerdicts("1", {{b, {0.7, true, {}}, {4, 5}}});  // replaces b's verdict, adds band 5
  EXPECT_TRUE(store->genericVerdicts("1").at(b).generic);
  EXPECT_EQ(bandRows(dir.file("caselog.db"), "1"), 5);
  store->saveGenericVerdicts("1", {});  // nothing to save
  EXPECT_EQ(store->genericVerdicts("1").size(), 2u);
}

TEST(IntelState, VerdictsSavedTogetherMustBelongToTheCase) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  const auto a = addReply(*store, "1", "template");
  const auto other = addReply(*store, "2", "template");
  try {
    store->saveGenericVerdicts("1", {{a, {0.9, true, {}}, {1}}, {other, {0.9, true, {}}, {2}}});
    FAIL() << "a message of case 2 was saved as case 1's";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
    EXPECT_NE(std::string(e.what()).find("no message " + std::to_string(other) + " in case 1"),
              std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(store->genericVerdicts("1").empty());  // all or nothing
  EXPECT_EQ(bandRows(dir.file("caselog.db"), "1"), 0);
  EXPECT_THROW(store->saveGenericVerdicts("1", {{a + 100, {0.9, true, {}}, {}}}), Error);  // unknown message
}

// The reasons column holds the array's compact JSON, written directly for plain ASCII; a reason
// quoting invalid UTF-8 from a reply is stored too (replaced, not refused).
TEST(IntelState, ReasonsAreStoredAsTheirJsonArray) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"plain", ""},
      {"template phrases: \"thank you\", \"we have forwarded\"", "a/b {x} [y]"},
      {"back\\slash", "short reply (12 words)"},
      {"template phrases: \"merci\" \u2026", "mentions this case's \"asin B08XYZ1234\""},
      {"tab\there", "ctrl\x01", "del\x7f"},
  };
  for (const auto& reasons : cases) {
    const auto id = addReply(*store, "1", "reply");
    store->saveGenericVerdicts("1", {{id, {0.5, true, reasons}, {}}});
    sqlite::Db db(dir.file("caselog.db"), false);
    sqlite::Stmt st(db, "SELECT reasons FROM generic_verdicts WHERE message_id = ?1");
    st.bind(1, id);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), nlohmann::json(reasons).dump());
    EXPECT_EQ(store->genericVerdicts("1").at(id).reasons, reasons);
  }
  const std::vector<std::string> broken = {"mentions this case's \"B08\xff\xfe\""};
  const auto id = addReply(*store, "1", "reply");
  EXPECT_NO_THROW(store->saveGenericVerdicts("1", {{id, {0.5, true, broken}, {}}}));
  EXPECT_EQ(store->genericVerdicts("1").at(id).reasons.size(), 1u);
}

TEST(IntelState, CasesSharingBandsStopsCountingAtTheCap) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  store->transaction([&] {
    for (int i = 0; i < kMaxSharingCases + 5; ++i) {
      for (int reply = 0; reply < 3; ++reply)  // three replies per case: still one case each
        store->saveGenericVerdicts(
            std::to_string(100 + i),
            {{addReply(*store, std::to_string(100 + i), "template"), {0.9, true, {}}, {5}}});
    }
  });
  EXPECT_EQ(store->casesSharingBands({5}, "100"), kMaxSharingCases);
  EXPECT_EQ(store->casesSharingBands({4, 5}, "999"), kMaxSharingCases);
}

// A band keeps its first kMaxSharingCases + 1 cases only: a template sent to thousands of cases
// costs a dozen rows, and every case is still told "kMaxSharingCases or more", a case left out
// of the band's rows too.
TEST(IntelState, AFullBandGainsNoRowsAndStillCountsTheCap) {
  TempDir dir;
  const std::string path = dir.file("caselog.db");
  auto store = openSqliteStore(path);
  const int cases = kMaxSharingCases + 10;
  for (int i = 0; i < cases; ++i) {
    const std::string id = std::to_string(100 + i);
    store->saveGenericVerdicts(id, {{addReply(*store, id, "template"), {0.9, true, {}}, {5, static_cast<std::uint64_t>(1000 + i)}}});
  }
  sqlite::Db raw(path, false);
  auto rows = [&](std::int64_t band) {
    sqlite::Stmt st(raw, "SELECT count(*) FROM reply_bands WHERE band = ?1");
    st.bind(1, band);
    st.step();
    return st.int64(0);
  };
  EXPECT_EQ(rows(5), kMaxSharingCases + 1);
  EXPECT_EQ(rows(1000 + cases - 1), 1);  // a band of one case only is stored as ever
  for (const char* id : {"100", "110", "119", "999"}) EXPECT_EQ(store->casesSharingBands({5}, id), kMaxSharingCases);
  EXPECT_EQ(store->casesSharingBands({1000 + cases - 1}, "999"), 1);
  EXPECT_EQ(store->casesSharingBands({1000 + cases - 1, 5}, "100"), kMaxSharingCases);
  // A fresh store on the same file knows no band full yet: its lookup reads the rows, and agrees.
  auto again = openSqliteStore(path);
  EXPECT_EQ(again->casesSharingBands({5}, "119"), kMaxSharingCases);
}

// A band is known full only from committed rows: one filled inside a transaction that is then
// rolled back counts what is left.
TEST(IntelState, ABandFilledByARolledBackTransactionIsNotFull) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  for (int i = 0; i < 3; ++i) {
    const std::string id = std::to_string(100 + i);
    store->saveGenericVerdicts(id, {{addReply(*store, id, "template"), {0.9, true, {}}, {7}}});
  }
  EXPECT_THROW(store->transaction([&] {
    for (int i = 3; i < kMaxSharingCases + 5; ++i) {
      const std::string id = std::to_string(100 + i);
      store->saveGenericVerdicts(id, {{addReply(*store, id, "template"), {0.9, true, {}}, {7}}});
    }
    EXPECT_EQ(store->casesSharingBands({7}, "999"), kMaxSharingCases);  // seen full in here…
    store->saveGenericVerdicts("999", {{addReply(*store, "999", "template"), {0.9, true, {}}, {7}}});
    throw Error(ErrorCode::storage, "disk full");
  }), Error);
  EXPECT_EQ(store->casesSharingBands({7}, "999"), 3);  // …but those rows are gone
  EXPECT_EQ(store->casesSharingBands({7}, "100"), 2);
}

// The same for a savepoint undone inside a transaction that commits (a capture whose
// assessment failed): what was seen full inside it is forgotten.
TEST(IntelState, ABandFilledInsideAnUndoneSavepointIsNotFull) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  store->transaction([&] {
    EXPECT_THROW(store->savepoint([&] {
      for (int i = 0; i < kMaxSharingCases + 5; ++i) {
        const std::string id = std::to_string(100 + i);
        store->saveGenericVerdicts(id, {{addReply(*store, id, "template"), {0.9, true, {}}, {8}}});
      }
      EXPECT_EQ(store->casesSharingBands({8}, "999"), kMaxSharingCases);
      throw Error(ErrorCode::internal, "assessment failed");
    }), Error);
    store->saveGenericVerdicts("1", {{addReply(*store, "1", "template"), {0.9, true, {}}, {8}}});
  });
  EXPECT_EQ(store->casesSharingBands({8}, "999"), 1);  // case 1 only
}

TEST(IntelState, ReminderStateFollowsTheCaseVersion) {
  TempDir dir;
  auto store = openSqliteStore(dir.file("caselog.db"));
  addReply(*store, "1", "x");
  const auto v1 = store->caseVersion("1");
  store->recordReminderFired("1", "amazon_silent", v1, at("2026-11-21T10:00:00Z"));
  store->recordReminderDismissed("1", "amazon_silent", v1, at("2026-11-21T11:00:00Z"));
  auto states = store->reminderStates("1");
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].caseVersion, v1);
  EXPECT_TRUE(states[0].firedAt);
  EXPECT_TRUE(states[0].dismissedAt);

  addReply(*store, "1", "y");  // the case changes
  const auto v2 = store->caseVersion("1");
  EXPECT_GT(v2, v1);
  store->recordReminderFired("1", "amazon_silent", v2, at("2026-11-25T10:00:00Z"));
  states = store->reminderStates("1");
  EXPECT_EQ(states[0].caseVersion, v2);
  EXPECT_FALSE(states[0].dismissedAt);  // a dismissal of an older version no longer holds

  CaseRecord c = *store->findCase("1", false);
  c.snoozedUntil = at("2026-12-01T00:00:00Z");
  store->upsertCase(c);
  EXPECT_GT(store->caseVersion("1"), v2);  // snoozing moves the version on too
}

}  // namespace
}  // namespace caselog
