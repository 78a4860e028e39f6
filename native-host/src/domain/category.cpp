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

std::vector<std::string> pointersTo(const char* field) {
  std::vector<std::string> out;
  for (const auto& key : categoryKeys()) out.push_back("/categories/" + key + "/" + field);
  return out;
}
const std::string& keywordsPointer(std::size_t k) {
  static const auto pointers = pointersTo("keywords");
  return pointers[k];
}
const std::string& labelPointer(std::size_t k) {
  static const auto pointers = pointersTo("label");
  return pointers[k];
}

// Every category's keywords (Config::folded), list k for categoryKeys()[k], indexed together, and
// its configured label folded: made once per Config, one pass over a text's words counts them all.
struct CategoryLexicon {
  KeywordLists lists;
  std::vector<std::string> labels;

  static CategoryLexicon from(const Config& config) {
    std::vector<std::vector<std::string>> lists;
    std::vector<std::string> labels;
    for (std::size_t k = 0; k < categoryKeys().size(); ++k) {
      lists.push_back(config.folded(keywordsPointer(k)));
      labels.push_back(text::fold(config.string(labelPointer(k))));
    }
    return {KeywordLists(std::move(lists)), std::move(labels)};
  }
};

// How many keywords of each category a text contains: each text folded into one buffer, reused.
class Counter {
 public:
  explicit Counter(const KeywordLists& lexicon) : lexicon_(lexicon), hits_(lexicon.lists().size()) {}

  const std::vector<std::size_t>& count(std::string_view text) {
    text::fold(text, folded_);
    return countFolded(folded_);
  }
  const std::vector<std::size_t>& countFolded(std::string_view foldedText) {
    lexicon_.find(foldedText, found_);
    std::fill(hits_.begin(), hits_.end(), 0);
    for (const auto& f : found_) ++hits_[f.list];
    return hits_;
  }

 private:
  const KeywordLists& lexicon_;
  std::string folded_;
  std::vector<KeywordLists::Found> found_;
  std::vector<std::size_t> hits_;
};

const std::string& builtInLabelFolded(std::size_t k) {
  static const auto labels = [] {
    std::vector<std::string> out;
    for (const auto& key : categoryKeys()) out.push_back(text::fold(categoryLabel(key)));
    return out;
  }();
  return labels[k];
}

// The page's own category label ("Listing", "FBA Inventory", "Verkäuferleistung"…) mapped by the
// same keyword rules, or a label/key written exactly.
std::string fromRaw(const std::string& raw, const CategoryLexicon& lexicon, Counter& counter) {
  const std::string folded = text::fold(raw);
  if (folded.empty()) return "";
  const auto& keys = categoryKeys();
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (folded == keys[k] || folded == builtInLabelFolded(k) || folded == lexicon.labels[k]) {
      return keys[k];
    }
  }
  std::string best;
  std::size_t bestHits = 0;
  const auto& hits = counter.countFolded(folded);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (hits[k] > bestHits) {
      best = keys[k];
      bestHits = hits[k];
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

std::string inferCategory(const CaseRecord& c, const Config& config) {
  if (c.categoryOverride && isCategoryKey(*c.categoryOverride)) return *c.categoryOverride;
  const auto& lexicon = config.view<CategoryLexicon>();
  Counter counter(lexicon.lists);
  if (std::string raw = fromRaw(c.categoryRaw, lexicon, counter); !raw.empty()) return raw;
  // The subject, then each current message weighted by who wrote it; highest evidence wins, ties
  // go to the key listed first (the higher-impact category).
  const auto& keys = categoryKeys();
  std::vector<double> score(keys.size(), 0.0);
  auto add = [&](const std::string& text, double weight) {
    const auto& hits = counter.count(text);
    for (std::size_t k = 0; k < keys.size(); ++k) score[k] += static_cast<double>(hits[k]) * weight;
  };
  add(c.subject, kSubjectWeight);
  for (const auto& m : c.messages) {
    if (m.current) add(m.body, m.author == "amazon" ? kAmazonWeight : kSellerWeight);
  }
  std::string best = "other";
  double bestScore = 0;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (score[k] > bestScore) {
      best = keys[k];
      bestScore = score[k];
    }
  }
  return best;
}

}  // namespace caselog
