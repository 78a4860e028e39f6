// The view's guards: the per-install token, the session cookie derived from it, CSRF tokens,
// the Host check against DNS rebinding, and the headers every response carries.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caselog::web {

inline constexpr const char* kSessionCookie = "caselog_session";

std::string randomHex(std::size_t bytes);  // from /dev/urandom; throws caselog::Error(internal)
std::string hmacSha256Hex(std::string_view key, std::string_view message);
bool constantTimeEquals(std::string_view a, std::string_view b);

// Derived secrets: knowing one does not reveal the token.
std::string sessionValue(const std::string& token);  // the cookie's value
std::string csrfToken(const std::string& token);     // the hidden field in every form

// "127.0.0.1:P" or "localhost:P" (any case), nothing else.
bool hostAllowed(std::string_view hostHeader, int port);

// An Origin header naming the view itself: "http://127.0.0.1:P" or "http://localhost:P".
bool originAllowed(std::string_view origin, int port);

// The value of cookie `name` in a Cookie header, or empty.
std::string cookieValue(std::string_view cookieHeader, std::string_view name);

std::string sessionSetCookie(const std::string& token);  // Set-Cookie header value

// CSP, nosniff, no-referrer, no framing. Added to every response.
const std::vector<std::pair<std::string, std::string>>& securityHeaders();

}  // namespace caselog::web
