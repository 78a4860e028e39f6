// caselog demo: fill a fresh database with sample cases and open the history view.
#include "cli/command.hpp"
#include "cli/json_out.hpp"
#include "cli/serve_view.hpp"
#include "core/error.hpp"
#include "service/case_service.hpp"
#include "service/demo_data.hpp"
#include "storage/store.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog demo [--cases N] [--seed S] [--port P] [--no-serve] [--json]

Fills a fresh database with realistic sample cases from the last six months, so
you can try every feature without a seller account: every category and status,
generic and specific Amazon replies in six languages, recurring issues, due
reminders, long threads. Then runs the history view and prints its address
(Ctrl-C stops it). The cases are stored exactly as captured ones are.

  --cases N    how many cases (default 60; up to 1000000)
  --seed S     another seed gives another, equally deterministic, history
  --port P     the history view's port (default: $CASELOG_PORT, else 8731)
  --no-serve   only fill the database

Use a database of its own, e.g.  caselog --db /tmp/caselog-demo.db demo
)";

class DemoCommand : public Command {
 public:
  std::string_view name() const override { return "demo"; }
  std::string_view summary() const override { return "fill a fresh database with sample cases and serve it"; }
  std::string_view usage() const override { return kUsage; }
  bool createsDatabase() const override { return true; }
  std::vector<OptionSpec> options() const override {
    return {{"cases", true}, {"seed", true}, {"port", true}, {"no-serve", false}};
  }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(0, "");
    DemoOptions options;
    options.cases = args.getInt("cases", 60, 1, 1000000);
    options.seed = static_cast<std::uint64_t>(args.getInt("seed", 1, 0, 1000000000));
    options.now = ctx.service.now();
    std::optional<int> port;
    if (args.has("port")) port = args.getInt("port", 8731, 0, 65535);

    const auto existing = ctx.service.store().caseIds(false).size();
    if (existing > 0)
      throw Error(ErrorCode::bad_request,
                  "the database " + ctx.dbPath + " already holds " + std::to_string(existing) +
                      " cases; the demo needs a fresh one (--db /tmp/caselog-demo.db)");
    const DemoData data = generateDemoData(options);
    const bool tty = ctx.terminal.stderrTty;
    DemoLoadResult r;
    bool lineOpen = false;  // the terminal's progress line, not ended yet
    try {
      r = loadDemoData(ctx.service, data, [&](std::size_t done, std::size_t total) {
        if (!tty) return;
        ctx.err << "\rfilling… " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
        lineOpen = done != total;
      });
    } catch (const StorageUnavailable& e) {
      // A full disk, a lock held too long: what is stored stays (and verifies), but a demo half
      // filled is no demo, and running it again on this file is refused (it is not fresh).
      if (lineOpen) ctx.err << "\n";
      ctx.err << "caselog: the demo stopped: " << e.what() << "\n";
      std::string stored = "some";
      try {
        stored = std::to_string(ctx.service.store().caseIds(false).size());
      } catch (const std::exception&) {  // the count is a courtesy: the error above is what matters
      }
      ctx.err << "caselog: " << stored << " of " << data.cases.size() << " sample cases are stored in "
              << ctx.dbPath << "; once this is fixed, run the demo again with a fresh database (--db FILE)\n";
      return 1;
    }
    if (ctx.json && args.has("no-serve")) {
      printJson(ctx.out,
                {{"db", ctx.dbPath}, {"cases", r.cases}, {"messages", r.messages}, {"failed", r.failed}});
    } else if (!ctx.json) {
      ctx.out << "Demo: " << r.cases << " cases with " << r.messages << " messages in " << ctx.dbPath << "\n"
              << "Try: caselog --db " << ctx.dbPath
              << " list   (or due, stats, show ID, search \"reimbursement\")\n";
    }
    if (r.failed > 0)
      throw Error(ErrorCode::internal, std::to_string(r.failed) + " demo cases could not be stored");
    if (args.has("no-serve")) return 0;
    return serveUntilSignal(ctx, port);
  }
};

}  // namespace

std::unique_ptr<Command> makeDemoCommand() {
  return std::make_unique<DemoCommand>();
}

}  // namespace caselog::cli
