// caselog due: the reminders due now, highest priority first.
#include "cli/command.hpp"
#include "cli/format.hpp"
#include "cli/json_out.hpp"
#include "cli/terminal.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog due [--json]

Lists the reminders due now, most important case first: Amazon silent past the
expected reply time (amazon_silent), Amazon waiting on you (needs_seller), a generic
reply worth reopening while you still can (generic_reopen), a follow-up date you set
(follow_up) and an approaching deadline (deadline). Priorities older than 6 hours
are worked out again first. 'caselog snooze' and 'caselog dismiss' quiet a reminder.
)";

class DueCommand : public Command {
 public:
  std::string_view name() const override { return "due"; }
  std::string_view summary() const override { return "reminders due now"; }
  std::string_view usage() const override { return kUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(0, "");
    // due() reads the reminder schedule every capture and reassessment keeps, and loads only the
    // cases it names; their order is their priority's, refreshed here as `list` does.
    ctx.service.reassessOverdueIfWritable();
    const auto due = ctx.service.due();
    if (ctx.json) {
      printJson(ctx.out, {{"reminders", toJsonArray(due)}});
      return 0;
    }
    if (due.empty()) {
      ctx.out << "Nothing due.\n";
      return 0;
    }
    // The subject is cut to a fixed width so the reminder, the part to act on, gets the rest.
    Table t({{"CASE"}, {"RULE"}, {"SINCE", true}, {"SUBJECT"}, {"REMINDER", false, true}});
    const Instant now = ctx.service.now();
    for (const auto& r : due)
      t.addRow({r.caseId, r.rule, formatAge(r.dueAt, now),
                truncateToWidth(sanitizeForTerminal(r.subject, false), 28), r.message});
    ctx.out << t.render(ctx.terminal.width);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeDueCommand() {
  return std::make_unique<DueCommand>();
}

}  // namespace caselog::cli
