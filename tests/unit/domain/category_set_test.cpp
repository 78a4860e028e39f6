// Category inference over case subjects as sellers write them, in six languages. Written by hand
// to resemble real case subjects; each has the category a seller would file it under.
#include <gtest/gtest.h>

#include "domain/category.hpp"

using namespace caselog;

namespace {

struct Labelled {
  const char* subject;
  const char* category;
};

constexpr Labelled kSubjects[] = {
    {"Listing suppressed for B08XYZ1234 - incorrect main image", "listing_suppressed"},
    {"ASIN B07ABC1111 removed from search, please reinstate", "listing_suppressed"},
    {"My listing is inactive after price change", "listing_suppressed"},
    {"Angebot unterdrückt wegen fehlender Attribute", "listing_suppressed"},
    {"Annonce supprimée de la recherche B09FR12345", "listing_suppressed"},
    {"出品停止の解除をお願いします", "listing_suppressed"},
    {"Wrong title on detail page for B07QWE5678", "catalog_error"},
    {"Incorrect image shown on product detail page", "catalog_error"},
    {"Variation family broken, children not merged", "catalog_error"},
    {"Falscher Produkttitel auf der Detailseite", "catalog_error"},
    {"12 units lost in fulfillment center, reimbursement request", "fba_inventory"},
    {"Receiving discrepancy: received fewer units than shipped", "fba_inventory"},
    {"Damaged inventory at warehouse ONT8", "fba_inventory"},
    {"Unités perdues dans l'entrepôt, écart de réception", "fba_inventory"},
    {"Unidades perdidas en el almacén", "fba_inventory"},
    {"在庫紛失の調査依頼", "fba_inventory"},
    {"Inbound shipment FBA15ABC1234 stuck in checked-in status", "fba_shipment"},
    {"Carrier delivery appointment for pallet shipment", "fba_shipment"},
    {"Spedizione in entrata bloccata", "fba_shipment"},
    {"Account health: late shipment rate above target", "account_health"},
    {"Account deactivated - plan of action submitted", "account_health"},
    {"Kontosperrung: Maßnahmenplan eingereicht", "account_health"},
    {"Compte suspendu, plan d'action", "account_health"},
    {"アカウント停止について改善計画書を提出しました", "account_health"},
    {"Is this product restricted? Hazmat question", "policy"},
    {"Question about the product safety policy for toys", "policy"},
    {"Domanda sulla normativa per merci pericolose", "policy"},
    {"Negative feedback removal request order 113-1234567-1234567", "feedback_dispute"},
    {"A-to-z claim filed although item delivered", "feedback_dispute"},
    {"Reclamo A-Z ingiusto", "feedback_dispute"},
    {"Bewertung entfernen: Kommentar betrifft Versand", "feedback_dispute"},
    {"Counterfeit complaint against my brand", "brand_registry"},
    {"Brand Registry application stuck", "brand_registry"},
    {"Trademark infringement by another seller", "brand_registry"},
    {"商標権侵害の報告", "brand_registry"},
    {"Disbursement delayed for two weeks", "payments"},
    {"Auszahlung seit 10 Tagen zurückgehalten", "payments"},
    {"Pago retenido en mi cuenta", "payments"},
    {"Sponsored Products campaign rejected", "advertising"},
    {"Campagne publicitaire refusée", "advertising"},
    {"How do I change my store name?", "other"},
    {"Question about vacation settings", "other"},
};

}  // namespace

TEST(CategorySet, InfersTheSellersCategoryForAtLeast90PercentOfSubjects) {
  const Config config = Config::defaults();
  int right = 0, total = 0;
  for (const auto& l : kSubjects) {
    CaseRecord c;
    c.subject = l.subject;
    const std::string got = inferCategory(c, config);
    ++total;
    if (got == l.category) {
      ++right;
    } else {
      std::printf("  miss: \"%s\" → %s (expected %s)\n", l.subject, got.c_str(), l.category);
    }
  }
  const double accuracy = static_cast<double>(right) / total;
  std::printf("category inference on %d subjects: accuracy %.3f\n", total, accuracy);
  EXPECT_GE(accuracy, 0.9);
}
