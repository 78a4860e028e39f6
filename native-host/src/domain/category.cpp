#include "domain/category.hpp"

#include <algorithm>

#include "domain/keywords.hpp"
#include "domain/text.hpp"

namespace caselog {

namespace {

// Where a keyword is found says how much it counts: the subject names the problem, the seller's
// own messages describe it, Amazon's replies often talk about everything at once.
constexpr double kSubjectWeight = 3.0;
constexpr double kSellerWeight = 1.0;
constexpr double kAmazonWeight = 0.25;

const std::vector<std::string>& keywordsOf(const Config& config, const std::string& key) {
  return config.folded("/categories/" + key + "/keywords");
}

// The page's own category label ("Listing", "FBA Inventory", "Verkäuferleistung"…) mapped by the
// same keyword rules, or a label/key written exactly.
std::string fromRaw(const std::string& raw, const Config& config) {
  const std::string folded = text::fold(raw);
  if (folded.empty()) return "";
  for (const auto& key : categoryKeys()) {
    if (folded == key || folded == text::fold(categoryLabel(key)) ||
        folded == text::fold(config.string("/categories/" + key + "/label"))) {
      return key;
    }
  }
  std::string best;
  std::size_t bestHits = 0;
  for (const auto& key : categoryKeys()) {
    const std::size_t hits = matchedKeywords(folded, keywordsOf(config, key)).size();
    if (hits > bestHits) {
      best = key;
      bestHits = hits;
    }
  }
  return best;
}

}  // namespace

const std::vector<std::string>& categoryKeys() {
  static const std::vector<std::string> keys = {
      "listing_suppressed", "account_health",   "fba_inventory", "brand_registry", "payments", "fba_shipment",
      "catalog_error",      "feedback_dispute", "policy",        "advertising",    "other"};
  return keys;
}

bool isCategoryKey(std::string_view key) {
  const auto& keys = categoryKeys();
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string categoryLabel(std::string_view key) {
  if (key == "listing_suppressed") return "Listing suppressed / ASIN removed";
  if (key == "catalog_error") return "Catalog / detail page error";
  if (key == "fba_inventory") return "FBA inventory lost / damaged / receiving discrepancy";
  if (key == "fba_shipment") return "FBA shipment";
  if (key == "account_health") return "Account health / performance notification";
  if (key == "policy") return "Policy / compliance clarification";
  if (key == "feedback_dispute") return "Feedback / review / A-to-z dispute";
  if (key == "brand_registry") return "Brand Registry / trademark";
  if (key == "payments") return "Payments / disbursement / reimbursement";
  if (key == "advertising") return "Advertising";
  return "Other";
}

namespace {

struct FoldedText {
  KeywordMatcher text;
  double weight;
};

// The case's text, folded once: subject, then each current message weighted by who wrote it.
std::vector<FoldedText> foldedTexts(const CaseRecord& c) {
  std::vector<FoldedText> out;
  out.push_back({KeywordMatcher(text::fold(c.subject)), kSubjectWeight});
  for (const auto& m : c.messages) {
    if (m.current)
      out.push_back(
          {KeywordMatcher(text::fold(m.body)), m.author == "amazon" ? kAmazonWeight : kSellerWeight});
  }
  return out;
}

double categoryEvidence(const std::vector<FoldedText>& texts, const std::string& key, const Config& config) {
  const KeywordIndex& keywords = config.keywords("/categories/" + key + "/keywords");
  if (keywords.keywords().empty()) return 0;
  double score = 0;
  for (const auto& t : texts) score += static_cast<double>(keywords.count(t.text)) * t.weight;
  return score;
}

}  // namespace

std::string inferCategory(const CaseRecord& c, const Config& config) {
  if (c.categoryOverride && isCategoryKey(*c.categoryOverride)) return *c.categoryOverride;
  if (std::string raw = fromRaw(c.categoryRaw, config); !raw.empty()) return raw;
  // Highest evidence wins; ties go to the key listed first (the higher-impact category).
  const auto texts = foldedTexts(c);
  std::string best = "other";
  double bestScore = 0;
  for (const auto& key : categoryKeys()) {
    const double score = categoryEvidence(texts, key, config);
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

}  // namespace caselog
