#include "domain/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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

// The reference both keyword shortcuts are checked against, written from the rule in keywords.hpp
// rather than with their index: every keyword is tried on the text, except one whose first word
// (its first text::tokens() token, when the keyword starts with it and is no stem) is not one of
// the text's tokens.
std::vector<std::string> scanKeywords(std::string_view folded, const std::vector<std::string>& keywords) {
  const std::vector<std::string> words = text::tokens(folded);
  std::vector<std::string> out;
  for (const auto& keyword : keywords) {
    const std::vector<std::string> own = text::tokens(keyword);
    const bool prefiltered = !keyword.empty() && keyword.back() != '*' && !own.empty() && keyword.rfind(own[0], 0) == 0;
    if (prefiltered && std::find(words.begin(), words.end(), own[0]) == words.end()) continue;
    if (matchesKeyword(folded, keyword)) out.push_back(keyword);
  }
  return out;
}

// A list indexed alone answers exactly what checking every keyword answers, in the list's order.
TEST(Keywords, TheIndexFindsWhatAFullScanFinds) {
  const std::vector<std::string> keywords = {
      "suppress*", "listing removed",          "listing", "b08xyz1234", "a-to-z",        "(policy)", "出品",
      "停止",      "thank you for contacting", "removed", "listing",    "asin* removed", "zzz never"};
  const std::vector<std::string> texts = {
      "your listing was removed and suppressed",
      "listing removed b08xyz1234",
      "thank you for contacting amazon. the a-to-z claim (policy) applies",
      "出品が停止されました",
      "unsuppressed listings",
      "",
      "asins removed today"};
  const KeywordLists index({keywords});
  std::vector<KeywordLists::Found> found;
  auto matched = [&](const std::string& t) {
    index.find(t, found);
    std::vector<std::string> out;
    for (const auto& f : found) out.push_back(keywords[f.position]);
    return out;
  };
  for (const auto& t : texts) {
    EXPECT_EQ(matched(t), scanKeywords(t, keywords)) << t;
    EXPECT_EQ(matchedKeywords(t, keywords), scanKeywords(t, keywords)) << t;
  }
  EXPECT_EQ(matched("listing removed"),
            (std::vector<std::string>{"listing removed", "listing", "removed", "listing"}));
}

}  // namespace
}  // namespace caselog

namespace {

// A small deterministic generator for the differential tests below.
struct Lcg {
  std::uint64_t state;
  std::size_t below(std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33) % n;
  }
};

