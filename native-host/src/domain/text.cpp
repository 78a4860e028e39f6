#include "domain/text.hpp"

#include <cstdint>
#include <cstring>

namespace caselog::text {

namespace {

// U+00C0 … U+00FF folded to ASCII; "" keeps the character as it is (× and ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Writes cp as UTF-8 at w; returns the end of what it wrote.
char* putUtf8(char* w, char32_t cp) {
  if (cp < 0x80) {
    *w++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *w++ = static_cast<char>(0xC0 | (cp >> 6));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *w++ = static_cast<char>(0xE0 | (cp >> 12));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *w++ = static_cast<char>(0xF0 | (cp >> 18));
    *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return w;
}

bool isSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F;
}

// Writes one code point folded (lowercase, accents stripped) at w; returns the end of what it wrote.
char* foldCodePoint(char* w, char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') {
    *w++ = static_cast<char>(cp - 'A' + 'a');
  } else if (cp >= 0xC0 && cp <= 0xFF && *kLatin1[cp - 0xC0]) {
    for (const char* c = kLatin1[cp - 0xC0]; *c; ++c) *w++ = *c;
  } else if (cp == 0x152 || cp == 0x153) {
    *w++ = 'o';
    *w++ = 'e';
  } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
    *w++ = '\'';
  } else if (cp >= 0xFF21 && cp <= 0xFF3A) {  // full-width A-Z
    *w++ = static_cast<char>(cp - 0xFF21 + 'a');
  } else if (cp >= 0xFF41 && cp <= 0xFF5A) {  // full-width a-z
    *w++ = static_cast<char>(cp - 0xFF41 + 'a');
  } else if (cp >= 0xFF10 && cp <= 0xFF19) {  // full-width digits
    *w++ = static_cast<char>(cp - 0xFF10 + '0');
  } else {
    w = putUtf8(w, cp);
  }
  return w;
}

// Folds eight bytes at `in` into `out` when they are printable ASCII with single spaces between
// (not first or last): they fold to themselves with A-Z lowercased, computed on all eight at once.
// False, writing nothing, for anything else.
bool foldAsciiChunk(const char* in, char* out) {
  constexpr std::uint64_t k01 = 0x0101010101010101ULL, k7F = 0x7F7F7F7F7F7F7F7FULL, k80 = k01 * 0x80;
  std::uint64_t x;
  std::memcpy(&x, in, 8);
  if ((x & k80) != 0 || ((x - k01 * 0x20) & ~x & k80) != 0) return false;  // a byte >= 0x80 or < 0x20
  const std::uint64_t notSpace = x ^ (k01 * ' ');
  const std::uint64_t space = ~(((notSpace & k7F) + k7F) | notSpace | k7F);  // 0x80 in each space byte
  if ((space & (space >> 8)) != 0 || (space & 0x80) != 0 || (space >> 56) != 0) return false;
  const std::uint64_t atLeastA = (x & k7F) + k01 * (0x80 - 'A');  // 0x80 set in bytes >= 'A'
  const std::uint64_t pastZ = (x & k7F) + k01 * (0x7F - 'Z');     // 0x80 set in bytes > 'Z'
  x |= (atLeastA & ~pastZ & k80) >> 2;                            // 0x20 added to A-Z
  std::memcpy(out, &x, 8);
  return true;
}

bool isAsciiWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

}  // namespace

char32_t decodeUtf8(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 0x6 ? 1 : (b0 >> 4) == 0xE ? 2 : (b0 >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || i + extra >= s.size()) {
    ++i;
    return b0 < 0x80 ? b0 : 0xFFFD;
  }
  char32_t cp = extra == 0 ? b0 : extra == 1 ? (b0 & 0x1F) : extra == 2 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += extra + 1;
  return cp;
}

bool isCjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||                                    // hiragana, katakana
         (cp >= 0x3400 && cp <= 0x9FFF) ||                                    // CJK ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||  // half-width katakana
         (cp >= 0xAC00 && cp <= 0xD7AF);                                      // hangul
}

bool isFolded(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b >= 'A' && b <= 'Z') || (b < 0x20) || (b == ' ' && s[i + 1] == ' ')) return false;
      ++i;
      continue;
    }
    const char32_t cp = decodeUtf8(s, i);
    if (cp < 0x3040 || (cp >= 0xFF01 && cp <= 0xFF5A) || cp == 0xFFFD) return false;  // may fold
  }
  return true;
}

std::string_view foldedView(std::string_view s, std::string& scratch) {
  if (isFolded(s)) return s;
  scratch = fold(s);
  return scratch;
}

std::string fold(std::string_view s) {
  std::string out;
  fold(s, out);
  return out;
}

void fold(std::string_view s, std::string& out) {
  // Written through a pointer into room for the longest result: no character takes more than
  // three bytes per byte it came from (an invalid byte becomes U+FFFD).
  out.resize(s.size() * 3);
  char* const begin = out.data();
  char* w = begin;
  bool pendingSpace = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b - 0x21u < 0x5Fu) {  // fast path: printable ASCII, eight bytes at a time where it can
      if (pendingSpace) *w++ = ' ';
      pendingSpace = false;
      if (i + 8 <= s.size() && foldAsciiChunk(s.data() + i, w)) {
        i += 8;
        w += 8;
      } else {
        *w++ = static_cast<char>(b - unsigned{'A'} < 26u ? b - 'A' + 'a' : b);
        ++i;
      }
      continue;
    }
    if (b == ' ' || b - unsigned{'\t'} < 5u) {  // ASCII white space: \t \n \v \f \r
      pendingSpace = w != begin;
      ++i;
      continue;
    }
    const char32_t cp = decodeUtf8(s, i);
    if (isSpace(cp)) {
      pendingSpace = w != begin;
      continue;
    }
    if (pendingSpace) *w++ = ' ';
    pendingSpace = false;
    w = foldCodePoint(w, cp);
  }
  out.resize(static_cast<std::size_t>(w - begin));
}

bool contains(std::string_view haystack, std::string_view needle) {
  return !needle.empty() && haystack.find(needle) != std::string_view::npos;
}

bool containsPhrase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1)) {
    const bool startOk = pos == 0 || !isAsciiWordByte(haystack[pos - 1]) || !isAsciiWordByte(needle.front());
    const std::size_t end = pos + needle.size();
    const bool endOk =
        end == haystack.size() || !isAsciiWordByte(haystack[end]) || !isAsciiWordByte(needle.back());
    if (startOk && endOk) return true;
  }
  return false;
}

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  forEachToken(s, [&](std::string_view token) { out.emplace_back(token); });
  return out;
}

std::string_view utf8Prefix(std::string_view s, std::size_t maxBytes) {
  if (s.size() <= maxBytes) return s;
  std::size_t end = maxBytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // a continuation byte
  return s.substr(0, end);
}

}  // namespace caselog::text
