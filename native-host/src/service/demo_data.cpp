#include "service/demo_data.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "service/case_service.hpp"

namespace caselog {

namespace {

using demo::Script;

// splitmix64: tiny, fast and the same on every platform (std distributions are not).
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
};

enum class Outcome {
  OpenNoReply,
  AwaitingAmazon,
  WorkInProgress,
  NeedsSeller,
  AnsweredGeneric,
  AnsweredSpecific,
  Resolved,
  Closed,
  Reopened,
  LongThread
};

struct Vars {
  std::string caseId, asin, shipment, order, sku, amount, units;
};

// One case to write: which script, how far it got, and how long ago the last message was.
struct Spec {
  int script = 0;
  Outcome outcome = Outcome::AnsweredSpecific;
  double lastAgeHours = 24;
  int genericPick = 0;
  int subjectVariant = -1;  // -1: the script's own subject
  std::string asin, sku;    // fixed for recurring issues; random when empty
};

std::string randomAlnum(Rng& rng, int n) {
  static const char chars[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  std::string s;
  for (int i = 0; i < n; ++i) s += chars[rng.below(34)];
  return s;
}

std::string digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.below(10));
  return s;
}

std::string money(Rng& rng, const std::string& marketplace) {
  const int cents = 4000 + rng.below(400000);
  const int whole = cents / 100, frac = cents % 100;
  char buf[64];
  if (marketplace.ends_with(".co.jp")) {
    std::snprintf(buf, sizeof buf, "¥%d,%03d", whole * 150 / 1000, (whole * 150) % 1000);
  } else if (marketplace.ends_with(".de") || marketplace.ends_with(".fr") || marketplace.ends_with(".es") ||
             marketplace.ends_with(".it")) {
    std::snprintf(buf, sizeof buf, "%d,%02d EUR", whole, frac);
  } else if (marketplace.ends_with(".co.uk")) {
    std::snprintf(buf, sizeof buf, "£%d.%02d", whole, frac);
  } else {
    std::snprintf(buf, sizeof buf, "$%d.%02d", whole, frac);
  }
  return buf;
}

Vars makeVars(Rng& rng, const Spec& spec, const Script& script, std::string caseId) {
  static const char* asins[] = {"B0C7KQ2M4X", "B08N5WRWNW", "B0BX4T9LQZ", "B07PGL2ZSL",
                                "B0D1HR7K2M", "B09QF3M8VJ", "B0CJ8Z6YRT", "B0B2TQ8W1N",
                                "B086DKVLMH", "B0CHX1W2ZP", "B0BSHF7WHW", "B09V3HN1KC"};
  static const char* skus[] = {"ACME-PRESS-01", "ACME-BRUSH-12", "ACME-KNIFE-SET", "ACME-LAMP-USB",
                               "ACME-MUG-350"};
  Vars v;
  v.caseId = std::move(caseId);
  v.asin = spec.asin.empty() ? asins[rng.below(12)] : spec.asin;
  v.sku = spec.sku.empty() ? skus[rng.below(5)] : spec.sku;
  v.shipment = "FBA17" + randomAlnum(rng, 7);
  v.order = digits(rng, 3) + "-" + digits(rng, 7) + "-" + digits(rng, 7);
  v.amount = money(rng, script.marketplace);
  v.units = std::to_string(3 + rng.below(20));
  return v;
}

std::string fill(const char* text, const Vars& v) {
  std::string out = text;
  const std::pair<const char*, const std::string*> keys[] = {
      {"{case}", &v.caseId}, {"{asin}", &v.asin},     {"{shipment}", &v.shipment}, {"{order}", &v.order},
      {"{sku}", &v.sku},     {"{amount}", &v.amount}, {"{units}", &v.units}};
  for (const auto& [key, value] : keys)
    for (auto pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos + value->size()))
      out.replace(pos, std::string_view(key).size(), *value);
  return out;
}

std::string withDate(const char* text, const Vars& v, Instant when) {
  std::string out = fill(text, v);
  if (auto pos = out.find("{date}"); pos != std::string::npos)
    out.replace(pos, 6, formatIso8601(when).substr(0, 10));
  return out;
}

struct Step {
  bool amazon;
  const char* text;
  bool specific = false;  // Amazon's real answer: gets the reference line
};

