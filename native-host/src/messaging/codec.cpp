#include "messaging/codec.hpp"

#include <algorithm>
#include <cstring>

#include "core/error.hpp"

namespace caselog::messaging {

void FrameDecoder::feed(const char* data, std::size_t size) {
  // Bytes of an oversize frame are dropped as they arrive; they are never buffered.
  const std::size_t skip = static_cast<std::size_t>(std::min<std::uint64_t>(skipRemaining_, size));
  skipRemaining_ -= skip;
  data += skip;
  size -= skip;
  if (size == 0) return;
  compact();
  buffer_.append(data, size);
}

FrameDecoder::Status FrameDecoder::next() {
  if (skipRemaining_ > 0) return Status::need_more;
  if (!haveHeader_) {
    std::uint32_t length = 0;
    if (available() < sizeof length) return Status::need_more;
    std::memcpy(&length, buffer_.data() + consumed_, sizeof length);  // native byte order
    consumed_ += sizeof length;
    if (length > maxFrame_) {
      declared_ = length;
      const std::size_t here = std::min<std::size_t>(available(), length);
      consumed_ += here;
      skipRemaining_ = length - here;
      return Status::too_large;
    }
    haveHeader_ = true;
    length_ = length;
  }
  if (available() < length_) return Status::need_more;
  payload_.assign(buffer_.data() + consumed_, length_);
  consumed_ += length_;
  haveHeader_ = false;
  return Status::frame;
}

// Drops consumed bytes; called before appending, so many frames in one read cost one move.
void FrameDecoder::compact() {
  if (consumed_ == 0) return;
  buffer_.erase(0, consumed_);
  consumed_ = 0;
}

std::string encodeFrameUnchecked(std::string_view payload) {
  const auto length = static_cast<std::uint32_t>(payload.size());
  std::string frame(sizeof length, '\0');
  std::memcpy(frame.data(), &length, sizeof length);
  frame.append(payload);
  return frame;
}

std::string encodeFrame(std::string_view payload) {
  if (payload.size() > kMaxOutgoingFrame) {
    throw Error(ErrorCode::too_large, "answer of " + std::to_string(payload.size()) +
                                          " bytes is over the 1 MiB host-to-browser limit");
  }
  return encodeFrameUnchecked(payload);
}

}  // namespace caselog::messaging
