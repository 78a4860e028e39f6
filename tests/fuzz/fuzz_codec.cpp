// Fuzzes the frame decoder. The first input byte picks a small cap and a read size; the rest is
// the byte stream. Checks: no crash or sanitizer report; a frame never exceeds the cap; feeding the
// stream in chunks and in one piece gives the same frames.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "messaging/codec.hpp"

namespace {

using caselog::messaging::FrameDecoder;

std::vector<std::string> decode(const std::uint8_t* data, std::size_t size, std::uint32_t cap,
                                std::size_t chunk) {
  FrameDecoder decoder(cap);
  std::vector<std::string> out;
  for (std::size_t at = 0; at < size; at += chunk) {
    const std::size_t n = std::min(chunk, size - at);
    decoder.feed(reinterpret_cast<const char*>(data + at), n);
    for (;;) {
      const auto status = decoder.next();
      if (status == FrameDecoder::Status::need_more) break;
      if (status == FrameDecoder::Status::too_large) {
        if (decoder.declaredLength() <= cap) std::abort();
        out.push_back("<too_large>");
        continue;
      }
      if (decoder.payload().size() > cap) std::abort();
      out.push_back(decoder.payload());
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint32_t cap = 1u + (data[0] & 0x3F) * 4u;  // 1..253 bytes: oversize frames are common
  const std::size_t chunk = 1 + (data[0] >> 6);          // 1..4-byte reads
  ++data;
  --size;
  if (decode(data, size, cap, chunk) != decode(data, size, cap, size ? size : 1)) std::abort();
  return 0;
}
