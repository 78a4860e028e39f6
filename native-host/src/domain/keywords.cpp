#include "domain/keywords.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace caselog {

namespace {

constexpr auto kWordBytes = [] {
  std::array<bool, 256> word{};
  for (int c = 0; c < 256; ++c) word[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return word;
}();

bool isWordByte(char ch) {
  return kWordBytes[static_cast<unsigned char>(ch)];
}

// The keyword's first word as text::tokens() would cut it, or "" when the keyword cannot be
// prefiltered (it starts with a stem, punctuation or a script tokens() keeps whole).
std::string_view firstWord(std::string_view keyword) {
  if (keyword.empty()) return {};
  auto tokenByte = [](char ch) { return text::kWordAscii[static_cast<unsigned char>(ch)]; };  // '#' too
  if (isWordByte(keyword.front())) {
    std::size_t n = 0;
    while (n < keyword.size() && tokenByte(keyword[n])) ++n;
    if (n < keyword.size() && (keyword[n] == '*' || static_cast<unsigned char>(keyword[n]) >= 0x80))
      return {};
    return keyword.substr(0, n);
  }
  std::size_t i = 0;
  const char32_t cp = text::decodeUtf8(keyword, i);
  return text::isCjk(cp) ? keyword.substr(0, i) : std::string_view{};
}

// Stems are indexed by their first three bytes when those are letters or digits: a stem matches
// only at the start of a run of letters and digits, so such a run must begin with them.
constexpr std::size_t kStemPrefix = 3;

std::uint32_t prefixKey(std::string_view s) {
  return static_cast<unsigned char>(s[0]) | static_cast<unsigned char>(s[1]) << 8 |
         static_cast<unsigned char>(s[2]) << 16;
}

// A hash of a word for the sketches: its length and first, second and last bytes.
std::uint32_t wordHash(std::string_view w) {
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(w[i]));
  };
  return (byte(0) * 0x9E3779B1u) ^ (byte(w.size() > 1) * 0x85EBCA77u) ^ (byte(w.size() - 1) * 0xC2B2AE3Du) ^
         (static_cast<std::uint32_t>(w.size()) * 0x27D4EB2Fu);
}

std::uint32_t prefixHash(std::uint32_t key) {
  return key * 0x9E3779B1u;
}

bool hasIndexablePrefix(std::string_view s) {
  return s.size() >= kStemPrefix && std::all_of(s.begin(), s.begin() + kStemPrefix, isWordByte);
}

// Calls at(p) for each p where a run of letters/digits of at least kStemPrefix bytes starts.
template <class At>
void forEachRunStart(std::string_view s, At&& at) {
  for (std::size_t p = 0; p < s.size();) {
    if (!isWordByte(s[p])) {
      ++p;
      continue;
    }
    std::size_t end = p + 1;
    while (end < s.size() && isWordByte(s[end])) ++end;
    if (end - p >= kStemPrefix) at(p);
    p = end;
  }
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

KeywordLists::KeywordLists(std::vector<std::vector<std::string>> foldedLists)
    : lists_(std::move(foldedLists)) {
  for (std::uint32_t list = 0; list < lists_.size(); ++list) {
    for (std::uint32_t position = 0; position < lists_[list].size(); ++position) {
      const std::string_view keyword = lists_[list][position];
      const auto id = static_cast<std::uint32_t>(refs_.size());
      refs_.push_back({list, position});
      const std::string_view first = firstWord(keyword);
      isWord_.push_back(!first.empty() && first == keyword);
      const bool stem = !keyword.empty() && keyword.back() == '*';
      if (!first.empty()) {
        byFirstWord_[std::string(first)].push_back(id);
        firstWords_.add(wordHash(first));
      } else if (stem && hasIndexablePrefix(keyword.substr(0, keyword.size() - 1))) {
        stemsByPrefix_[prefixKey(keyword)].push_back(id);
        stemPrefixes_.add(prefixHash(prefixKey(keyword)));
      } else {
        unindexed_.push_back(id);
      }
    }
  }
}

void KeywordLists::candidates(std::string_view text, Ids& ids) const {
  ids = unindexed_;
  auto add = [&ids](const Ids& more) { ids.insert(ids.end(), more.begin(), more.end()); };
  text::forEachToken(text, [&](std::string_view word) {
    if (!firstWords_.mayHold(wordHash(word))) return;
    if (auto it = byFirstWord_.find(word); it != byFirstWord_.end()) add(it->second);
  });
  if (!stemsByPrefix_.empty()) {
    forEachRunStart(text, [&](std::size_t p) {
      const std::uint32_t key = prefixKey(text.substr(p));
      if (!stemPrefixes_.mayHold(prefixHash(key))) return;
      if (auto it = stemsByPrefix_.find(key); it != stemsByPrefix_.end()) add(it->second);
    });
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

void KeywordLists::find(std::string_view text, std::vector<Found>& found) const {
  thread_local Ids ids;  // scratch: keeps its capacity from text to text
  candidates(text, ids);
  found.clear();
  for (const auto id : ids) {
    const Found& ref = refs_[id];
    // A one-word keyword is a candidate only when it is one of the text's words: no search needed.
    if (isWord_[id] || matchesKeyword(text, lists_[ref.list][ref.position])) found.push_back(ref);
  }
}

std::vector<std::string> matchedKeywords(std::string_view foldedText,
                                         const std::vector<std::string>& foldedKeywords) {
  std::vector<std::string_view> words;
  text::forEachToken(foldedText, [&](std::string_view word) { words.push_back(word); });
  std::sort(words.begin(), words.end());
  std::vector<std::string> found;
  for (const auto& keyword : foldedKeywords) {
    const std::string_view first = firstWord(keyword);
    if (!first.empty() && !std::binary_search(words.begin(), words.end(), first)) continue;
    if (matchesKeyword(foldedText, keyword)) found.push_back(keyword);
  }
  return found;
}

}  // namespace caselog
