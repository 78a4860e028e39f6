#include "cli/serve_view.hpp"

#include <pthread.h>
#include <signal.h>

#include <csignal>

#include "cli/command.hpp"
#include "cli/json_out.hpp"
#include "core/error.hpp"
#include "web/history_view.hpp"

namespace caselog::cli {

namespace {

// Blocks SIGINT and SIGTERM in this thread before the view starts its worker threads (they inherit
// the mask), so the signal is taken only by sigwait() below. A shell starts background jobs with
// SIGINT ignored, and an ignored signal never reaches sigwait(): restore the default first.
sigset_t blockStopSignals() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

int serveUntilSignal(Context& ctx, std::optional<int> port) {
  ViewOptions options = ViewOptions::fromEnvironment();
  if (port) options.port = *port;
  const sigset_t stopSignals = blockStopSignals();
  HistoryView view(ctx.service, options);
  if (!view.tryStart())
    throw Error(ErrorCode::storage, "port " + std::to_string(options.port) +
                                        " is taken (another CaseLog may serve it already); try --port");
  if (ctx.json)
    printJson(ctx.out, {{"url", view.url()}, {"port", view.port()}});
  else
    ctx.out << "CaseLog history view: " << view.url() << "\n"
            << "(Ctrl-C to stop)\n";
  ctx.out.flush();
  int signal = 0;
  sigwait(&stopSignals, &signal);
  view.stop();
  return 0;
}

}  // namespace caselog::cli
