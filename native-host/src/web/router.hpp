// The route table: one handler per (method, path pattern). A pattern segment "*" captures one
// path segment into Request::params. A path that matches with another method answers 405.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "web/http_types.hpp"

namespace caselog {
class CaseService;
}

namespace caselog::web {

struct Context {
  CaseService& service;
  Request& request;
};

using Handler = std::function<Response(Context&)>;

enum class Access {
  page,    // GET, cached while the data (and the minute) are unchanged
  action,  // POST with a CSRF token; clears the cache
  asset,   // GET, no token needed (embedded CSS/JS only)
  live,    // GET, never cached (downloads)
};

struct Route {
  std::string method;
  std::string pattern;
  Access access;
  Handler handler;
};

class Router {
 public:
  explicit Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

  enum class Match { found, wrongMethod, none };
  // On `found`, returns the route and fills params; on wrongMethod, `allow` lists the methods.
  Match match(const std::string& method, const std::string& path, const Route** route,
              std::vector<std::string>& params, std::string& allow) const;

 private:
  std::vector<Route> routes_;
};

// Every route of the view (routes.cpp).
std::vector<Route> allRoutes();

}  // namespace caselog::web
