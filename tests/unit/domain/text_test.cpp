#include "domain/text.hpp"

#include <gtest/gtest.h>

#include "domain/keywords.hpp"

using namespace caselog;

TEST(Text, FoldLowercasesStripsAccentsAndCollapsesSpace) {
  EXPECT_EQ(text::fold("  Gelöst\t\n ÉTÉ  Straße  "), "gelost ete strasse");
  EXPECT_EQ(text::fold("Œuvre d’art"), "oeuvre d'art");
  EXPECT_EQ(text::fold("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(text::fold("回答済み"), "回答済み");
  EXPECT_EQ(text::fold("a\u00a0b\u3000c"), "a b c");
  EXPECT_EQ(text::fold(""), "");
}

TEST(Text, InvalidUtf8DoesNotCrashOrLoop) {
  const std::string bad = "ok \xC3 \xE2\x82 \xFF end";
  const std::string folded = text::fold(bad);
  EXPECT_EQ(folded.substr(0, 2), "ok");
  EXPECT_EQ(folded.substr(folded.size() - 3), "end");
  EXPECT_FALSE(text::tokens(folded).empty());
}

TEST(Text, PhrasesMatchOnWordBoundaries) {
  EXPECT_TRUE(text::containsPhrase("your listing is open now", "open"));
  EXPECT_FALSE(text::containsPhrase("reopened", "open"));
  EXPECT_TRUE(text::containsPhrase("status: open.", "open"));
  EXPECT_TRUE(text::containsPhrase("アカウント停止のお知らせ", "アカウント停止"));
}

TEST(Text, TokensSplitWordsAndCjkCharacters) {
  EXPECT_EQ(text::tokens("hello, wörld 42"), (std::vector<std::string>{"hello", "wörld", "42"}));
  EXPECT_EQ(text::tokens("在庫 ok"), (std::vector<std::string>{"在", "庫", "ok"}));
}

TEST(Keywords, StemsWithAStar) {
  EXPECT_TRUE(matchesKeyword("listing suppressed today", "suppress*"));
  EXPECT_FALSE(matchesKeyword("unsuppressed", "suppress*"));
  EXPECT_FALSE(matchesKeyword("listing suppressed", "suppress"));
  EXPECT_FALSE(matchesKeyword("anything", "*"));
  EXPECT_EQ(matchedKeywords("brand and trademark", {"brand", "trademark", "patent"}),
            (std::vector<std::string>{"brand", "trademark"}));
}

namespace caselog {
namespace {

// The index answers exactly what checking every keyword answers, in the list's order.
TEST(Keywords, TheIndexFindsWhatAFullScanFinds) {
  const std::vector<std::string> keywords = {
      "suppress*", "listing removed", "listing", "b08xyz1234", "a-to-z", "(policy)", "出品",
      "停止", "thank you for contacting", "removed", "listing", "asin* removed", "zzz never"};
  const std::vector<std::string> texts = {
      "your listing was removed and suppressed", "listing removed b08xyz1234",
      "thank you for contacting amazon. the a-to-z claim (policy) applies",
      "出品が停止されました", "unsuppressed listings", "", "asins removed today"};
  const KeywordIndex index(keywords);
  for (const auto& t : texts) {
    const KeywordMatcher text(t);
    EXPECT_EQ(index.matched(text), text.matched(keywords)) << t;
    EXPECT_EQ(index.count(text), text.matched(keywords).size()) << t;
  }
  EXPECT_EQ(index.matched(KeywordMatcher("listing removed")),
            (std::vector<std::string>{"listing removed", "listing", "removed", "listing"}));
}

}  // namespace
}  // namespace caselog
