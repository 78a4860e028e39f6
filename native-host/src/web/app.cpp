#include "web/app.hpp"

#include <chrono>
#include <iostream>

#include "core/error.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"
#include "web/layout.hpp"
#include "web/security.hpp"

namespace caselog::web {

namespace {

// The URL without ?token=…, keeping every other query field.
std::string withoutToken(const std::string& path, const std::string& rawQuery) {
  std::string kept;
  std::size_t pos = 0;
  while (pos <= rawQuery.size() && !rawQuery.empty()) {
    std::size_t end = rawQuery.find('&', pos);
    if (end == std::string::npos) end = rawQuery.size();
    std::string part = rawQuery.substr(pos, end - pos);
    if (!part.empty() && part.rfind("token=", 0) != 0 && part != "token")
      kept += (kept.empty() ? "" : "&") + part;
    pos = end + 1;
  }
  return kept.empty() ? path : path + "?" + kept;
}

int statusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::not_found:
      return 404;
    case ErrorCode::bad_request:
    case ErrorCode::bad_json:
      return 400;
    case ErrorCode::too_large:
      return 413;
    default:
      return 500;
  }
}

const char* titleFor(int status) {
  switch (status) {
    case 400:
      return "That request did not make sense";
    case 404:
      return "Not found";
    case 413:
      return "Too large";
    default:
      return "Something went wrong";
  }
}

}  // namespace

App::App(CaseService& service, std::shared_ptr<std::mutex> serviceMutex, std::string token, int port)
    : service_(service),
      mutex_(serviceMutex ? std::move(serviceMutex) : std::make_shared<std::mutex>()),
      token_(std::move(token)),
      session_(sessionValue(token_)),
      csrf_(csrfToken(token_)),
      port_(port),
      router_(allRoutes()) {}

std::optional<Response> App::guard(const Request& request, const RequestMeta& meta) {
  if (!hostAllowed(meta.host, port_))
    return errorPage(
        403, "Wrong address",
        "Open the history view at 127.0.0.1 or localhost with its port; other host names are refused.");
  auto token = request.query.find("token");
  if (token != request.query.end()) {
    if (!constantTimeEquals(token->second, token_))
      return errorPage(403, "Wrong token", "This link's token does not match this CaseLog installation.");
    Response r = Response::redirect(withoutToken(request.path, meta.rawQuery));
    r.headers.emplace_back("Set-Cookie", sessionSetCookie(token_));
    return r;
  }
  const std::string cookie = cookieValue(meta.cookie, kSessionCookie);
  if (cookie.empty())
    return errorPage(
        401, "Sign-in link needed",
        "Open the history view from the CaseLog extension, or with the link `caselog serve` prints.");
  if (!constantTimeEquals(cookie, session_))
    return errorPage(403, "Session not valid",
                     "Open the history view again from the extension or `caselog serve`.");
  return std::nullopt;
}

Response App::handle(Request request, const RequestMeta& meta) {
  try {
    return dispatch(request, meta);
  } catch (const Error& e) {
    const int status = statusFor(e.code());
    if (status == 500) std::cerr << "caselog view: " << request.path << ": " << e.what() << "\n";
    return errorPage(status, titleFor(status), status == 500 ? "The error was logged." : e.what());
  } catch (const std::exception& e) {
    std::cerr << "caselog view: " << request.path << ": " << e.what() << "\n";
    return errorPage(500, titleFor(500), "The error was logged; your data is unchanged.");
  }
}

Response App::dispatch(Request& request, const RequestMeta& meta) {
  const Route* route = nullptr;
  std::string allow;
  const auto match = router_.match(request.method, request.path, &route, request.params, allow);
  if (match == Router::Match::found && route->access == Access::asset) return run(*route, request, meta);
  if (auto refused = guard(request, meta)) return *refused;
  if (match == Router::Match::none) return errorPage(404, "Not found", "There is no page at this address.");
  if (match == Router::Match::wrongMethod) {
    Response r = errorPage(405, "Method not allowed", "Changes are made with the forms on the pages.");
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  if (route->access == Access::action) {
    if (!constantTimeEquals(request.arg("csrf"), csrf_))
      return errorPage(403, "Form expired",
                       "Reload the page and try again (the form's check token did not match).");
    if (!meta.origin.empty() && !originAllowed(meta.origin, port_))
      return errorPage(403, "Cross-site request refused",
                       "Changes are only accepted from the history view itself.");
  }
  return run(*route, request, meta);
}

Response App::run(const Route& route, Request& request, const RequestMeta& meta) {
  request.csrfToken = csrf_;
  Context ctx{service_, request};
  if (route.access == Access::asset) return route.handler(ctx);
  if (route.access != Access::page) {
    std::lock_guard lock(*mutex_);
    Response r = route.handler(ctx);
    if (route.access == Access::action) cache_.clear();
    return r;
  }
  const std::string key = request.method + " " + request.path + "?" + meta.rawQuery;
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(service_.now().time_since_epoch());
  CacheVersion version{service_.store().changeCounter(), minutes.count()};
  if (auto hit = cache_.get(key, version)) return *hit;
  std::unique_lock lock(*mutex_, std::try_to_lock);
  if (!lock.owns_lock()) {
    // Someone is rendering. The same data a minute ago beats waiting; otherwise wait our turn.
    if (auto stale = cache_.getStale(key, version)) return *stale;
    lock.lock();
  }
  if (auto hit = cache_.get(key, version)) return *hit;  // rendered while we waited
  Response r = route.handler(ctx);
  if (r.status == 200) cache_.put(key, version, r);
  return r;
}

Response errorPage(int status, const std::string& title, const std::string& detail) {
  HtmlWriter w;
  pageStart(w, title, "", nullptr);
  w.open("section", {{"class", "empty"}}).el("h1", title).el("p", detail);
  w.open("p").el("a", {{"href", "/"}}, "Back to the dashboard").close("p").close("section");
  pageEnd(w);
  return Response::html(w.take(), status);
}

}  // namespace caselog::web
