#include "domain/deadlines.hpp"

#include <algorithm>
#include <cctype>

#include "domain/business_days.hpp"
#include "domain/case_facts.hpp"
#include "domain/text.hpp"

namespace caselog {

namespace {

constexpr std::string_view kSentenceEnds[] = {".", "!", "?", "。", "！", "？", ";"};

std::string_view sentenceAround(std::string_view s, std::size_t pos, std::size_t len) {
  std::size_t begin = 0, end = s.size();
  for (const auto mark : kSentenceEnds) {
    const auto before = s.rfind(mark, pos);
    if (before != std::string_view::npos && before + mark.size() > begin) begin = before + mark.size();
    const auto after = s.find(mark, pos + len);
    if (after != std::string_view::npos && after < end) end = after;
  }
  return s.substr(begin, end - begin);
}

bool isDigit(char ch) {
  return ch >= '0' && ch <= '9';
}

// Matches "prefix{n}suffix" at every place in `s`; returns the first match whose sentence passes.
// `pattern` and `ignore` are folded (Config::folded: folded whole, the spaces around {n} stay).
std::optional<StatedPeriod> matchTemplate(std::string_view s, const std::string& folded,
                                          const std::vector<std::string>& ignore) {
  const auto hole = folded.find("{n}");
  if (hole == std::string::npos) return std::nullopt;
  const std::string prefix = folded.substr(0, hole);
  const std::string suffix = folded.substr(hole + 3);
  // Candidate starts: each occurrence of the prefix, or each number when the pattern starts with {n}.
  for (std::size_t pos = prefix.empty() ? 0 : s.find(prefix); pos < s.size();
       pos = prefix.empty() ? pos + 1 : s.find(prefix, pos + 1)) {
    if (prefix.empty() && (!isDigit(s[pos]) || (pos > 0 && isDigit(s[pos - 1])))) continue;
    if (!prefix.empty() && pos > 0 && std::isalnum(static_cast<unsigned char>(s[pos - 1]))) continue;
    std::size_t at = pos + prefix.size(), digits = 0;
    int n = 0;
    while (at + digits < s.size() && isDigit(s[at + digits]) && digits < 5)
      n = n * 10 + (s[at + digits++] - '0');
    if (digits == 0 || s.compare(at + digits, suffix.size(), suffix) != 0) continue;
    const std::size_t len = prefix.size() + digits + suffix.size();
    const std::string_view sentence = sentenceAround(s, pos, len);
    const bool excluded = std::any_of(ignore.begin(), ignore.end(), [&](const std::string& phrase) {
      return text::contains(sentence, phrase);
    });
    if (!excluded) return StatedPeriod{n, "", std::string(s.substr(pos, len))};
  }
  return std::nullopt;
}

Instant addPeriod(Instant from, const StatedPeriod& p, std::chrono::minutes utcOffset) {
  using std::chrono::days;
  if (p.unit == "businessDays") return addBusinessDays(from, p.amount, utcOffset);
  if (p.unit == "months")
    return from + std::chrono::duration_cast<std::chrono::seconds>(std::chrono::months{p.amount});
  return from + days{p.amount};
}

}  // namespace

std::optional<StatedPeriod> findStatedPeriod(std::string_view body, const Config& config) {
  const std::string folded = text::fold(body);
  const auto& ignore = config.folded("/deadlines/ignoreIfSentenceHas");
  // Longer units first: "within 5 business days" must not be read by a "within {n} days" pattern.
  for (const char* unit : {"businessDays", "months", "days"}) {
    for (const auto& pattern : config.folded(std::string("/deadlines/") + unit)) {
      if (auto found = matchTemplate(folded, pattern, ignore)) {
        found->unit = unit;
        return found;
      }
    }
  }
  return std::nullopt;
}

std::vector<Deadline> caseDeadlines(const CaseRecord& c, const std::string& category, const Config& config) {
  std::vector<Deadline> out;
  const std::chrono::minutes offset{static_cast<int>(config.number("/timing/utcOffsetMinutes", 0))};
  for (const auto& m : c.messages) {
    if (!m.current || m.author != "amazon") continue;
    if (auto period = findStatedPeriod(m.body, config)) {
      out.push_back({addPeriod(messageTime(m), *period, offset),
                     "\"" + period->phrase + "\" in Amazon's reply", "reply"});
    }
  }
  const double implied = config.number("/categories/" + category + "/impliedDeadlineDays", 0);
  std::optional<Instant> anchor = c.createdAt;
  if (!anchor && !c.messages.empty()) anchor = messageTime(c.messages.front());
  if (implied > 0 && anchor) {
    out.push_back({*anchor + std::chrono::days{static_cast<int>(implied)},
                   config.string("/categories/" + category + "/impliedDeadlineWhat", "deadline"),
                   "category"});
  }
  return out;
}

std::optional<Deadline> nextDeadline(const CaseRecord& c, const std::string& category, const Config& config,
                                     Instant now) {
  const auto grace = std::chrono::days{static_cast<int>(config.number("/priority/deadlineGraceDays", 7))};
  std::optional<Deadline> best;
  for (auto& d : caseDeadlines(c, category, config)) {
    if (d.due + grace < now) continue;
    if (!best || d.due < best->due) best = d;
  }
  return best;
}

}  // namespace caselog
