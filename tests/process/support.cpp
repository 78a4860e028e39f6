#include "process/support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/time.hpp"

extern char** environ;

namespace caselog::test {

namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    read = fds[0];
    write = fds[1];
  }
};

void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

int remainingMs(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

int decodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Spawns argv with the given environment; stdin/stdout from the given fds, stderr to errFd.
pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env, int inFd, int outFd,
            int errFd) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, inFd, 0);
  posix_spawn_file_actions_adddup2(&actions, outFd, 1);
  posix_spawn_file_actions_adddup2(&actions, errFd, 2);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  return pid;
}

const bool kIgnoreSigpipe = [] {
  ::signal(SIGPIPE, SIG_IGN);  // a host that died must fail a write, not kill the test
  return true;
}();

}  // namespace

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/caselog-test-XXXXXX";
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::vector<std::string> childEnvironment(const TempDir& dir,
                                          const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const auto eq = entry.find('=');
    if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const char* drop : {"CASELOG_NOW", "CASELOG_PORT", "XDG_DATA_HOME", "XDG_CONFIG_HOME"})
    vars.erase(drop);
  vars["HOME"] = dir.path();
  vars["CASELOG_DB"] = dir.dbPath();
  vars["CASELOG_CONFIG"] = dir.file("config.json");
  for (const auto& [k, v] : extra) {
    if (v.empty())
      vars.erase(k);
    else
      vars[k] = v;
  }
  std::vector<std::string> out;
  for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
  return out;
}

HostProcess::HostProcess(const TempDir& dir, std::vector<std::string> args,
                         std::map<std::string, std::string> env, std::string binary) {
  static int counter = 0;
  stderrPath_ =
      dir.file("host-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".log");
  const int errFd = ::open(stderrPath_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (errFd < 0) throw std::runtime_error("cannot create " + stderrPath_);
  Pipe in, out;
  args.insert(args.begin(), binary);
  pid_ = spawn(args, childEnvironment(dir, env), in.read, out.write, errFd);
  ::close(in.read);
  ::close(out.write);
  ::close(errFd);
  in_ = in.write;
  out_ = out.read;
}

HostProcess::~HostProcess() {
  closeStdin();
  if (!status_ && wait(5s) < 0) {
    kill(SIGKILL);
    wait(5s);
  }
  closeFd(out_);
}

bool HostProcess::writeRaw(std::string_view bytes) {
  while (!bytes.empty()) {
    if (in_ < 0) return false;
    const ssize_t n = ::write(in_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool HostProcess::send(const nlohmann::json& message) {
  return sendText(message.dump());
}

bool HostProcess::sendText(std::string_view payload) {
  return writeRaw(messaging::encodeFrameUnchecked(payload));
}

std::optional<nlohmann::json> HostProcess::readFrame(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (decoder_.next() == messaging::FrameDecoder::Status::frame)
      return nlohmann::json::parse(decoder_.payload());
    if (out_ < 0) return std::nullopt;
    pollfd p{out_, POLLIN, 0};
    const int ready = ::poll(&p, 1, remainingMs(deadline));
    if (ready == 0) return std::nullopt;  // timeout
    if (ready < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    char buf[65536];
    const ssize_t n = ::read(out_, buf, sizeof buf);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      closeFd(out_);
      return std::nullopt;
    }
    decoder_.feed(buf, static_cast<std::size_t>(n));
  }
}

nlohmann::json HostProcess::request(nlohmann::json message, std::chrono::milliseconds timeout) {
  if (!message.contains("id")) message["id"] = "req-" + std::to_string(++requestCounter_);
  const nlohmann::json id = message["id"];
  if (!send(message)) throw std::runtime_error("the host no longer reads its input");
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    auto frame = readFrame(std::chrono::milliseconds(remainingMs(deadline)));
    if (!frame)
      throw std::runtime_error("no answer to " + message.dump().substr(0, 200) + "\nhost stderr:\n" +
                               stderrText());
    if (frame->contains("id") && (*frame)["id"] == id) return *frame;
    pushes_.push_back(std::move(*frame));
  }
}

void HostProcess::closeStdin() {
  closeFd(in_);
}

int HostProcess::wait(std::chrono::milliseconds timeout) {
  if (status_) return *status_;
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      status_ = decodeStatus(status);
      return *status_;
    }
    if (Clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(5ms);
  }
}

void HostProcess::kill(int signal) {
  if (!status_) ::kill(pid_, signal);
}

std::string HostProcess::stderrText() const {
  std::ifstream in(stderrPath_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                     std::string_view input, std::chrono::milliseconds timeout) {
  Pipe in, out, err;
  const pid_t pid = spawn(argv, env, in.read, out.write, err.write);
  ::close(in.read);
  ::close(out.write);
  ::close(err.write);
  RunResult result;
  int inFd = in.write;
  if (input.empty()) closeFd(inFd);
  const auto deadline = Clock::now() + timeout;
  int fds[2] = {out.read, err.read};
  std::string* sinks[2] = {&result.out, &result.err};
  while ((fds[0] >= 0 || fds[1] >= 0) && Clock::now() < deadline) {
    pollfd p[3] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}, {inFd, POLLOUT, 0}};
    if (::poll(p, 3, remainingMs(deadline)) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i] < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      const ssize_t n = ::read(fds[i], buf, sizeof buf);
      if (n > 0)
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      else
        closeFd(fds[i]);
    }
    if (inFd >= 0 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = ::write(inFd, input.data(), input.size());
      if (n > 0) input.remove_prefix(static_cast<std::size_t>(n));
      if (n < 0 || input.empty()) closeFd(inFd);
    }
  }
  closeFd(inFd);
  closeFd(fds[0]);
  closeFd(fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() >= deadline) ::kill(pid, SIGKILL);
    std::this_thread::sleep_for(5ms);
  }
  result.exitCode = decodeStatus(status);
  return result;
}

