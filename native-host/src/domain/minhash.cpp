#include "domain/minhash.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>

#include "domain/generic_reply.hpp"
#include "domain/text.hpp"

namespace caselog::minhash {

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool hasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// A word that is or holds an identifier: digits anywhere (order IDs, amounts, dates), or an ASIN /
// FBA shipment shape. Masking them makes "the same template sent about another ASIN" identical.
bool isIdentifierLike(std::string_view word) {
  if (hasDigit(word)) return true;
  return word.size() == 10 && word.substr(0, 2) == "b0";
}

}  // namespace

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const char ch : bytes) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::vector<std::string> normalizedTokens(std::string_view body) {
  const std::vector<std::string> words = text::tokens(text::fold(body));
  const std::vector<std::string_view> masked = normalizedViews({words.begin(), words.end()});
  return {masked.begin(), masked.end()};
}

std::vector<std::uint64_t> signature(std::string_view body) {
  const std::vector<std::string> words = text::tokens(text::fold(body));
  return signatureOfWords(std::vector<std::string_view>(words.begin(), words.end()));
}

std::vector<std::string_view> normalizedViews(const std::vector<std::string_view>& words) {
  std::vector<std::string_view> normalized = words;  // masked as normalizedTokens masks them
  for (auto& word : normalized) {
    if (isIdentifierLike(word)) word = "#";
  }
  return normalized;
}

std::vector<std::uint64_t> signatureOfWords(const std::vector<std::string_view>& words) {
  if (words.empty()) return {};
  const std::vector<std::string_view> normalized = normalizedViews(words);
  // Each shingle hashed as the FNV-1a of its words each followed by \x1f, chained word by word.
  std::vector<std::uint64_t> shingles;
  const std::size_t n = normalized.size() < kShingle ? 1 : normalized.size() - kShingle + 1;
  shingles.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = fnv1a("");
    for (std::size_t k = i; k < std::min(normalized.size(), i + kShingle); ++k)
      h = fnv1a("\x1f", fnv1a(normalized[k], h));
    shingles.push_back(h);
  }
  static const auto seeds = [] {
    std::array<std::uint64_t, kBands * kRows> out{};
    for (std::size_t r = 0; r < out.size(); ++r) out[r] = splitmix64(0x5eed0000ULL + r);
    return out;
  }();
  std::vector<std::uint64_t> sig(kBands * kRows, std::numeric_limits<std::uint64_t>::max());
  for (std::size_t r = 0; r < sig.size(); ++r) {
    for (const auto s : shingles) sig[r] = std::min(sig[r], splitmix64(s ^ seeds[r]));
  }
  return sig;
}

std::vector<std::uint64_t> bands(const std::vector<std::uint64_t>& sig) {
  std::vector<std::uint64_t> out;
  if (sig.size() != static_cast<std::size_t>(kBands * kRows)) return out;
  for (int b = 0; b < kBands; ++b) {
    std::uint64_t h = splitmix64(static_cast<std::uint64_t>(b) + 1);
    for (int r = 0; r < kRows; ++r) h = splitmix64(h ^ sig[b * kRows + r]);
    out.push_back(h);
  }
  return out;
}

double similarity(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(same) / static_cast<double>(a.size());
}

}  // namespace caselog::minhash

namespace caselog {

std::vector<std::uint64_t> replyBands(std::string_view body) {
  return minhash::bands(minhash::signature(body));
}

std::vector<std::uint64_t> replyBands(const ReplyText& reply) {
  // Amazon's templates come back case after case: the bands of the texts seen lately are kept
  // (per thread, up to kRecentBytes, then forgotten at once: a few long replies, or very many
  // short ones, must not grow it without bound), keyed by the masked words that alone decide them.
  // An entry costs its key, its bands and the map's node (about kNodeBytes beside them).
  constexpr std::size_t kRecentBytes = 1 << 20, kNodeBytes = 96;
  thread_local std::unordered_map<std::string, std::vector<std::uint64_t>> recent;
  thread_local std::size_t recentBytes = 0;
  std::string key;
  key.reserve(reply.folded.size() + 8);
  for (const auto word : minhash::normalizedViews(reply.words)) (key += word) += '\x1f';
  if (const auto it = recent.find(key); it != recent.end()) return it->second;
  auto bands = minhash::bands(minhash::signatureOfWords(reply.words));
  const std::size_t cost = key.size() + bands.size() * sizeof(bands[0]) + kNodeBytes;
  if (cost > kRecentBytes) return bands;
  if (recentBytes + cost > kRecentBytes) {
    recent.clear();
    recentBytes = 0;
  }
  recentBytes += cost;
  recent.emplace(std::move(key), bands);
  return bands;
}

}  // namespace caselog
