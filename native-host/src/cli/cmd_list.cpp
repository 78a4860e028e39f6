// caselog list: the cases, highest priority first, as an aligned table.
#include "cli/command.hpp"
#include "cli/format.hpp"
#include "cli/json_out.hpp"
#include "core/error.hpp"
#include "domain/category.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage =
    R"(Usage: caselog list [--status S] [--category C] [--sort priority|updated|created]
                    [--limit N] [--offset N] [--json]

Lists cases, highest priority first, as a table: priority label, score, case ID,
status, category, age (since the case was opened) and subject. Priorities older
than 6 hours are worked out again first, as time waiting counts in them.

  --status S      only cases with this status: open, pending_amazon, needs_seller,
                  answered, work_in_progress, resolved, closed, reopened, unknown
  --category C    only cases in this category (see 'caselog categorize --help')
  --sort KEY      priority (default), updated (latest activity first) or created
  --limit N       at most N cases (default 50, at most 1000)
  --offset N      skip the first N cases
)";

const std::vector<std::string>& statuses() {
  static const std::vector<std::string> s = {"open",     "pending_amazon",   "needs_seller",
                                             "answered", "work_in_progress", "resolved",
                                             "closed",   "reopened",         "unknown"};
  return s;
}

class ListCommand : public Command {
 public:
  std::string_view name() const override { return "list"; }
  std::string_view summary() const override { return "cases, highest priority first"; }
  std::string_view usage() const override { return kUsage; }
  std::vector<OptionSpec> options() const override {
    return {{"status", true}, {"category", true}, {"sort", true}, {"limit", true}, {"offset", true}};
  }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(0, "");
    CaseFilter filter;
    if (args.has("status")) filter.status = args.getChoice("status", "", statuses());
    if (auto c = args.get("category")) {
      if (!isCategoryKey(*c)) throw UsageError("unknown category '" + *c + "'");
      filter.category = *c;
    }
    filter.sort = args.getChoice("sort", "priority", {"priority", "updated", "created"});
    filter.limit = args.getInt("limit", 50, 1, 1000);
    filter.offset = args.getInt("offset", 0, 0, 100000000);
    // Without a host running nothing else refreshes them (the host does, every few seconds).
    ctx.service.reassessOverdueIfWritable();
    const CaseList list = ctx.service.listCases(filter);
    if (ctx.json) {
      nlohmann::json cases = nlohmann::json::array();
      for (std::size_t i = 0; i < list.cases.size(); ++i) {
        auto item = caseSummaryJson(list.cases[i]);
        if (i < list.priorities.size()) item["priority"] = toJson(list.priorities[i]);
        cases.push_back(std::move(item));
      }
      printJson(ctx.out, {{"total", list.total}, {"offset", filter.offset}, {"cases", cases}});
      return 0;
    }
    printTable(ctx, list, filter);
    return 0;
  }

 private:
  static void printTable(Context& ctx, const CaseList& list, const CaseFilter& filter) {
    if (list.cases.empty()) {
      ctx.out << (list.total == 0 ? "No cases yet. Capture one from Seller Central, or try 'caselog demo'.\n"
                                  : "No cases on this page.\n");
      return;
    }
    Table table({{"PRI"},
                 {"SCORE", true},
                 {"CASE"},
                 {"STATUS"},
                 {"CATEGORY"},
                 {"AGE", true},
                 {"SUBJECT", false, true}});
    const Instant now = ctx.service.now();
    for (std::size_t i = 0; i < list.cases.size(); ++i) {
      const CaseRecord& c = list.cases[i];
      const Priority p = i < list.priorities.size() ? list.priorities[i] : Priority{};
      char score[32];
      std::snprintf(score, sizeof score, "%.1f", p.score);
      table.addRow({p.label + (c.pinned ? "*" : ""), score, c.caseId, c.status, c.category,
                    formatAge(c.createdAt.value_or(c.firstCapturedAt), now), c.subject});
    }
    ctx.out << table.render(ctx.terminal.width);
    const std::size_t shown = static_cast<std::size_t>(filter.offset) + list.cases.size();
    if (shown < list.total)
      ctx.out << "(" << list.cases.size() << " of " << list.total << " cases; --limit/--offset for more)\n";
  }
};

}  // namespace

std::unique_ptr<Command> makeListCommand() {
  return std::make_unique<ListCommand>();
}

}  // namespace caselog::cli
