// "/cases/<id>": one case. The thread oldest first with Amazon and the seller told apart, generic
// reply badges with reasons, identifiers linked to searches; beside it the priority explanation,
// the suggested next step, notes, snooze, category, pin, and the events timeline.
#include "core/error.hpp"
#include "domain/category.hpp"
#include "service/case_service.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"

namespace caselog::web {

namespace {

void message(HtmlWriter& w, const StoredMessage& m, const GenericVerdict* verdict, const CaseRecord& c) {
  const bool amazon = m.author == "amazon";
  w.open("article", {{"class", amazon ? "msg amazon" : "msg seller"}, {"id", "m" + std::to_string(m.id)}});
  w.open("header").el("span", {{"class", "who"}}, m.sender.empty() ? (amazon ? "Amazon" : "You") : m.sender);
  w.el("span", amazon ? "Amazon" : "Seller");
  timeTag(w, m.sentAt);
  if (m.version > 1) w.el("span", {{"class", "badge"}}, "edited · version " + std::to_string(m.version));
  if (verdict && verdict->generic) {
    w.el("span",
         {{"class", "badge generic"},
          {"title",
           "How generic this reply looks: " + std::to_string(static_cast<int>(verdict->score * 100)) + "%"}},
         "Generic reply");
  }
  w.close("header").open("div", {{"class", "body"}});
  linkedText(w, m.body, c.identifiers);
  w.close("div");
  if (verdict && verdict->generic && !verdict->reasons.empty()) {
    w.open("p", {{"class", "reasons"}}).text("Why: ");
    for (std::size_t i = 0; i < verdict->reasons.size(); ++i) w.text(i ? "; " : "").text(verdict->reasons[i]);
    w.close("p");
  }
  w.close("article");
}

void header(HtmlWriter& w, const CaseRecord& c, const Priority& p) {
  w.el("h1", c.subject.empty() ? "(no subject)" : c.subject);
  w.open("div", {{"class", "case-head"}});
  priorityLabel(w, p);
  w.el("code", {{"id", "case-id"}}, c.caseId);
  copyButton(w, "case-id", "Copy ID");
  statusBadge(w, c.status);
  w.el("span", {{"class", "muted"}}, categoryLabel(c.category));
  w.el("span", {{"class", "muted"}}, c.marketplace);
  if (c.pinned) w.el("span", {{"class", "pin"}}, "Pinned");
  if (c.reopenCount > 0) w.el("span", {{"class", "badge"}}, "reopened ×" + std::to_string(c.reopenCount));
  w.close("div");
}

void nextStepPanel(HtmlWriter& w, const NextStep& step) {
  if (step.action.empty() || step.action == "none") return;
  w.open("section", {{"class", "panel"}}).el("h2", "Next step");
  w.open("p").el("strong", step.action);
  if (!step.team.empty()) w.text(" → ").text(step.team);
  w.close("p").el("p", step.reason);
  if (!step.draft.empty()) {
    w.el("pre", {{"class", "draft"}, {"id", "draft"}}, step.draft);
    copyButton(w, "draft", "Copy draft");
  }
  w.close("section");
}

void sidePanels(HtmlWriter& w, const Request& req, const CaseRecord& c, const Priority& p) {
  w.open("section", {{"class", "panel"}}).el("h2", "Priority " + p.label);
  priorityTerms(w, p);
  w.close("section");
  w.open("section", {{"class", "panel"}}).el("h2", "Identifiers");
  if (c.identifiers.empty()) w.el("p", {{"class", "muted"}}, "None found in this case.");
  w.open("ul", {{"class", "idents"}});
  for (const auto& id : c.identifiers)
    w.open("li")
        .el("a", {{"class", "ident"}, {"href", searchHref(id.value)}, {"title", id.kind}}, id.value)
        .close("li");
  w.close("ul").close("section");
  w.open("section", {{"class", "panel"}}).el("h2", "Follow-up");
  if (c.snoozedUntil) {
    w.open("p").text("Snoozed until ");
    timeTag(w, c.snoozedUntil);
    w.close("p");
  }
  snoozeForm(w, req, c.caseId, caseHref(c.caseId));
  w.open("div", {{"class", "actions"}});
  categoryForm(w, req, c);
  pinForm(w, req, c);
  w.close("div");
  w.open("p").el("a", {{"href", "/export/download?case=" + urlEncode(c.caseId) + "&format=html"}},
                 "Evidence export");
  w.close("p").close("section");
}

void notes(HtmlWriter& w, const Request& req, const CaseRecord& c) {
  w.el("h2", "Notes");
  for (const Note& n : c.notes) {
    w.open("div", {{"class", "panel"}}).open("p", {{"class", "muted"}});
    timeTag(w, n.at);
    w.close("p").el("div", {{"class", "body"}}, n.text).close("div");
  }
  noteForm(w, req, c.caseId);
}

void timeline(HtmlWriter& w, const std::vector<Event>& events) {
  w.el("h2", "Audit trail");
  w.open("ul", {{"class", "events"}});
  for (const Event& e : events) {
    w.open("li").el("span", {{"class", "kind"}}, e.kind);
    w.open("span", {{"class", "muted"}});
    timeTag(w, e.at);
    w.close("span").el("span", {{"class", "mono muted"}, {"title", "event hash " + e.hash}},
                       "#" + std::to_string(e.seq));
    w.close("li");
  }
  w.close("ul");
}

}  // namespace

Response casePage(Context& ctx) {
  CaseService& s = ctx.service;
  const CaseRecord c = s.getCase(ctx.request.params.at(0));
  const Priority p = s.priority(c);
  const auto verdicts = s.genericVerdicts(c);
  HtmlWriter w;
  pageStart(w, c.subject.empty() ? c.caseId : c.subject, "cases", &ctx.request);
  header(w, c, p);
  w.open("div", {{"class", "case-grid"}}).open("div");
  nextStepPanel(w, s.nextStep(c));
  w.el("h2", "Thread · " + std::to_string(c.messages.size()) + " messages, oldest first");
  w.open("div", {{"class", "thread"}});
  for (std::size_t i = 0; i < c.messages.size(); ++i)
    message(w, c.messages[i], i < verdicts.size() ? &verdicts[i] : nullptr, c);
  if (c.messages.empty())
    w.el("p", {{"class", "muted"}},
         "Only the case summary was captured; open the case in Seller Central to capture its thread.");
  w.close("div");
  notes(w, ctx.request, c);
  timeline(w, s.events(c.caseId));
  w.close("div").open("aside");
  sidePanels(w, ctx.request, c, p);
  w.close("aside").close("div");
  pageEnd(w);
  return Response::html(w.take());
}

}  // namespace caselog::web
