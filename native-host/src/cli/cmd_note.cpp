// caselog note ID TEXT: attach a note to a case (an audit event; searchable).
#include "cli/command.hpp"
#include "cli/input.hpp"
#include "cli/json_out.hpp"
#include "core/error.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog note CASEID TEXT... [--json]
       caselog note CASEID -                (read the note from stdin)

Adds a note to a case: what you did, what you promised, a phone call. Notes are
kept in the audit trail and found by 'caselog search'.
)";

class NoteCommand : public Command {
 public:
  std::string_view name() const override { return "note"; }
  std::string_view summary() const override { return "add a note to a case"; }
  std::string_view usage() const override { return kUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(2, "CASEID and TEXT", true);
    const auto& pos = args.positionals();
    const std::string caseId = args.caseId(0);
    std::string text;
    if (pos.size() == 2 && pos[1] == "-") {
      text = readAll("-", ctx.in);
    } else {
      for (std::size_t i = 1; i < pos.size(); ++i) text += (i > 1 ? " " : "") + pos[i];
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw UsageError("the note is empty");
    const Note n = ctx.service.addNote(caseId, text);
    if (ctx.json)
      printJson(ctx.out, {{"caseId", caseId}, {"note", toJson(n)}});
    else
      ctx.out << "Noted on case " << caseId << ".\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeNoteCommand() {
  return std::make_unique<NoteCommand>();
}

}  // namespace caselog::cli
