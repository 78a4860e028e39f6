// The history view as a function from requests to responses, independent of Poco: the guards
// (Host, token, cookie, CSRF), the route table, the page cache and the error pages.
// history_view.cpp feeds it from Poco's HTTPServer; tests may call it directly.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "web/http_types.hpp"
#include "web/page_cache.hpp"
#include "web/router.hpp"

namespace caselog {
class CaseService;
}

namespace caselog::web {

// What the transport knows about a request beyond the Request itself.
struct RequestMeta {
  std::string host;      // Host header
  std::string cookie;    // Cookie header
  std::string origin;    // Origin header (may be empty)
  std::string rawQuery;  // the query string as sent, for redirects and cache keys
};

class App {
 public:
  App(CaseService& service, std::shared_ptr<std::mutex> serviceMutex, std::string token, int port);

  Response handle(Request request, const RequestMeta& meta);
  void setPort(int port) { port_ = port; }  // once the socket is bound (ephemeral ports)

 private:
  std::optional<Response> guard(const Request& request, const RequestMeta& meta);
  Response dispatch(Request& request, const RequestMeta& meta);
  Response run(const Route& route, Request& request, const RequestMeta& meta);

  CaseService& service_;
  std::shared_ptr<std::mutex> mutex_;
  std::string token_;
  std::string session_;
  std::string csrf_;
  int port_;
  Router router_;
  PageCache cache_;
};

// Error pages: a full page with navigation, a title and one helpful line; never internals.
Response errorPage(int status, const std::string& title, const std::string& detail);

}  // namespace caselog::web
