// domain/identifiers (owned by storage; tested here so the domain suite stays the domain owner's).
#include "domain/identifiers.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace caselog {
namespace {

std::vector<std::string> values(std::string_view text, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& id : extractIdentifiers(text))
    if (id.kind == kind) out.push_back(id.value);
  return out;
}

using V = std::vector<std::string>;

TEST(Identifiers, Asins) {
  EXPECT_EQ(values("Listing suppressed for B08XYZ1234 - incorrect main image", "asin"), V{"B08XYZ1234"});
  EXPECT_EQ(values("ASINs B07ABCDEF1, B0C1234567 and (B09ZZZZZZ9).", "asin"),
            (V{"B07ABCDEF1", "B0C1234567", "B09ZZZZZZ9"}));
  EXPECT_EQ(values("ASIN: 0123456789 is a book", "asin"), V{"0123456789"});
  EXPECT_EQ(values("ASIN 123456789X", "asin"), V{"123456789X"});
  EXPECT_EQ(values("ASIN(s): 0987654321", "asin"), V{"0987654321"});
  EXPECT_EQ(values("B08XYZ1234 and again B08XYZ1234", "asin"), V{"B08XYZ1234"});
  // Non-matches: too short/long, lower case, glued to other text, unlabelled 10 digits.
  EXPECT_TRUE(values("B08XYZ123 B08XYZ12345 b08xyz1234 XB08XYZ1234 B08XYZ1234X", "asin").empty());
  EXPECT_TRUE(values("call 0123456789 for details", "asin").empty());
  EXPECT_TRUE(values("ASIN is missing", "asin").empty());
}

TEST(Identifiers, OrderIds) {
  EXPECT_EQ(values("Refund for order 113-1234567-1234567.", "order"), V{"113-1234567-1234567"});
  EXPECT_EQ(values("Orders 111-7654321-0000001,402-1111111-2222222", "order"),
            (V{"111-7654321-0000001", "402-1111111-2222222"}));
  EXPECT_TRUE(values("113-123456-1234567 1113-1234567-1234567 113-1234567-12345678", "order").empty());
  EXPECT_TRUE(values("phone 555-1234567-1234567-99", "order").empty());
}

TEST(Identifiers, Shipments) {
  EXPECT_EQ(values("Inbound shipment FBA15XYZ1AB2 received short", "shipment"), V{"FBA15XYZ1AB2"});
  EXPECT_EQ(values("FBA12345678 and FBA1A2B3C4D5E", "shipment"), (V{"FBA12345678", "FBA1A2B3C4D5E"}));
  EXPECT_TRUE(
      values("FBAINVENTORY FBA1234567 FBA12345678901 fba15xyz1ab2 the FBA program", "shipment").empty());
}

TEST(Identifiers, LabelledSkus) {
  EXPECT_EQ(values("SKU: ABC-123 is out of stock", "sku"), V{"ABC-123"});
  EXPECT_EQ(values("MSKU ACME_RED_42, please check", "sku"), V{"ACME_RED_42"});
  EXPECT_EQ(values("Seller SKU#TSHIRT-XL.", "sku"), V{"TSHIRT-XL"});
  EXPECT_EQ(values("Händler-SKU: DE-4711-BLAU", "sku"), V{"DE-4711-BLAU"});
  EXPECT_EQ(values("sku=red/large", "sku"), V{"red/large"});
  EXPECT_TRUE(values("The SKU is wrong", "sku").empty());
  EXPECT_TRUE(values("ABC-123 without a label", "sku").empty());
  EXPECT_TRUE(values("SKU:", "sku").empty());
}

TEST(Identifiers, Amounts) {
  EXPECT_EQ(values("a reimbursement of $1,234.56 is due", "amount"), V{"USD 1234.56"});
  EXPECT_EQ(values("USD 12 and 12,50 € and EUR 12.50", "amount"), (V{"USD 12.00", "EUR 12.50"}));
  EXPECT_EQ(values("1.234,56 EUR", "amount"), V{"EUR 1234.56"});
  EXPECT_EQ(values("£5 fee", "amount"), V{"GBP 5.00"});
  EXPECT_EQ(values("¥1,200 refund", "amount"), V{"JPY 1200"});
  EXPECT_EQ(values("₹499", "amount"), V{"INR 499.00"});
  EXPECT_EQ(values("C$ 20.5 and US$7", "amount"), (V{"CAD 20.50", "USD 7.00"}));
  EXPECT_EQ(values("€ 1.000", "amount"), V{"EUR 1000.00"});
  EXPECT_EQ(values("$1,000,000", "amount"), V{"USD 1000000.00"});
  EXPECT_EQ(values("costs 30 GBP.", "amount"), V{"GBP 30.00"});
  EXPECT_EQ(values("12\xC2\xA0€", "amount"), V{"EUR 12.00"});
  // Non-matches: numbers without currency, currency-like words.
  EXPECT_TRUE(values("12 units in 3 boxes, 2026-11-20, version 1.2", "amount").empty());
  EXPECT_TRUE(values("USDA 12 and EURO", "amount").empty());
}

TEST(Identifiers, MixedRealisticReply) {
  const auto ids = extractIdentifiers(
      "Hello from Amazon Seller Support. We reviewed shipment FBA15XYZ1AB2 for ASIN B08XYZ1234 "
      "(SKU: ACME-RED-42). 12 units were found; a reimbursement of $123.40 was issued for order "
      "113-1234567-1234567.");
  const std::vector<Identifier> want{{"shipment", "FBA15XYZ1AB2"},
                                     {"asin", "B08XYZ1234"},
                                     {"sku", "ACME-RED-42"},
                                     {"amount", "USD 123.40"},
                                     {"order", "113-1234567-1234567"}};
  EXPECT_EQ(ids, want);
  EXPECT_TRUE(extractIdentifiers("").empty());
  EXPECT_TRUE(extractIdentifiers("\xff\xfe\x00garbage").empty());
}

// A pasted report naming thousands: each once, in the order first found, past the short list
// the lookups start from (and in linear time: 40,000 took 27 s before).
TEST(Identifiers, ThousandsEachOnceInOrder) {
  std::string text;
  V want;
  for (int i = 0; i < 20000; ++i) {
    char order[32];
    std::snprintf(order, sizeof order, "113-%07d-%07d", i, 7654321 - i);
    want.push_back(order);
    text += std::string("order ") + order + ", ";
    if (i % 3 == 0) text += std::string("again ") + want[static_cast<std::size_t>(i / 2)] + "; ";
  }
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(values(text, "order"), want);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));  // 0.2 s under ASan; quadratic: 7 s
}

}  // namespace
}  // namespace caselog
