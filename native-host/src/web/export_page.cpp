// "/export": choose one case or a date range and a format; /export/download returns the file
// (printable HTML with the audit-chain head, JSON or CSV).
#include "service/case_service.hpp"
#include "web/evidence.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"
#include "web/params.hpp"
#include "web/security.hpp"

namespace caselog::web {

namespace {

ExportSelection selectionFrom(const Request& r) {
  ExportSelection s;
  s.caseId = r.optArg("case");
  s.from = timeArg(r, "from");
  s.to = timeArg(r, "to");
  return s;
}

}  // namespace

Response exportPage(Context& ctx) {
  const ChainHead head = ctx.service.chainHead();
  HtmlWriter w;
  pageStart(w, "Evidence export", "export", &ctx.request);
  w.el("h1", "Evidence export");
  w.el("p",
       "Every message exactly as captured, when CaseLog captured it, and the head of the audit chain, "
       "so anyone can check nothing was changed afterwards.");
  w.open("p", {{"class", "muted"}}).text("Audit-chain head: event #").number(head.seq).text(" · ");
  w.el("code", {{"id", "chain-head"}}, head.hash);
  copyButton(w, "chain-head");
  w.close("p");
  w.open("form", {{"class", "filters"}, {"method", "get"}, {"action", "/export/download"}});
  w.open("label").text("Case ID (or leave empty)");
  w.voidTag(
      "input",
      {{"type", "text"}, {"name", "case"}, {"value", ctx.request.arg("case")}, {"inputmode", "numeric"}});
  w.close("label").open("label").text("Activity from");
  w.voidTag("input", {{"type", "date"}, {"name", "from"}});
  w.close("label").open("label").text("to");
  w.voidTag("input", {{"type", "date"}, {"name", "to"}});
  w.close("label").open("label").text("Format").open("select", {{"name", "format"}});
  w.el("option", {{"value", "html"}}, "Printable HTML").el("option", {{"value", "json"}}, "JSON");
  w.el("option", {{"value", "csv"}}, "CSV (one row per message)").close("select").close("label");
  w.el("button", {{"type", "submit"}, {"class", "primary"}}, "Download");
  w.close("form");
  pageEnd(w);
  return Response::html(w.take());
}

Response exportDownload(Context& ctx) {
  const ExportSelection s = selectionFrom(ctx.request);
  const std::string format = choiceArg(ctx.request, "format", {"html", "json", "csv"}).value_or("html");
  const std::string name = "caselog-evidence" + (s.caseId ? "-" + *s.caseId : std::string()) + "." + format;
  Response r;
  if (format == "json") {
    r = Response::json(evidenceJson(ctx.service, s));
  } else if (format == "csv") {
    r = Response::html(evidenceCsv(ctx.service, s));
    r.contentType = "text/csv; charset=utf-8";
  } else {
    r = Response::html(renderEvidenceHtml(ctx.service, s));
    // The file carries its own <style>; allow exactly that stylesheet and nothing else.
    r.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'none'; style-src " + evidenceStyleCspSource() + "; frame-ancestors 'none'");
  }
  if (format != "html" || ctx.request.arg("download") == "1")
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + urlEncode(name) + "\"");
  return r;
}

}  // namespace caselog::web
