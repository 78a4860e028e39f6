// caselog capture FILE.json|-: one snapshot through the same path as the host's `capture`.
#include "cli/command.hpp"
#include "cli/format.hpp"
#include "cli/input.hpp"
#include "cli/json_out.hpp"
#include "cli/snapshot_json.hpp"
#include "core/error.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog capture FILE.json [--json]
       caselog capture - [--json]          (read stdin)

Stores one captured page exactly as the extension would: what
'node extension/tools/parse-page.mjs PAGE.html --url URL' prints
({"page": "view-case", "case": {...}} or {"page": "case-list", "cases": [...]}),
or a bare case object. Capturing the same page twice changes nothing; new messages
are appended; a changed status is recorded as an event.
)";

void printOutcome(Context& ctx, const CaptureOutcome& o) {
  char score[32];
  std::snprintf(score, sizeof score, "%.1f", o.priority.score);
  ctx.out << "Case " << o.caseId << ": " << (o.created ? "new" : "updated") << ", " << o.newMessages
          << " new message" << (o.newMessages == 1 ? "" : "s");
  if (o.newVersions > 0) ctx.out << ", " << o.newVersions << " edited";
  if (o.statusChanged) ctx.out << ", status changed";
  ctx.out << " · " << o.priority.label << " (score " << score << ")\n";
  for (const auto& r : o.reminders)
    ctx.out << "  due: " << r.rule << " — " << sanitizeForTerminal(r.message, false) << "\n";
}

class CaptureCommand : public Command {
 public:
  std::string_view name() const override { return "capture"; }
  std::string_view summary() const override { return "store one captured page (FILE.json or - for stdin)"; }
  std::string_view usage() const override { return kUsage; }
  bool createsDatabase() const override { return true; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(1, "FILE.json (or - for stdin)");
    const std::string& path = args.positionals()[0];
    const std::string text = readAll(path, ctx.in);
    const nlohmann::json doc = parseJsonText(text, path == "-" ? "stdin" : path);
    CaptureDocument parsed = parseCaptureDocument(doc);
    if (parsed.source.page.empty()) parsed.source.page = "cli";
    if (parsed.isList) {
      const ListCaptureOutcome o = ctx.service.captureList(parsed.listEntries, parsed.source);
      if (ctx.json)
        printJson(ctx.out, toJson(o));
      else
        ctx.out << "Case list: " << o.cases << " cases, " << o.created << " new, " << o.updated
                << " updated\n";
      return 0;
    }
    const CaptureOutcome o = ctx.service.capture(parsed.cases.front(), parsed.source);
    if (ctx.json)
      printJson(ctx.out, toJson(o));
    else
      printOutcome(ctx, o);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeCaptureCommand() {
  return std::make_unique<CaptureCommand>();
}

}  // namespace caselog::cli
