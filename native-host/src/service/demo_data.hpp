// Sample history for `caselog demo` and the benchmarks: a deterministic generator (same seed and
// now → same cases) of realistic Seller Support cases over several months — every category and
// status, generic and specific replies in six languages, recurring issues (one ASIN suppressed
// again and again, FBA receiving discrepancies on one SKU), due reminders of every rule, money
// amounts, long threads and a Japanese case — and the loader that stores them through the
// service, the same path as a capture.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"

namespace caselog {

class CaseService;

struct DemoOptions {
  std::uint64_t seed = 1;
  Instant now{};
  int cases = 60;  // the first ~26 are hand-picked to show every feature; the rest vary them
};

// Something the seller did after capturing: a note, a follow-up date, a pin, a category override.
struct DemoAction {
  std::string kind;  // "note", "snooze", "pin", "category"
  std::string caseId;
  std::string text;  // the note, or the category key
  Instant until{};   // for "snooze"
};

struct DemoData {
  std::vector<CaseSnapshot> cases;  // oldest case first
  std::vector<DemoAction> actions;
};

DemoData generateDemoData(const DemoOptions& options);

struct DemoLoadResult {
  std::size_t cases = 0;
  std::size_t messages = 0;
  std::size_t failed = 0;
};

// Imports the cases through CaseService::importSnapshots (in batches) and applies the actions.
DemoLoadResult loadDemoData(CaseService& service, const DemoData& data,
                            const std::function<void(std::size_t done, std::size_t total)>& progress = {});

// ---- internals shared by demo_data.cpp and demo_scenarios.cpp ----
namespace demo {

// The words a scenario is written with; {asin}, {shipment}, {order}, {sku}, {amount}, {units}
// and {case} are filled per case.
struct Script {
  const char* name;  // "suppressed", "receiving", … (scriptIndex)
  const char* lang;  // "en", "de", "fr", "es", "it", "ja"
  const char* marketplace;
  const char* category;  // as the page shows it; "" lets CaseLog infer it
  const char* subject;
  const char* opening;      // the seller's first message
  const char* specific;     // Amazon's helpful answer: names the identifiers, says what was done
  const char* askInfo;      // Amazon asks the seller for something specific
  const char* sellerReply;  // the seller answers or chases
};

const std::vector<Script>& scripts();
// Indexes into scripts() of particular scenarios the hand-picked cases use.
int scriptIndex(const char* name);  // "suppressed", "receiving", "account_health", "japanese", ...

// Another wording of the script's subject (k = 0, 1, 2), for the generated cases beyond the first.
const char* subjectVariant(const Script& script, int k);

// Template replies per language (near-identical across cases: what generic detection looks for).
const std::vector<const char*>& genericReplies(const std::string& lang);
const char* followUp(const std::string& lang);
// A line Amazon's specific answers end with: the case and the review date ({case}, {date}).
const char* reference(const std::string& lang);  // the seller chasing a generic reply
const char* amazonSender(const std::string& lang);
const char* sellerSender(const std::string& lang);

// The page's status text in a language for a normalized status.
std::string rawStatus(const std::string& lang, const std::string& status);

}  // namespace demo

}  // namespace caselog
