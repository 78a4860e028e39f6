#include "cli/json_out.hpp"

#include "cli/format.hpp"

namespace caselog::cli {

using nlohmann::json;

void printJson(std::ostream& out, const json& value) {
  out << value.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

json plainHitsJson(const std::vector<SearchHit>& hits) {
  json out = json::array();
  for (const SearchHit& h : hits) {
    std::vector<std::string> highlights;
    json hit = toJson(h);
    hit["snippet"] = plainSnippet(h.snippet, &highlights);
    hit["highlights"] = highlights;
    out.push_back(std::move(hit));
  }
  return out;
}

}  // namespace caselog::cli
