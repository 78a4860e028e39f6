// The history view: a local web UI over the CaseService, served by Poco's HTTPServer on
// 127.0.0.1 only. The host starts it when the port is free (the first instance serves it);
// `caselog serve` and `caselog demo` run it in the foreground.
//
//   caselog::HistoryView view(service, caselog::ViewOptions::fromEnvironment());
//   if (view.tryStart()) std::cout << "CaseLog history view: " << view.url() << "\n";
//   ...
//   view.stop();  // also done by the destructor
//
// Threads: requests are answered on the view's own bounded worker pool. Every call into the
// CaseService is made while holding ViewOptions::serviceMutex, so a host that uses the same
// CaseService from its own loop passes its mutex here (or gives the view its own CaseService
// over its own Store: SQLite in WAL mode serves both).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

namespace caselog {

class CaseService;

struct ViewOptions {
  int port = 8731;                           // 0: an ephemeral port (tests); port() tells which one
  std::string tokenPath;                     // empty: configDir()/view-token
  int maxThreads = 8;                        // worker pool bound
  int maxQueued = 64;                        // connections waiting beyond that are refused
  std::size_t maxRequestBody = 64 * 1024;    // larger POST bodies get 413
  std::shared_ptr<std::mutex> serviceMutex;  // empty: the view makes its own

  // Defaults with CASELOG_PORT applied (a bad value throws caselog::Error(bad_request)).
  static ViewOptions fromEnvironment();
};

class HistoryView {
 public:
  HistoryView(CaseService& service, ViewOptions options);
  ~HistoryView();
  HistoryView(const HistoryView&) = delete;
  HistoryView& operator=(const HistoryView&) = delete;

  // Loads (or creates, mode 0600) the token and starts listening on 127.0.0.1:port.
  // Returns false when the port is already taken (another instance serves it);
  // other failures throw caselog::Error.
  bool tryStart();
  void stop();
  bool running() const;

  int port() const;             // the bound port once started
  std::string url() const;      // http://127.0.0.1:P/?token=…  (what to open in a browser)
  std::string baseUrl() const;  // http://127.0.0.1:P
  const std::string& token() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The per-install secret: read from `path`, or 32 random bytes (hex) written there with mode
// 0600 on first use. Throws caselog::Error(storage) when it can be neither read nor written.
std::string loadOrCreateToken(const std::string& path);

}  // namespace caselog
