// The POST forms shared by the dashboard and the case page. Every form carries the CSRF field
// and a `back` field naming the page to return to.
#pragma once

#include <string_view>

#include "core/model.hpp"
#include "web/html.hpp"
#include "web/http_types.hpp"

namespace caselog::web {

void snoozeForm(HtmlWriter& w, const Request& request, std::string_view caseId, std::string_view back);
void dismissForm(HtmlWriter& w, const Request& request, std::string_view caseId, std::string_view rule,
                 std::string_view back);
void noteForm(HtmlWriter& w, const Request& request, std::string_view caseId);
void categoryForm(HtmlWriter& w, const Request& request, const CaseRecord& c);
void pinForm(HtmlWriter& w, const Request& request, const CaseRecord& c);

// A `back` value that is a local path ("/…", not "//…"), or the fallback.
std::string safeBack(const std::string& back, const std::string& fallback);

}  // namespace caselog::web
