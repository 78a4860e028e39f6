#include "domain/reply_features.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

#include "domain/keywords.hpp"
#include "domain/text.hpp"

namespace caselog {

namespace {

bool isDigit(char ch) {
  return ch >= '0' && ch <= '9';
}
bool isAlnum(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) != 0;
}

std::size_t digitRun(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && isDigit(s[pos + n])) ++n;
  return n;
}

std::size_t alnumRun(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && isAlnum(s[pos + n])) ++n;
  return n;
}

bool wordStart(std::string_view s, std::size_t pos) {
  return pos == 0 || !isAlnum(s[pos - 1]);
}

// "123-1234567-1234567" at pos.
bool orderAt(std::string_view s, std::size_t pos) {
  return digitRun(s, pos) == 3 && pos + 3 < s.size() && s[pos + 3] == '-' && digitRun(s, pos + 4) == 7 &&
         pos + 11 < s.size() && s[pos + 11] == '-' && digitRun(s, pos + 12) == 7;
}

// An amount is a number next to a currency sign or code: "$45.10", "45,10 €", "EUR 45", "¥3000".
bool amountAt(std::string_view s, std::size_t pos) {
  static constexpr std::string_view kSigns[] = {"$", "€", "£", "¥", "usd", "eur", "gbp", "jpy", "cad"};
  for (const auto sign : kSigns) {
    if (pos >= sign.size() && s.substr(pos - sign.size(), sign.size()) == sign) return true;
    if (pos >= sign.size() + 1 && s[pos - 1] == ' ' && s.substr(pos - sign.size() - 1, sign.size()) == sign)
      return true;
  }
  std::size_t end = pos + digitRun(s, pos);
  while (end + 1 < s.size() && (s[end] == '.' || s[end] == ',') && isDigit(s[end + 1]))
    end += 1 + digitRun(s, end + 1);
  const std::string_view after = s.substr(end, 5);
  for (const auto sign : kSigns) {
    if (after.starts_with(sign) || (after.starts_with(" ") && after.substr(1).starts_with(sign))) return true;
  }
  return false;
}

int wordCount(const std::vector<std::string_view>& words) {
  int latin = 0, cjk = 0;
  for (const auto& t : words) {
    std::size_t i = 0;
    if (text::isCjk(text::decodeUtf8(t, i))) {
      ++cjk;
    } else {
      ++latin;
    }
  }
  return latin + cjk / 2;
}

// Numbers as written in any locale: "8.214,77", "8,214.77", "5 120,00", "845,000", "45.99".
// The last separator followed by one or two digits is the decimal point; the others group thousands.
std::vector<double> numbersIn(std::string_view s) {
  std::vector<double> out;
  for (std::size_t pos = 0; pos < s.size();) {
    if (!isDigit(s[pos]) || (pos > 0 && isAlnum(s[pos - 1]))) {  // digits inside a word are not a number
      ++pos;
      continue;
    }
    std::string digits;
    std::size_t end = pos, decimals = 0;
    while (end < s.size()) {
      if (isDigit(s[end])) {
        digits += s[end++];
        ++decimals;
      } else if ((s[end] == '.' || s[end] == ',' || s[end] == ' ') && end + 1 < s.size() &&
                 isDigit(s[end + 1]) && (s[end] != ' ' || digitRun(s, end + 1) == 3)) {
        digits += '|';
        ++end;
        decimals = 0;
      } else {
        break;
      }
    }
    const auto sep = digits.rfind('|');
    const bool hasDecimal = sep != std::string::npos && decimals <= 2 && s[end - decimals - 1] != ' ';
    std::string plain;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (digits[i] != '|')
        plain += digits[i];
      else if (hasDecimal && i == sep)
        plain += '.';
    }
    double value = 0;
    std::from_chars(plain.data(), plain.data() + plain.size(), value);
    out.push_back(value);
    pos = end;
  }
  return out;
}

bool mentions(std::string_view folded, const std::vector<double>& numbers, const Identifier& id,
              const std::string& foldedValue) {
  if (id.kind != "amount") return text::contains(folded, foldedValue);
  const auto space = id.value.find(' ');
  const std::string number = space == std::string::npos ? id.value : id.value.substr(space + 1);
  double amount = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), amount);
  if (ec != std::errc() || amount <= 0) return false;
  return std::any_of(numbers.begin(), numbers.end(), [&](double n) { return std::abs(n - amount) < 0.005; });
}

// identifierShapes of a text already folded.
std::vector<std::string> shapesIn(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < s.size(); ++pos) {
    if (!wordStart(s, pos)) continue;
    const std::size_t run = alnumRun(s, pos);
    if (orderAt(s, pos)) {
      out.emplace_back(s.substr(pos, 19));
    } else if (run == 10 && s.compare(pos, 2, "b0") == 0) {
      out.emplace_back(s.substr(pos, 10));
    } else if (run >= 9 && s.compare(pos, 3, "fba") == 0 && digitRun(s, pos + 3) > 0) {
      out.emplace_back(s.substr(pos, run));
    } else if (isDigit(s[pos]) && amountAt(s, pos)) {
      out.emplace_back(s.substr(pos, digitRun(s, pos)));
    }
    if (run > 0) pos += run - 1;
  }
  return out;
}

