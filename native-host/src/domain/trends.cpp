#include "domain/trends.hpp"

namespace caselog {

Trends computeTrends(const std::vector<CaseRecord>& cases, const std::vector<std::vector<GenericVerdict>>& verdicts,
                     const Config& config, Instant now) {
  (void)config;
  (void)now;
  Trends t;
  t.cases = static_cast<int>(cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (cases[i].reopenCount > 0) ++t.reopenedCases;
    for (std::size_t m = 0; m < cases[i].messages.size(); ++m) {
      if (cases[i].messages[m].author != "amazon") continue;
      ++t.amazonReplies;
      if (i < verdicts.size() && m < verdicts[i].size() && verdicts[i][m].generic) ++t.genericReplies;
    }
  }
  if (t.amazonReplies > 0) t.genericReplyRate = double(t.genericReplies) / t.amazonReplies;
  if (t.cases > 0) t.reopenRate = double(t.reopenedCases) / t.cases;
  return t;
}

}  // namespace caselog
