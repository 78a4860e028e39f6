// Helpers for process-level tests: temp folders, spawning the built binaries with pipes, and
// speaking framed native messaging to caselog-host. Shared by the host tests (host_*.cpp) and the
// CLI tests (cli_*.cpp) in this folder.
//
//   caselog::test::TempDir dir;
//   caselog::test::HostProcess host(dir, {"--no-view"});
//   auto hello = host.request({{"type", "hello"}, {"id", "1"}});
//   host.closeStdin();
//   EXPECT_EQ(host.wait(), 0);
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messaging/codec.hpp"

namespace caselog::test {

using namespace std::chrono_literals;

// A fresh folder under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }
  std::string dbPath() const { return file("caselog.db"); }  // what CASELOG_DB points at

 private:
  std::string path_;
};

// The environment every spawned binary gets: this process's, with HOME, XDG_*, CASELOG_DB and
// CASELOG_CONFIG pointed into `dir`, CASELOG_NOW and CASELOG_PORT removed; then `extra` on top
// (an empty value removes the variable).
std::vector<std::string> childEnvironment(const TempDir& dir,
                                          const std::map<std::string, std::string>& extra = {});

// caselog-host (or any binary speaking native messaging) on pipes. stderr goes to a file.
class HostProcess {
 public:
  HostProcess(const TempDir& dir, std::vector<std::string> args = {"--no-view"},
              std::map<std::string, std::string> env = {}, std::string binary = CASELOG_HOST_BIN);
  ~HostProcess();  // closes stdin, waits a little, then SIGKILLs
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  pid_t pid() const { return pid_; }

  // Raw bytes to the host's stdin. Returns false once the host no longer reads (EPIPE).
  bool writeRaw(std::string_view bytes);
  bool send(const nlohmann::json& message);  // one frame
  bool sendText(std::string_view payload);   // one frame with these exact bytes

  // The next frame from the host, or nothing on timeout / EOF.
  std::optional<nlohmann::json> readFrame(std::chrono::milliseconds timeout = 20s);
  // Sends a request and returns the answer whose id matches (pushes seen meanwhile are kept).
  nlohmann::json request(nlohmann::json message, std::chrono::milliseconds timeout = 20s);
  // Pushes (frames without an id, e.g. `reminder`) read so far by request().
  std::vector<nlohmann::json>& pushes() { return pushes_; }

  void closeStdin();
  // Waits for exit; returns the exit status, 128+signal when killed, -1 on timeout.
  int wait(std::chrono::milliseconds timeout = 20s);
  void kill(int signal);
  std::string stderrText() const;

 private:
  pid_t pid_ = -1;
  int in_ = -1;   // our end of its stdin
  int out_ = -1;  // our end of its stdout
  std::string stderrPath_;
  std::optional<int> status_;
  messaging::FrameDecoder decoder_{0xFFFFFFFFu};
  std::vector<nlohmann::json> pushes_;
  int requestCounter_ = 0;
};

struct RunResult {
  int exitCode = -1;  // 128+signal when killed
  std::string out;
  std::string err;
};

// Runs a binary to completion with `input` on stdin (e.g. the CLI). Kills it after `timeout`.
RunResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                     std::string_view input = {}, std::chrono::milliseconds timeout = 60s);

// The sqlite3 CLI's path (runProcess does no PATH search).
std::string sqlite3Binary();

// A case snapshot as the extension sends it: `messages` alternating seller/amazon, one per day.
nlohmann::json sampleCase(const std::string& caseId, int messages = 2, std::size_t bodyBytes = 0);
nlohmann::json captureRequest(const std::string& id, const nlohmann::json& caseJson);

}  // namespace caselog::test
