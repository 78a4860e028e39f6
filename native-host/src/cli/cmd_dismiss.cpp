// caselog dismiss ID RULE: dismiss one reminder until the case changes.
#include <algorithm>

#include "cli/command.hpp"
#include "cli/json_out.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog dismiss CASEID RULE [--json]

Dismisses one reminder of a case until the case changes (a new message or status)
or you snooze it. RULE is one of amazon_silent, needs_seller, generic_reopen,
follow_up, deadline (as 'caselog due' shows). The dismissal is an audit event.
)";

class DismissCommand : public Command {
 public:
  std::string_view name() const override { return "dismiss"; }
  std::string_view summary() const override { return "dismiss a reminder until the case changes"; }
  std::string_view usage() const override { return kUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(2, "CASEID and RULE");
    const std::string caseId = args.caseId(0);
    const auto& rule = args.positionals()[1];
    static const std::vector<std::string> rules = {"amazon_silent", "needs_seller", "generic_reopen",
                                                   "follow_up", "deadline"};
    if (std::find(rules.begin(), rules.end(), rule) == rules.end())
      throw UsageError(
          "RULE must be one of amazon_silent, needs_seller, generic_reopen, follow_up, deadline");
    ctx.service.dismissReminder(caseId, rule);
    if (ctx.json)
      printJson(ctx.out, {{"caseId", caseId}, {"dismissed", rule}});
    else
      ctx.out << "Dismissed " << rule << " for case " << caseId << ".\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeDismissCommand() {
  return std::make_unique<DismissCommand>();
}

}  // namespace caselog::cli
