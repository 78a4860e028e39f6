// caselog categorize ID CATEGORY: the seller's category override.
#include "cli/command.hpp"
#include "cli/json_out.hpp"
#include "domain/category.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

class CategorizeCommand : public Command {
 public:
  CategorizeCommand() {
    usage_ =
        "Usage: caselog categorize CASEID CATEGORY [--json]\n\n"
        "Sets the case's category, overriding what CaseLog inferred from the page and the\n"
        "messages. The category weighs on the priority and the suggested team. CATEGORY:\n";
    for (const auto& key : categoryKeys())
      usage_ += "  " + key + std::string(20 - std::min<std::size_t>(19, key.size()), ' ') +
                categoryLabel(key) + "\n";
  }
  std::string_view name() const override { return "categorize"; }
  std::string_view summary() const override { return "set a case's category yourself"; }
  std::string_view usage() const override { return usage_; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(2, "CASEID and CATEGORY");
    const std::string caseId = args.caseId(0);
    const auto& category = args.positionals()[1];
    if (!isCategoryKey(category)) throw UsageError("unknown category '" + category + "'");
    ctx.service.setCategory(caseId, category);
    if (ctx.json)
      printJson(ctx.out, {{"caseId", caseId}, {"category", category}});
    else
      ctx.out << "Case " << caseId << " is now in " << categoryLabel(category) << ".\n";
    return 0;
  }

 private:
  std::string usage_;
};

}  // namespace

std::unique_ptr<Command> makeCategorizeCommand() {
  return std::make_unique<CategorizeCommand>();
}

}  // namespace caselog::cli
