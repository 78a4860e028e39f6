// caselog serve: the history view without a browser extension.
#include "cli/command.hpp"
#include "cli/serve_view.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog serve [--port P] [--json]

Runs the history view on 127.0.0.1 until Ctrl-C (SIGINT) or SIGTERM, and prints
its address with the access token:
  CaseLog history view: http://127.0.0.1:8731/?token=…

  --port P   the port (default: $CASELOG_PORT, else 8731; 0 picks a free one)
)";

class ServeCommand : public Command {
 public:
  std::string_view name() const override { return "serve"; }
  std::string_view summary() const override { return "run the history view in the browser"; }
  std::string_view usage() const override { return kUsage; }
  std::vector<OptionSpec> options() const override { return {{"port", true}}; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(0, "");
    std::optional<int> port;
    if (args.has("port")) port = args.getInt("port", 8731, 0, 65535);
    return serveUntilSignal(ctx, port);
  }
};

}  // namespace

std::unique_ptr<Command> makeServeCommand() {
  return std::make_unique<ServeCommand>();
}

}  // namespace caselog::cli
