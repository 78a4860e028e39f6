// The evidence bundle as printable HTML. Self-contained (its stylesheet is inside, so the file
// opens anywhere); every captured text is escaped by the writer.
#include "web/export_html.hpp"

#include "core/error.hpp"
#include "domain/category.hpp"
#include "service/case_service.hpp"
#include "web/evidence.hpp"
#include "web/html.hpp"

namespace caselog {

namespace {

using web::HtmlWriter;

std::string iso(const std::optional<Instant>& t) {
  return t ? formatIso8601(*t) : "—";
}

void row(HtmlWriter& w, const char* label, const std::string& value) {
  w.open("tr").el("th", label).el("td", value).close("tr");
}

void caseSection(HtmlWriter& w, const CaseRecord& c, const std::vector<Event>& events) {
  w.open("section", {{"class", "case"}});
  w.el("h2", "Case " + c.caseId + " — " + c.subject);
  w.open("table", {{"class", "facts"}});
  row(w, "Case ID", c.caseId);
  row(w, "Marketplace", c.marketplace);
  row(w, "Status", c.statusRaw + " (" + c.status + ")");
  row(w, "Category", categoryLabel(c.category));
  row(w, "Opened", iso(c.createdAt));
  row(w, "First captured", formatIso8601(c.firstCapturedAt));
  row(w, "Last captured", formatIso8601(c.lastCapturedAt));
  w.close("table");
  w.el("h3", "Messages (" + std::to_string(c.messages.size()) + "), verbatim, oldest first");
  for (const StoredMessage& m : c.messages) {
    w.open("article", {{"class", m.author == "amazon" ? "m amazon" : "m seller"}});
    w.open("p", {{"class", "h"}})
        .el("strong", (m.author == "amazon" ? "Amazon" : "Seller") + std::string(" · ") + m.sender);
    w.text(" · sent ").text(iso(m.sentAt)).text(" · captured ").text(formatIso8601(m.capturedAt));
    if (m.version > 1) w.text(" · version ").number(m.version);
    w.close("p").el("pre", m.body).close("article");
  }
  w.el("h3", "Audit events");
  w.open("table", {{"class", "events"}})
      .open("tr")
      .el("th", "Seq")
      .el("th", "Kind")
      .el("th", "At (UTC)")
      .el("th", "Hash");
  w.close("tr");
  for (const Event& e : events)
    w.open("tr")
        .el("td", std::to_string(e.seq))
        .el("td", e.kind)
        .el("td", formatIso8601(e.at))
        .el("td", e.hash)
        .close("tr");
  w.close("table").close("section");
}

}  // namespace

std::string renderEvidenceHtml(CaseService& service, const ExportSelection& selection) {
  const auto cases = web::selectEvidenceCases(service, selection);
  const ChainHead head = service.chainHead();
  HtmlWriter w;
  w.trusted("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
  w.trusted("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
  w.el("title", "CaseLog evidence export");
  w.open("style").trusted(web::kEvidenceStyle).close("style").trusted("</head><body>");
  w.open("header", {{"class", "cover"}}).el("h1", "CaseLog evidence export");
  w.open("table", {{"class", "facts"}});
  row(w, "Generated", formatIso8601(service.now()));
  row(w, "Selection", web::describeSelection(selection));
  row(w, "Cases", std::to_string(cases.size()));
  row(w, "Audit-chain head", "event #" + std::to_string(head.seq) + ", hash " + head.hash);
  w.close("table");
  w.el("p",
       "Messages are reproduced exactly as captured. Each event's hash chains to the one before it; "
       "`caselog verify` re-checks the chain up to the head above.");
  w.close("header");
  for (const CaseRecord& c : cases) caseSection(w, c, service.events(c.caseId));
  w.trusted("</body></html>");
  return w.take();
}

}  // namespace caselog
