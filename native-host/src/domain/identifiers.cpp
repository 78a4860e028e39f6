#include "domain/identifiers.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_set>

namespace caselog {

namespace {

// ASCII classes by table (what std::isalnum / std::isdigit answer in the "C" locale, without a
// library call per byte: every byte of every imported message goes through here).
enum : unsigned char { kDigit = 1, kLetter = 2, kStarts = 4 };  // kStarts: may begin an identifier or label

constexpr auto kClass = [] {
  std::array<unsigned char, 256> c{};
  for (int b = '0'; b <= '9'; ++b) c[b] = kDigit | kStarts;
  for (int b = 'a'; b <= 'z'; ++b) c[b] = c[b - 'a' + 'A'] = kLetter;
  for (const char b : {'B', 'F', 'A', 'a', 'S', 's', 'M', 'm'}) c[static_cast<unsigned char>(b)] |= kStarts;
  return c;
}();

bool alnum(char c) {
  return (kClass[static_cast<unsigned char>(c)] & (kDigit | kLetter)) != 0;
}
bool digit(char c) {
  return (kClass[static_cast<unsigned char>(c)] & kDigit) != 0;
}
// Can a word starting with c be an ASIN ("B0…"), a shipment ("FBA…"), an order or amount (a
// digit), or an "ASIN" / "SKU" / "MSKU" label? Other words are skipped whole.
bool mayStart(char c) {
  return (kClass[static_cast<unsigned char>(c)] & kStarts) != 0;
}
char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
bool upperAlnum(char c) {
  return digit(c) || (c >= 'A' && c <= 'Z');
}

// True when s[i] starts a word: nothing or a non-alphanumeric byte before it.
bool startsWord(std::string_view s, size_t i) {
  return i == 0 || !alnum(s[i - 1]);
}
bool endsWord(std::string_view s, size_t i) {
  return i >= s.size() || !alnum(s[i]);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return upper(x) == upper(y); });
}

size_t wordEnd(std::string_view s, size_t i) {
  while (i < s.size() && alnum(s[i])) ++i;
  return i;
}

size_t skipSpaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {  // no-break space
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// ---- single-pattern matchers: each returns the end of the match at i, or 0 ----

size_t matchAsin(std::string_view s, size_t i) {
  if (s.substr(i, 2) != "B0" || i + 10 > s.size()) return 0;
  for (size_t k = i + 2; k < i + 10; ++k)
    if (!upperAlnum(s[k])) return 0;
  return endsWord(s, i + 10) ? i + 10 : 0;
}

size_t matchShipment(std::string_view s, size_t i) {
  if (s.substr(i, 3) != "FBA") return 0;
  size_t j = i + 3;
  bool hasDigit = false;
  while (j < s.size() && upperAlnum(s[j])) hasDigit |= digit(s[j++]);
  const size_t n = j - i - 3;
  return n >= 8 && n <= 10 && hasDigit && endsWord(s, j) ? j : 0;
}

size_t digitRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && digit(s[j])) ++j;
  return j - i;
}

size_t matchOrder(std::string_view s, size_t i) {
  if (digitRun(s, i) != 3 || s.substr(i + 3, 1) != "-" || digitRun(s, i + 4) != 7 ||
      s.substr(i + 11, 1) != "-" || digitRun(s, i + 12) != 7)
    return 0;
  const size_t end = i + 19;
  if (!endsWord(s, end) || (end + 1 < s.size() && s[end] == '-' && digit(s[end + 1]))) return 0;
  return end;
}

// "ASIN: 0123456789" / "ASIN 123456789X" / "ASIN(s): …": the value's [begin, end), or nullopt.
std::optional<std::pair<size_t, size_t>> labelledIsbnAsin(std::string_view s, size_t labelEnd) {
  size_t j = labelEnd;
  if (s.substr(j, 3) == "(s)") j += 3;
  j = skipSpaces(s, j);
  if (j < s.size() && (s[j] == ':' || s[j] == '#')) j = skipSpaces(s, j + 1);
  if (j + 10 > s.size() || digitRun(s, j) < 9) return std::nullopt;
  const char last = s[j + 9];
  if (!(digit(last) || last == 'X') || !endsWord(s, j + 10)) return std::nullopt;
  return std::make_pair(j, j + 10);
}

bool skuLabel(std::string_view word) {
  return equalsIgnoreCase(word, "SKU") || equalsIgnoreCase(word, "MSKU") || equalsIgnoreCase(word, "SKUs");
}

