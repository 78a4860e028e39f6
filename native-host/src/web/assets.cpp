// Static files embedded in the binary: the only files the view serves. A name is looked up in
// this fixed table, so no request can reach the file system (no path traversal).
#include <string>
#include <unordered_map>

#include "web/pages.hpp"

namespace caselog::web {

namespace {

struct Asset {
  std::shared_ptr<const std::string> body;
  const char* type;
};

const std::unordered_map<std::string, Asset>& assets() {
  static const std::unordered_map<std::string, Asset> table = {
      {"caselog.css",
       {std::make_shared<const std::string>(
#include "web/assets_css.inc"
            ),
        "text/css; charset=utf-8"}},
      {"caselog.js",
       {std::make_shared<const std::string>(
#include "web/assets_js.inc"
            ),
        "text/javascript; charset=utf-8"}},
      {"favicon.svg",
       {std::make_shared<const std::string>(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
            "<rect width=\"16\" height=\"16\" rx=\"4\" fill=\"#2f5bd3\"/>"
            "<path d=\"M4 5h8M4 8h8M4 11h5\" stroke=\"#fff\" stroke-width=\"1.6\"/></svg>"),
        "image/svg+xml"}},
  };
  return table;
}

}  // namespace

Response staticAsset(Context& ctx) {
  const auto& table = assets();
  auto it = table.find(ctx.request.params.at(0));
  if (it == table.end())
    return Response::html("<!doctype html><title>Not found</title><p>Not found.</p>", 404);
  Response r = Response::shared(it->second.body, it->second.type);
  r.cacheable = true;
  return r;
}

}  // namespace caselog::web
