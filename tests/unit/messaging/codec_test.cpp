#include "messaging/codec.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace caselog::messaging {
namespace {

using Status = FrameDecoder::Status;

std::string header(std::uint32_t length) {
  std::string h(4, '\0');
  std::memcpy(h.data(), &length, 4);
  return h;
}

// Drains the decoder: every frame payload, with "<too_large N>" for skipped frames.
std::vector<std::string> drain(FrameDecoder& d) {
  std::vector<std::string> out;
  for (;;) {
    switch (d.next()) {
      case Status::need_more:
        return out;
      case Status::frame:
        out.push_back(d.payload());
        break;
      case Status::too_large:
        out.push_back("<too_large " + std::to_string(d.declaredLength()) + ">");
        break;
    }
  }
}

TEST(Codec, EncodesNativeByteOrderLengthThenPayload) {
  const std::string f = encodeFrame(R"({"type":"hello"})");
  ASSERT_EQ(f.size(), 4u + 16u);
  std::uint32_t n = 0;
  std::memcpy(&n, f.data(), 4);
  EXPECT_EQ(n, 16u);
  EXPECT_EQ(f.substr(4), R"({"type":"hello"})");
}

TEST(Codec, DecodesOneFrame) {
  FrameDecoder d;
  d.feed(encodeFrame("{}"));
  EXPECT_EQ(drain(d), std::vector<std::string>{"{}"});
  EXPECT_FALSE(d.midFrame());
}

TEST(Codec, TruncatedHeaderNeedsMore) {
  FrameDecoder d;
  d.feed(header(5).substr(0, 3));
  EXPECT_EQ(d.next(), Status::need_more);
  EXPECT_TRUE(d.midFrame());
}

TEST(Codec, TruncatedBodyNeedsMoreAndIsMidFrame) {
  FrameDecoder d;
  d.feed(header(10) + "abc");
  EXPECT_EQ(d.next(), Status::need_more);
  EXPECT_EQ(d.next(), Status::need_more);
  EXPECT_TRUE(d.midFrame());
  d.feed("defghij");
  EXPECT_EQ(drain(d), std::vector<std::string>{"abcdefghij"});
  EXPECT_FALSE(d.midFrame());
}

TEST(Codec, ZeroLengthFrameIsAnEmptyPayload) {
  FrameDecoder d;
  d.feed(header(0) + encodeFrame("x"));
  EXPECT_EQ(drain(d), (std::vector<std::string>{"", "x"}));
}

TEST(Codec, MaxUint32LengthIsRefusedWithoutAllocating) {
  FrameDecoder d;
  d.feed(header(0xFFFFFFFFu) + "some bytes");
  EXPECT_EQ(d.next(), Status::too_large);
  EXPECT_EQ(d.declaredLength(), 0xFFFFFFFFull);
  EXPECT_EQ(d.next(), Status::need_more);
  EXPECT_TRUE(d.midFrame());  // still skipping
}

TEST(Codec, TwoFramesInOneRead) {
  FrameDecoder d;
  d.feed(encodeFrame(R"({"a":1})") + encodeFrame(R"({"b":2})"));
  EXPECT_EQ(drain(d), (std::vector<std::string>{R"({"a":1})", R"({"b":2})"}));
}

TEST(Codec, OneFrameSplitAcrossOneByteReads) {
  FrameDecoder d;
  const std::string bytes = encodeFrame(R"({"type":"search","query":"inventory"})") + encodeFrame("[]");
  std::vector<std::string> got;
  for (char c : bytes) {
    d.feed(&c, 1);
    for (auto& p : drain(d)) got.push_back(p);
  }
  EXPECT_EQ(got, (std::vector<std::string>{R"({"type":"search","query":"inventory"})", "[]"}));
  EXPECT_FALSE(d.midFrame());
}

TEST(Codec, OversizeFrameIsSkippedThenNextFrameDecodes) {
  FrameDecoder d(8);
  d.feed(header(20) + std::string(20, 'x') + encodeFrame("ok"));
  EXPECT_EQ(drain(d), (std::vector<std::string>{"<too_large 20>", "ok"}));
  EXPECT_FALSE(d.midFrame());
}

TEST(Codec, OversizeFrameSkippedAcrossManyReads) {
  FrameDecoder d(8);
  d.feed(header(1000));
  EXPECT_EQ(drain(d), std::vector<std::string>{"<too_large 1000>"});
  for (int i = 0; i < 99; ++i) {
    d.feed(std::string(10, 'y'));
    EXPECT_EQ(d.next(), Status::need_more);
  }
  d.feed(std::string(10, 'y') + encodeFrame("after"));
  EXPECT_EQ(drain(d), std::vector<std::string>{"after"});
}

TEST(Codec, FrameExactlyAtTheCapIsAccepted) {
  FrameDecoder d(4);
  d.feed(encodeFrame("abcd") + encodeFrame("abcde"));
  EXPECT_EQ(drain(d), (std::vector<std::string>{"abcd", "<too_large 5>"}));
}

TEST(Codec, EncoderRefusesOverOneMebibyte) {
  EXPECT_NO_THROW(encodeFrame(std::string(kMaxOutgoingFrame, 'a')));
  try {
    encodeFrame(std::string(kMaxOutgoingFrame + 1, 'a'));
    FAIL() << "expected too_large";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::too_large);
  }
}

}  // namespace
}  // namespace caselog::messaging
