#include "web/layout.hpp"

#include <cstdio>
#include <ctime>

#include "domain/category.hpp"

namespace caselog::web {

namespace {

struct NavItem {
  const char* key;
  const char* href;
  const char* label;
};

constexpr NavItem kNav[] = {{"dashboard", "/", "Dashboard"},
                            {"cases", "/cases", "Cases"},
                            {"search", "/search", "Search"},
                            {"trends", "/trends", "Trends"},
                            {"export", "/export", "Export"}};

std::string formatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", v);
  return buf;
}

}  // namespace

void pageStart(HtmlWriter& w, std::string_view title, std::string_view active, const Request* request) {
  w.trusted("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
  w.trusted("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
  w.trusted("<meta name=\"color-scheme\" content=\"light dark\">");
  w.open("title").text(title).text(" · CaseLog").close("title");
  w.trusted("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">");
  w.trusted("<link rel=\"stylesheet\" href=\"/static/caselog.css\">");
  w.trusted("<script src=\"/static/caselog.js\" defer></script></head><body>");
  w.trusted("<a class=\"skip\" href=\"#main\">Skip to content</a>");
  w.trusted("<header class=\"top\"><a class=\"brand\" href=\"/\">CaseLog</a><nav aria-label=\"Main\">");
  for (const NavItem& item : kNav) {
    if (active == item.key)
      w.el("a", {{"href", item.href}, {"aria-current", "page"}}, item.label);
    else
      w.el("a", {{"href", item.href}}, item.label);
  }
  w.trusted("</nav><form class=\"quick\" action=\"/search\" method=\"get\" role=\"search\">");
  const std::string q = request ? request->arg("q") : std::string();
  w.voidTag("input", {{"type", "search"},
                      {"name", "q"},
                      {"value", q},
                      {"placeholder", "Search replies  /"},
                      {"aria-label", "Search all cases"},
                      {"data-search", ""}});
  w.trusted("</form></header><main id=\"main\">");
}

void pageEnd(HtmlWriter& w) {
  w.trusted("</main><footer class=\"foot\">CaseLog ");
  w.text(CASELOG_VERSION);
  w.trusted(
      " · your records stay on this machine · <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> move, "
      "<kbd>Enter</kbd> open</footer></body></html>");
}

void csrfField(HtmlWriter& w, const Request& request) {
  w.voidTag("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", request.csrfToken}});
}

std::string priorityTitle(const Priority& p) {
  std::string t = p.label + " · score " + formatNumber(p.score).substr(p.score >= 0 ? 1 : 0);
  for (const auto& term : p.terms) {
    if (term.contribution == 0) continue;
    t += "\n" + (term.explanation.empty() ? term.name : term.explanation) + " " +
         formatNumber(term.contribution);
  }
  return t;
}

void priorityLabel(HtmlWriter& w, const Priority& p) {
  std::string cls = "label ";
  for (char c : p.label) cls += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  w.el("span", {{"class", cls}, {"title", priorityTitle(p)}}, p.label);
}

void priorityTerms(HtmlWriter& w, const Priority& p) {
  w.open("ul", {{"class", "terms"}});
  for (const auto& term : p.terms) {
    if (term.contribution == 0) continue;
    w.open("li").el("span", term.explanation.empty() ? term.name : term.explanation);
    w.el("span", {{"class", "num"}}, formatNumber(term.contribution)).close("li");
  }
  w.close("ul");
}

std::string localTime(Instant t, bool withDate) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&secs, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, withDate ? "%b %e, %Y %H:%M" : "%H:%M", &tm);
  std::string s = buf;
  if (auto pos = s.find("  "); pos != std::string::npos) s.erase(pos, 1);
  return s;
}

void timeTag(HtmlWriter& w, std::optional<Instant> t, bool withDate) {
  if (!t) {
    w.el("span", {{"class", "muted"}}, "—");
    return;
  }
  const std::string iso = formatIso8601(*t);
  w.el("time", {{"datetime", iso}, {"title", iso + " (UTC)"}}, localTime(*t, withDate));
}

std::string ageText(Instant now, std::optional<Instant> t) {
  if (!t) return "—";
  const auto secs = (now - *t).count();
  if (secs < 60) return "just now";
  if (secs < 3600) return std::to_string(secs / 60) + " min";
  if (secs < 86400) return std::to_string(secs / 3600) + " h";
  return std::to_string(secs / 86400) + " d";
}

std::string statusLabel(std::string_view status) {
  if (status == "pending_amazon") return "Pending Amazon";
  if (status == "needs_seller") return "Needs your reply";
  if (status == "work_in_progress") return "Work in progress";
  if (status.empty()) return "Unknown";
  std::string s(status);
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

void statusBadge(HtmlWriter& w, std::string_view status) {
  std::string cls = "status s-";
  cls += status;
  w.el("span", {{"class", cls}}, statusLabel(status));
}

void linkedText(HtmlWriter& w, std::string_view text, const std::vector<Identifier>& ids) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t best = std::string_view::npos;
    const Identifier* found = nullptr;
    for (const auto& id : ids) {
      if (id.kind == "amount" || id.value.size() < 4) continue;
      std::size_t at = text.find(id.value, pos);
      if (at < best || (at == best && found && id.value.size() > found->value.size())) best = at, found = &id;
    }
    if (!found) break;
    w.text(text.substr(pos, best - pos));
    w.el("a",
         {{"class", "ident"},
          {"href", searchHref(found->value)},
          {"title", "Search every case for this " + found->kind}},
         found->value);
    pos = best + found->value.size();
  }
  w.text(text.substr(std::min(pos, text.size())));
}

void copyButton(HtmlWriter& w, std::string_view targetId, std::string_view label) {
  w.el("button", {{"type", "button"}, {"class", "copy"}, {"data-copy", targetId}, {"hidden", ""}}, label);
}

std::string urlEncode(std::string_view s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::string caseHref(std::string_view caseId) {
  return "/cases/" + urlEncode(caseId);
}
std::string searchHref(std::string_view query) {
  return "/search?q=" + urlEncode(query);
}

}  // namespace caselog::web
