// A deterministic, realistic-looking corpus of Seller Support cases for the benchmarks: the same
// seed gives the same cases on every machine. Amazon replies mix templates ("Thank you for
// contacting Amazon Seller Support…") with case-specific sentences naming ASINs, FBA shipments,
// order IDs, unit counts and amounts; common words ("inventory", "please") are frequent, and each
// message may carry one of many rare words so that rare-term searches have a few dozen matches.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace caselog::bench {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000; }

 private:
  std::uint64_t state_;
};

struct CorpusCase {
  CaseSnapshot snapshot;
  std::string asin;
  std::string shipment;
  std::string order;
};

class Corpus {
 public:
  // repliesPerCase Amazon replies and as many seller messages per case.
  Corpus(std::uint64_t seed, int repliesPerCase) : seed_(seed), replies_(repliesPerCase) {}

  // Case number i (0-based): always the same for the same seed.
  CorpusCase makeCase(std::size_t i) const;

  static std::string asinFor(std::size_t i);
  static std::string shipmentFor(std::size_t i);
  static std::string orderFor(std::size_t i);
  // Rare words: kRareWords pseudo-words, each message carries one with probability 1/4.
  static constexpr std::size_t kRareWords = 20000;
  static std::string rareWord(std::size_t k);

 private:
  std::uint64_t seed_;
  int replies_;
};

}  // namespace caselog::bench
