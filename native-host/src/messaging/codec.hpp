// Native-messaging framing: a 32-bit length in native byte order, then that many bytes of UTF-8 JSON.
//
// FrameDecoder is incremental, in the manner of Asio's request_parser: feed it whatever a read
// returned and ask for the next result until it says it needs more bytes. The declared length is
// checked against the cap before anything is allocated, and an oversize frame is skipped byte by
// byte as it arrives, so the stream stays in sync and the next frame decodes normally.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace caselog::messaging {

inline constexpr std::uint32_t kDefaultMaxFrame = 16u * 1024 * 1024;  // browser -> host
inline constexpr std::size_t kMaxOutgoingFrame = 1024 * 1024;         // host -> browser (Chrome's limit)

class FrameDecoder {
 public:
  enum class Status {
    need_more,  // no complete frame buffered yet
    frame,      // payload() holds one complete frame
    too_large,  // a frame declared declaredLength() > cap; its bytes are being skipped
  };

  explicit FrameDecoder(std::uint32_t maxFrame = kDefaultMaxFrame) : maxFrame_(maxFrame) {}

  // Appends bytes read from the stream. Cheap: only buffers up to the current frame's end.
  void feed(const char* data, std::size_t size);
  void feed(std::string_view bytes) { feed(bytes.data(), bytes.size()); }

  // Advances the decoder. Call repeatedly until need_more: one read may hold several frames.
  Status next();

  // Valid after next() returned frame, until the following call to next() or feed().
  const std::string& payload() const { return payload_; }
  // Valid after next() returned too_large.
  std::uint64_t declaredLength() const { return declared_; }

  // True when the stream ended in the middle of a frame (a header or body is partly buffered,
  // or an oversize frame is still being skipped). Used to log a truncated stream at EOF.
  bool midFrame() const { return available() > 0 || skipRemaining_ > 0 || haveHeader_; }

  std::uint32_t maxFrame() const { return maxFrame_; }

 private:
  std::uint32_t maxFrame_;
  std::string buffer_;        // bytes of the current header or body not yet consumed
  std::size_t consumed_ = 0;  // bytes at the front of buffer_ already used
  bool haveHeader_ = false;
  std::uint32_t length_ = 0;    // body length of the current frame
  std::uint64_t declared_ = 0;  // length of the last oversize frame
  std::uint64_t skipRemaining_ = 0;
  std::string payload_;

  std::size_t available() const { return buffer_.size() - consumed_; }
  void compact();
};

// Encodes one host -> browser frame. Throws caselog::Error(too_large) when the payload is over
// kMaxOutgoingFrame: callers must page long answers instead.
std::string encodeFrame(std::string_view payload);

// Encodes any frame without the outgoing cap (tests and tools that play the browser).
std::string encodeFrameUnchecked(std::string_view payload);

}  // namespace caselog::messaging
