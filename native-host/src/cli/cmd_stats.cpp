// caselog stats: trends across cases.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "cli/command.hpp"
#include "cli/format.hpp"
#include "cli/json_out.hpp"
#include "domain/category.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog stats [--json]

Trends across all cases: cases per category and week over the last 26 weeks,
median time to Amazon's first reply and to resolution per category, recurring
issues (the same ASIN, shipment or SKU, or near-identical subjects, three or more
times within 90 days) with a hint at the cause, the generic-reply rate and the
reopen rate.
)";

std::string percent(double rate) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", rate * 100);
  return buf;
}

// One week's cell: "▁" for no case, "▂" to "█" by count against the busiest week of any category.
// Never a space: the table keeps every cell on one line by collapsing whitespace runs and trims
// the end of each line, which turned 26 weeks with a few cases into a handful of characters.
const char* weekCell(int cases, int max) {
  static const char* bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  return bars[cases <= 0 || max <= 0 ? 0 : 1 + (cases * 6) / max];
}

// One sparkline per category (those of t.times too), a cell per week of perWeek, oldest left.
std::map<std::string, std::string> sparklines(const Trends& t) {
  std::set<std::string> weeks;
  int max = 0;
  for (const auto& w : t.perWeek) {
    weeks.insert(w.weekStart);
    max = std::max(max, w.cases);
  }
  const std::vector<std::string> order(weeks.begin(), weeks.end());
  std::map<std::string, std::vector<int>> counts;
  for (const auto& c : t.times) counts[c.category].resize(order.size());
  for (const auto& w : t.perWeek) {
    auto& row = counts[w.category];
    row.resize(order.size());
    row[static_cast<std::size_t>(std::lower_bound(order.begin(), order.end(), w.weekStart) -
                                 order.begin())] += w.cases;
  }
  std::map<std::string, std::string> out;
  for (const auto& [category, row] : counts) {
    std::string line;
    for (int n : row) line += weekCell(n, max);
    out[category] = line;
  }
  return out;
}

void printHuman(Context& ctx, const Trends& t) {
  auto& o = ctx.out;
  o << "Cases " << t.cases << "   reopened " << t.reopenedCases << " (" << percent(t.reopenRate)
    << ")   Amazon replies " << t.amazonReplies << "   generic " << t.genericReplies << " ("
    << percent(t.genericReplyRate) << ")\n";
  if (t.unassessedReplies > 0)
    o << t.unassessedReplies << " Amazon replies are not assessed yet (the host assesses them in the "
      << "background) and are left out of the generic rate.\n";
  o << "\n";
  const auto lines = sparklines(t);
  Table table(
      {{"CATEGORY"}, {"CASES", true}, {"1ST REPLY", true}, {"RESOLVED IN", true}, {"PER WEEK (26 weeks)"}});
  for (const auto& c : t.times) {
    auto it = lines.find(c.category);
    table.addRow({categoryLabel(c.category), std::to_string(c.cases), formatHours(c.medianHoursToFirstReply),
                  formatHours(c.medianHoursToResolution), it == lines.end() ? "" : it->second});
  }
  o << table.render(ctx.terminal.width);
  o << "(median times; '-' where there is no data yet)\n";
  if (t.recurring.empty()) {
    o << "\nNo recurring issues.\n";
    return;
  }
  o << "\nRecurring issues\n";
  for (const auto& r : t.recurring) {
    std::string ids;
    for (const auto& id : r.caseIds) ids += (ids.empty() ? "" : ", ") + id;
    o << "  " << categoryLabel(r.category) << ": " << r.kind << " " << sanitizeForTerminal(r.key, false)
      << " — " << r.caseIds.size() << " cases (" << ids << ")\n";
    if (!r.hint.empty()) o << "    → " << sanitizeForTerminal(r.hint, false) << "\n";
  }
}

class StatsCommand : public Command {
 public:
  std::string_view name() const override { return "stats"; }
  std::string_view summary() const override {
    return "trends: categories per week, recurring issues, reply times";
  }
  std::string_view usage() const override { return kUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(0, "");
    const Trends t = ctx.service.trends();
    if (ctx.json)
      printJson(ctx.out, toJson(t));
    else
      printHuman(ctx, t);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeStatsCommand() {
  return std::make_unique<StatsCommand>();
}

}  // namespace caselog::cli
