#include "cli/json_out.hpp"

#include "cli/format.hpp"

namespace caselog::cli {

using nlohmann::json;

void printJson(std::ostream& out, const json& value) {
  out << value.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

json plainSearchPageJson(const SearchPage& page) {
  json out = toJson(page);
  for (std::size_t i = 0; i < page.hits.size(); ++i) {
    std::vector<std::string> highlights;
    out["hits"][i]["snippet"] = plainSnippet(page.hits[i].snippet, &highlights);
    out["hits"][i]["highlights"] = highlights;
  }
  return out;
}

}  // namespace caselog::cli
