// Rendered pages kept until the data changes. A page is valid for one "version": the store's
// change counter plus the current minute (priorities and ages move with time). Each entry keeps
// the version it was rendered for, so a page from the previous minute (same data) can still be
// served while another thread renders the new one: only one request pays for a re-render.
// Bounded in entries (cleared when full).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "web/http_types.hpp"

namespace caselog::web {

struct CacheVersion {
  std::int64_t data = 0;
  std::int64_t minute = 0;
  bool operator==(const CacheVersion&) const = default;
};

class PageCache {
 public:
  explicit PageCache(std::size_t maxEntries = 2048) : maxEntries_(maxEntries) {}

  // The page rendered for exactly this version, or null.
  std::shared_ptr<const Response> get(const std::string& key, CacheVersion version);
  // A page rendered for the same data in an earlier minute, or null.
  std::shared_ptr<const Response> getStale(const std::string& key, CacheVersion version);
  void put(const std::string& key, CacheVersion version, Response response);
  void clear();

 private:
  struct Entry {
    CacheVersion version;
    std::shared_ptr<const Response> page;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> pages_;
  std::size_t maxEntries_;
};

}  // namespace caselog::web
