#include <cctype>
#include <charconv>
#include <vector>

#include "core/error.hpp"
#include "storage/search.hpp"

namespace caselog::search {

namespace {

struct Token {
  std::string text;
  bool phrase = false;  // came in double quotes
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
    } else if (s[i] == '"') {
      const size_t end = s.find('"', i + 1);
      const size_t stop = end == std::string_view::npos ? s.size() : end;
      out.push_back({std::string(s.substr(i + 1, stop - i - 1)), true});
      i = stop == s.size() ? stop : stop + 1;
    } else {
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '"') ++j;
      out.push_back({std::string(s.substr(i, j - i)), false});
      i = j;
    }
  }
  return out;
}

// Would the unicode61 tokenizer find a token in it? (ASCII letters/digits, or any non-ASCII byte.)
bool searchable(std::string_view s) {
  for (unsigned char ch : s)
    if (std::isalnum(ch) || ch >= 0x80) return true;
  return false;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

bool isOperator(const Token& t) {
  return !t.phrase && (t.text == "AND" || t.text == "OR" || t.text == "NOT");
}

// A term as FTS5 text, or "" when it holds nothing searchable.
std::string term(const Token& t) {
  std::string_view text = t.text;
  bool prefix = false;
  if (!t.phrase) {
    while (!text.empty() && text.back() == '*') {
      text.remove_suffix(1);
      prefix = true;
    }
  }
  if (!searchable(text)) return {};
  return quoted(text) + (prefix ? "*" : "");
}

}  // namespace

