// caselog-host: started by the browser with the native-messaging port on stdin/stdout.
// Parses arguments, claims stdout, opens the store, starts the history view when its port is
// free, and runs the host loop (messaging/host_loop.hpp). Logs go to stderr.
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/time.hpp"
#include "domain/config.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/host_loop.hpp"
#include "messaging/unavailable.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"
#include "web/history_view.hpp"

namespace {

constexpr const char* kUsage =
    "usage: caselog-host [chrome-extension://ID/ | MANIFEST EXTENSION-ID] [--db PATH] [--now ISO]\n"
    "                    [--max-frame BYTES] [--no-view] [--version]\n"
    "Started by the browser: speaks the CaseLog native-messaging protocol on stdin/stdout.\n";

struct Args {
  std::string db;
  std::optional<caselog::Instant> now;
  std::uint32_t maxFrame = caselog::messaging::kDefaultMaxFrame;
  bool view = true;
  bool version = false;
  std::string origin;  // the caller the browser names (logged only)
};

[[noreturn]] void usageError(const std::string& message) {
  std::cerr << "caselog-host: " << message << "\n" << kUsage;
  std::exit(2);
}

std::uint32_t parseMaxFrame(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long n = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || n < 1024 || n > 0xFFFFFFFFull) {
    usageError("--max-frame must be a byte count between 1024 and 4294967295");
  }
  return static_cast<std::uint32_t>(n);
}

Args parseArgs(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usageError(std::string(a) + " needs a value");
      return argv[++i];
    };
    if (a == "--db") {
      args.db = value();
    } else if (a == "--now") {
      args.now = caselog::parseIso8601(value());
      if (!args.now) usageError("--now must be an ISO 8601 instant, e.g. 2026-11-20T14:05:00Z");
    } else if (a == "--max-frame") {
      args.maxFrame = parseMaxFrame(value());
    } else if (a == "--no-view") {
      args.view = false;
    } else if (a == "--version") {
      args.version = true;
    } else if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (a.starts_with("--parent-window=")) {
      // Chrome on Windows names its window; nothing to do with it.
    } else if (a.starts_with("-")) {
      usageError("unknown option " + std::string(a));
    } else if (args.origin.empty()) {
      args.origin = a;  // chrome-extension://ID/, or Firefox's manifest path then the add-on ID
    }
  }
  return args;
}

std::chrono::milliseconds reminderInterval(const caselog::Config& config) {
  const auto pointer = nlohmann::json::json_pointer("/host/reminderIntervalSeconds");
  if (config.values.contains(pointer) && config.values[pointer].is_number() && config.values[pointer] > 0) {
    return std::chrono::milliseconds(static_cast<long long>(config.values[pointer].get<double>() * 1000));
  }
  return std::chrono::seconds(60);
}

caselog::Config loadConfig() {
  try {
    return caselog::Config::load(caselog::defaultConfigPath());
  } catch (const caselog::Error& e) {
    std::cerr << "caselog-host: " << e.what() << "; using the default configuration\n";
    return caselog::Config::defaults();
  }
}

// Starts the history view when its port is free; returns its URL, or nothing. A view that cannot
// start (a bad CASELOG_PORT, a token file that cannot be written) is logged, never fatal.
std::optional<std::string> startView(std::unique_ptr<caselog::HistoryView>& view,
                                     caselog::CaseService& service, std::shared_ptr<std::mutex> mutex) {
  try {
    auto options = caselog::ViewOptions::fromEnvironment();
    options.serviceMutex = std::move(mutex);
    view = std::make_unique<caselog::HistoryView>(service, options);
    if (view->tryStart()) return view->url();
    std::cerr << "caselog-host: history view port is taken; another instance serves it\n";
  } catch (const std::exception& e) {
    std::cerr << "caselog-host: history view not started: " << e.what() << "\n";
  }
  return std::nullopt;
}

int serve(const Args& args, int out) {
  const std::string dbPath = args.db.empty() ? caselog::defaultDbPath() : args.db;
  const caselog::Config config = loadConfig();
  std::unique_ptr<caselog::Store> store;
  try {
    store = caselog::openSqliteStore(dbPath);
  } catch (const caselog::Error& e) {
    std::cerr << "caselog-host: " << e.what() << "\n";
    return caselog::messaging::runUnavailable(0, out, args.maxFrame,
                                              "cannot open the database " + dbPath + ": " + e.what());
  }
  caselog::CaseService service(*store, config,
                               args.now ? caselog::fixedClock(*args.now) : caselog::systemClock());
  auto mutex = std::make_shared<std::mutex>();

  caselog::messaging::HostInfo info{CASELOG_VERSION, dbPath, std::nullopt};
  std::unique_ptr<caselog::HistoryView> view;
  if (args.view) info.viewUrl = startView(view, service, mutex);
  caselog::messaging::Dispatcher dispatcher(service, info, mutex);
  caselog::messaging::HostLoopOptions loop;
  loop.outFd = out;
  loop.maxFrame = args.maxFrame;
  loop.reminderInterval = reminderInterval(config);
  const int code = caselog::messaging::runHostLoop(dispatcher, loop);
  if (view) view->stop();
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a browser that went away is an error on write, not a crash
  const Args args = parseArgs(argc, argv);
  if (args.version) {
    std::cout << "caselog-host " << CASELOG_VERSION << "\n";
    return 0;
  }
  try {
    const int out = caselog::messaging::claimStdout();
    if (!args.origin.empty()) std::cerr << "caselog-host: started for " << args.origin << "\n";
    return serve(args, out);
  } catch (const std::exception& e) {
    std::cerr << "caselog-host: " << e.what() << "\n";
    return 1;
  }
}
