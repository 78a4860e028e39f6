// The JSON API under /api/: the same data as the pages, for scripts and the extension.
#include "service/case_service.hpp"
#include "web/json_view.hpp"
#include "web/pages.hpp"

namespace caselog::web {

Response apiCases(Context& ctx) {
  const CaseFilter f = caseFilterFrom(ctx.request);
  const CaseList list = ctx.service.listCases(f);
  nlohmann::json cases = nlohmann::json::array();
  for (std::size_t i = 0; i < list.cases.size(); ++i) {
    nlohmann::json c = toJson(list.cases[i]);
    c.erase("messages");
    c["priority"] = toJson(list.priorities[i]);
    cases.push_back(std::move(c));
  }
  return Response::json(
      dumpJson({{"cases", cases}, {"total", list.total}, {"offset", f.offset}, {"limit", f.limit}}));
}

Response apiCase(Context& ctx) {
  CaseService& s = ctx.service;
  const CaseRecord c = s.getCase(ctx.request.params.at(0));
  nlohmann::json j = toJson(c);
  const auto verdicts = s.genericVerdicts(c);
  for (std::size_t i = 0; i < verdicts.size() && i < j["messages"].size(); ++i)
    j["messages"][i]["generic"] = toJson(verdicts[i]);
  j["priority"] = toJson(s.priority(c));
  j["nextStep"] = toJson(s.nextStep(c));
  nlohmann::json events = nlohmann::json::array();
  for (const Event& e : s.events(c.caseId)) events.push_back(toJson(e));
  j["events"] = std::move(events);
  return Response::json(dumpJson(j));
}

Response apiSearch(Context& ctx) {
  const SearchQuery q = searchQueryFrom(ctx.request);
  const SearchPage page = q.text.empty() ? SearchPage{} : ctx.service.search(q);
  nlohmann::json hits = nlohmann::json::array();
  for (const SearchHit& h : page.hits) hits.push_back(toJson(h));
  return Response::json(
      dumpJson({{"hits", hits}, {"next", page.next ? nlohmann::json(*page.next) : nlohmann::json(nullptr)}}));
}

Response apiDue(Context& ctx) {
  nlohmann::json reminders = nlohmann::json::array();
  for (const Reminder& r : ctx.service.due()) reminders.push_back(toJson(r));
  return Response::json(dumpJson({{"reminders", reminders}}));
}

Response apiTrends(Context& ctx) {
  return Response::json(dumpJson(toJson(ctx.service.trends())));
}

}  // namespace caselog::web
