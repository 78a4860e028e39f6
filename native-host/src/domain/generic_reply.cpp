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

struct Weights {
  double bias, phrase, phraseCap, helpLink, shortReply, duplicate, duplicateCap, caseIdentifier, action,
      actionCap, subjectTerms;
};

Weights weightsFrom(const Config& config) {
  auto w = [&](const char* key, double fallback) { return config.number(std::string("/generic/weights/") + key, fallback); };
  return {w("bias", -0.6),        w("phrase", 0.9),  w("phraseCap", 4),        w("helpLink", 0.8),
          w("short", 0.6),        w("duplicate", 0.9), w("duplicateCap", 3),   w("caseIdentifier", -1.6),
          w("action", -1.3),      w("actionCap", 3), w("subjectTerms", -0.3)};
}

}  // namespace

GenericVerdict assessReply(const StoredMessage& reply, const CaseRecord& c, int casesSharingText,
                           const Config& config) {
  const ReplyFeatures f = replyFeatures(reply.body, c, config);
  const Weights w = weightsFrom(config);
  GenericVerdict v;
  double z = w.bias;
  if (!f.phrases.empty()) {
    z += w.phrase * std::min<double>(static_cast<double>(f.phrases.size()), w.phraseCap);
    v.reasons.push_back("template phrases: " + quoteList(f.phrases));
  }
  if (f.helpLink) {
    z += w.helpLink;
    v.reasons.push_back("points to a help page instead of answering");
  }
  if (f.words < config.number("/generic/shortWords", 60)) {
    z += w.shortReply;
    v.reasons.push_back("short reply (" + std::to_string(f.words) + " words)");
  }
  if (casesSharingText > 0) {
    z += w.duplicate * std::min<double>(casesSharingText, w.duplicateCap);
    v.reasons.push_back("same text sent in " + std::to_string(casesSharingText) + " other case" +
                        (casesSharingText == 1 ? "" : "s"));
  }
  if (!f.identifiers.empty()) {
    z += w.caseIdentifier * std::min<double>(static_cast<double>(f.identifiers.size()), 2);
    v.reasons.push_back("mentions this case's " + quoteList(f.identifiers));
  } else {
    v.reasons.push_back("mentions none of this case's ASINs, orders, shipments or amounts");
  }
  if (!f.actions.empty()) {
    z += w.action * std::min<double>(static_cast<double>(f.actions.size()), w.actionCap);
    v.reasons.push_back("says what was done: " + quoteList(f.actions));
  }
  if (f.subjectTerms > 0) z += w.subjectTerms * std::min(f.subjectTerms, 3);
  v.score = 1.0 / (1.0 + std::exp(-z));
  v.generic = v.score >= config.number("/generic/threshold", 0.5);
  return v;
}

}  // namespace caselog
