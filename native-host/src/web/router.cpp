#include "web/router.hpp"

namespace caselog::web {

namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    parts.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return parts;
}

bool matches(const std::string& pattern, const std::vector<std::string>& parts,
             std::vector<std::string>& params) {
  const auto want = split(pattern);
  if (want.size() != parts.size()) return false;
  std::vector<std::string> captured;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "*") {
      if (parts[i].empty()) return false;
      captured.push_back(parts[i]);
    } else if (want[i] != parts[i]) {
      return false;
    }
  }
  params = std::move(captured);
  return true;
}

}  // namespace

Router::Match Router::match(const std::string& method, const std::string& path, const Route** route,
                            std::vector<std::string>& params, std::string& allow) const {
  if (path.empty() || path.front() != '/') return Match::none;
  const auto parts = split(path);
  bool other = false;
  for (const Route& r : routes_) {
    std::vector<std::string> captured;
    if (!matches(r.pattern, parts, captured)) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      *route = &r;
      params = std::move(captured);
      return Match::found;
    }
    if (allow.find(r.method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + r.method;
    other = true;
  }
  return other ? Match::wrongMethod : Match::none;
}

}  // namespace caselog::web
