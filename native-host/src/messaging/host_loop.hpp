// The native-messaging host loop (Boost.Asio, one thread): reads frames from stdin, answers each
// in order through the Dispatcher, and pushes `reminder` messages from a periodic timer and right
// after every capture. Ends with 0 when the browser closes stdin (also in the middle of a frame),
// on SIGTERM/SIGINT, or when the browser stops reading our output.
#pragma once

#include <chrono>
#include <cstdint>

#include "messaging/codec.hpp"
#include "messaging/dispatcher.hpp"

namespace caselog::messaging {

struct HostLoopOptions {
  int inFd = 0;   // the browser's messages (stdin)
  int outFd = 1;  // our frames: pass the fd claimStdout() returned
  std::uint32_t maxFrame = kDefaultMaxFrame;
  std::chrono::milliseconds reminderInterval{std::chrono::seconds(60)};
};

// Claims stdout for the protocol: returns a private duplicate of fd 1 (close-on-exec) and points
// fd 1 at stderr, so a stray print from any library lands in the log, never in the frame stream.
// Throws caselog::Error(internal) when the descriptors cannot be duplicated.
int claimStdout();

// Runs until the input ends; returns the process exit code.
int runHostLoop(Dispatcher& dispatcher, const HostLoopOptions& options);

}  // namespace caselog::messaging
