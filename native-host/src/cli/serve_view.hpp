// Runs the history view in the foreground until SIGINT or SIGTERM (caselog serve, caselog demo).
#pragma once

#include <optional>

namespace caselog::cli {

struct Context;

// Starts the view on `port` (default: CASELOG_PORT, else 8731), prints
// "CaseLog history view: http://127.0.0.1:P/?token=…" (or JSON with --json), waits for a signal.
// A taken port is a caselog::Error naming it.
int serveUntilSignal(Context& ctx, std::optional<int> port);

}  // namespace caselog::cli
