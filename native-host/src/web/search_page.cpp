// "/search?q=…": full-text search over every reply, note and subject, with the match
// highlighted (escaped first, then marked), filters, and cursor paging. With fragment=1 only
// the results are returned (the script swaps them in as you type).
#include "domain/category.hpp"
#include "service/case_service.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"
#include "web/params.hpp"

namespace caselog::web {

namespace {

void form(HtmlWriter& w, const Request& r) {
  w.open("form", {{"class", "filters"}, {"method", "get"}, {"action", "/search"}, {"role", "search"}});
  w.open("label", {{"class", "grow"}}).text("Search every case");
  w.voidTag("input", {{"type", "search"},
                      {"name", "q"},
                      {"value", r.arg("q")},
                      {"autofocus", ""},
                      {"placeholder", "ASIN, shipment ID, words from a reply…"},
                      {"data-search", ""},
                      {"data-live-search", ""}});
  w.close("label").open("label").text("From").open("select", {{"name", "author"}});
  const std::string author = r.arg("author");
  for (auto [value, label] : {std::pair{"", "Anyone"}, {"amazon", "Amazon"}, {"seller", "Seller"}}) {
    if (author == value)
      w.el("option", {{"value", value}, {"selected", ""}}, label);
    else
      w.el("option", {{"value", value}}, label);
  }
  w.close("select").close("label").open("label").text("Category").open("select", {{"name", "category"}});
  w.el("option", {{"value", ""}}, "Any");
  for (const auto& k : categoryKeys()) {
    if (r.arg("category") == k)
      w.el("option", {{"value", k}, {"selected", ""}}, categoryLabel(k));
    else
      w.el("option", {{"value", k}}, categoryLabel(k));
  }
  w.close("select").close("label").open("label").text("Sent from");
  w.voidTag("input", {{"type", "date"}, {"name", "from"}, {"value", r.arg("from")}});
  w.close("label").open("label").text("to");
  w.voidTag("input", {{"type", "date"}, {"name", "to"}, {"value", r.arg("to")}});
  w.close("label").el("button", {{"type", "submit"}, {"class", "primary"}}, "Search").close("form");
}

void results(HtmlWriter& w, const Request& r, const SearchQuery& q, const SearchPage& page) {
  if (q.text.empty()) {
    w.el("p", {{"class", "muted"}}, "Type an ASIN, an order or shipment ID, or words from a reply.");
    return;
  }
  if (page.hits.empty()) {
    w.el("p", {{"class", "muted"}}, "Nothing matches. Try fewer words or another spelling.");
    return;
  }
  w.open("ul", {{"class", "hits"}});
  for (const SearchHit& h : page.hits) {
    const std::string anchor = h.messageId ? "#m" + std::to_string(h.messageId) : "";
    w.open("li", {{"data-item", ""}}).open("div", {{"class", "row-main"}});
    w.el("a", {{"class", "subject"}, {"href", caseHref(h.caseId) + anchor}},
         h.subject.empty() ? h.caseId : h.subject);
    w.open("div", {{"class", "meta"}}).el("span", {{"class", "mono"}}, h.caseId);
    w.el("span", {{"class", "badge"}},
         h.author == "amazon"    ? "Amazon"
         : h.author == "seller"  ? "Seller"
         : h.author == "subject" ? "Subject"
         : h.author == "note"    ? "Your note"
                                 : h.author);
    timeTag(w, h.sentAt);
    w.close("div")
        .open("p", {{"class", "snippet"}})
        .markedText(h.snippet)
        .close("p")
        .close("div")
        .close("li");
  }
  w.close("ul");
  if (page.next)
    w.open("nav", {{"class", "pager"}})
        .el("a", {{"href", "/search" + queryWith(r, {{"cursor", *page.next}})}}, "More results →")
        .close("nav");
}

}  // namespace

SearchQuery searchQueryFrom(const Request& r) {
  SearchQuery q;
  q.text = r.arg("q");
  q.limit = intArg(r, "limit", 20, 1, 50);
  q.cursor = r.optArg("cursor");
  q.author = choiceArg(r, "author", {"amazon", "seller"});
  q.caseId = r.optArg("case");
  q.status = choiceArg(r, "status", statusKeys());
  q.category = choiceArg(r, "category", categoryKeys());
  q.from = timeArg(r, "from");
  q.to = timeArg(r, "to");
  return q;
}

Response searchPage(Context& ctx) {
  const SearchQuery q = searchQueryFrom(ctx.request);
  const SearchPage page = q.text.empty() ? SearchPage{} : ctx.service.search(q);
  HtmlWriter w;
  if (ctx.request.arg("fragment") == "1") {
    results(w, ctx.request, q, page);
    return Response::html(w.take());
  }
  pageStart(w, q.text.empty() ? "Search" : q.text + " — search", "search", &ctx.request);
  w.el("h1", "Search");
  form(w, ctx.request);
  w.open("div", {{"id", "results"}, {"aria-live", "polite"}});
  results(w, ctx.request, q, page);
  w.close("div");
  pageEnd(w);
  return Response::html(w.take());
}

}  // namespace caselog::web
