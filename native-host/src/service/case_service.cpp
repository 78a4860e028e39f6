#include "service/case_service.hpp"

#include "domain/config.hpp"
#include "storage/store.hpp"

namespace caselog {

CaseService::CaseService(Store& store, const Config& config, Clock clock)
    : store_(store), config_(config), clock_(std::move(clock)) {}

CaseService::~CaseService() = default;

}  // namespace caselog