std::string sqlite3Binary() {
  for (const char* p : {"/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"})
    if (std::filesystem::exists(p)) return p;
  return "sqlite3";
}

nlohmann::json sampleCase(const std::string& caseId, int messages, std::size_t bodyBytes) {
  const Instant start = *parseIso8601("2026-11-01T09:00:00Z");
  nlohmann::json thread = nlohmann::json::array();
  for (int i = 0; i < messages; ++i) {
    const bool seller = i % 2 == 0;
    std::string body = seller
                           ? "Hello, my listing B08XYZ1234 was suppressed for the main image. Message " +
                                 std::to_string(i) + " of case " + caseId + "."
                           : "Thank you for contacting Amazon Seller Support about case " + caseId +
                                 ". Reply " + std::to_string(i) + ": please upload a compliant main image.";
    while (body.size() < bodyBytes) body += " The image must have a pure white background.";
    thread.push_back({{"author", seller ? "seller" : "amazon"},
                      {"sender", seller ? "Acme Goods" : "Amazon Seller Support"},
                      {"sentAt", formatIso8601(start + std::chrono::hours(i))},
                      {"body", body}});
  }
  return {{"caseId", caseId},
          {"marketplace", "sellercentral.amazon.com"},
          {"subject", "Listing suppressed for B08XYZ1234 - incorrect main image"},
          {"status", "Pending Amazon action"},
          {"category", "Listing"},
          {"createdAt", "2026-11-01T09:00:00Z"},
          {"messages", thread}};
}

nlohmann::json captureRequest(const std::string& id, const nlohmann::json& caseJson) {
  return {{"type", "capture"},
          {"id", id},
          {"source",
           {{"url", "https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=" +
                        caseJson.value("caseId", std::string())},
            {"capturedAt", "2026-11-21T10:00:00Z"},
            {"page", "view-case"},
            {"parser", "test/1"}}},
          {"case", caseJson}};
}

}  // namespace caselog::test
