// Near-duplicate bands known to be full (storage/sqlite_intel.cpp).
//
// reply_bands keeps a band for its first kMaxSharingCases + 1 cases only, and its rows are never
// deleted: once a band holds that many rows it is full for good, and every case that asks about
// it is told "kMaxSharingCases or more other cases". Amazon's templates fill their bands within
// the first dozen cases, so after that their lookups and inserts are answered from this set
// instead of an index seek per band (one reply has 16 bands, a case a hundred or more).
//
// Only bands seen full in committed rows are added: a transaction notes what it saw and the store
// adds it after COMMIT (a band filled by rows that are then rolled back is not full). Bounded:
// past kMaxKnown bands the set stops growing and the rest are looked up as before.
#pragma once

#include <cstdint>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace caselog::sqlite {

class FullBands {
 public:
  static constexpr std::size_t kMaxKnown = 1 << 16;

  bool containsAny(const std::vector<std::int64_t>& bands) const {
    std::lock_guard lock(mutex_);
    for (const auto band : bands)
      if (known_.count(band)) return true;
    return false;
  }
  // Removes the bands known to be full from `bands`.
  void dropKnown(std::vector<std::int64_t>& bands) const {
    std::lock_guard lock(mutex_);
    if (known_.empty()) return;
    std::erase_if(bands, [&](std::int64_t band) { return known_.count(band) != 0; });
  }
  // Bands a committed transaction saw full.
  void add(const std::vector<std::int64_t>& bands) {
    if (bands.empty()) return;
    std::lock_guard lock(mutex_);
    for (const auto band : bands) {
      if (known_.size() >= kMaxKnown) return;
      known_.insert(band);
    }
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_set<std::int64_t> known_;
};

}  // namespace caselog::sqlite
