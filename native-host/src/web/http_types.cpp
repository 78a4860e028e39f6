#include "web/http_types.hpp"

namespace caselog::web {

std::string Request::arg(const std::string& name) const {
  const auto& fields = method == "POST" ? form : query;
  auto it = fields.find(name);
  if (it != fields.end()) return it->second;
  if (method == "POST") {  // a POST may still carry a field in its URL
    auto q = query.find(name);
    if (q != query.end()) return q->second;
  }
  return {};
}

std::optional<std::string> Request::optArg(const std::string& name) const {
  std::string v = arg(name);
  if (v.empty()) return std::nullopt;
  return v;
}

Response Response::html(std::string text, int status) {
  Response r;
  r.status = status;
  r.body = std::make_shared<const std::string>(std::move(text));
  return r;
}

Response Response::json(std::string text, int status) {
  Response r = html(std::move(text), status);
  r.contentType = "application/json; charset=utf-8";
  return r;
}

Response Response::redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.headers.emplace_back("Location", location);
  return r;
}

Response Response::shared(std::shared_ptr<const std::string> text, std::string contentType) {
  Response r;
  r.body = std::move(text);
  r.contentType = std::move(contentType);
  return r;
}

}  // namespace caselog::web