std::vector<Step> threadFor(const Script& s, Outcome o, int pick) {
  const auto& generics = demo::genericReplies(s.lang);
  const char* generic = generics[static_cast<std::size_t>(pick) % generics.size()];
  const char* generic2 = generics[static_cast<std::size_t>(pick + 1) % generics.size()];
  const char* chase = demo::followUp(s.lang);
  switch (o) {
    case Outcome::OpenNoReply:
    case Outcome::WorkInProgress:
      return {{false, s.opening}};
    case Outcome::AwaitingAmazon:
      return {{false, s.opening}, {true, generic}, {false, chase}};
    case Outcome::NeedsSeller:
      return {{false, s.opening}, {true, s.askInfo}};
    case Outcome::AnsweredGeneric:
      return {{false, s.opening}, {true, generic}};
    case Outcome::AnsweredSpecific:
      return {{false, s.opening}, {true, s.specific, true}};
    case Outcome::Resolved:
      return {{false, s.opening}, {true, generic}, {false, chase}, {true, s.specific, true}};
    case Outcome::Closed:
      return {{false, s.opening}, {true, s.askInfo}, {false, s.sellerReply}, {true, s.specific, true}};
    case Outcome::Reopened:
      return {{false, s.opening}, {true, generic}, {false, chase}};
    case Outcome::LongThread:
      return {{false, s.opening},     {true, generic},         {false, chase}, {true, s.askInfo},
              {false, s.sellerReply}, {true, generic2},        {false, chase}, {true, generic},
              {false, chase},         {true, s.specific, true}};
  }
  return {{false, s.opening}};
}

const char* statusFor(Outcome o) {
  switch (o) {
    case Outcome::OpenNoReply:
      return "open";
    case Outcome::AwaitingAmazon:
      return "pending_amazon";
    case Outcome::WorkInProgress:
      return "work_in_progress";
    case Outcome::NeedsSeller:
      return "needs_seller";
    case Outcome::AnsweredGeneric:
    case Outcome::AnsweredSpecific:
      return "answered";
    case Outcome::Resolved:
    case Outcome::LongThread:
      return "resolved";
    case Outcome::Closed:
      return "closed";
    case Outcome::Reopened:
      return "reopened";
  }
  return "open";
}

std::string caseIdFor(std::uint64_t seed, std::size_t index) {
  const std::uint64_t n = 17000000000ULL + ((index + 1) * 7919ULL + seed * 104729ULL) % 999999999ULL;
  return std::to_string(n);
}

CaseSnapshot buildCase(Rng& rng, const Spec& spec, std::string caseId, Instant now) {
  const Script& s = demo::scripts()[static_cast<std::size_t>(spec.script)];
  const Vars v = makeVars(rng, spec, s, caseId);
  const auto steps = threadFor(s, spec.outcome, spec.genericPick);
  // Walk back from the last message: Amazon answers 20–60 h after the seller, the seller 3–30 h after Amazon.
  std::vector<Instant> times(steps.size());
  Instant t = now - std::chrono::minutes(static_cast<long>(spec.lastAgeHours * 60));
  for (std::size_t i = steps.size(); i-- > 0;) {
    times[i] = std::chrono::floor<std::chrono::minutes>(t);
    const int gapHours = steps[i].amazon ? 20 + rng.below(40) : 3 + rng.below(27);
    t -= std::chrono::minutes(gapHours * 60 + rng.below(60));
  }
  CaseSnapshot c;
  c.caseId = std::move(caseId);
  c.marketplace = s.marketplace;
  c.subject = fill(spec.subjectVariant < 0 ? s.subject : demo::subjectVariant(s, spec.subjectVariant), v);
  c.status = demo::rawStatus(s.lang, statusFor(spec.outcome));
  c.category = s.category;
  c.createdAt = formatIso8601(times.front());
  c.updatedAt = formatIso8601(times.back());
  for (std::size_t i = 0; i < steps.size(); ++i)
    c.messages.push_back(
        {steps[i].amazon ? "amazon" : "seller",
         steps[i].amazon ? demo::amazonSender(s.lang) : demo::sellerSender(s.lang), formatIso8601(times[i]),
         fill(steps[i].text, v) +
             (steps[i].specific ? withDate(demo::reference(s.lang), v, times[i]) : std::string())});
  return c;
}

// The hand-picked first cases: each shows a feature (see the comments).
std::vector<Spec> handPicked() {
  using O = Outcome;
  auto at = [](const char* name, O o, double days, int pick = 0, std::string asin = {},
               std::string sku = {}) {
    return Spec{demo::scriptIndex(name), o, days * 24, pick, -1, std::move(asin), std::move(sku)};
  };
  const std::string asin = "B09XK3L8QP", sku = "ACME-GB-500";
  return {
      at("suppressed", O::Resolved, 80, 0, asin),  // one ASIN suppressed three times in 90 days
      at("suppressed", O::Closed, 40, 0, asin),
      at("suppressed", O::AwaitingAmazon, 9, 0, asin),  // Amazon silent: amazon_silent
      at("receiving", O::Resolved, 70, 0, {}, sku),     // receiving discrepancies on one SKU
      at("receiving", O::Closed, 35, 0, {}, sku),
      at("receiving", O::NeedsSeller, 1.5, 0, {}, sku),    // Amazon waits on the seller: needs_seller
      at("receiving", O::AnsweredGeneric, 3, 0, {}, sku),  // template answer: generic_reopen
      at("account_health", O::NeedsSeller, 15),            // plan of action within 17 days: deadline
      at("account_health", O::Resolved, 120),
      at("japanese", O::AnsweredGeneric, 6),  // a Japanese case with a template answer
      at("catalog_de", O::Resolved, 20),
      at("catalog", O::AnsweredGeneric, 50, 1),  // generic, but past the reopen window
      at("brand", O::AnsweredGeneric, 4, 2),     // "incorrect team": redirect to Brand Registry
      at("payments_de", O::NeedsSeller, 2),
      at("payments", O::Resolved, 100),
      at("lost", O::LongThread, 25),             // a long thread
      at("shipment_fr", O::AwaitingAmazon, 12),  // snoozed into the future below
      at("policy_es", O::AnsweredSpecific, 30),
      at("policy_it", O::AnsweredGeneric, 8),
      at("feedback", O::Closed, 60),
      at("ads", O::Reopened, 5),
      at("other", O::OpenNoReply, 0.5),  // category set by the seller below
      at("lost", O::WorkInProgress, 2),
      at("catalog", O::AwaitingAmazon, 6, 1),   // follow-up date reached: follow_up
      at("feedback", O::AnsweredSpecific, 14),  // pinned below
      at("ads", O::Resolved, 150),
  };
}

