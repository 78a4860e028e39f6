#include "domain/generic_reply.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/keywords.hpp"
#include "domain/reply_features.hpp"
#include "domain/text.hpp"

namespace caselog {

namespace {

std::string quoteList(const std::vector<std::string>& items, std::size_t max = 3) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) {
    if (i) out += ", ";
    out += "\"" + items[i] + "\"";
  }
  if (items.size() > max) out += " …";
  return out;
}

// The detector's numbers (generic.weights, shortWords, threshold), read once per Config.
struct Weights {
  double bias, phrase, phraseCap, helpLink, shortReply, duplicate, duplicateCap, duplicateFilledIn,
      caseIdentifier, caseIdentifierCap, action, actionCap, details, detailsCap, cause, evidence, noSubstance,
      subjectTerms;
  double shortWords, threshold;

  static Weights from(const Config& config) {
    auto w = [&](const char* key) { return config.number(std::string("/generic/weights/") + key, 0); };
    return {w("bias"),
            w("phrase"),
            w("phraseCap"),
            w("helpLink"),
            w("short"),
            w("duplicate"),
            w("duplicateCap"),
            w("duplicateFilledIn"),
            w("caseIdentifier"),
            w("caseIdentifierCap"),
            w("action"),
            w("actionCap"),
            w("details"),
            w("detailsCap"),
            w("cause"),
            w("evidence"),
            w("noSubstance"),
            w("subjectTerms"),
            config.number("/generic/shortWords", 60),
            config.number("/generic/threshold", 0.5)};
  }
};

double capped(std::size_t n, double cap) {
  return std::min(static_cast<double>(n), cap);
}

}  // namespace

GenericVerdict assessReply(const StoredMessage& reply, const CaseRecord& c, int casesSharingText,
                           const Config& config) {
  return assessReply(ReplyText(reply.body), CaseTerms(c), casesSharingText, config);
}

GenericVerdict assessReply(const ReplyText& reply, const CaseTerms& terms, int casesSharingText,
                           const Config& config) {
  return assessReply(replyFeatures(reply, terms, config), casesSharingText, config);
}

GenericVerdict assessReply(const ReplyFeatures& f, int casesSharingText, const Config& config) {
  const Weights& w = config.view<Weights>();
  GenericVerdict v;
  double z = w.bias;
  if (!f.phrases.empty()) {
    z += w.phrase * capped(f.phrases.size(), w.phraseCap);
    v.reasons.push_back("template phrases: " + quoteList(f.phrases));
  }
  if (f.helpLink) {
    z += w.helpLink;
    v.reasons.push_back("points to a help page instead of answering");
  }
  if (f.words < w.shortWords) {
    z += w.shortReply;
    v.reasons.push_back("short reply (" + std::to_string(f.words) + " words)");
  }
  if (casesSharingText > 0) {
    // A macro filled in with this case's identifiers and findings is still an answer: the shared
    // wording then counts only by the filledIn factor.
    const bool filledIn = !f.identifiers.empty() &&
                          (!f.actions.empty() || f.details > 0 || f.explainsCause || f.asksForEvidence);
    z += w.duplicate * capped(static_cast<std::size_t>(casesSharingText), w.duplicateCap) *
         (filledIn ? w.duplicateFilledIn : 1.0);
    v.reasons.push_back("same text sent in " + std::to_string(casesSharingText) +
                        (casesSharingText >= kMaxSharingCases ? " or more" : "") + " other case" +
                        (casesSharingText == 1 ? "" : "s") +
                        (filledIn ? ", filled in with this case's details" : ""));
  }
  if (!f.identifiers.empty()) {
    z += w.caseIdentifier * capped(f.identifiers.size(), w.caseIdentifierCap);
    v.reasons.push_back("mentions this case's " + quoteList(f.identifiers));
  } else {
    v.reasons.push_back("mentions none of this case's ASINs, orders, shipments or amounts");
  }
  if (!f.actions.empty()) {
    z += w.action * capped(f.actions.size(), w.actionCap);
    v.reasons.push_back("says what was done: " + quoteList(f.actions));
  }
  if (f.details > 0) {
    z += w.details * capped(static_cast<std::size_t>(f.details), w.detailsCap);
    v.reasons.push_back("gives concrete details (" + std::to_string(f.details) + " figures or dates)");
  }
  if (f.explainsCause) {
    z += w.cause;
    v.reasons.push_back("explains the cause");
  }
  if (f.asksForEvidence && !f.identifiers.empty()) {
    z += w.evidence;
    v.reasons.push_back("asks for specific evidence about this case");
  }
  if (f.actions.empty() && f.details == 0 && !f.explainsCause &&
      !(f.asksForEvidence && !f.identifiers.empty())) {
    z += w.noSubstance;
    v.reasons.push_back("says nothing about what was found or done");
  }
  z += w.subjectTerms * capped(static_cast<std::size_t>(f.subjectTerms), 3);
  v.score = 1.0 / (1.0 + std::exp(-z));
  v.generic = v.score >= w.threshold;
  return v;
}

}  // namespace caselog
