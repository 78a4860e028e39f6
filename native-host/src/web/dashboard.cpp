// "/": what to do next. The priority queue first, then what is due, then escalation candidates
// with drafted follow-ups, then headline counts. A fresh install gets a page that teaches.
#include "domain/category.hpp"
#include "service/case_service.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"

namespace caselog::web {

namespace {

constexpr int kQueueSize = 20;
constexpr int kCandidates = 5;
constexpr std::size_t kDueShown = 30;

std::size_t countWhere(CaseService& s, std::optional<std::string> status) {
  CaseFilter f;
  f.status = std::move(status);
  f.limit = 1;
  return s.listCases(f).total;
}

void headline(HtmlWriter& w, const char* label, std::size_t n, const std::string& href) {
  w.open("a", {{"class", "stat"}, {"href", href}});
  w.el("span", {{"class", "n"}}, std::to_string(n)).el("span", {{"class", "l"}}, label).close("a");
}

void emptyState(HtmlWriter& w) {
  w.open("section", {{"class", "empty"}});
  w.el("h1", "No cases yet");
  w.el("p",
       "CaseLog keeps a permanent, searchable record of your Seller Support cases. To get your first one:");
  w.open("ol");
  w.el("li", "Open a case in Seller Central (Help → Case Log → View case).");
  w.el("li", "Click “Save to CaseLog” next to the case title, or the CaseLog toolbar button.");
  w.el("li", "Come back here: the case, its replies and what to do next appear on this page.");
  w.close("ol");
  w.open("p").text("Just looking around? Fill a test database with realistic sample cases: ");
  w.el("code", {{"id", "demo-cmd"}}, "caselog --db /tmp/caselog-demo.db demo");
  copyButton(w, "demo-cmd");
  w.close("p").close("section");
}

void queue(HtmlWriter& w, const CaseList& list, Instant now) {
  w.open("section", {{"aria-labelledby", "queue-h"}}).el("h2", {{"id", "queue-h"}}, "Priority queue");
  w.open("ol", {{"class", "queue"}, {"data-list", ""}});
  for (std::size_t i = 0; i < list.cases.size(); ++i) {
    const CaseRecord& c = list.cases[i];
    const Priority& p = list.priorities[i];
    w.open("li", {{"data-item", ""}});
    priorityLabel(w, p);
    w.open("div", {{"class", "row-main"}});
    w.el("a", {{"class", "subject"}, {"href", caseHref(c.caseId)}},
         c.subject.empty() ? "(no subject)" : c.subject);
    w.open("div", {{"class", "meta"}}).el("span", {{"class", "mono"}}, c.caseId);
    statusBadge(w, c.status);
    w.el("span", categoryLabel(c.category));
    w.el("span", {{"title", "last activity"}}, ageText(now, c.updatedAt) + " ago");
    if (c.pinned) w.el("span", {{"class", "pin"}}, "Pinned");
    w.close("div");
    w.open("details", {{"class", "why"}}).el("summary", "Why " + p.label);
    priorityTerms(w, p);
    w.close("details").close("div").close("li");
  }
  w.close("ol");
  w.open("p").el("a", {{"href", "/cases"}}, "All cases →").close("p").close("section");
}

void dueList(HtmlWriter& w, const Request& req, const std::vector<Reminder>& due) {
  w.open("section", {{"aria-labelledby", "due-h"}}).el("h2", {{"id", "due-h"}}, "Due now");
  if (due.empty())
    w.el("p", {{"class", "muted"}}, "Nothing is due. CaseLog will remind you here and in the browser.");
  w.open("ul", {{"class", "due"}});
  for (std::size_t i = 0; i < due.size() && i < kDueShown; ++i) {
    const Reminder& r = due[i];
    w.open("li").open("div", {{"class", "row-main"}});
    w.el("a", {{"class", "subject"}, {"href", caseHref(r.caseId)}}, r.subject.empty() ? r.caseId : r.subject);
    w.open("div", {{"class", "meta"}}).el("span", {{"class", "rule"}}, r.rule).el("span", r.message);
    w.text("due ");
    timeTag(w, r.dueAt);
    w.close("div").close("div").open("div", {{"class", "actions"}});
    snoozeForm(w, req, r.caseId, "/");
    dismissForm(w, req, r.caseId, r.rule, "/");
    w.close("div").close("li");
  }
  w.close("ul");
  if (due.size() > kDueShown)
    w.el("p", {{"class", "muted"}},
         "and " + std::to_string(due.size() - kDueShown) + " more (highest priority shown first)");
  w.close("section");
}

void candidates(HtmlWriter& w, CaseService& s, const CaseList& list) {
  HtmlWriter items;
  int shown = 0;
  for (const CaseRecord& summary : list.cases) {
    if (shown == kCandidates) break;
    const CaseRecord c = s.getCase(summary.caseId);
    const NextStep step = s.nextStep(c);
    if (step.action != "reopen" && step.action != "escalate" && step.action != "redirect") continue;
    const std::string draftId = "draft-" + c.caseId;
    items.open("li").open("div", {{"class", "row-main"}});
    items.el("a", {{"class", "subject"}, {"href", caseHref(c.caseId)}}, c.subject);
    items.open("p", {{"class", "meta"}}).el("strong", step.action);
    if (!step.team.empty()) items.text(" → ").text(step.team);
    items.text(" · ").text(step.reason).close("p");
    items.open("details").el("summary", "Drafted follow-up");
    items.el("pre", {{"class", "draft"}, {"id", draftId}}, step.draft);
    copyButton(items, draftId, "Copy draft");
    items.close("details").close("div").close("li");
    ++shown;
  }
  if (shown == 0) return;
  w.open("section", {{"aria-labelledby", "esc-h"}}).el("h2", {{"id", "esc-h"}}, "Reopen or escalate");
  w.open("ul", {{"class", "candidates"}}).append(items).close("ul").close("section");
}

}  // namespace

Response dashboardPage(Context& ctx) {
  CaseService& s = ctx.service;
  CaseFilter top;
  top.limit = kQueueSize;
  const CaseList list = s.listCases(top);
  HtmlWriter w;
  pageStart(w, "Dashboard", "dashboard", &ctx.request);
  if (list.total == 0) {
    emptyState(w);
    pageEnd(w);
    return Response::html(w.take());
  }
  const auto due = s.due();
  w.open("div", {{"class", "stats"}});
  headline(w, "cases", list.total, "/cases");
  headline(w, "need your reply", countWhere(s, "needs_seller"), "/cases?status=needs_seller");
  headline(w, "pending Amazon", countWhere(s, "pending_amazon"), "/cases?status=pending_amazon");
  headline(w, "due now", due.size(), "/#due-h");
  w.close("div");
  w.open("div", {{"class", "dash"}});
  queue(w, list, s.now());
  w.open("div", {{"class", "side"}});
  dueList(w, ctx.request, due);
  candidates(w, s, list);
  w.close("div").close("div");
  pageEnd(w);
  return Response::html(w.take());
}

}  // namespace caselog::web
