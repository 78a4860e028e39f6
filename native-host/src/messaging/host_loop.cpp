#include "messaging/host_loop.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <boost/asio.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <iostream>
#include <optional>
#include <string>
#include <utility>

#include "core/json_text.hpp"
#include "messaging/protocol_json.hpp"

namespace caselog::messaging {

namespace asio = boost::asio;

int claimStdout() {
  const int out = ::fcntl(1, F_DUPFD_CLOEXEC, 3);
  if (out < 0 || ::dup2(2, 1) < 0) {
    throw Error(ErrorCode::internal, std::string("cannot claim stdout: ") + std::strerror(errno));
  }
  return out;
}

namespace {

class HostLoop {
 public:
  HostLoop(Dispatcher& dispatcher, const HostLoopOptions& options)
      : dispatcher_(dispatcher),
        options_(options),
        input_(io_, ::dup(options.inFd)),
        output_(io_, ::dup(options.outFd)),
        timer_(io_),
        signals_(io_, SIGTERM, SIGINT),
        decoder_(options.maxFrame) {}

  int run() {
    signals_.async_wait([this](const boost::system::error_code& ec, int sig) {
      if (ec) return;
      std::cerr << "caselog-host: signal " << sig << ", stopping\n";
      stop();
    });
    scheduleReminders(
        std::min<std::chrono::milliseconds>(options_.reminderInterval, std::chrono::seconds(5)));
    read();
    io_.run();
    return 0;
  }

 private:
  Dispatcher& dispatcher_;
  HostLoopOptions options_;
  asio::io_context io_;
  asio::posix::stream_descriptor input_;
  asio::posix::stream_descriptor output_;
  asio::steady_timer timer_;
  asio::signal_set signals_;
  FrameDecoder decoder_;
  std::array<char, 64 * 1024> readBuffer_{};
  std::deque<std::string> writeQueue_;
  // When every case's reminders were last pushed; never, at start, so that a reassessment backlog
  // at start-up does not hold the first push back a whole interval.
  std::chrono::steady_clock::time_point lastPush_{};
  bool stopping_ = false;
  bool inputEnded_ = false;
  bool outputBroken_ = false;

  // Reads more input only when every complete frame already read has been handled.
  void read() {
    input_.async_read_some(asio::buffer(readBuffer_),
                           [this](const boost::system::error_code& ec, std::size_t n) {
                             if (n > 0) decoder_.feed(readBuffer_.data(), n);
                             if (ec) {
                               inputEnded_ = true;
                               if (ec == asio::error::eof) {
                                 if (decoder_.midFrame())
                                   std::cerr << "caselog-host: input ended inside a frame; it was dropped\n";
                               } else if (ec != asio::error::operation_aborted) {
                                 std::cerr << "caselog-host: reading stdin failed: " << ec.message() << "\n";
                               }
                             }
                             handleNextFrame();
                           });
  }

  // Handles ONE frame, then yields to the io_context before the next, so the answers already
  // queued are written while a burst of requests is still coming in (an ack must not wait for
  // the whole burst: the extension clears its outbox on it).
  void handleNextFrame() {
    if (stopping_) return;
    switch (decoder_.next()) {
      case FrameDecoder::Status::need_more:
        if (inputEnded_) return stop();
        return read();
      case FrameDecoder::Status::too_large:
        send(Dispatcher::tooLarge(decoder_.declaredLength(), decoder_.maxFrame()));
        break;
      case FrameDecoder::Status::frame: {
        const Reply reply = dispatcher_.handle(decoder_.payload());
        send(reply.text);
        if (reply.ok && reply.type == "capture") {
          // Only the captured case changed: the others' reminders go out on the timer.
          asio::post(io_, [this, caseId = reply.caseId] { pushReminders(caseId); });
        }
        break;
      }
    }
    asio::post(io_, [this] { handleNextFrame(); });
  }