// The value after a SKU label; with no ':' / '#' / '=' it must contain a digit ("SKU is" is not a SKU).
std::optional<std::pair<size_t, size_t>> labelledSku(std::string_view s, size_t labelEnd) {
  size_t j = skipSpaces(s, labelEnd);
  bool delimited = false;
  if (j < s.size() && (s[j] == ':' || s[j] == '#' || s[j] == '=')) {
    delimited = true;
    j = skipSpaces(s, j + 1);
  }
  if (j >= s.size() || !alnum(s[j])) return std::nullopt;
  size_t k = j;
  bool hasDigit = false;
  while (k < s.size() && k - j < 40 &&
         (alnum(s[k]) || s[k] == '-' || s[k] == '_' || s[k] == '.' || s[k] == '/'))
    hasDigit |= digit(s[k++]);
  while (k > j && (s[k - 1] == '.' || s[k - 1] == '-' || s[k - 1] == '/' || s[k - 1] == '_')) --k;
  if (!delimited && !hasDigit) return std::nullopt;
  return std::make_pair(j, k);
}

// ---- money ----

struct Currency {
  std::string_view mark;
  std::string_view code;
};

// Longest marks first so "US$" wins over "$".
constexpr std::array<Currency, 12> kSymbols{{{"US$", "USD"},
                                             {"CA$", "CAD"},
                                             {"AU$", "AUD"},
                                             {"MX$", "MXN"},
                                             {"C$", "CAD"},
                                             {"A$", "AUD"},
                                             {"R$", "BRL"},
                                             {"$", "USD"},
                                             {"\xE2\x82\xAC", "EUR"},
                                             {"\xC2\xA3", "GBP"},
                                             {"\xC2\xA5", "JPY"},
                                             {"\xE2\x82\xB9", "INR"}}};

constexpr std::array<std::string_view, 18> kCodes{"USD", "EUR", "GBP", "JPY", "INR", "CAD",
                                                  "AUD", "MXN", "BRL", "SEK", "PLN", "TRY",
                                                  "AED", "SAR", "SGD", "CHF", "CNY", "EGP"};

std::optional<std::string_view> codeWord(std::string_view word) {
  for (auto code : kCodes)
    if (word == code) return code;
  return std::nullopt;
}

// Can a currency mark or code end with byte c ('$', the last bytes of € £ ¥ ₹, or "EUR"…)?
bool mayEndCurrency(char c) {
  return c == '$' || c == '\xAC' || c == '\xA3' || c == '\xA5' || c == '\xB9' || (c >= 'A' && c <= 'Z');
}

// Can a currency mark or code start with byte c (the first bytes of € £ ¥ ₹, '$', or "EUR"…)?
bool mayBeginCurrency(char c) {
  return c == '\xE2' || c == '\xC2' || c == '$' || (c >= 'A' && c <= 'Z');
}

// A currency mark ending right before `end` (one space allowed between).
std::optional<std::string_view> currencyBefore(std::string_view s, size_t end) {
  for (int spaced = 0; spaced < 2; ++spaced) {
    size_t e = end;
    if (spaced) {
      if (e > 0 && s[e - 1] == ' ')
        --e;
      else if (e >= 2 && s.substr(e - 2, 2) == "\xC2\xA0")
        e -= 2;
      else
        break;
    }
    if (e == 0 || !mayEndCurrency(s[e - 1])) continue;
    const std::string_view head = s.substr(0, e);
    for (const auto& c : kSymbols)
      if (head.ends_with(c.mark)) {
        const size_t start = e - c.mark.size();
        if (c.mark.size() > 1 && c.mark.back() == '$' && !startsWord(s, start)) continue;  // "XUS$"
        return c.code;
      }
    if (e >= 3 && startsWord(s, e - 3))
      if (auto code = codeWord(head.substr(e - 3))) return code;
  }
  return std::nullopt;
}

// A currency mark starting right after `begin` (one space allowed between).
std::optional<std::string_view> currencyAfter(std::string_view s, size_t begin) {
  const size_t b = skipSpaces(s, begin);
  if (b - begin > 2 || b == s.size() || !mayBeginCurrency(s[b])) return std::nullopt;
  const std::string_view tail = s.substr(b);
  for (const auto& c : kSymbols)
    if (c.mark.size() > 1 && c.mark.front() != '$' && c.mark.back() != '$' && tail.starts_with(c.mark))
      return c.code;
  if (tail.starts_with("$")) return std::nullopt;  // "12 $" is unusual; "$" usually prefixes the next amount
  const size_t e = wordEnd(s, b);
  if (e - b == 3) return codeWord(s.substr(b, 3));
  return std::nullopt;
}

