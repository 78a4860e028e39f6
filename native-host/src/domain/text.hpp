// Text helpers for the rules: folding (lowercase, accents stripped, whitespace collapsed) so that
// "RÉSOLU", "résolu " and "Resolu" compare equal, and word/phrase matching over folded text.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace caselog::text {

// Lowercases ASCII and Latin letters, strips common diacritics (é→e, ß→ss, œ→oe), maps typographic
// apostrophes to ', turns every run of whitespace (including NBSP and the ideographic space) into
// one ASCII space and trims both ends. Other UTF-8 (Japanese…) passes through unchanged.
std::string fold(std::string_view s);
// fold(s) written into `out` (its content replaced, its capacity reused): for loops over many texts.
void fold(std::string_view s, std::string& out);

// True when fold(s) == s, checked without allocating (lists from the configuration usually are).
bool isFolded(std::string_view s);

// fold(s) into `scratch` unless s is already folded; returns a view of whichever holds the result.
std::string_view foldedView(std::string_view s, std::string& scratch);

// True when folded `haystack` contains folded `needle`. Both must already be folded.
bool contains(std::string_view foldedHaystack, std::string_view foldedNeedle);

// Like contains, but the match must start and end on a word boundary (an ASCII letter/digit is not
// adjacent). Needles in scripts without spaces (Japanese) match anywhere.
bool containsPhrase(std::string_view foldedHaystack, std::string_view foldedNeedle);

// Splits folded text into tokens: runs of ASCII letters/digits and non-CJK UTF-8 letters form words,
// each CJK character (kana, kanji, full-width forms) is a token of its own.
std::vector<std::string> tokens(std::string_view folded);

// The longest start of s of at most maxBytes that does not end inside a UTF-8 character: for
// cutting a text short.
std::string_view utf8Prefix(std::string_view s, std::size_t maxBytes);

// Decodes one UTF-8 code point at s[i], advancing i. Invalid bytes decode as U+FFFD, one byte each.
char32_t decodeUtf8(std::string_view s, std::size_t& i);

bool isCjk(char32_t cp);

// Calls emit(token) for each token of folded text as tokens() cuts it, in order, without copying:
// each token is a view into `folded` (for the rules that look every word of every reply up).
template <class Emit>
void forEachToken(std::string_view folded, Emit&& emit);

// ---- implementation ----

// Does the code point continue a word (rather than end one, or stand alone as CJK does)?
// By byte: an ASCII letter, digit or '#' (bytes >= 0x80 are false: they start or continue a
// multi-byte character, decoded on their own).
inline constexpr auto kWordAscii = [] {
  std::array<bool, 256> word{};
  for (char32_t c = 0; c < 128; ++c) word[c] = (c | 0x20) - 'a' < 26u || c - '0' < 10u || c == '#';
  return word;
}();

inline bool isWordCodePoint(char32_t cp) {
  if (cp < 0x80) return kWordAscii[cp];
  return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000;  // Latin, Greek, Cyrillic…
}

template <class Emit>
void forEachToken(std::string_view s, Emit&& emit) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t wordStart = kNone;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    char32_t cp = static_cast<unsigned char>(s[i]);
    if (cp < 0x80)
      ++i;
    else
      cp = decodeUtf8(s, i);
    if (isWordCodePoint(cp)) {
      if (wordStart == kNone) wordStart = at;
      while (i < s.size() && kWordAscii[static_cast<unsigned char>(s[i])]) ++i;  // ASCII at once
      continue;
    }
    if (wordStart != kNone) emit(s.substr(wordStart, at - wordStart));
    wordStart = kNone;
    if (cp >= 0x3040 && isCjk(cp)) emit(s.substr(at, i - at));
  }
  if (wordStart != kNone) emit(s.substr(wordStart));
}

}  // namespace caselog::text