Spec randomSpec(Rng& rng) {
  Spec s;
  s.script = rng.below(static_cast<int>(demo::scripts().size()));
  s.lastAgeHours = 12 + rng.below(175 * 24);
  s.genericPick = rng.below(3);
  s.subjectVariant = rng.below(4) - 1;  // the script's subject or one of three other wordings
  static const Outcome recent[] = {
      Outcome::AwaitingAmazon, Outcome::NeedsSeller, Outcome::AnsweredGeneric, Outcome::AnsweredSpecific,
      Outcome::WorkInProgress, Outcome::Reopened,    Outcome::Resolved,        Outcome::OpenNoReply};
  static const Outcome old[] = {Outcome::Resolved,         Outcome::Closed,     Outcome::Closed,
                                Outcome::AnsweredSpecific, Outcome::LongThread, Outcome::Resolved,
                                Outcome::AnsweredGeneric};
  s.outcome = s.lastAgeHours < 30 * 24 ? recent[rng.below(8)] : old[rng.below(7)];
  return s;
}

void addActions(DemoData& data, Instant now) {
  if (data.cases.size() < 26) return;
  auto id = [&](std::size_t i) { return data.cases[i].caseId; };
  using std::chrono::hours;
  data.actions = {
      {"note",
       id(2),
       "Called Seller Support: they promised to escalate to the catalog team within 48 hours.",
       {}},
      {"note", id(7), "Plan of action drafted; waiting for the warehouse manager to sign off.", {}},
      {"note",
       id(15),
       "Reimbursement finally confirmed after four rounds. Keep the transaction IDs on file.",
       {}},
      {"snooze", id(23), "", now - hours(2)},
      {"snooze", id(16), "", now + hours(72)},
      {"pin", id(7), "", {}},
      {"pin", id(24), "", {}},
      {"category", id(21), "policy", {}},
  };
}

}  // namespace

DemoData generateDemoData(const DemoOptions& options) {
  Rng rng{options.seed * 0x2545F4914F6CDD1DULL + 1};
  DemoData data;
  const auto picked = handPicked();
  const auto total = static_cast<std::size_t>(std::max(0, options.cases));
  data.cases.reserve(total);
  for (std::size_t i = 0; i < total; ++i) {
    const Spec spec = i < picked.size() ? picked[i] : randomSpec(rng);
    data.cases.push_back(buildCase(rng, spec, caseIdFor(options.seed, i), options.now));
  }
  addActions(data, options.now);
  std::stable_sort(data.cases.begin(), data.cases.end(),
                   [](const CaseSnapshot& a, const CaseSnapshot& b) { return a.createdAt < b.createdAt; });
  return data;
}

DemoLoadResult loadDemoData(CaseService& service, const DemoData& data,
                            const std::function<void(std::size_t, std::size_t)>& progress) {
  constexpr std::size_t kBatch = 1000;
  DemoLoadResult result;
  CaptureSource source;
  source.page = "demo";
  source.parser = "caselog-demo";
  for (std::size_t start = 0; start < data.cases.size(); start += kBatch) {
    const auto end = std::min(data.cases.size(), start + kBatch);
    const std::vector<CaseSnapshot> batch(data.cases.begin() + static_cast<std::ptrdiff_t>(start),
                                          data.cases.begin() + static_cast<std::ptrdiff_t>(end));
    const ImportOutcome o = service.importSnapshots(batch, source);
    if (o.stopped) throw StorageUnavailable(*o.stopped);  // a full disk: the demo cannot go on
    result.cases += o.created;
    result.messages += o.newMessages;
    result.failed += o.failed;
    if (progress) progress(end, data.cases.size());
  }
  service.finishImport(result.messages);
  for (const auto& a : data.actions) {
    if (a.kind == "note") service.addNote(a.caseId, a.text);
    if (a.kind == "snooze") service.snooze(a.caseId, a.until);
    if (a.kind == "pin") service.setPinned(a.caseId, true);
    if (a.kind == "category") service.setCategory(a.caseId, a.text);
  }
  return result;
}

}  // namespace caselog
