// Queries: cases, events, search, the audit chain. Validation here, the work in the store.
#include <algorithm>

#include "core/error.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

namespace caselog {

std::optional<CaseRecord> CaseService::findCase(const std::string& caseId, bool withMessages) {
  return store_.findCase(caseId, withMessages);
}

CaseRecord CaseService::getCase(const std::string& caseId) {
  auto c = store_.findCase(caseId, true);
  if (!c) throw Error(ErrorCode::not_found, "no case " + caseId);
  return std::move(*c);
}

CaseList CaseService::listCases(const CaseFilter& filter) {
  if (filter.sort != "priority" && filter.sort != "updated" && filter.sort != "created")
    throw Error(ErrorCode::bad_request,
                "sort must be priority, updated or created, not '" + filter.sort + "'");
  CaseFilter f = filter;
  f.limit = std::clamp(f.limit, 1, 1000);
  f.offset = std::max(0, f.offset);
  return store_.listCases(f);
}

std::vector<Event> CaseService::events(const std::string& caseId) {
  return store_.events(caseId);
}

std::vector<Event> CaseService::allEvents() {
  return store_.allEvents();
}

SearchPage CaseService::search(const SearchQuery& query) {
  if (query.author && *query.author != "amazon" && *query.author != "seller")
    throw Error(ErrorCode::bad_request,
                "author must be \"amazon\" or \"seller\", not '" + *query.author + "'");
  if (query.from && query.to && *query.from >= *query.to)
    throw Error(ErrorCode::bad_request, "search range is empty: from must be before to");
  SearchQuery q = query;
  q.limit = std::clamp(q.limit, 1, 50);
  return store_.search(q);
}

VerifyReport CaseService::verify() {
  return store_.verify();
}

ChainHead CaseService::chainHead() {
  return store_.chainHead();
}

}  // namespace caselog
