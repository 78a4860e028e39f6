// claimStdout(): after it, a stray print to fd 1 lands in stderr and only the returned fd reaches
// the original stdout. Run in a child process so the test runner's own stdout stays untouched.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "messaging/host_loop.hpp"

namespace caselog::messaging {
namespace {

std::string drain(int fd) {
  std::string out;
  char buf[256];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

TEST(ClaimStdout, StrayPrintsGoToStderrAndFramesToTheClaimedFd) {
  int out[2], err[2];
  ASSERT_EQ(::pipe(out), 0);
  ASSERT_EQ(::pipe(err), 0);
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::close(out[0]), ::close(out[1]), ::close(err[0]), ::close(err[1]);
    const int claimed = claimStdout();
    std::printf("stray");
    std::fflush(stdout);
    if (::write(claimed, "frame", 5) != 5) ::_exit(3);
    ::_exit(claimed > 2 ? 0 : 4);
  }
  ::close(out[1]);
  ::close(err[1]);
  const std::string toStdout = drain(out[0]);
  const std::string toStderr = drain(err[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(toStdout, "frame");
  EXPECT_EQ(toStderr, "stray");
}

}  // namespace
}  // namespace caselog::messaging
