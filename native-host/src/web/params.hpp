// Reading query and form fields into typed values, with clear errors for bad input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "web/http_types.hpp"

namespace caselog::web {

// An integer field within [min, max]; absent → fallback; not a number → Error(bad_request).
int intArg(const Request& r, const std::string& name, int fallback, int min, int max);
// An ISO 8601 date or instant; absent → nullopt; unreadable → Error(bad_request).
std::optional<Instant> timeArg(const Request& r, const std::string& name);
// A field that must be one of `allowed` (absent → nullopt); otherwise Error(bad_request).
std::optional<std::string> choiceArg(const Request& r, const std::string& name,
                                     const std::vector<std::string>& allowed);

const std::vector<std::string>& statusKeys();  // the normalized statuses

// The query string for `r` with some fields replaced (paging links keep the filters).
std::string queryWith(const Request& r, const std::vector<std::pair<std::string, std::string>>& changes);

}  // namespace caselog::web
