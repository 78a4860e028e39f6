// One handler per route (the table is in routes.cpp). Each file holds one page or one family.
#pragma once

#include "service/case_service.hpp"
#include "web/router.hpp"

namespace caselog::web {

Response dashboardPage(Context& ctx);         // dashboard.cpp
Response casesPage(Context& ctx);             // cases_page.cpp
CaseFilter caseFilterFrom(const Request& r);  // /cases and /api/cases share the filters
Response casePage(Context& ctx);              // case_page.cpp
Response searchPage(Context& ctx);            // search_page.cpp
SearchQuery searchQueryFrom(const Request& r);
Response trendsPage(Context& ctx);  // trends_page.cpp
Response exportPage(Context& ctx);  // export_page.cpp
Response exportDownload(Context& ctx);

Response apiCases(Context& ctx);  // api.cpp
Response apiCase(Context& ctx);
Response apiSearch(Context& ctx);
Response apiDue(Context& ctx);
Response apiTrends(Context& ctx);

Response noteAction(Context& ctx);  // actions.cpp
Response snoozeAction(Context& ctx);
Response categoryAction(Context& ctx);
Response pinAction(Context& ctx);
Response dismissAction(Context& ctx);

Response staticAsset(Context& ctx);  // assets.cpp

}  // namespace caselog::web
