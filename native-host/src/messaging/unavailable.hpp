// When the database cannot be opened, the host still speaks the protocol: every request is
// answered with a `storage` error that says why, so the extension can show the real problem
// ("cannot open /path/caselog.db: …") instead of a vanished host. Ends on EOF like the real loop.
#pragma once

#include <cstdint>
#include <string>

namespace caselog::messaging {

// Blocking: reads frames from inFd and answers each on outFd until EOF. Returns the exit code.
int runUnavailable(int inFd, int outFd, std::uint32_t maxFrame, const std::string& reason);

}  // namespace caselog::messaging
