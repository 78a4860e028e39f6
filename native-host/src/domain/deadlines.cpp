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

// The configured period patterns (deadlines.businessDays, months, days: longer units first, so
// that "within 5 business days" is not read by a "within {n} days" pattern), folded and split at
// {n} once per Config, and the sentence exclusions.
struct PeriodPatterns {
  struct Pattern {
    std::string prefix, suffix;  // folded: Config::folded folds the whole pattern, spaces around {n} stay
    const char* unit;
  };
  std::vector<Pattern> patterns;  // in the order they are tried; those without {n} never match
  std::vector<std::string> ignore;

  static PeriodPatterns from(const Config& config) {
    PeriodPatterns out;
    for (const char* unit : {"businessDays", "months", "days"}) {
      for (const auto& pattern : config.folded(std::string("/deadlines/") + unit)) {
        const auto hole = pattern.find("{n}");
        if (hole != std::string::npos)
          out.patterns.push_back({pattern.substr(0, hole), pattern.substr(hole + 3), unit});
      }
    }
    out.ignore = config.folded("/deadlines/ignoreIfSentenceHas");
    return out;
  }
};

// Matches "prefix{n}suffix" in `s` and returns the first match (leftmost) whose sentence passes.
// A match has a digit right after the prefix, so the candidates are read off `digits`, the
// positions of s's digits, instead of searching s for the prefix.
std::optional<StatedPeriod> matchPattern(std::string_view s, const std::vector<std::size_t>& digits,
                                         const PeriodPatterns::Pattern& p,
                                         const std::vector<std::string>& ignore) {
  const std::string& prefix = p.prefix;
  const std::string& suffix = p.suffix;
  for (const std::size_t d : digits) {
    if (prefix.empty() ? d > 0 && isDigit(s[d - 1])  // {n} first: the number starts here
                       : d < prefix.size() || s[d - 1] != prefix.back() ||
                             s.compare(d - prefix.size(), prefix.size(), prefix) != 0)
      continue;
    const std::size_t pos = d - prefix.size();
    if (!prefix.empty() && pos > 0 && std::isalnum(static_cast<unsigned char>(s[pos - 1]))) continue;
    std::size_t count = 0;
    int n = 0;
    while (d + count < s.size() && isDigit(s[d + count]) && count < 5) n = n * 10 + (s[d + count++] - '0');
    if (s.compare(d + count, suffix.size(), suffix) != 0) continue;
    const std::size_t len = prefix.size() + count + suffix.size();
    const std::string_view sentence = sentenceAround(s, pos, len);
    const bool excluded = std::any_of(ignore.begin(), ignore.end(), [&](const std::string& phrase) {
      return text::contains(sentence, phrase);
    });
    if (!excluded) return StatedPeriod{n, p.unit, std::string(s.substr(pos, len))};
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

// findStatedPeriod of a text already folded.
std::optional<StatedPeriod> periodInFolded(const std::string& folded, const Config& config) {
  // Where digits are, and where runs of digits start: a number after a prefix that does not end
  // in a digit (all the usual ones), or at the start of a "{n}…" pattern, starts a run.
  std::vector<std::size_t> digits, runStarts;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (!isDigit(folded[i])) continue;
    digits.push_back(i);
    if (i == 0 || !isDigit(folded[i - 1])) runStarts.push_back(i);
  }
  if (digits.empty()) return std::nullopt;  // every pattern holds a number
  const auto& periods = config.view<PeriodPatterns>();
  for (const auto& pattern : periods.patterns) {
    const bool atRunStart = pattern.prefix.empty() || !isDigit(pattern.prefix.back());
    if (auto found = matchPattern(folded, atRunStart ? runStarts : digits, pattern, periods.ignore))
      return found;
  }
  return std::nullopt;
}

}  // namespace

std::optional<StatedPeriod> findStatedPeriod(std::string_view body, const Config& config) {
  // Every pattern holds a number, and folding makes digits only of digits and of full-width
  // digits (U+FF10-FF19, "\xEF\xBC\x90".."\xEF\xBC\x99"): a text with neither is not folded.
  if (std::none_of(body.begin(), body.end(), [](char ch) { return isDigit(ch) || ch == '\xEF'; }))
    return std::nullopt;
  return periodInFolded(text::fold(body), config);
}

std::vector<Deadline> caseDeadlines(const CaseRecord& c, const std::string& category, const Config& config,
                                    const std::vector<std::string>* folded) {
  std::vector<Deadline> out;
  const std::chrono::minutes offset{static_cast<int>(config.number("/timing/utcOffsetMinutes", 0))};
  std::optional<Instant> lastStated;  // when the latest reply stating a period was sent
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const StoredMessage& m = c.messages[i];
    if (!m.current || m.author != "amazon") continue;
    const bool known = folded && i < folded->size() && !(*folded)[i].empty();
    if (auto period = known ? periodInFolded((*folded)[i], config) : findStatedPeriod(m.body, config)) {
      const Instant sent = messageTime(m);
      out.push_back({addPeriod(sent, *period, offset), "\"" + period->phrase + "\" in Amazon's reply", "reply"});
      lastStated = lastStated ? std::max(*lastStated, sent) : sent;
    }
  }
  const double implied = config.number("/categories/" + category + "/impliedDeadlineDays", 0);
  std::optional<Instant> anchor = c.createdAt;
  if (!anchor && !c.messages.empty()) anchor = messageTime(c.messages.front());
  if (implied > 0 && anchor) {
    const Instant due = *anchor + std::chrono::days{static_cast<int>(implied)};
    // The case type's deadline is a rule of thumb. Once it had passed when Amazon stated one in a
    // reply, Amazon's is the deadline: a plan of action asked for "within 17 days" on day 19 of
    // the case is not 2 days late.
    if (!lastStated || due > *lastStated)
      out.push_back({due, config.string("/categories/" + category + "/impliedDeadlineWhat", "deadline"), "category"});
  }
  return out;
}

std::vector<Deadline> openDeadlines(const CaseRecord& c, const CaseFacts& facts, const Config& config,
                                    const std::vector<std::string>* folded) {
  return facts.closed ? std::vector<Deadline>{} : caseDeadlines(c, facts.category, config, folded);
}

std::optional<Deadline> nextDeadline(const std::vector<Deadline>& deadlines, const Config& config,
                                     Instant now) {
  const auto grace = std::chrono::days{static_cast<int>(config.number("/priority/deadlineGraceDays", 7))};
  std::optional<Deadline> best;
  for (const auto& d : deadlines) {
    if (d.due + grace < now) continue;
    if (!best || d.due < best->due) best = d;
  }
  return best;
}

}  // namespace caselog
