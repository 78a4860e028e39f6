// Search: the query builder, ranking, snippets, filters, paging, IDs, hostile input.
#include "storage/search.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "core/error.hpp"
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

TEST(SearchQuery, QuotesEveryTermAndKeepsOperatorsBetweenTerms) {
  using search::buildFtsQuery;
  EXPECT_EQ(buildFtsQuery("inventory please", true), R"("inventory" "please")");
  EXPECT_EQ(buildFtsQuery("inventory OR reimbursement", true), R"("inventory" OR "reimbursement")");
  EXPECT_EQ(buildFtsQuery("inventory OR reimbursement", false), R"("inventory" "OR" "reimbursement")");
  EXPECT_EQ(buildFtsQuery("\"lost units\" NOT damaged", true), R"("lost units" NOT "damaged")");
  EXPECT_EQ(buildFtsQuery("reimburs*", true), R"("reimburs"*)");
  EXPECT_EQ(buildFtsQuery("113-1234567-1234567", true), R"("113-1234567-1234567")");
  EXPECT_EQ(buildFtsQuery("body:secret", true), R"("body:secret")");
  EXPECT_EQ(buildFtsQuery("say \"hi", true), R"("say" "hi")");
  EXPECT_EQ(buildFtsQuery("a\"\"b", true), R"("a" "b")");
  EXPECT_EQ(buildFtsQuery("NOT alone", true), R"("alone")");
  EXPECT_EQ(buildFtsQuery("alone AND", true), R"("alone")");
  EXPECT_EQ(buildFtsQuery("x AND OR y", true), R"("x" AND "y")");
  EXPECT_FALSE(buildFtsQuery("", true));
  EXPECT_FALSE(buildFtsQuery("   ", true));
  EXPECT_FALSE(buildFtsQuery("* : ( ) - ^ \"\"", true));
  EXPECT_EQ(buildFtsQuery("Lieferung verspätet", true), R"("Lieferung" "verspätet")");
}

TEST(SearchQuery, CursorRoundTripsAndRejectsJunk) {
  const search::Cursor c{123, 45, 20};
  const auto back = search::decodeCursor(search::encodeCursor(c));
  EXPECT_EQ(back.messageUpper, 123);
  EXPECT_EQ(back.textUpper, 45);
  EXPECT_EQ(back.offset, 20);
  for (const char* junk : {"", "c1.", "c1.1.2", "c1.1.2.3.4", "c2.1.2.3", "c1.a.2.3", "c1.-1.2.3", "c1.1..3"})
    EXPECT_THROW(search::decodeCursor(junk), Error) << junk;
}

TEST(SearchQuery, SubstringTermsForCjk) {
  EXPECT_TRUE(search::hasCjk("受領"));
  EXPECT_TRUE(search::hasCjk("ASIN の確認"));
  EXPECT_TRUE(search::hasCjk("환불"));
  EXPECT_FALSE(search::hasCjk("Lieferung verspätet"));
  EXPECT_FALSE(search::hasCjk("😀 \xff\xe5"));
  const auto terms = search::buildSubstringQuery("受領* OR \"ASIN 確認\" NOT 返金 AND");
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0].text, "受領");
  EXPECT_EQ(terms[0].op, "");
  EXPECT_EQ(terms[1].text, "asin 確認");
  EXPECT_EQ(terms[1].op, "OR");
  EXPECT_EQ(terms[2].text, "返金");
  EXPECT_EQ(terms[2].op, "NOT");
  EXPECT_TRUE(search::buildSubstringQuery("* : 「」").size() == 1u);  // 「」 is text to instr()
  EXPECT_TRUE(search::buildSubstringQuery("NOT AND *").empty());
  EXPECT_EQ(search::substringSnippet("商品を受領しました。", search::buildSubstringQuery("受領")),
            "商品を\x02受領\x03しました。");
  const std::string longText = std::string(200, 'x') + "受領" + std::string(200, 'y');
  const auto cut = search::substringSnippet(longText, search::buildSubstringQuery("受領"));
  EXPECT_EQ(cut.rfind("…", 0), 0u);
  EXPECT_NE(cut.find("\x02受領\x03"), std::string::npos);
  EXPECT_LT(cut.size(), 120u);
}

