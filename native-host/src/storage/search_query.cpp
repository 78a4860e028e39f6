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