// Digits with ',' / '.' separators ("1,234.56", "1.234,56", "12,50", "1 234" is not covered).
size_t numberEnd(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    if (digit(s[j])) {
      ++j;
    } else if ((s[j] == ',' || s[j] == '.') && j + 1 < s.size() && digit(s[j + 1])) {
      ++j;
    } else {
      break;
    }
  }
  return j;
}

// "1.234,56" → "1234.56" with two decimals (none for JPY).
std::string normalizeAmount(std::string_view num, std::string_view code) {
  const size_t lastSep = num.find_last_of(",.");
  std::string whole, fraction;
  bool decimal = false;
  if (lastSep != std::string_view::npos) {
    const char sep = num[lastSep];
    const char other = sep == ',' ? '.' : ',';
    const bool mixed = num.find(other) != std::string_view::npos;
    const bool repeated = num.find(sep) != lastSep;
    const size_t after = num.size() - lastSep - 1;
    decimal = mixed || (!repeated && after != 3);
  }
  for (size_t k = 0; k < num.size(); ++k) {
    if (decimal && k == lastSep) {
      fraction = std::string(num.substr(k + 1));
      break;
    }
    if (digit(num[k])) whole += num[k];
  }
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  if (code == "JPY") return whole;
  fraction.resize(2, '0');
  return whole + "." + fraction;
}

// The identifiers found, each once, in the order first found. A reply names a few: looked up in
// the list. Past kFew (a pasted report naming thousands) a set keeps the lookups from growing
// with the square of their number (40,000 identifiers: 27 s).
class Found {
 public:
  explicit Found(std::vector<Identifier>& out) : out_(out) {}

  void operator()(std::string kind, std::string value) {
    Identifier id{std::move(kind), std::move(value)};
    if (out_.size() < kFew) {
      if (std::find(out_.begin(), out_.end(), id) == out_.end()) out_.push_back(std::move(id));
      return;
    }
    if (seen_.empty())
      for (const auto& known : out_) seen_.insert(known.kind + '\0' + known.value);
    if (seen_.insert(id.kind + '\0' + id.value).second) out_.push_back(std::move(id));
  }

 private:
  static constexpr std::size_t kFew = 32;
  std::vector<Identifier>& out_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

std::vector<Identifier> extractIdentifiers(std::string_view s) {
  std::vector<Identifier> out;
  Found add(out);
  size_t i = 0;
  while (i < s.size()) {
    if (!alnum(s[i]) || !startsWord(s, i)) {
      ++i;
      continue;
    }
    if (!mayStart(s[i])) {
      i = wordEnd(s, i);
      continue;
    }
    if (size_t e = matchAsin(s, i)) {
      add("asin", std::string(s.substr(i, e - i)));
      i = e;
    } else if (size_t e2 = matchShipment(s, i)) {
      add("shipment", std::string(s.substr(i, e2 - i)));
      i = e2;
    } else if (size_t e3 = matchOrder(s, i)) {
      add("order", std::string(s.substr(i, e3 - i)));
      i = e3;
    } else if (digit(s[i])) {
      const size_t e4 = numberEnd(s, i);
      auto code = currencyBefore(s, i);
      if (!code) code = currencyAfter(s, e4);
      if (code && endsWord(s, e4))
        add("amount", std::string(*code) + " " + normalizeAmount(s.substr(i, e4 - i), *code));
      i = wordEnd(s, e4);
    } else {
      const size_t e5 = wordEnd(s, i);
      const std::string_view word = s.substr(i, e5 - i);
      if (equalsIgnoreCase(word, "ASIN") || equalsIgnoreCase(word, "ASINs")) {
        if (auto v = labelledIsbnAsin(s, e5)) {
          add("asin", std::string(s.substr(v->first, v->second - v->first)));
          i = v->second;
          continue;
        }
      } else if (skuLabel(word)) {
        if (auto v = labelledSku(s, e5)) {
          add("sku", std::string(s.substr(v->first, v->second - v->first)));
          i = v->second;
          continue;
        }
      }
      i = e5;
    }
  }
  return out;
}

}  // namespace caselog
