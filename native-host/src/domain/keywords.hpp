// Keyword and phrase lists from the configuration, matched on folded text.
// A keyword ending in '*' matches any word that starts with it ("suppress*" → "suppressed").
#pragma once

#include <string>
#include <string_view>
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

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string text_;
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

// The keywords of `foldedKeywords` found in folded `text` (each counted once).
std::vector<std::string> matchedKeywords(std::string_view foldedText,
                                         const std::vector<std::string>& foldedKeywords);

}  // namespace caselog
