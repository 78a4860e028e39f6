// The floor for host benchmarks: a trivial native-messaging host that sends every frame straight
// back. No JSON parsing, no storage, blocking reads and writes on stdin/stdout.
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace {

bool readAll(char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t r = ::read(0, p, n);
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

bool writeAll(const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(1, p, n);
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

}  // namespace

int main() {
  std::string frame;
  for (;;) {
    std::uint32_t length = 0;
    if (!readAll(reinterpret_cast<char*>(&length), sizeof length)) return 0;
    if (length > (1u << 20)) return 1;
    frame.resize(sizeof length + length);
    std::memcpy(frame.data(), &length, sizeof length);
    if (!readAll(frame.data() + sizeof length, length)) return 0;
    if (!writeAll(frame.data(), frame.size())) return 0;
  }
}
