// Rendered pages kept until the data changes. A page is valid for one "version": the store's
// change counter plus the current minute (priorities and ages move with time). When the version
// moves on, everything is dropped at once; the cache is also bounded in entries.
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

  std::shared_ptr<const Response> get(const std::string& key, CacheVersion version);
  void put(const std::string& key, CacheVersion version, Response response);
  void clear();

 private:
  std::mutex mutex_;
  CacheVersion version_;
  std::unordered_map<std::string, std::shared_ptr<const Response>> pages_;
  std::size_t maxEntries_;
};

}  // namespace caselog::web
