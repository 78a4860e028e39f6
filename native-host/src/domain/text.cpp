#include "domain/text.hpp"

namespace caselog::text {

namespace {

// U+00C0 … U+00FF folded to ASCII; "" keeps the character as it is (× and ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool isSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F;
}

// Folds one code point into `out` (lowercase, accents stripped).
void foldInto(std::string& out, char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') {
    out += static_cast<char>(cp - 'A' + 'a');
  } else if (cp >= 0xC0 && cp <= 0xFF && *kLatin1[cp - 0xC0]) {
    out += kLatin1[cp - 0xC0];
  } else if (cp == 0x152 || cp == 0x153) {
    out += "oe";
  } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
    out += '\'';
  } else if (cp >= 0xFF21 && cp <= 0xFF3A) {  // full-width A-Z
    out += static_cast<char>(cp - 0xFF21 + 'a');
  } else if (cp >= 0xFF41 && cp <= 0xFF5A) {  // full-width a-z
    out += static_cast<char>(cp - 0xFF41 + 'a');
  } else if (cp >= 0xFF10 && cp <= 0xFF19) {  // full-width digits
    out += static_cast<char>(cp - 0xFF10 + '0');
  } else {
    appendUtf8(out, cp);
  }
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
  out.reserve(s.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80 && b > ' ') {  // fast path: printable ASCII
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
      ++i;
      continue;
    }
    const char32_t cp = decodeUtf8(s, i);
    if (isSpace(cp)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    foldInto(out, cp);
  }
  return out;
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
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = decodeUtf8(s, i);
    if (cp < 0x80) {
      if (isAsciiWordByte(static_cast<char>(cp)) || cp == '#') {
        word += static_cast<char>(cp);
      } else {
        flush();
      }
    } else if (isCjk(cp)) {
      flush();
      out.emplace_back(s.substr(start, i - start));
    } else if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000) {  // Latin, Greek, Cyrillic…
      word.append(s.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace caselog::text
