#include "bench/corpus.hpp"

#include <array>
#include <cstdio>

namespace caselog::bench {

namespace {

constexpr std::array<const char*, 12> kSubjects{
    "Listing suppressed for %A - incorrect main image",
    "Inbound shipment %S received short",
    "Lost inventory in fulfillment center for %A",
    "Reimbursement request for order %O",
    "Account health warning: product authenticity complaint on %A",
    "Brand Registry: unable to edit listing %A",
    "Catalog error: wrong category for %A",
    "Customer return not credited for order %O",
    "FBA shipment %S stuck in receiving",
    "Policy warning about restricted product %A",
    "Negative feedback removal for order %O",
    "Advertising campaign disabled for %A"};

constexpr std::array<const char*, 10> kTemplates{
    "Thank you for contacting Amazon Seller Support. We have forwarded your request to the appropriate team. "
    "Please allow 24-48 hours for a response.",
    "Hello from Amazon Seller Support. We understand your concern regarding your inventory. Please review "
    "the "
    "help page on FBA inventory reimbursement policy for more information.",
    "We have reviewed your case and the issue has been resolved. If you have further questions, please reply "
    "to "
    "this case.",
    "Please provide the invoices for the units in question so that the investigation team can proceed.",
    "I have escalated your case to the specialist team. They will contact you within 3 business days.",
    "Thank you for your patience. Our fulfillment center team is investigating the discrepancy in your "
    "shipment.",
    "Unfortunately we are unable to share internal details. Please refer to Seller Central help for the "
    "policy.",
    "We apologize for the inconvenience. Please let us know if there is anything else we can help you with.",
    "To reinstate the listing please update the main image so that it meets the product image requirements.",
    "Your request has been received. A member of the catalog team will update the listing attributes "
    "shortly."};

constexpr std::array<const char*, 12> kSpecific{
    "We located %N units of %A at the fulfillment center and they will be added back to your inventory.",
    "The shipment %S was received with %N units missing; a reimbursement of $%M was issued.",
    "Order %O was refunded and the return was credited to your account on the next settlement.",
    "The listing %A was reinstated after the main image was reviewed by the catalog team.",
    "We reconciled shipment %S and found %N units in a different carton at the fulfillment center.",
    "The authenticity complaint for %A was withdrawn after the invoices were verified.",
    "The category of %A was corrected; the change will be visible within 48 hours.",
    "A reimbursement of $%M for order %O was approved and will appear in your next disbursement.",
    "Inventory for %A in shipment %S was adjusted by %N units after the investigation.",
    "We removed the negative feedback for order %O as it was about fulfillment by Amazon.",
    "The restricted product warning for %A was issued in error and has been removed from your account.",
    "Your advertising campaign for %A was re-enabled after the listing issue was fixed."};

constexpr std::array<const char*, 10> kSeller{
    "Please check shipment %S: we sent %N units of %A but only part was received.",
    "Our listing %A was suppressed although the main image has a pure white background. Please reinstate it.",
    "Order %O was returned but the refund was never credited. Please investigate.",
    "Attached are the invoices for %A as requested. Please review them and remove the warning.",
    "This is the third time we ask about the lost inventory of %A. Please escalate this case.",
    "The reimbursement of $%M for order %O is still missing from our account.",
    "Could you please confirm when the units of %A in shipment %S will be available for sale?",
    "We updated the images of %A as you asked. Please confirm the listing is active again.",
    "The category of %A is wrong and customers cannot find the product. Please fix the browse node.",
    "Please remove the negative feedback for order %O; it is about delivery which Amazon handled."};

const char* kSyllables[] = {"ka",  "lo",  "mi",  "ze",  "tu",   "pra", "vin", "dor", "sel", "qua",
                            "rix", "fen", "gol", "bru", "tesh", "wyn", "xo",  "yl",  "zan", "cor"};

std::string fill(const char* pattern, const CorpusCase& c, Rng& rng) {
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p != '%' || !p[1]) {
      out += *p;
      continue;
    }
    switch (*++p) {
      case 'A':
        out += c.asin;
        break;
      case 'S':
        out += c.shipment;
        break;
      case 'O':
        out += c.order;
        break;
      case 'N':
        out += std::to_string(2 + rng.below(200));
        break;
      case 'M': {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%zu.%02zu", 10 + rng.below(4000), rng.below(100));
        out += buf;
        break;
      }
      default:
        out += *p;
    }
  }
  return out;
}

std::string isoTime(std::int64_t seconds) {
  return formatIso8601(Instant{std::chrono::seconds{seconds}});
}

}  // namespace

std::string Corpus::asinFor(std::size_t i) {
  static const char* kAlnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  std::string s = "B0";
  std::uint64_t v = i * 2654435761ull + 12345;
  for (int k = 0; k < 8; ++k, v /= 34) s += kAlnum[v % 34];
  return s;
}

std::string Corpus::shipmentFor(std::size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "FBA%02zuX%06zuQ", (i * 7) % 100, i);
  return buf;
}

std::string Corpus::orderFor(std::size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%03zu-%07zu-%07zu", 111 + i % 800, (i * 7919) % 10000000,
                (i * 104729) % 10000000);
  return buf;
}

std::string Corpus::rareWord(std::size_t k) {
  std::string w;
  const std::size_t n = sizeof kSyllables / sizeof *kSyllables;
  for (int part = 0; part < 4; ++part, k /= n) w += kSyllables[k % n];
  return w;
}

CorpusCase Corpus::makeCase(std::size_t i) const {
  Rng rng(seed_ ^ (i * 0x2545F4914F6CDD1Dull));
  CorpusCase c;
  c.asin = asinFor(i);
  c.shipment = shipmentFor(i);
  c.order = orderFor(i);
  CaseSnapshot& s = c.snapshot;
  s.caseId = std::to_string(10000000000ull + i);
  s.marketplace = "sellercentral.amazon.com";
  s.subject = fill(kSubjects[rng.below(kSubjects.size())], c, rng);
  s.status = rng.chance(0.5) ? "Answered" : "Pending Amazon action";
  // Cases spread over three years, a new one every ~15 minutes.
  const std::int64_t start = 1700000000 + static_cast<std::int64_t>(i) * 900;
  s.createdAt = isoTime(start);
  for (int k = 0; k < replies_; ++k) {
    std::string seller = fill(kSeller[rng.below(kSeller.size())], c, rng);
    std::string amazon = rng.chance(0.45) ? kTemplates[rng.below(kTemplates.size())]
                                          : fill(kSpecific[rng.below(kSpecific.size())], c, rng);
    if (rng.chance(0.25)) amazon += " Reference: " + rareWord(rng.below(kRareWords)) + ".";
    if (rng.chance(0.25)) seller += " Note: " + rareWord(rng.below(kRareWords)) + ".";
    s.messages.push_back({"seller", "Acme Goods", isoTime(start + k * 7200), seller});
    s.messages.push_back({"amazon", "Amazon Seller Support", isoTime(start + k * 7200 + 3600), amazon});
  }
  return c;
}

}  // namespace caselog::bench