class SearchStore : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = openSqliteStore(dir_.file("caselog.db"));
    addCase("3001", "Listing suppressed for B08XYZ1234", "pending_amazon", "listing_suppressed",
            {{"seller", "Our ASIN B08XYZ1234 was suppressed for a main image issue.", "2026-11-01T10:00:00Z"},
             {"amazon", "We reinstated B08XYZ1234; the main image now meets the policy.",
              "2026-11-02T10:00:00Z"}});
    addCase("3002", "Inbound shipment received short", "answered", "fba_shipment",
            {{"seller", "Shipment FBA15XYZ1AB2 is short by 12 units of inventory.", "2026-11-05T10:00:00Z"},
             {"amazon", "Inventory inventory inventory: we reconciled FBA15XYZ1AB2 and found the units.",
              "2026-11-06T10:00:00Z"}});
    addCase("3003", "Refund for order 113-1234567-1234567", "resolved", "payments",
            {{"seller", "Please refund order 113-1234567-1234567.", "2026-11-10T10:00:00Z"},
             {"amazon", "Please allow 3 business days. Your inventory is not affected.",
              "2026-11-11T10:00:00Z"}});
    store_->addNote("3002", at("2026-11-07T10:00:00Z"), "Remember to check inventory on Monday");
  }

  void addCase(const std::string& id, const std::string& subject, const std::string& status,
               const std::string& category, const std::vector<std::array<const char*, 3>>& messages) {
    store_->transaction([&] {
      CaseRecord c;
      c.caseId = id;
      c.subject = subject;
      c.status = status;
      c.category = category;
      c.firstCapturedAt = c.lastCapturedAt = at("2026-11-20T00:00:00Z");
      store_->upsertCase(c);
      for (const auto& [author, body, sentAt] : messages) {
        StoredMessage m;
        m.author = author;
        m.body = body;
        m.sentAt = at(sentAt);
        m.capturedAt = at("2026-11-20T00:00:00Z");
        testing::appendMessage(*store_, id, m);
      }
    });
  }

  // One more Amazon reply in a case set up above.
  void addReply(const std::string& caseId, const std::string& body) {
    store_->transaction([&] {
      StoredMessage m;
      m.author = "amazon";
      m.body = body;
      m.sentAt = at("2026-11-12T10:00:00Z");
      m.capturedAt = at("2026-11-20T00:00:00Z");
      testing::appendMessage(*store_, caseId, m);
    });
  }

  SearchPage find(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return store_->search(q);
  }

  // Follows the cursor (10 pages at most); returns the pages and each hit's key, checking that no
  // hit comes twice.
  int pageThrough(SearchQuery q, std::set<std::int64_t>& seen) {
    int pages = 0;
    std::optional<std::string> cursor;
    do {
      q.cursor = cursor;
      const auto page = store_->search(q);
      for (const auto& h : page.hits) EXPECT_TRUE(seen.insert(h.messageId * 10 + (h.author == "note")).second);
      cursor = page.next;
      ++pages;
    } while (cursor && pages < 10);
    return pages;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SearchStore, RanksByBm25AndMarksTheMatch) {
  const auto page = find("inventory");
  ASSERT_GE(page.hits.size(), 3u);
  std::vector<SearchHit> messages;
  for (const auto& h : page.hits)
    if (h.messageId != 0) messages.push_back(h);
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].caseId, "3002");  // the reply saying it three times ranks first
  EXPECT_EQ(messages[0].author, "amazon");
  EXPECT_EQ(messages[0].snippet.find("\x02Inventory\x03 \x02inventory\x03"), 0u) << messages[0].snippet;
  EXPECT_GT(messages[0].score, messages[2].score);
  for (size_t i = 1; i < page.hits.size(); ++i) EXPECT_GE(page.hits[i - 1].score, page.hits[i].score);
  std::set<std::string> authors;
  for (const auto& h : page.hits) authors.insert(h.author);
  EXPECT_TRUE(authors.count("note"));  // notes are searched too
  EXPECT_FALSE(page.next);
}

