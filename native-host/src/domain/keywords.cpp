#include "domain/keywords.hpp"

#include "domain/text.hpp"

namespace caselog {

bool matchesKeyword(std::string_view foldedText, std::string_view keyword) {
  if (keyword.empty()) return false;
  if (keyword.back() != '*') return text::containsPhrase(foldedText, keyword);
  const std::string_view stem = keyword.substr(0, keyword.size() - 1);
  if (stem.empty()) return false;
  for (std::size_t pos = foldedText.find(stem); pos != std::string_view::npos;
       pos = foldedText.find(stem, pos + 1)) {
    const char before = pos == 0 ? ' ' : foldedText[pos - 1];
    const bool wordByte = (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9');
    if (!wordByte) return true;
  }
  return false;
}

std::vector<std::string> matchedKeywords(std::string_view foldedText, const std::vector<std::string>& keywords) {
  std::vector<std::string> found;
  for (const auto& keyword : keywords) {
    const std::string folded = text::fold(keyword);
    if (matchesKeyword(foldedText, folded)) found.push_back(folded);
  }
  return found;
}

}  // namespace caselog