// Concrete details: distinct numbers (quantities, dates, percentages, amounts) outside the case's
// identifiers and outside ID-shaped or alphanumeric words. Specific replies are full of them.
// `numbers`: numbersIn(folded), used as they are when nothing is blanked.
int concreteDetails(std::string folded, const CaseTerms& terms, const std::vector<double>& numbers) {
  bool blanked = false;
  auto blank = [&](const std::string& what) {
    if (what.empty()) return;
    for (auto pos = folded.find(what); pos != std::string::npos; pos = folded.find(what, pos + 1)) {
      folded.replace(pos, what.size(), what.size(), ' ');
      blanked = true;
    }
  };
  blank(terms.c.caseId);  // "Reference: case 17865432901" is template furniture, not a finding
  for (std::size_t i = 0; i < terms.c.identifiers.size(); ++i)
    if (terms.c.identifiers[i].kind != "amount") blank(terms.foldedIds[i]);
  std::string scratch;  // folded again when blanks made runs of spaces, which fold to one
  for (const auto& shape : shapesIn(text::foldedView(folded, scratch)))
    if (shape.size() > 6) blank(shape);
  const std::vector<double> left = blanked ? numbersIn(folded) : std::vector<double>{};
  std::set<double> distinct;
  for (const double n : blanked ? left : numbers) distinct.insert(n);
  return static_cast<int>(distinct.size());
}

// The subject's significant words: long enough, not filler, without digits (identifiers count
// elsewhere), each once.
std::vector<std::string> significantSubjectWords(const std::string& subject) {
  static const std::set<std::string> kStop = {"about",    "regarding", "issue",   "problem",
                                              "question", "request",   "please",  "amazon",
                                              "seller",   "support",   "listing", "case"};
  std::vector<std::string> out;
  for (auto& w : text::tokens(text::fold(subject))) {
    if (w.size() < 5 || kStop.count(w) || std::any_of(w.begin(), w.end(), isDigit)) continue;
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
  }
  return out;
}

int subjectTermsIn(const std::vector<std::string_view>& words, const std::vector<std::string>& subject) {
  return static_cast<int>(std::count_if(subject.begin(), subject.end(), [&](const std::string& w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  }));
}

// The generic.* lexicons the features match, indexed together once per Config: one pass over a
// reply's words finds them all.
struct Lexicons {
  enum { kPhrases, kActions, kCause, kEvidence };
  KeywordLists lists;
  std::vector<std::string> helpLinkMarkers;

  static Lexicons from(const Config& config) {
    return {KeywordLists({config.folded("/generic/phrases"), config.folded("/generic/actionPhrases"),
                          config.folded("/generic/causePhrases"), config.folded("/generic/evidencePhrases")}),
            config.folded("/generic/helpLinkMarkers")};
  }
};

}  // namespace

std::vector<std::string> identifierShapes(std::string_view body) {
  return shapesIn(text::fold(body));
}

ReplyText::ReplyText(std::string_view body) : folded(text::fold(body)) {
  text::forEachToken(folded, [this](std::string_view word) { words.push_back(word); });
}

CaseTerms::CaseTerms(const CaseRecord& record)
    : c(record), subjectWords(significantSubjectWords(record.subject)) {
  foldedIds.reserve(record.identifiers.size());
  for (const auto& id : record.identifiers) foldedIds.push_back(text::fold(id.value));
}

ReplyFeatures replyFeatures(std::string_view body, const CaseRecord& c, const Config& config) {
  return replyFeatures(ReplyText(body), CaseTerms(c), config);
}

ReplyFeatures replyFeatures(const ReplyText& reply, const CaseTerms& terms, const Config& config) {
  const std::string& folded = reply.folded;
  const CaseRecord& c = terms.c;
  const Lexicons& lexicons = config.view<Lexicons>();
  ReplyFeatures f;
  std::vector<KeywordLists::Found> found;
  lexicons.lists.find(folded, found);
  for (const auto& k : found) {
    const std::string& keyword = lexicons.lists.lists()[k.list][k.position];
    if (k.list == Lexicons::kPhrases) f.phrases.push_back(keyword);
    if (k.list == Lexicons::kActions) f.actions.push_back(keyword);
    if (k.list == Lexicons::kCause) f.explainsCause = true;
    if (k.list == Lexicons::kEvidence) f.asksForEvidence = true;
  }
  for (const auto& marker : lexicons.helpLinkMarkers) {
    if (text::contains(folded, marker)) f.helpLink = true;
  }
  f.words = wordCount(reply.words);
  std::set<std::string> named;
  const std::vector<double> numbers = numbersIn(folded);
  for (std::size_t i = 0; i < c.identifiers.size(); ++i) {
    const Identifier& id = c.identifiers[i];
    if (mentions(folded, numbers, id, terms.foldedIds[i])) named.insert(id.kind + " " + id.value);
  }
  if (c.identifiers.empty()) {
    for (auto& shape : shapesIn(folded)) named.insert(shape);
  }
  f.identifiers.assign(named.begin(), named.end());
  f.subjectTerms = subjectTermsIn(reply.words, terms.subjectWords);
  f.details = concreteDetails(folded, terms, numbers);
  return f;
}

}  // namespace caselog