// fold() of ASCII by its definition: A-Z lowercased, white-space runs one space, ends trimmed.
std::string foldAsciiByTheRule(const std::string& s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// tokens() by its definition, one code point at a time: runs of ASCII letters/digits/'#' and of
// Latin/Greek/Cyrillic letters are words, each CJK character is a token, anything else cuts.
std::vector<std::string> tokensByTheRule(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = text::decodeUtf8(s, i);
    if (cp < 0x80) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '#')
        word += static_cast<char>(cp);
      else
        flush();
    } else if (text::isCjk(cp)) {
      flush();
      out.emplace_back(s.substr(start, i - start));
    } else if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000) {
      word.append(s.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

// fold() takes eight plain ASCII bytes at a time where it can: every mix of letters, single and
// double spaces, tabs and punctuation at every offset must fold as the rule says.
TEST(Text, FoldOfAsciiFollowsTheRuleAtEveryOffset) {
  const std::string alphabet = "aZmQ09 #.-~\x7f\t\n  Hello World";
  Lcg rng{7};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const std::size_t length = rng.below(40);
    for (std::size_t i = 0; i < length; ++i) s += alphabet[rng.below(alphabet.size())];
    ASSERT_EQ(text::fold(s), foldAsciiByTheRule(s)) << '"' << s << '"';
  }
  std::string reused = "left over from a longer text";
  text::fold("  ABCDEFGH  IJ ", reused);
  EXPECT_EQ(reused, "abcdefgh ij");
}

TEST(Text, ForEachTokenCutsWhatTokensCuts) {
  for (const std::string t : {"hello, wörld 42", "在庫 ok", "#tag a-to-z", "straße ÉTÉ", "", "   ", "x",
                              "a×b÷c", "ελληνικά кириллица", "アカウント停止 ｱｶ", "ＡＢＣ１２３ l’été", "a—b",
                              "ab\xff"
                              "cd"}) {
    const std::string folded = text::fold(t);
    std::vector<std::string> seen;
    text::forEachToken(folded, [&](std::string_view token) { seen.emplace_back(token); });
    EXPECT_EQ(seen, tokensByTheRule(folded)) << t;  // not tokens(): it is forEachToken collected
  }
  EXPECT_EQ(text::tokens("#tag a-to-z 出品"), (std::vector<std::string>{"#tag", "a", "to", "z", "出", "品"}));
}

namespace caselog {
namespace {

// Several lists indexed together find, list by list, what matchedKeywords finds in each list alone,
// including stems (indexed by their first letters), phrases, CJK, duplicates and oddities.
TEST(Keywords, ListsIndexedTogetherFindWhatEachListFinds) {
  const std::vector<std::vector<std::string>> lists = {
      {"suppress*", "listing removed", "listing", "ab*", "x*", "*", "", "(policy)", "a-to-z", "listing"},
      {"reimburse*", "lost inventory", "inventory", "在庫", "出品停止", "#tag", "abc#def", "rld"},
      {},
      {"suppress*", "möbel*", "catalog*", "asin* removed", "$", "policy"}};
  const KeywordLists index(lists);
  const std::vector<std::string> words = {
      "suppressed", "unsuppressed",  "#suppressed", "ösuppressed", "listing", "removed",  "reimbursement",
      "lost",       "inventory",     "在庫",        "出品停止",    "#tag",    "abc#def",  "abc",
      "wörld",      "rld",           "ab",          "xylophone",   "a-to-z",  "(policy)", "policy",
      "catalogue",  "asin* removed", "$",           "möbeln",      "a",       ",",        "."};
  Lcg rng{11};
  std::vector<KeywordLists::Found> found;
  for (int n = 0; n < 3000; ++n) {
    std::string t;
    const std::size_t length = rng.below(8);
    for (std::size_t i = 0; i < length; ++i) t += (i ? " " : "") + words[rng.below(words.size())];
    const std::string folded = text::fold(t);
    index.find(folded, found);
    std::vector<std::vector<std::string>> got(lists.size());
    for (const auto& f : found) got[f.list].push_back(lists[f.list][f.position]);
    for (std::size_t k = 0; k < lists.size(); ++k)
      ASSERT_EQ(got[k], scanKeywords(folded, lists[k])) << "list " << k << ": \"" << folded << '"';
    ASSERT_EQ(matchedKeywords(folded, lists[0]), scanKeywords(folded, lists[0])) << folded;
  }
}

}  // namespace
}  // namespace caselog

// A text cut short never ends inside a UTF-8 character: "é" is two bytes, "日" three.
TEST(Text, Utf8PrefixCutsBetweenCharacters) {
  EXPECT_EQ(text::utf8Prefix("short", 40), "short");
  EXPECT_EQ(text::utf8Prefix("abcdef", 3), "abc");
  EXPECT_EQ(text::utf8Prefix("ab\xC3\xA9z", 3), "ab");           // the cut falls inside é
  EXPECT_EQ(text::utf8Prefix("ab\xC3\xA9z", 4), "ab\xC3\xA9");   // right after it
  EXPECT_EQ(text::utf8Prefix("\xE6\x97\xA5\xE6\x97\xA5", 5), "\xE6\x97\xA5");
  EXPECT_EQ(text::utf8Prefix("\xE6\x97\xA5", 2), "");
}
