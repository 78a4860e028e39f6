// What the generic-reply detector looks at in one Amazon reply, before weighting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "domain/config.hpp"

namespace caselog {

struct ReplyFeatures {
  std::vector<std::string> phrases;      // template phrases found (generic.phrases)
  std::vector<std::string> actions;      // "what was done" phrases found (generic.actionPhrases)
  std::vector<std::string> identifiers;  // the case's identifiers the reply names (ID-shaped words when
                                         // the case has no known identifiers)
  bool helpLink = false;                 // links or points to a help page
  int words = 0;                         // length in words (two CJK characters count as one word)
  int subjectTerms = 0;                  // distinct significant subject words repeated in the reply
  int details = 0;                       // distinct numbers outside identifiers: units, dates, percentages
  bool asksForEvidence = false;          // names the document it needs: invoice, photo, proof of delivery…
  bool explainsCause = false;            // "because", "weil", "car", "perché", "porque", "ため" …
};

// One reply's text as the rules read it: folded once and cut into words once, then shared by the
// features, the near-duplicate bands (replyBands) and the deadline patterns.
struct ReplyText {
  explicit ReplyText(std::string_view body);
  ReplyText(const ReplyText&) = delete;  // `words` views into `folded`
  ReplyText& operator=(const ReplyText&) = delete;
  std::string folded;                   // text::fold(body)
  std::vector<std::string_view> words;  // text::tokens(folded), as views into folded
};

// What the features look for of a case in each of its replies, worked out once per case.
struct CaseTerms {
  explicit CaseTerms(const CaseRecord& c);
  const CaseRecord& c;
  std::vector<std::string> foldedIds;     // text::fold of each of c.identifiers' values (parallel)
  std::vector<std::string> subjectWords;  // the subject's significant words, each once
};

ReplyFeatures replyFeatures(std::string_view body, const CaseRecord& c, const Config& config);
ReplyFeatures replyFeatures(const ReplyText& reply, const CaseTerms& terms, const Config& config);

// ID-shaped words in a text: ASINs (B0…), order IDs (3-7-7 digits), FBA shipment IDs, amounts
// written with a currency sign or code. Used when the case's identifiers are unknown.
std::vector<std::string> identifierShapes(std::string_view body);

}  // namespace caselog
