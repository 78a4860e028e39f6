// Case categories: the page's raw category mapped, or inferred from subject and bodies by the
// rules in the configuration. The seller's override (CaseRecord::categoryOverride) always wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "domain/config.hpp"

namespace caselog {

// Keys: listing_suppressed, catalog_error, fba_inventory, fba_shipment, account_health, policy,
// feedback_dispute, brand_registry, payments, advertising, other.
const std::vector<std::string>& categoryKeys();
bool isCategoryKey(std::string_view key);
std::string categoryLabel(std::string_view key);  // "Listing suppressed / ASIN removed"

// Uses c.categoryOverride, then c.categoryRaw, then subject and message bodies.
std::string inferCategory(const CaseRecord& c, const Config& config);

}  // namespace caselog