// A reply of 600 KB repeating the word searched for: FTS5's snippet() would take tens of
// seconds over it (its time grows with the square of the hits in the text); a long text's snippet
// marks a hit of each term as a short one's does.
TEST_F(SearchStore, ALongTextRepeatingTheWordGetsASnippetToo) {
  std::string body = "Our records show the shipment was REIMBURSED in full. ";
  while (body.size() < 600 * 1000) body += "lorem ipsum dolor sit amet, ";
  addReply("3003", body);
  const auto t0 = std::chrono::steady_clock::now();
  auto page = find("lorem");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));  // 66 ms under ASan; snippet(): 5 s
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_NE(page.hits[0].snippet.find("\x02lorem\x03 ipsum"), std::string::npos) << page.hits[0].snippet.substr(0, 200);
  EXPECT_LT(page.hits[0].snippet.size(), 400u);
  page = find("reimbursed shipment");
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_NE(page.hits[0].snippet.find("\x02REIMBURSED\x03"), std::string::npos) << page.hits[0].snippet.substr(0, 200);
  EXPECT_NE(page.hits[0].snippet.find("\x02shipment\x03"), std::string::npos) << page.hits[0].snippet.substr(0, 200);
}

// The bound is 8 KB: a reply just over it gets the linear snippet, one under it FTS5's own.
TEST_F(SearchStore, TheLinearSnippetStartsAt8KB) {
  const auto reply = [&](const std::string& caseId, const std::string& word, std::size_t bytes) {
    std::string body = "Please see the " + word + " report attached. ";
    while (body.size() < bytes) body += "The warehouse team reviewed the units again. ";
    addReply(caseId, body);
    return body;
  };
  const std::string longer = reply("3001", "zanzibar", 8300);
  const std::string shorter = reply("3002", "quixotic", 7000);
  const auto own = search::substringSnippet(longer, search::buildSubstringQuery("zanzibar"));
  auto page = find("zanzibar");
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(page.hits[0].snippet, own);
  page = find("quixotic");
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_NE(page.hits[0].snippet.find("\x02quixotic\x03"), std::string::npos) << page.hits[0].snippet;
  EXPECT_NE(page.hits[0].snippet, search::substringSnippet(shorter, search::buildSubstringQuery("quixotic")));
}

TEST_F(SearchStore, FindsSubjects) {
  const auto page = find("suppressed");
  std::set<std::string> authors;
  for (const auto& h : page.hits) authors.insert(h.author);
  EXPECT_TRUE(authors.count("subject"));
  EXPECT_TRUE(authors.count("seller"));
}

TEST_F(SearchStore, FindsIdentifiersAsPhrases) {
  auto order = find("113-1234567-1234567");
  ASSERT_FALSE(order.hits.empty());
  for (const auto& h : order.hits) EXPECT_EQ(h.caseId, "3003");
  EXPECT_EQ(find("113-1234567-7654321").hits.size(), 0u);  // same parts, other order: no match
  auto asin = find("B08XYZ1234");
  ASSERT_FALSE(asin.hits.empty());
  EXPECT_EQ(asin.hits[0].caseId, "3001");
  auto shipment = find("fba15xyz1ab2");
  ASSERT_EQ(shipment.hits.size(), 2u);
}

TEST_F(SearchStore, AppliesFilters) {
  SearchQuery q;
  q.text = "inventory";
  q.author = "seller";
  auto page = store_->search(q);
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(page.hits[0].caseId, "3002");
  q.author.reset();
  q.status = "resolved";
  page = store_->search(q);
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(page.hits[0].caseId, "3003");
  q.status.reset();
  q.caseId = "3002";
  page = store_->search(q);
  for (const auto& h : page.hits) EXPECT_EQ(h.caseId, "3002");
  EXPECT_EQ(page.hits.size(), 3u);  // two messages and the note
  q.caseId.reset();
  q.from = at("2026-11-06T00:00:00Z");
  q.to = at("2026-11-11T00:00:00Z");
  page = store_->search(q);
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(formatIso8601(*page.hits[0].sentAt), "2026-11-06T10:00:00Z");
  q.from.reset();
  q.to.reset();
  q.category = "payments";
  page = store_->search(q);
  ASSERT_EQ(page.hits.size(), 1u);
}

