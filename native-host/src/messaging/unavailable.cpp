#include "messaging/unavailable.hpp"

#include <unistd.h>

#include <cerrno>
#include <nlohmann/json.hpp>

#include "messaging/codec.hpp"
#include "messaging/dispatcher.hpp"

namespace caselog::messaging {

namespace {

bool writeAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string answer(const std::string& payload, const std::string& reason) {
  nlohmann::json id = nullptr;
  try {
    const auto request = nlohmann::json::parse(payload);
    if (request.is_object() && request.contains("id") &&
        (request["id"].is_string() || request["id"].is_number())) {
      id = request["id"];
    }
  } catch (const nlohmann::json::exception&) {
    return Dispatcher::error(nullptr, ErrorCode::bad_json, "not valid JSON");
  }
  return Dispatcher::error(id, ErrorCode::storage, reason);
}

}  // namespace

int runUnavailable(int inFd, int outFd, std::uint32_t maxFrame, const std::string& reason) {
  FrameDecoder decoder(maxFrame);
  char buf[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(inFd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    decoder.feed(buf, static_cast<std::size_t>(n));
    for (auto s = decoder.next(); s != FrameDecoder::Status::need_more; s = decoder.next()) {
      const std::string text = s == FrameDecoder::Status::frame
                                   ? answer(decoder.payload(), reason)
                                   : Dispatcher::tooLarge(decoder.declaredLength(), maxFrame);
      if (!writeAll(outFd, encodeFrame(text))) return 0;
    }
  }
}

}  // namespace caselog::messaging
