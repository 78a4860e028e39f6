// `search`: full-text search over past replies, paged with an opaque cursor.
#include "core/error.hpp"
#include "domain/text.hpp"
#include "messaging/handlers.hpp"
#include "messaging/protocol_json.hpp"

namespace caselog::messaging {

namespace {

// Search hits carry a short snippet, but a captured subject can be arbitrarily long.
constexpr std::size_t kMaxSubject = 2000;

SearchQuery readQuery(const Fields& request) {
  SearchQuery q;
  q.text = request.requiredString("query");
  q.limit = static_cast<int>(request.optionalInt("limit", 1, 50).value_or(20));
  q.cursor = request.optionalString("cursor");
  q.author = request.optionalString("author");
  if (q.author && *q.author != "amazon" && *q.author != "seller") {
    throw Error(ErrorCode::bad_request, "field `author` must be \"amazon\" or \"seller\"");
  }
  q.caseId = request.optionalString("caseId");
  q.status = request.optionalString("status");
  q.category = request.optionalString("category");
  q.from = request.optionalInstant("from");
  q.to = request.optionalInstant("to");
  return q;
}

std::string clip(const std::string& value) {
  if (value.size() <= kMaxSubject) return value;
  return std::string(text::utf8Prefix(value, kMaxSubject)) + "…";
}

}  // namespace

nlohmann::json handleSearch(const Fields& request, HandlerContext& ctx) {
  SearchPage page = ctx.service.search(readQuery(request));
  for (SearchHit& hit : page.hits) {
    hit.subject = clip(hit.subject);
    hit.snippet = clip(hit.snippet);
  }
  nlohmann::json results = toJson(page);
  results["type"] = "results";
  return results;
}

}  // namespace caselog::messaging
