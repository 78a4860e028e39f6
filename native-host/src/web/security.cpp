#include "web/security.hpp"

#include <Poco/SHA2Engine.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "web/history_view.hpp"

namespace caselog::web {

namespace {

std::string toHex(const unsigned char* data, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 0xF];
  }
  return out;
}

Poco::DigestEngine::Digest sha256(std::string_view a, std::string_view b) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(a.data(), static_cast<unsigned>(a.size()));
  engine.update(b.data(), static_cast<unsigned>(b.size()));
  return engine.digest();
}

bool isHexToken(const std::string& s) {
  if (s.size() < 32) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string randomHex(std::size_t bytes) {
  std::FILE* f = std::fopen("/dev/urandom", "rb");
  if (!f) throw Error(ErrorCode::internal, "cannot open /dev/urandom");
  std::string raw(bytes, '\0');
  const std::size_t got = std::fread(raw.data(), 1, bytes, f);
  std::fclose(f);
  if (got != bytes) throw Error(ErrorCode::internal, "short read from /dev/urandom");
  return toHex(reinterpret_cast<const unsigned char*>(raw.data()), bytes);
}

// HMAC (RFC 2104) over SHA-256: Poco 1.11's HMACEngine cannot take SHA2Engine.
std::string hmacSha256Hex(std::string_view key, std::string_view message) {
  constexpr std::size_t block = 64;
  std::string k(key);
  if (k.size() > block) {
    auto d = sha256(k, {});
    k.assign(d.begin(), d.end());
  }
  k.resize(block, '\0');
  std::string ipad(block, '\0'), opad(block, '\0');
  for (std::size_t i = 0; i < block; ++i) {
    ipad[i] = static_cast<char>(k[i] ^ 0x36);
    opad[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  auto inner = sha256(ipad, message);
  auto outer = sha256(opad, std::string_view(reinterpret_cast<const char*>(inner.data()), inner.size()));
  return toHex(outer.data(), outer.size());
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string sessionValue(const std::string& token) {
  return hmacSha256Hex(token, "caselog-session-v1");
}
std::string csrfToken(const std::string& token) {
  return hmacSha256Hex(token, "caselog-csrf-v1");
}

bool hostAllowed(std::string_view host, int port) {
  // Built with append, not `":" + std::to_string(port)`: GCC 12 -O2 misreports that operator+
  // as -Wrestrict (an overlapping memcpy inside the inlined string code).
  std::string suffix(1, ':');
  suffix.append(std::to_string(port));
  if (host.size() <= suffix.size() || host.substr(host.size() - suffix.size()) != suffix) return false;
  std::string name(host.substr(0, host.size() - suffix.size()));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name == "127.0.0.1" || name == "localhost";
}

bool originAllowed(std::string_view origin, int port) {
  constexpr std::string_view scheme = "http://";
  if (origin.substr(0, scheme.size()) != scheme) return false;
  return hostAllowed(origin.substr(scheme.size()), port);
}

std::string cookieValue(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view part = header.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    std::size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

std::string sessionSetCookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + sessionValue(token) + "; Path=/; HttpOnly; SameSite=Strict";
}

const std::vector<std::pair<std::string, std::string>>& securityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return headers;
}

}  // namespace caselog::web

namespace caselog {

std::string loadOrCreateToken(const std::string& path) {
  {
    std::ifstream in(path);
    std::string token;
    if (in && std::getline(in, token) && web::isHexToken(token)) return token;
  }
  ensureParentDir(path);
  const std::string token = web::randomHex(32);
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(ErrorCode::storage, "cannot write the view token to " + tmp);
  ::fchmod(fd, 0600);
  const std::string line = token + "\n";
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  if (::close(fd) != 0 || !ok) throw Error(ErrorCode::storage, "cannot write the view token to " + tmp);
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw Error(ErrorCode::storage, "cannot save the view token at " + path + ": " + ec.message());
  return token;
}

}  // namespace caselog
