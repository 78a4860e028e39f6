#include "domain/next_step.hpp"

#include <map>

#include "domain/business_days.hpp"
#include "domain/case_facts.hpp"
#include "domain/keywords.hpp"
#include "domain/text.hpp"

namespace caselog {

namespace {

std::string joined(const CaseRecord& c, const std::string& kind) {
  std::string out;
  for (const auto& id : c.identifiers) {
    if (id.kind != kind || out.find(id.value) != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + id.value;
  }
  return out;
}

// "ASIN B08XYZ1234; order 113-…; shipment FBA15…" — what the seller's follow-up is about.
std::string references(const CaseRecord& c) {
  static const std::pair<const char*, const char*> kinds[] = {
      {"asin", "ASIN"}, {"order", "order"}, {"shipment", "shipment"}, {"sku", "SKU"}, {"amount", "amount"}};
  std::string out;
  for (const auto& [kind, label] : kinds) {
    const std::string values = joined(c, kind);
    if (!values.empty()) out += (out.empty() ? "" : "; ") + std::string(label) + " " + values;
  }
  return out.empty() ? "the issue described in my first message" : out;
}

bool saysWrongTeam(const CaseRecord& c, const Config& config) {
  const StoredMessage* last = nullptr;
  for (const auto& m : c.messages)
    if (m.current && m.author == "amazon" && (!last || messageTime(m) >= messageTime(*last))) last = &m;
  return last &&
         !matchedKeywords(text::fold(last->body), config.folded("/nextStep/wrongTeamPhrases")).empty();
}

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

struct Inputs {
  const CaseRecord& c;
  const CaseFacts& f;
  const Config& config;
  Instant now;
  std::string team;
};

NextStep make(const Inputs& in, const char* action, const std::string& team, std::string reason,
              const char* tmpl, int days = 0) {
  NextStep s{action, team, std::move(reason), ""};
  if (tmpl) s.draft = draftFollowUp(tmpl, in.c, team.empty() ? in.team : team, days, in.config);
  return s;
}

NextStep afterGenericReply(const Inputs& in) {
  const auto& f = in.f;
  const bool redirectCategory = in.config.flag("/categories/" + f.category + "/redirect");
  if (saysWrongTeam(in.c, in.config) || redirectCategory) {
    return make(in, "redirect", in.team,
                "Amazon's reply is a template and this kind of case is handled by " + in.team, "redirect");
  }
  const int escalateAfter = static_cast<int>(in.config.number("/nextStep/escalateAfterGenericReplies", 2));
  if (f.genericReplies >= escalateAfter || in.c.reopenCount > 0) {
    const std::string to = in.config.string("/nextStep/escalationTeam", "a senior investigator");
    return make(in, "escalate", to,
                std::to_string(f.genericReplies) +
                    (f.genericReplies == 1 ? " template reply" : " template replies") + " so far" +
                    (in.c.reopenCount > 0 ? " after " + plural(in.c.reopenCount, "reopen") : "") +
                    ": ask for " + to,
                "escalate");
  }
  const auto windowEnd =
      *f.lastAmazonAt + std::chrono::days{static_cast<int>(in.config.number("/timing/reopenWindowDays", 30))};
  if (f.closed && in.now >= windowEnd) {
    return make(in, "none", "",
                "The reopen window has passed: open a new case that cites case " + in.c.caseId +
                    " if the problem is not solved",
                nullptr);
  }
  const bool answered = f.closed || in.c.status == "answered";
  return make(in, answered ? "reopen" : "reply", in.team,
              "Amazon's last reply is a template: reopen this case (not a new one) and ask for specifics",
              "reopen");
}

NextStep whileWaiting(const Inputs& in) {
  const auto& f = in.f;
  const int waited = f.awaitingSince ? businessDaysBetween(*f.awaitingSince, in.now, f.utcOffset) : 0;
  const int expected = f.expectedReplyBusinessDays;
  const double factor = in.config.number("/nextStep/escalateAfterSilenceFactor", 2);
  if (waited > expected * factor) {
    const std::string to = in.config.string("/nextStep/escalationTeam", "a senior investigator");
    return make(in, "escalate", to, "No reply for " + plural(waited, "business day") + ": ask for " + to,
                "escalate", waited);
  }
  if (waited > expected) {
    return make(in, "reply", in.team,
                "No reply for " + plural(waited, "business day") + " (usually within " +
                    std::to_string(expected) + "): follow up in the case",
                "chase", waited);
  }
  return make(in, "wait", "",
              "Amazon usually replies within " + plural(expected, "business day") + "; " +
                  std::to_string(waited) + " so far",
              nullptr);
}

}  // namespace

NextStep suggestNextStep(const CaseRecord& c, const std::vector<GenericVerdict>& verdicts,
                         const Config& config, Instant now) {
  const CaseFacts f = caseFacts(c, verdicts, config);
  const Inputs in{c, f, config, now, config.string("/categories/" + f.category + "/team", "Seller Support")};
  if (c.status == "needs_seller") {
    return make(in, "reply", "", "Amazon is waiting for information from you: answer in the case", "reply");
  }
  const bool lastGeneric = f.lastAmazonVerdict && f.lastAmazonVerdict->generic && !f.sellerWroteLast;
  if (lastGeneric) return afterGenericReply(in);
  if (f.awaitingAmazon) return whileWaiting(in);
  if (f.amazonReplies == 0 && !f.closed) {
    return make(in, "none", "", "Amazon's reply has not been captured yet: open the case page to save it",
                nullptr);
  }
  if (f.closed) return make(in, "none", "", "Resolved with a specific answer from Amazon", nullptr);
  return make(in, "none", "", "Amazon answered specifically: reply only if it did not solve the problem",
              nullptr);
}

std::string draftFollowUp(const std::string& kind, const CaseRecord& c, const std::string& team, int days,
                          const Config& config) {
  const std::map<std::string, std::string> values = {{"caseId", c.caseId},
                                                     {"subject", c.subject},
                                                     {"asins", joined(c, "asin")},
                                                     {"orders", joined(c, "order")},
                                                     {"shipments", joined(c, "shipment")},
                                                     {"skus", joined(c, "sku")},
                                                     {"amounts", joined(c, "amount")},
                                                     {"references", references(c)},
                                                     {"team", team},
                                                     {"days", std::to_string(days)}};
  const std::string tmpl = config.string("/nextStep/templates/" + kind);
  std::string out;
  for (std::size_t pos = 0; pos < tmpl.size();) {
    const auto open = tmpl.find('{', pos);
    const auto close = open == std::string::npos ? open : tmpl.find('}', open);
    if (close == std::string::npos) {
      out += tmpl.substr(pos);
      break;
    }
    const auto it = values.find(tmpl.substr(open + 1, close - open - 1));
    out += tmpl.substr(pos, open - pos);
    out += it != values.end() ? it->second : tmpl.substr(open, close - open + 1);
    pos = close + 1;
  }
  return out;
}

}  // namespace caselog
