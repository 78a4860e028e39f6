// Is an Amazon reply a template? Lexicon + case-specific content + near-duplicates across cases
// + length/structure, combined into a score in [0, 1] with reasons.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "domain/assessment.hpp"
#include "domain/config.hpp"
#include "domain/reply_features.hpp"

namespace caselog {

// Locality-sensitive band hashes of a reply's MinHash signature (shingles of normalized words).
// Two texts that share a band are near-duplicates with high probability. Stored per Amazon
// message so that "how many other cases got this same text" is one indexed lookup.
std::vector<std::uint64_t> replyBands(std::string_view body);
std::vector<std::uint64_t> replyBands(const ReplyText& reply);

// Other cases sharing a reply's text are counted up to this many (the rule's weight stops at
// /generic/weights/duplicateCap, far below; the count is shown as "10 or more").
inline constexpr int kMaxSharingCases = 10;

// casesSharingText: how many OTHER cases hold a reply sharing a band with this one (at most
// kMaxSharingCases).
GenericVerdict assessReply(const StoredMessage& reply, const CaseRecord& c, int casesSharingText,
                           const Config& config);
// The same from the reply's text and the case's terms already worked out (ReplyText, CaseTerms:
// the replyFeatures inputs), for many replies of one case.
GenericVerdict assessReply(const ReplyText& reply, const CaseTerms& terms, int casesSharingText,
                           const Config& config);
// The same from the reply's features already worked out (replyFeatures: the reply's text and the
// case's terms); the count of other cases sharing the text is what needs the store.
GenericVerdict assessReply(const ReplyFeatures& features, int casesSharingText, const Config& config);

}  // namespace caselog
