// Requests and responses as the route handlers see them: plain values, independent of Poco,
// so a handler is a function from a Request (plus the service) to a Response.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace caselog::web {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded, without the query
  std::multimap<std::string, std::string> query;
  std::multimap<std::string, std::string> form;  // POST application/x-www-form-urlencoded
  std::vector<std::string> params;               // captured path segments ("/cases/<id>")
  std::string csrfToken;                         // what forms on this page must send back

  // First value of a query (GET) or form (POST) field; empty when absent.
  std::string arg(const std::string& name) const;
  std::optional<std::string> optArg(const std::string& name) const;  // absent or empty: nullopt
};

struct Response {
  int status = 200;
  std::string contentType = "text/html; charset=utf-8";
  std::shared_ptr<const std::string> body = std::make_shared<const std::string>();
  std::vector<std::pair<std::string, std::string>> headers;
  bool cacheable = false;  // immutable assets may be cached by the browser

  static Response html(std::string text, int status = 200);
  static Response json(std::string text, int status = 200);
  static Response redirect(const std::string& location);  // 303 See Other
  static Response shared(std::shared_ptr<const std::string> text, std::string contentType);
};

}  // namespace caselog::web
