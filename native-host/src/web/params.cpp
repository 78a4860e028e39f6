#include "web/params.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"
#include "web/layout.hpp"

namespace caselog::web {

int intArg(const Request& r, const std::string& name, int fallback, int min, int max) {
  const std::string v = r.arg(name);
  if (v.empty()) return fallback;
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size())
    throw Error(ErrorCode::bad_request, "'" + name + "' must be a whole number");
  return std::clamp(n, min, max);
}

std::optional<Instant> timeArg(const Request& r, const std::string& name) {
  const std::string v = r.arg(name);
  if (v.empty()) return std::nullopt;
  auto t = parseIso8601(v);
  if (!t) throw Error(ErrorCode::bad_request, "'" + name + "' must be a date like 2026-11-20");
  return t;
}

std::optional<std::string> choiceArg(const Request& r, const std::string& name,
                                     const std::vector<std::string>& allowed) {
  const std::string v = r.arg(name);
  if (v.empty()) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
    throw Error(ErrorCode::bad_request, "'" + name + "' cannot be '" + v + "'");
  return v;
}

const std::vector<std::string>& statusKeys() {
  static const std::vector<std::string> keys = {"open",     "pending_amazon",   "needs_seller",
                                                "answered", "work_in_progress", "resolved",
                                                "closed",   "reopened",         "unknown"};
  return keys;
}

std::string queryWith(const Request& r, const std::vector<std::pair<std::string, std::string>>& changes) {
  std::multimap<std::string, std::string> fields = r.query;
  for (const auto& [k, v] : changes) {
    fields.erase(k);
    if (!v.empty()) fields.emplace(k, v);
  }
  fields.erase("fragment");
  std::string out;
  for (const auto& [k, v] : fields) {
    if (v.empty()) continue;
    out += (out.empty() ? "?" : "&") + urlEncode(k) + "=" + urlEncode(v);
  }
  return out;
}

}  // namespace caselog::web
