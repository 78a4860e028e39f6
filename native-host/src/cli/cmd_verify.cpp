// caselog verify: recompute the audit hash chain.
#include "cli/command.hpp"
#include "cli/json_out.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog verify [--json]

Recomputes the audit trail's hash chain: every event's SHA-256 over the previous
hash and its own content, and every stored message the events cover. Exits 0 when
the chain is intact, and 1 naming the first bad event when anything was changed.
)";

class VerifyCommand : public Command {
 public:
  std::string_view name() const override { return "verify"; }
  std::string_view summary() const override { return "re-check the audit hash chain"; }
  std::string_view usage() const override { return kUsage; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(0, "");
    const VerifyReport r = ctx.service.verify();
    if (ctx.json) printJson(ctx.out, toJson(r));
    if (!r.ok) {
      ctx.out.flush();
      ctx.err << "caselog: audit chain broken at event "
              << (r.firstBadSeq ? std::to_string(*r.firstBadSeq) : "?") << ": " << r.problem << "\n";
      return 1;
    }
    if (!ctx.json)
      ctx.out << "Audit chain intact: " << r.checked << " events checked, head "
              << (r.headHash.empty() ? "(empty)" : r.headHash) << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeVerifyCommand() {
  return std::make_unique<VerifyCommand>();
}

}  // namespace caselog::cli
