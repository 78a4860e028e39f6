// "/trends": which case types recur, how fast Amazon answers, how often the answer is a template.
#include <cstdio>

#include "domain/category.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"
#include "web/charts.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"

namespace caselog::web {

namespace {

std::string hoursText(double h) {
  char buf[32];
  if (h < 48)
    std::snprintf(buf, sizeof buf, "%.0f h", h);
  else
    std::snprintf(buf, sizeof buf, "%.1f d", h / 24);
  return buf;
}

std::string percent(double rate) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", rate * 100);
  return buf;
}

void stat(HtmlWriter& w, const std::string& n, const char* label) {
  w.open("div", {{"class", "stat"}})
      .el("span", {{"class", "n"}}, n)
      .el("span", {{"class", "l"}}, label)
      .close("div");
}

void timesFigure(HtmlWriter& w, const Trends& t, bool resolution) {
  std::vector<Bar> bars;
  for (const auto& ct : t.times) {
    const double h = resolution ? ct.medianHoursToResolution : ct.medianHoursToFirstReply;
    if (h >= 0) bars.push_back({categoryLabel(ct.category), h, hoursText(h)});
  }
  const char* title = resolution ? "Median time to resolution" : "Median time to Amazon's first reply";
  w.open("figure").el("figcaption", title);
  if (bars.empty())
    w.el("p", {{"class", "muted"}}, "Not enough replies yet.");
  else
    barChart(w, bars, title);
  w.close("figure");
}

void recurringTable(HtmlWriter& w, const std::vector<RecurringIssue>& issues) {
  w.el("h2", "Recurring issues");
  if (issues.empty()) {
    w.el("p", {{"class", "muted"}}, "No issue has come back yet.");
    return;
  }
  w.open("div", {{"class", "tablewrap"}}).open("table").open("thead").open("tr");
  w.el("th", "Category")
      .el("th", "Shared")
      .el("th", {{"class", "n"}}, "Cases")
      .el("th", "Likely cause")
      .el("th", "Cases");
  w.close("tr").close("thead").open("tbody");
  for (const auto& r : issues) {
    w.open("tr").el("td", categoryLabel(r.category)).open("td");
    w.el("span", {{"class", "muted"}}, r.kind + " ")
        .el("a", {{"href", searchHref(r.key)}}, r.key)
        .close("td");
    w.el("td", {{"class", "n"}}, std::to_string(r.caseIds.size())).el("td", r.hint).open("td");
    for (std::size_t i = 0; i < r.caseIds.size() && i < 6; ++i)
      w.text(i ? " " : "").el("a", {{"class", "mono"}, {"href", caseHref(r.caseIds[i])}}, r.caseIds[i]);
    w.close("td").close("tr");
  }
  w.close("tbody").close("table").close("div");
}

}  // namespace

Response trendsPage(Context& ctx) {
  const Trends t = ctx.service.trends();
  HtmlWriter w;
  pageStart(w, "Trends", "trends", &ctx.request);
  w.el("h1", "Trends");
  w.open("div", {{"class", "stats"}});
  stat(w, std::to_string(t.cases), "cases");
  stat(w, percent(t.genericReplyRate), "of Amazon replies generic");
  stat(w, percent(t.reopenRate), "of cases reopened");
  stat(w, std::to_string(t.recurring.size()), "recurring issues");
  w.close("div");
  w.open("div", {{"class", "charts"}});
  w.open("figure").el("figcaption", "Cases per category per week");
  if (t.perWeek.empty())
    w.el("p", {{"class", "muted"}}, "No cases in the last 26 weeks.");
  else
    weeklyChart(w, t.perWeek);
  w.close("figure");
  timesFigure(w, t, false);
  timesFigure(w, t, true);
  w.open("figure").el("figcaption", "Generic replies");
  barChart(w,
           {{"Generic", static_cast<double>(t.genericReplies), std::to_string(t.genericReplies)},
            {"Specific", static_cast<double>(t.amazonReplies - t.genericReplies),
             std::to_string(t.amazonReplies - t.genericReplies)}},
           "Generic replies");
  w.el("p", {{"class", "muted"}},
       percent(t.genericReplyRate) + " of " + std::to_string(t.amazonReplies) +
           " Amazon replies look like templates.");
  w.close("figure").close("div");
  recurringTable(w, t.recurring);
  pageEnd(w);
  return Response::html(w.take());
}

}  // namespace caselog::web
