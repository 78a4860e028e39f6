// Near-duplicate detection for replies: MinHash over shingles of normalized words, banded for
// locality-sensitive hashing. Deterministic across runs and machines: fixed seeds, FNV-1a and
// SplitMix64 over explicit bytes, never std::hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caselog::minhash {

constexpr int kBands = 16;
constexpr int kRows = 4;  // a band is 4 signature rows: pairs above ~0.5 Jaccard usually share one
constexpr int kShingle = 3;

// Folded words with digits and identifiers masked: "Order 113-1234567-1234567 for $45" →
// ["order", "#", "for", "#"]. CJK characters are one token each.
std::vector<std::string> normalizedTokens(std::string_view body);

// The kBands × kRows MinHash signature of the text's shingles; empty when the text has no words.
std::vector<std::uint64_t> signature(std::string_view body);
// The same from the text's words: text::tokens(text::fold(body)), before masking.
std::vector<std::uint64_t> signatureOfWords(const std::vector<std::string_view>& words);
// normalizedTokens from those words, as views into them.
std::vector<std::string_view> normalizedViews(const std::vector<std::string_view>& words);

// kBands band hashes of the signature (each also mixes in its band index).
std::vector<std::uint64_t> bands(const std::vector<std::uint64_t>& signature);

// Estimated Jaccard similarity of two signatures (fraction of equal rows).
double similarity(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace caselog::minhash
