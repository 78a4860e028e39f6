// Poco glue: a bounded HTTPServer on 127.0.0.1 whose one request handler turns a Poco request
// into a web::Request, asks the App, and writes the Response with the security headers.
#include "web/history_view.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <cerrno>
#include <cstdlib>
#include <istream>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "web/app.hpp"
#include "web/security.hpp"

namespace caselog {

namespace {

using web::App;
using web::Request;
using web::RequestMeta;
using web::Response;

// application/x-www-form-urlencoded → fields ('+' is a space).
void parseForm(const std::string& body, std::multimap<std::string, std::string>& out) {
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find('&', pos);
    if (end == std::string::npos) end = body.size();
    std::string part = body.substr(pos, end - pos);
    for (char& c : part)
      if (c == '+') c = ' ';
    const std::size_t eq = part.find('=');
    std::string name, value;
    Poco::URI::decode(part.substr(0, eq), name);
    if (eq != std::string::npos) Poco::URI::decode(part.substr(eq + 1), value);
    if (!name.empty()) out.emplace(std::move(name), std::move(value));
    pos = end + 1;
  }
}

// Reads at most `limit` bytes of body; false when the body is larger. A too-large body up to
// kDrainLimit is read and dropped so the client gets its 413 rather than a reset connection.
constexpr std::size_t kDrainLimit = 1 << 20;

bool readBody(Poco::Net::HTTPServerRequest& req, std::size_t limit, std::string& body) {
  const Poco::Int64 declared = req.hasContentLength() ? req.getContentLength64() : -1;
  if (declared > static_cast<Poco::Int64>(kDrainLimit)) return false;
  std::istream& in = req.stream();
  char buf[8192];
  std::size_t total = 0;
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    total += static_cast<std::size_t>(in.gcount());
    if (total <= limit) body.append(buf, static_cast<std::size_t>(in.gcount()));
    if (total > kDrainLimit) break;
  }
  return total <= limit;
}

void send(Poco::Net::HTTPServerResponse& out, const Response& r, bool head) {
  out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
  out.setContentType(r.contentType);
  for (const auto& [name, value] : web::securityHeaders()) out.set(name, value);
  out.set("Cache-Control", r.cacheable ? "max-age=3600" : "no-store");
  for (const auto& [name, value] : r.headers) out.set(name, value);  // a page may tighten the CSP
  out.setContentLength64(static_cast<Poco::Int64>(r.body->size()));
  if (head) {
    out.send();
    return;
  }
  out.sendBuffer(r.body->data(), r.body->size());
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  Handler(App& app, std::size_t maxBody) : app_(app), maxBody_(maxBody) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& out) override {
    Response r;
    try {
      r = answer(req);
    } catch (const std::exception&) {
      r = web::errorPage(400, "That request did not make sense", "The address could not be read.");
    }
    send(out, r, req.getMethod() == "HEAD");
  }

 private:
  Response answer(Poco::Net::HTTPServerRequest& req) {
    const Poco::URI uri(req.getURI());
    Request request;
    request.method = req.getMethod();
    request.path = uri.getPath();
    for (auto& [k, v] : uri.getQueryParameters()) request.query.emplace(k, v);
    RequestMeta meta{req.getHost(), req.get("Cookie", ""), req.get("Origin", ""), uri.getRawQuery()};
    if (request.method == "POST") {
      std::string body;
      if (!readBody(req, maxBody_, body)) {
        req.response().setKeepAlive(false);
        return web::errorPage(413, "Too large", "That form was larger than the history view accepts.");
      }
      parseForm(body, request.form);
    }
    return app_.handle(std::move(request), meta);
  }

  App& app_;
  std::size_t maxBody_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(App& app, std::size_t maxBody) : app_(app), maxBody_(maxBody) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(app_, maxBody_);
  }

 private:
  App& app_;
  std::size_t maxBody_;
};

}  // namespace

ViewOptions ViewOptions::fromEnvironment() {
  ViewOptions o;
  if (const char* v = std::getenv("CASELOG_PORT"); v && *v) {
    char* end = nullptr;
    const long port = std::strtol(v, &end, 10);
    if (*end != '\0' || port < 1 || port > 65535)
      throw Error(ErrorCode::bad_request,
                  std::string("CASELOG_PORT must be a port number (1-65535), not '") + v + "'");
    o.port = static_cast<int>(port);
  }
  return o;
}

struct HistoryView::Impl {
  CaseService& service;
  ViewOptions options;
  std::string token;
  int port = 0;
  std::unique_ptr<App> app;
  std::unique_ptr<Poco::ThreadPool> pool;
  std::unique_ptr<Poco::Net::HTTPServer> server;
};

HistoryView::HistoryView(CaseService& service, ViewOptions options)
    : impl_(new Impl{service, std::move(options), {}, 0, nullptr, nullptr, nullptr}) {}

HistoryView::~HistoryView() {
  stop();
}

bool HistoryView::tryStart() {
  if (impl_->server) return true;
  Impl& m = *impl_;
  const std::string tokenPath =
      m.options.tokenPath.empty() ? configDir() + "/view-token" : m.options.tokenPath;
  m.token = loadOrCreateToken(tokenPath);
  Poco::Net::ServerSocket socket;
  try {
    socket.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(m.options.port)), true,
                false);
    socket.listen(m.options.maxQueued);
  } catch (const Poco::Exception& e) {
    if (e.code() == EADDRINUSE || e.displayText().find("in use") != std::string::npos) return false;
    throw Error(ErrorCode::internal, "history view cannot listen on port " + std::to_string(m.options.port) +
                                         ": " + e.displayText());
  }
  m.port = socket.address().port();
  m.app = std::make_unique<App>(m.service, m.options.serviceMutex, m.token, m.port);
  auto params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(m.options.maxThreads);
  params->setMaxQueued(m.options.maxQueued);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(10000);
  params->setTimeout(Poco::Timespan(10, 0));
  m.pool = std::make_unique<Poco::ThreadPool>(2, m.options.maxThreads);
  m.server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*m.app, m.options.maxRequestBody), *m.pool,
                                                     socket, params);
  m.server->start();
  return true;
}

void HistoryView::stop() {
  if (!impl_ || !impl_->server) return;
  impl_->server->stopAll(true);
  impl_->server.reset();
  impl_->pool->joinAll();
  impl_->pool.reset();
  impl_->app.reset();
}

bool HistoryView::running() const {
  return impl_->server != nullptr;
}
int HistoryView::port() const {
  return impl_->port;
}
std::string HistoryView::baseUrl() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}
std::string HistoryView::url() const {
  return baseUrl() + "/?token=" + impl_->token;
}
const std::string& HistoryView::token() const {
  return impl_->token;
}

}  // namespace caselog