  void send(const std::string& text) {
    if (outputBroken_) return;
    if (text.size() > kMaxOutgoingFrame) {
      // The dispatcher answers such a request with an error and captured fields are bounded, so
      // this is a bug: said, and the host goes on serving rather than exit with it.
      std::cerr << "caselog-host: a frame of " << text.size() << " bytes was not sent: over the 1 MiB limit\n";
      return;
    }
    writeQueue_.push_back(encodeFrame(text));
    if (writeQueue_.size() == 1) writeNext();
  }

  void writeNext() {
    asio::async_write(
        output_, asio::buffer(writeQueue_.front()), [this](const boost::system::error_code& ec, std::size_t) {
          if (ec) {
            std::cerr << "caselog-host: writing to the browser failed: " << ec.message() << "\n";
            writeQueue_.clear();
            outputBroken_ = true;
            stop();
            io_.stop();
            return;
          }
          writeQueue_.pop_front();
          if (!writeQueue_.empty()) writeNext();
        });
  }

  void scheduleReminders(std::chrono::milliseconds delay) {
    if (stopping_) return;
    timer_.expires_after(delay);
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      const Slice slice = reassessSlice();
      if (slice == Slice::full) {  // more are overdue: the next slice soon, after pending frames
        // A long backlog (minutes after a migration) must not hold back the reminders of cases
        // already assessed: they go out on the usual interval meanwhile.
        if (std::chrono::steady_clock::now() - lastPush_ >= options_.reminderInterval) pushReminders();
        scheduleReminders(std::chrono::milliseconds(5));
        return;
      }
      // While another program (an import) holds the write lock, the reminders go out an interval
      // later (firing them never waits for the lock: requests would wait meanwhile).
      if (slice != Slice::locked) pushReminders();
      scheduleReminders(options_.reminderInterval);
    });
  }

  // Refreshes a slice of overdue assessments (CaseService::reassessDueIfUnlocked): about ten
  // milliseconds of work (a case whose replies have no verdicts yet takes ~2.5 ms at 100,000
  // cases), so a capture arriving meanwhile waits no longer than that. `full`: more may wait.
  // Nothing while another program holds the write lock (an import, which assesses its own cases).
  enum class Slice { full, partial, locked };
  Slice reassessSlice() {
    constexpr std::size_t kSlice = 5;
    try {
      std::lock_guard lock(dispatcher_.serviceMutex());
      const auto done = dispatcher_.service().reassessDueIfUnlocked(kSlice);
      if (!done) return Slice::locked;
      return *done == kSlice ? Slice::full : Slice::partial;
    } catch (const std::exception& e) {
      std::cerr << "caselog-host: reassessing cases failed: " << e.what() << "\n";
      return Slice::partial;
    }
  }

  // Fires the reminders that came due (each one once, recorded as an audit event) and pushes them:
  // of every case, or of the one given. While another program holds the write lock nothing is
  // fired: the timer's next push, of every case, brings them.
  void pushReminders(const std::optional<std::string>& caseId = std::nullopt) {
    if (stopping_) return;
    std::optional<std::vector<Reminder>> fired;
    try {
      std::lock_guard lock(dispatcher_.serviceMutex());
      fired = dispatcher_.service().fireDueReminders(caseId);
    } catch (const std::exception& e) {
      std::cerr << "caselog-host: checking reminders failed: " << e.what() << "\n";
      return;
    }
    if (!fired) return;
    if (!caseId) lastPush_ = std::chrono::steady_clock::now();
    for (const auto& r : *fired) {
      nlohmann::json push = toJson(r);
      push["type"] = "reminder";
      send(compactJson(push));
    }
  }

  // Stops reading and timing; queued answers are still written, then io_.run() returns.
  void stop() {
    if (stopping_) return;
    stopping_ = true;
    boost::system::error_code ignored;
    timer_.cancel();
    signals_.cancel(ignored);
    input_.close(ignored);
  }
};

}  // namespace

int runHostLoop(Dispatcher& dispatcher, const HostLoopOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);
  HostLoop loop(dispatcher, options);
  return loop.run();
}

}  // namespace caselog::messaging
