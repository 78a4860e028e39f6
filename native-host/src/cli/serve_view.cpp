#include "cli/serve_view.hpp"

#include <pthread.h>
#include <signal.h>

#include <csignal>
#include <ctime>
#include <iostream>
#include <mutex>

#include "cli/command.hpp"
#include "cli/json_out.hpp"
#include "core/error.hpp"
#include "service/case_service.hpp"
#include "web/history_view.hpp"

namespace caselog::cli {

namespace {

// Blocks SIGINT and SIGTERM in this thread before the view starts its worker threads (they inherit
// the mask), so the signal is taken only by sigtimedwait() below. A shell starts background jobs with
// SIGINT ignored, and an ignored signal never reaches sigtimedwait(): restore the default first.
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

// Priorities count the time a case has waited: those older than 6 hours are worked out again
// now and then, as a host does, a few cases at a time between the view's requests (each slice
// takes the view's lock for about ten milliseconds; CaseService::refreshDueIfWritable).
void refreshPriorities(CaseService& service, std::mutex& serviceMutex) {
  constexpr std::size_t kSlice = 5;
  for (;;) {
    std::lock_guard lock(serviceMutex);
    const auto done = service.refreshDueIfWritable(kSlice);
    if (!done || *done < kSlice) return;
  }
}

}  // namespace

int serveUntilSignal(Context& ctx, std::optional<int> port) {
  ViewOptions options = ViewOptions::fromEnvironment();
  if (port) options.port = *port;
  options.serviceMutex = std::make_shared<std::mutex>();
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
  for (;;) {
    refreshPriorities(ctx.service, *options.serviceMutex);
    timespec interval{60, 0};
    if (sigtimedwait(&stopSignals, nullptr, &interval) >= 0) break;  // else EAGAIN (a minute) or EINTR
  }
  view.stop();
  return 0;
}

}  // namespace caselog::cli
