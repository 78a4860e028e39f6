// The route table: the URLs are a contract (DESIGN.md "History view"; the extension links here).
#include "web/pages.hpp"

namespace caselog::web {

std::vector<Route> allRoutes() {
  return {
      {"GET", "/", Access::page, dashboardPage},
      {"GET", "/cases", Access::page, casesPage},
      {"GET", "/cases/*", Access::page, casePage},
      {"GET", "/search", Access::page, searchPage},
      {"GET", "/trends", Access::page, trendsPage},
      {"GET", "/export", Access::page, exportPage},
      {"GET", "/export/download", Access::live, exportDownload},
      {"GET", "/api/cases", Access::page, apiCases},
      {"GET", "/api/cases/*", Access::page, apiCase},
      {"GET", "/api/search", Access::page, apiSearch},
      {"GET", "/api/due", Access::page, apiDue},
      {"GET", "/api/trends", Access::page, apiTrends},
      {"POST", "/cases/*/note", Access::action, noteAction},
      {"POST", "/cases/*/snooze", Access::action, snoozeAction},
      {"POST", "/cases/*/category", Access::action, categoryAction},
      {"POST", "/cases/*/pin", Access::action, pinAction},
      {"POST", "/cases/*/dismiss", Access::action, dismissAction},
      {"GET", "/static/*", Access::asset, staticAsset},
  };
}

}  // namespace caselog::web