TEST_F(SearchStore, PagesWithACursorWithoutRepeats) {
  SearchQuery q;
  q.text = "inventory OR please OR B08XYZ1234";
  q.limit = 2;
  std::set<std::int64_t> seen;
  EXPECT_GE(pageThrough(q, seen), 3);
  EXPECT_GE(seen.size(), 6u);
}

TEST_F(SearchStore, NewCapturesDoNotShiftAPagedSearch) {
  SearchQuery q;
  q.text = "inventory";
  q.limit = 1;
  const auto first = store_->search(q);
  ASSERT_TRUE(first.next);
  addCase("3004", "More inventory", "open", "other",
          {{"amazon", "inventory inventory inventory inventory", "2026-11-12T10:00:00Z"}});
  q.cursor = first.next;
  const auto second = store_->search(q);
  for (const auto& h : second.hits) EXPECT_NE(h.caseId, "3004");
}

TEST_F(SearchStore, AnyTextIsAValidQuery) {
  for (const char* text : {"",
                           "\"",
                           "\"\"",
                           "*",
                           "AND",
                           "OR OR",
                           "NOT",
                           "NEAR(a b)",
                           "a NEAR b",
                           "body:",
                           ":",
                           "(inventory",
                           "inventory)",
                           "^inventory",
                           "-inventory",
                           "inv*ntory",
                           "{}[]",
                           "'; DROP TABLE cases; --",
                           "\xF0\x9F\x93\xA6 inventory",
                           "\xE2\x80\x8B",
                           "😀😀",
                           "\xff\xfe",
                           "a\tb\nc",
                           "inventory AND",
                           "NOT NOT inventory",
                           "\"unterminated phrase inventory"}) {
    EXPECT_NO_THROW(find(text)) << text;
  }
  EXPECT_TRUE(find("").hits.empty());
  EXPECT_FALSE(find("(inventory").hits.empty());
  EXPECT_FALSE(find("\"unterminated phrase inventory").hits.empty() && find("inventory").hits.empty());
  EXPECT_FALSE(find("'; DROP TABLE cases; --").hits.size() > 100);
  EXPECT_TRUE(store_->findCase("3001", false).has_value());
}

TEST_F(SearchStore, SupersededVersionsAreNotHits) {
  auto versions = store_->messageVersions("3001");
  StoredMessage edited = versions[1];
  edited.body = "We reinstated the listing after review.";
  edited.supersedes = versions[1].id;
  testing::appendMessage(*store_, "3001", edited);
  EXPECT_TRUE(find("policy").hits.empty());
  EXPECT_EQ(find("review").hits.size(), 1u);
}

// A full-text index as segments (FTS5's <table>_idx names each segment's pages).
int segments(const std::string& path, const char* sql = "SELECT count(DISTINCT segid) FROM message_fts_idx") {
  sqlite::Db db(path, false);
  sqlite::Stmt st(db, sql);
  return st.step() ? static_cast<int>(st.int64(0)) : -1;
}

// FTS5's own check that an index holds exactly its rows' terms (an error when it does not).
void checkIntegrity(const std::string& path) {
  sqlite::Db db(path, false);
  db.exec("INSERT INTO message_fts(message_fts) VALUES('integrity-check');"
          "INSERT INTO text_fts(text_fts) VALUES('integrity-check');");
}

