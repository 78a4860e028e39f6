// The JSON API under /api/: the same data as the pages, for scripts and the extension.
#include "core/json_text.hpp"
#include "service/case_service.hpp"
#include "web/json_view.hpp"
#include "web/pages.hpp"

namespace caselog::web {

Response apiCases(Context& ctx) {
  const CaseFilter f = caseFilterFrom(ctx.request);
  const CaseList list = ctx.service.listCases(f);
  nlohmann::json cases = nlohmann::json::array();
  for (std::size_t i = 0; i < list.cases.size(); ++i) {
    nlohmann::json c = caseSummaryJson(list.cases[i]);
    c["priority"] = toJson(list.priorities[i]);
    cases.push_back(std::move(c));
  }
  return Response::json(
      compactJson({{"cases", cases}, {"total", list.total}, {"offset", f.offset}, {"limit", f.limit}}));
}

Response apiCase(Context& ctx) {
  CaseService& s = ctx.service;
  const CaseRecord c = s.getCase(ctx.request.params.at(0));
  nlohmann::json j = caseWithMessagesJson(c);
  const auto verdicts = s.genericVerdicts(c);
  for (std::size_t i = 0; i < verdicts.size() && i < j["messages"].size(); ++i)
    j["messages"][i]["generic"] = toJson(verdicts[i]);
  j["priority"] = toJson(s.priority(c));
  j["nextStep"] = toJson(s.nextStep(c));
  j["events"] = toJsonArray(s.events(c.caseId));
  return Response::json(compactJson(j));
}

Response apiSearch(Context& ctx) {
  const SearchQuery q = searchQueryFrom(ctx.request);
  const SearchPage page = q.text.empty() ? SearchPage{} : ctx.service.search(q);
  return Response::json(compactJson(toJson(page)));
}

Response apiDue(Context& ctx) {
  return Response::json(compactJson({{"reminders", toJsonArray(ctx.service.due())}}));
}

Response apiTrends(Context& ctx) {
  return Response::json(compactJson(toJson(ctx.service.trends())));
}

}  // namespace caselog::web
