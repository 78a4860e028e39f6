// The CLI's --json output. The model values map to JSON through service/json.hpp, the same
// mapping the host's protocol answers use, so scripts can read the CLI and the host alike; this
// file keeps what only the terminal does: indented documents and search hits with plain snippets.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "service/json.hpp"

namespace caselog::cli {

// Writes `value` indented, one document per call; invalid UTF-8 in captured text is replaced.
void printJson(std::ostream& out, const nlohmann::json& value);

// A search page as the protocol has it ({hits[], next}), but each hit's snippet with the match
// markers taken out and the matched words listed in `highlights`.
nlohmann::json plainSearchPageJson(const SearchPage& page);

}  // namespace caselog::cli
