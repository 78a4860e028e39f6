// "/cases": every case, filtered by status, category, marketplace and date, sorted, paged.
#include "domain/category.hpp"
#include "service/case_service.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"
#include "web/params.hpp"

namespace caselog::web {

namespace {

constexpr int kPageSize = 50;

void select(HtmlWriter& w, const char* name, const char* label, const std::vector<std::string>& keys,
            const std::optional<std::string>& chosen, std::string (*text)(std::string_view)) {
  w.open("label").text(label).open("select", {{"name", name}});
  w.el("option", {{"value", ""}}, "Any");
  for (const auto& k : keys) {
    if (chosen && *chosen == k)
      w.el("option", {{"value", k}, {"selected", ""}}, text(k));
    else
      w.el("option", {{"value", k}}, text(k));
  }
  w.close("select").close("label");
}

void filters(HtmlWriter& w, const Request& r, const CaseFilter& f) {
  w.open("form", {{"class", "filters"}, {"method", "get"}, {"action", "/cases"}});
  select(w, "status", "Status", statusKeys(), f.status, statusLabel);
  select(w, "category", "Category", categoryKeys(), f.category, categoryLabel);
  w.open("label").text("Marketplace");
  w.voidTag("input", {{"type", "text"},
                      {"name", "marketplace"},
                      {"value", r.arg("marketplace")},
                      {"placeholder", "sellercentral.amazon.com"}});
  w.close("label").open("label").text("Updated from");
  w.voidTag("input", {{"type", "date"}, {"name", "from"}, {"value", r.arg("from")}});
  w.close("label").open("label").text("to");
  w.voidTag("input", {{"type", "date"}, {"name", "to"}, {"value", r.arg("to")}});
  w.close("label");
  select(w, "sort", "Sort", {"priority", "updated", "created"}, f.sort, [](std::string_view s) {
    return std::string(s == "priority" ? "Priority" : s == "updated" ? "Last activity" : "Opened");
  });
  w.el("button", {{"type", "submit"}, {"class", "primary"}}, "Apply");
  w.close("form");
}

void table(HtmlWriter& w, const CaseList& list, Instant now) {
  w.open("div", {{"class", "tablewrap"}}).open("table").open("thead").open("tr");
  w.el("th", "P").el("th", "Case").el("th", "Subject").el("th", "Status");
  w.el("th", {{"class", "opt"}}, "Category")
      .el("th", {{"class", "n"}}, "Idle")
      .el("th", {{"class", "n opt"}}, "Msgs");
  w.close("tr").close("thead").open("tbody");
  for (std::size_t i = 0; i < list.cases.size(); ++i) {
    const CaseRecord& c = list.cases[i];
    w.open("tr", {{"data-item", ""}}).open("td");
    priorityLabel(w, list.priorities[i]);
    w.close("td").open("td", {{"class", "mono"}}).text(c.caseId).close("td");
    w.open("td", {{"class", "subj"}})
        .el("a", {{"href", caseHref(c.caseId)}, {"title", c.subject}}, c.subject)
        .close("td");
    w.open("td");
    statusBadge(w, c.status);
    w.close("td").el("td", {{"class", "opt"}}, categoryLabel(c.category));
    w.el("td", {{"class", "n"}}, ageText(now, c.updatedAt));
    w.el("td", {{"class", "n opt"}}, std::to_string(c.messageCount)).close("tr");
  }
  w.close("tbody").close("table").close("div");
}

void pager(HtmlWriter& w, const Request& r, const CaseFilter& f, std::size_t total) {
  w.open("nav", {{"class", "pager"}, {"aria-label", "Pages"}});
  if (f.offset > 0)
    w.el("a",
         {{"href", "/cases" + queryWith(r, {{"offset", std::to_string(std::max(0, f.offset - f.limit))}})}},
         "← Previous");
  const std::size_t last = std::min(total, static_cast<std::size_t>(f.offset + f.limit));
  w.el("span", {{"class", "muted"}},
       std::to_string(total == 0 ? 0 : f.offset + 1) + "–" + std::to_string(last) + " of " +
           std::to_string(total));
  if (last < total)
    w.el("a", {{"href", "/cases" + queryWith(r, {{"offset", std::to_string(last)}})}}, "Next →");
  w.close("nav");
}

}  // namespace

CaseFilter caseFilterFrom(const Request& r) {
  CaseFilter f;
  f.status = choiceArg(r, "status", statusKeys());
  f.category = choiceArg(r, "category", categoryKeys());
  f.marketplace = r.optArg("marketplace");
  f.from = timeArg(r, "from");
  f.to = timeArg(r, "to");
  f.sort = choiceArg(r, "sort", {"priority", "updated", "created"}).value_or("priority");
  f.limit = intArg(r, "limit", kPageSize, 1, 200);
  f.offset = intArg(r, "offset", 0, 0, 100000000);
  return f;
}

Response casesPage(Context& ctx) {
  const CaseFilter f = caseFilterFrom(ctx.request);
  const CaseList list = ctx.service.listCases(f);
  HtmlWriter w;
  pageStart(w, "Cases", "cases", &ctx.request);
  w.el("h1", "Cases");
  filters(w, ctx.request, f);
  if (list.cases.empty())
    w.el("p", {{"class", "empty"}}, "No case matches these filters.");
  else
    table(w, list, ctx.service.now());
  pager(w, ctx.request, f, list.total);
  pageEnd(w);
  return Response::html(w.take());
}

}  // namespace caselog::web
