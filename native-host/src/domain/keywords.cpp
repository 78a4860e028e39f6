#include "domain/keywords.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace caselog {

namespace {

bool isWordByte(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

// The keyword's first word as text::tokens() would cut it, or "" when the keyword cannot be
// prefiltered (it starts with a stem, punctuation or a script tokens() keeps whole).
std::string_view firstWord(std::string_view keyword) {
  if (keyword.empty()) return {};
  if (isWordByte(keyword.front())) {
    std::size_t n = 0;
    while (n < keyword.size() && isWordByte(keyword[n])) ++n;
    if (n < keyword.size() && (keyword[n] == '*' || static_cast<unsigned char>(keyword[n]) >= 0x80))
      return {};
    return keyword.substr(0, n);
  }
  std::size_t i = 0;
  const char32_t cp = text::decodeUtf8(keyword, i);
  return text::isCjk(cp) ? keyword.substr(0, i) : std::string_view{};
}

}  // namespace

bool matchesKeyword(std::string_view foldedText, std::string_view keyword) {
  if (keyword.empty()) return false;
  if (keyword.back() != '*') return text::containsPhrase(foldedText, keyword);
  const std::string_view stem = keyword.substr(0, keyword.size() - 1);
  if (stem.empty()) return false;
  for (std::size_t pos = foldedText.find(stem); pos != std::string_view::npos;
       pos = foldedText.find(stem, pos + 1)) {
    if (pos == 0 || !isWordByte(foldedText[pos - 1])) return true;
  }
  return false;
}

KeywordMatcher::KeywordMatcher(std::string foldedText) : text_(std::move(foldedText)) {
  for (auto& word : text::tokens(text_)) words_.insert(std::move(word));
}

bool KeywordMatcher::matchesFolded(std::string_view folded) const {
  const std::string_view first = firstWord(folded);
  if (!first.empty() && words_.find(first) == words_.end()) return false;
  return matchesKeyword(text_, folded);
}

std::vector<std::string> KeywordMatcher::matched(const std::vector<std::string>& foldedKeywords) const {
  std::vector<std::string> found;
  for (const auto& keyword : foldedKeywords) {
    if (matchesFolded(keyword)) found.push_back(keyword);
  }
  return found;
}

KeywordIndex::KeywordIndex(std::vector<std::string> foldedKeywords) : keywords_(std::move(foldedKeywords)) {
  for (std::size_t i = 0; i < keywords_.size(); ++i) {
    const std::string_view first = firstWord(keywords_[i]);
    if (first.empty())
      unindexed_.push_back(i);
    else
      byFirstWord_[std::string(first)].push_back(i);
  }
}

std::vector<std::size_t> KeywordIndex::matchedAt(const KeywordMatcher& text) const {
  std::vector<std::size_t> found;
  auto check = [&](std::size_t i) {
    if (matchesKeyword(text.text(), keywords_[i])) found.push_back(i);
  };
  for (const auto& word : text.words()) {
    if (auto it = byFirstWord_.find(word); it != byFirstWord_.end())
      for (auto i : it->second) check(i);
  }
  for (auto i : unindexed_) check(i);
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> KeywordIndex::matched(const KeywordMatcher& text) const {
  std::vector<std::string> out;
  for (auto i : matchedAt(text)) out.push_back(keywords_[i]);
  return out;
}

std::vector<std::string> matchedKeywords(std::string_view foldedText,
                                         const std::vector<std::string>& foldedKeywords) {
  return KeywordMatcher(std::string(foldedText)).matched(foldedKeywords);
}

}  // namespace caselog