// After a bulk import the index is merged into one segment, so that later captures do not merge
// the import's large segments inside their commits; a small import into a larger index is not.
TEST_F(SearchStore, AnImportLeavesTheIndexInOneSegment) {
  for (int i = 0; i < 40; ++i)  // one commit each: one new segment each, partly merged
    addCase(std::to_string(4000 + i), "Case", "open", "other",
            {{"amazon", "Your inventory reimbursement is under review.", "2026-11-10T10:00:00Z"}});
  const std::string path = dir_.file("caselog.db");
  ASSERT_GT(segments(path), 1);
  ASSERT_GT(segments(path, "SELECT count(DISTINCT segid) FROM text_fts_idx"), 1);
  const auto before = find("reimbursement").hits.size();
  store_->optimizeSearchIndex(1);  // 1 message of 47: left alone
  EXPECT_GT(segments(path), 1);
  const auto counter = store_->changeCounter();  // one more per write transaction that changed rows
  store_->optimizeSearchIndex(40);
  EXPECT_EQ(segments(path), 1);
  EXPECT_EQ(segments(path, "SELECT count(DISTINCT segid) FROM text_fts_idx"), 1);  // subjects
  EXPECT_NO_THROW(checkIntegrity(path));
  // In steps, each its own short transaction (a running host's captures get the lock in between):
  // for each of the two indexes, at least a step that merged and one that found nothing left.
  EXPECT_GE(store_->changeCounter() - counter, 4);
  EXPECT_EQ(find("reimbursement").hits.size(), before);
  EXPECT_EQ(find("inventory").hits.size(), 20u);  // a full page, as before
}

// unicode61 makes "商品を受領しました" one token: the CJK substring plan still finds 受領 inside it.
TEST_F(SearchStore, FindsJapaneseWordsInsideLongerRuns) {
  addCase("3005", "返金について（注文 113-7654321-7654321）", "needs_seller", "payments",
          {{"seller", "返金をお願いします。商品は返送済みです。", "2026-11-13T10:00:00Z"},
           {"amazon", "お問い合わせありがとうございます。返送された商品を受領しました。受領後3営業日以内に返金いたします。",
            "2026-11-14T10:00:00Z"}});
  auto page = find("受領");
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(page.hits[0].caseId, "3005");
  EXPECT_EQ(page.hits[0].author, "amazon");
  EXPECT_NE(page.hits[0].snippet.find("\x02受領\x03"), std::string::npos) << page.hits[0].snippet;
  EXPECT_GT(page.hits[0].score, 0);
  EXPECT_FALSE(page.next);

  page = find("返金");  // both messages and the subject
  std::set<std::string> authors;
  for (const auto& h : page.hits) authors.insert(h.author);
  EXPECT_EQ(authors, (std::set<std::string>{"amazon", "seller", "subject"}));
  for (size_t i = 1; i < page.hits.size(); ++i) EXPECT_GE(page.hits[i - 1].score, page.hits[i].score);

  EXPECT_EQ(find("受領 NOT 返金").hits.size(), 0u);
  EXPECT_EQ(find("返送 NOT 受領").hits.size(), 1u);
  EXPECT_EQ(find("受領 OR 返送").hits.size(), 2u);
  EXPECT_EQ(find("商品 お願い").hits.size(), 1u);
  EXPECT_EQ(find("未着").hits.size(), 0u);

  SearchQuery q;
  q.text = "返金";
  q.author = "seller";
  page = store_->search(q);
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(page.hits[0].author, "seller");
  q.author.reset();
  q.caseId = "3001";
  EXPECT_TRUE(store_->search(q).hits.empty());
  q.caseId = "3005";
  EXPECT_EQ(store_->search(q).hits.size(), 3u);

  store_->addNote("3005", at("2026-11-15T10:00:00Z"), "受領確認のメールを保存");
  page = find("受領確認");
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(page.hits[0].author, "note");
}

TEST_F(SearchStore, CjkSearchPagesWithoutRepeats) {
  for (int i = 0; i < 7; ++i)
    addCase(std::to_string(4000 + i), "件名", "open", "other",
            {{"amazon", "商品を受領しました。", "2026-11-16T10:00:00Z"}});
  SearchQuery q;
  q.text = "受領";
  q.limit = 3;
  std::set<std::int64_t> seen;
  EXPECT_EQ(pageThrough(q, seen), 3);
  EXPECT_EQ(seen.size(), 7u);
}

}  // namespace
}  // namespace caselog
