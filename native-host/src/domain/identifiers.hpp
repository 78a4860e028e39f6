// Identifiers inside subjects and message bodies: ASINs, order IDs, FBA shipment IDs, SKUs
// (only where labelled) and money amounts with a currency. Pure; a hand-written scanner (no
// regex) so that importing millions of messages stays fast.
#pragma once

#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace caselog {

// Kinds (Identifier::kind):
//  "asin"     B0 + 8 upper-case letters/digits ("B08XYZ1234"); a 10-digit ISBN-style ASIN only
//             right after the label "ASIN" ("ASIN: 0123456789").
//  "order"    3-7-7 digits ("113-1234567-1234567").
//  "shipment" FBA + 8–10 upper-case letters/digits with at least one digit ("FBA15XYZ1AB2").
//  "sku"      the value after a "SKU" / "MSKU" / "Seller SKU" / "Händler-SKU" label ("SKU: ABC-123").
//  "amount"   "$1,234.56", "USD 12", "12,50 €", "EUR 12.50", "£5", "¥1,200", "₹499", "1.234,56 EUR",
//             normalized to "<ISO code> <amount>" with two decimals ("USD 1234.56"; JPY: none).
// Each identifier appears once, in order of first appearance.
std::vector<Identifier> extractIdentifiers(std::string_view text);

}  // namespace caselog
