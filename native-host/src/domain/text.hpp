// Text helpers for the rules: folding (lowercase, accents stripped, whitespace collapsed) so that
// "RÉSOLU", "résolu " and "Resolu" compare equal, and word/phrase matching over folded text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caselog::text {

// Lowercases ASCII and Latin letters, strips common diacritics (é→e, ß→ss, œ→oe), maps typographic
// apostrophes to ', turns every run of whitespace (including NBSP and the ideographic space) into
// one ASCII space and trims both ends. Other UTF-8 (Japanese…) passes through unchanged.
std::string fold(std::string_view s);

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

// Decodes one UTF-8 code point at s[i], advancing i. Invalid bytes decode as U+FFFD, one byte each.
char32_t decodeUtf8(std::string_view s, std::size_t& i);

bool isCjk(char32_t cp);

}  // namespace caselog::text