std::optional<std::string> buildFtsQuery(std::string_view text, bool operators) {
  const auto tokens = tokenize(text);
  std::string out;
  std::string pendingOp;  // an operator waiting for the term after it
  for (const auto& t : tokens) {
    if (operators && isOperator(t)) {
      if (!out.empty() && pendingOp.empty()) pendingOp = t.text;  // else: leading or doubled, dropped
      continue;
    }
    const std::string fts = term(t);
    if (fts.empty()) continue;
    if (!out.empty()) out += pendingOp.empty() ? " " : " " + pendingOp + " ";
    pendingOp.clear();
    out += fts;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

bool hasCjk(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (len == 1 || i + static_cast<std::size_t>(len) > text.size()) {
      ++i;  // stray or truncated byte
      continue;
    }
    char32_t cp = b & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += static_cast<std::size_t>(len);
    if ((cp >= 0x3040 && cp <= 0x30FF) ||    // hiragana, katakana
        (cp >= 0x31F0 && cp <= 0x31FF) ||    // katakana extensions
        (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
        (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
        (cp >= 0xAC00 && cp <= 0xD7AF) ||    // Hangul syllables
        (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
        (cp >= 0xFF66 && cp <= 0xFF9F) ||    // half-width katakana
        (cp >= 0x20000 && cp <= 0x3FFFF))    // CJK extensions B…
      return true;
  }
  return false;
}

std::string asciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<SubstringTerm> buildSubstringQuery(std::string_view text) {
  std::vector<SubstringTerm> out;
  std::string pendingOp;
  for (const auto& t : tokenize(text)) {
    if (isOperator(t)) {
      if (!out.empty() && pendingOp.empty()) pendingOp = t.text;
      continue;
    }
    std::string_view body = t.text;
    if (!t.phrase)
      while (!body.empty() && body.back() == '*') body.remove_suffix(1);
    if (!searchable(body)) continue;
    if (out.size() == kMaxSubstringTerms) break;
    out.push_back({asciiLower(body), out.empty() ? std::string() : pendingOp});
    pendingOp.clear();
  }
  return out;
}

std::string encodeSubstringQuery(const std::vector<SubstringTerm>& terms) {
  std::string out;  // per term: op ('&', '|', '!'), byte length, ':', text
  for (const auto& t : terms) {
    out += t.op == "OR" ? '|' : t.op == "NOT" ? '!' : '&';
    out += std::to_string(t.text.size());
    out += ':';
    out += t.text;
  }
  return out;
}

bool substringMatches(std::string_view text, std::string_view encoded) {
  struct Term {
    char op;
    std::string_view text;
  };
  std::vector<Term> terms;
  bool letters = false;
  while (!encoded.empty()) {
    const char op = encoded.front();
    const std::size_t colon = encoded.find(':');
    if (colon == std::string_view::npos) return false;
    std::size_t len = 0;
    const auto [ptr, ec] = std::from_chars(encoded.data() + 1, encoded.data() + colon, len);
    if (ec != std::errc() || ptr != encoded.data() + colon || colon + 1 + len > encoded.size()) return false;
    const std::string_view term = encoded.substr(colon + 1, len);
    for (char c : term) letters = letters || (c >= 'a' && c <= 'z');
    terms.push_back({op, term});
    encoded.remove_prefix(colon + 1 + len);
  }
  if (terms.empty()) return false;
  std::string lowered;
  if (letters) {
    lowered = asciiLower(text);
    text = lowered;
  }
  // OR of groups; a group holds when its AND terms are present and its NOT terms absent.
  bool group = true;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0 && terms[i].op == '|') {
      if (group) return true;
      group = true;
    }
    if (!group) continue;
    const bool present = text.find(terms[i].text) != std::string_view::npos;
    group = terms[i].op == '!' && i > 0 ? !present : present;
  }
  return group;
}

std::vector<int> countOccurrences(std::string_view lowered, const std::vector<SubstringTerm>& terms) {
  std::vector<int> counts;
  for (const auto& t : terms) {
    int n = 0;
    for (std::size_t pos = lowered.find(t.text); pos != std::string_view::npos;
         pos = lowered.find(t.text, pos + t.text.size()))
      ++n;
    counts.push_back(n);
  }
  return counts;
}

namespace {
bool continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
// `pos` moved by `chars` code points (negative: backwards), clamped to the text.
std::size_t stepChars(std::string_view s, std::size_t pos, int chars) {
  for (; chars < 0 && pos > 0; ++chars) {
    --pos;
    while (pos > 0 && continuation(s[pos])) --pos;
  }
  for (; chars > 0 && pos < s.size(); --chars) {
    ++pos;
    while (pos < s.size() && continuation(s[pos])) ++pos;
  }
  return pos;
}
}  // namespace

std::string substringSnippet(std::string_view text, const std::vector<SubstringTerm>& terms) {
  constexpr int kBefore = 20, kAfter = 60;  // code points around the first hit
  const std::string lowered = asciiLower(text);
  std::size_t first = std::string_view::npos;
  for (const auto& t : terms) {
    if (t.op == "NOT") continue;
    const std::size_t pos = lowered.find(t.text);
    if (pos < first) first = pos;
  }
  if (first == std::string_view::npos) first = 0;
  const std::size_t begin = stepChars(text, first, -kBefore);
  const std::size_t end = stepChars(text, first, kAfter);
  std::string out = begin > 0 ? "…" : "";
  for (std::size_t i = begin; i < end;) {
    std::size_t hit = 0;  // the longest term starting here that fits the window
    for (const auto& t : terms)
      if (t.op != "NOT" && t.text.size() > hit && i + t.text.size() <= end &&
          lowered.compare(i, t.text.size(), t.text) == 0)
        hit = t.text.size();
    if (hit > 0) {
      out += '\x02';
      out.append(text.substr(i, hit));
      out += '\x03';
      i += hit;
    } else {
      out += text[i++];
    }
  }
  if (end < text.size()) out += "…";
  return out;
}

std::string encodeCursor(const Cursor& c) {
  return "c1." + std::to_string(c.messageUpper) + "." + std::to_string(c.textUpper) + "." +
         std::to_string(c.offset);
}

Cursor decodeCursor(std::string_view text) {
  const auto bad = [] {
    return Error(ErrorCode::bad_request, "bad search cursor (use the `next` value as given)");
  };
  if (text.substr(0, 3) != "c1.") throw bad();
  text.remove_prefix(3);
  std::int64_t parts[3];
  for (int i = 0; i < 3; ++i) {
    const size_t dot = text.find('.');
    if ((i < 2) != (dot != std::string_view::npos)) throw bad();
    const std::string_view piece = text.substr(0, dot);
    auto [ptr, ec] = std::from_chars(piece.data(), piece.data() + piece.size(), parts[i]);
    if (ec != std::errc() || ptr != piece.data() + piece.size() || piece.empty() || parts[i] < 0) throw bad();
    text = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  }
  return {parts[0], parts[1], parts[2]};
}

}  // namespace caselog::search
