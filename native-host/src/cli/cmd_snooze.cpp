// caselog snooze ID UNTIL: quiet a case's reminders until a follow-up date.
#include "cli/command.hpp"
#include "cli/format.hpp"
#include "cli/json_out.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog snooze CASEID UNTIL [--json]

Quiets the case's reminders until UNTIL, and reminds you to follow up then
(the follow_up reminder). UNTIL is an ISO 8601 date or instant (2026-12-01,
2026-12-01T09:00:00Z) or an offset from now: 90m, 12h, 3d, 2w.
)";

class SnoozeCommand : public Command {
 public:
  std::string_view name() const override { return "snooze"; }
  std::string_view summary() const override { return "quiet a case until a follow-up date"; }
  std::string_view usage() const override { return kUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(2, "CASEID and UNTIL");
    const std::string caseId = args.caseId(0);
    const auto until = parseWhen(args.positionals()[1], ctx.service.now());
    if (!until)
      throw UsageError("UNTIL must be a date (2026-12-01), an instant or an offset like 3d, not '" +
                       args.positionals()[1] + "'");
    ctx.service.snooze(caseId, *until);
    if (ctx.json)
      printJson(ctx.out, {{"caseId", caseId}, {"snoozedUntil", formatIso8601(*until)}});
    else
      ctx.out << "Case " << caseId << " snoozed until " << formatWhen(*until) << ".\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeSnoozeCommand() {
  return std::make_unique<SnoozeCommand>();
}

}  // namespace caselog::cli
