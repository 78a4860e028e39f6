// caselog pin ID / caselog unpin ID: the manual priority boost. One class, two table entries.
#include "cli/command.hpp"
#include "cli/json_out.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kPinUsage = R"(Usage: caselog pin CASEID [--json]

Pins a case: it gets the 'pin' priority term and stays near the top of the list.
'caselog unpin CASEID' removes it.
)";

constexpr const char* kUnpinUsage = R"(Usage: caselog unpin CASEID [--json]

Removes the pin from a case (see 'caselog pin').
)";

class PinCommand : public Command {
 public:
  explicit PinCommand(bool pin) : pin_(pin) {}
  std::string_view name() const override { return pin_ ? "pin" : "unpin"; }
  std::string_view summary() const override { return pin_ ? "pin a case to the top" : "remove a pin"; }
  std::string_view usage() const override { return pin_ ? kPinUsage : kUnpinUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(1, "CASEID");
    const std::string caseId = args.caseId(0);
    ctx.service.setPinned(caseId, pin_);
    if (ctx.json)
      printJson(ctx.out, {{"caseId", caseId}, {"pinned", pin_}});
    else
      ctx.out << "Case " << caseId << (pin_ ? " pinned.\n" : " unpinned.\n");
    return 0;
  }

 private:
  bool pin_;
};

}  // namespace

std::unique_ptr<Command> makePinCommand() {
  return std::make_unique<PinCommand>(true);
}
std::unique_ptr<Command> makeUnpinCommand() {
  return std::make_unique<PinCommand>(false);
}

}  // namespace caselog::cli
