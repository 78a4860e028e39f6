#include "domain/priority.hpp"

#include "domain/category.hpp"

namespace caselog {

Priority computePriority(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts, const Config& config,
                         Instant now) {
  (void)verdicts;
  (void)now;
  Priority p;
  const std::string category = c.category.empty() ? inferCategory(c, config) : c.category;
  const double coefficient = config.number("/priority/coefficients/category", 10);
  const double impact = config.number("/categories/" + category + "/impact", 0);
  p.terms.push_back({"category", impact, coefficient, coefficient * impact,
                     config.string("/categories/" + category + "/explain", category)});
  for (const auto& t : p.terms) p.score += t.contribution;
  p.label = p.score >= config.number("/priority/bands/P1", 20)   ? "P1"
            : p.score >= config.number("/priority/bands/P2", 12) ? "P2"
            : p.score >= config.number("/priority/bands/P3", 6)  ? "P3"
                                                                 : "P4";
  return p;
}

}  // namespace caselog
