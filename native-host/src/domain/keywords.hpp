// Keyword and phrase lists from the configuration, matched on folded text.
// A keyword ending in '*' matches any word that starts with it ("suppress*" → "suppressed").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace caselog {

// Does folded `text` contain folded `keyword` (whole words, or a word prefix for "stem*")?
bool matchesKeyword(std::string_view foldedText, std::string_view keyword);

// One folded text checked against many keywords: a keyword is searched for only when its first
// word is one of the text's words, so long lexicons cost a hash lookup each instead of a scan.
class KeywordMatcher {
 public:
  explicit KeywordMatcher(std::string foldedText);
  bool matchesFolded(std::string_view foldedKeyword) const;
  // The keywords found (each once). They must be folded already (Config::folded): the rules
  // call this for every reply with lexicons of a hundred phrases.
  std::vector<std::string> matched(const std::vector<std::string>& foldedKeywords) const;
  const std::string& text() const { return text_; }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;
  const WordSet& words() const { return words_; }

 private:
  std::string text_;
  WordSet words_;
};

// A folded keyword list indexed by first word, for lexicons matched against every reply
// (Config::keywords keeps one per list): a text is checked only against the keywords whose first
// word is one of its words, plus those that cannot be indexed (stems, punctuation first), so
// the cost follows the text's words rather than the lexicon's length. Same answers as
// KeywordMatcher::matched, in the list's order.
class KeywordIndex {
 public:
  explicit KeywordIndex(std::vector<std::string> foldedKeywords);
  std::vector<std::string> matched(const KeywordMatcher& text) const;
  std::size_t count(const KeywordMatcher& text) const { return matchedAt(text).size(); }
  bool any(const KeywordMatcher& text) const { return !matchedAt(text).empty(); }
  const std::vector<std::string>& keywords() const { return keywords_; }

 private:
  std::vector<std::size_t> matchedAt(const KeywordMatcher& text) const;  // ascending positions
  std::vector<std::string> keywords_;
  std::unordered_map<std::string, std::vector<std::size_t>, KeywordMatcher::Hash, std::equal_to<>> byFirstWord_;
  std::vector<std::size_t> unindexed_;
};

// The keywords of `foldedKeywords` found in folded `text` (each counted once).
std::vector<std::string> matchedKeywords(std::string_view foldedText,
                                         const std::vector<std::string>& foldedKeywords);

}  // namespace caselog
