// The page shell and the small pieces every page shares: navigation, priority labels, times,
// status names, identifier links, copy buttons, the CSRF field.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "web/html.hpp"
#include "web/http_types.hpp"

namespace caselog::web {

// active: "dashboard", "cases", "search", "trends", "export" or "" (error pages).
void pageStart(HtmlWriter& w, std::string_view title, std::string_view active, const Request* request);
void pageEnd(HtmlWriter& w);

void csrfField(HtmlWriter& w, const Request& request);

// "P1" label whose title lists the score's terms; readable without colour.
void priorityLabel(HtmlWriter& w, const Priority& p);
// The terms as a list: "suppressed listing +10.0".
void priorityTerms(HtmlWriter& w, const Priority& p);
std::string priorityTitle(const Priority& p);

// <time> in the machine's local time with the UTC instant on hover; "—" when absent.
void timeTag(HtmlWriter& w, std::optional<Instant> t, bool withDate = true);
std::string localTime(Instant t, bool withDate = true);
std::string ageText(Instant now, std::optional<Instant> t);  // "3 d", "5 h", "just now"

std::string statusLabel(std::string_view status);  // "pending_amazon" → "Pending Amazon"
void statusBadge(HtmlWriter& w, std::string_view status);

// A body as text, with each identifier occurrence linked to a search for it.
void linkedText(HtmlWriter& w, std::string_view text, const std::vector<Identifier>& ids);

// A button (shown only when JavaScript runs) that copies the text of element #targetId.
void copyButton(HtmlWriter& w, std::string_view targetId, std::string_view label = "Copy");

std::string urlEncode(std::string_view s);
std::string caseHref(std::string_view caseId);
std::string searchHref(std::string_view query);

}  // namespace caselog::web
