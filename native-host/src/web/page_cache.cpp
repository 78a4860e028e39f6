#include "web/page_cache.hpp"

namespace caselog::web {

std::shared_ptr<const Response> PageCache::get(const std::string& key, CacheVersion version) {
  std::lock_guard lock(mutex_);
  auto it = pages_.find(key);
  return it != pages_.end() && it->second.version == version ? it->second.page : nullptr;
}

std::shared_ptr<const Response> PageCache::getStale(const std::string& key, CacheVersion version) {
  std::lock_guard lock(mutex_);
  auto it = pages_.find(key);
  return it != pages_.end() && it->second.version.data == version.data ? it->second.page : nullptr;
}

void PageCache::put(const std::string& key, CacheVersion version, Response response) {
  std::lock_guard lock(mutex_);
  if (pages_.size() >= maxEntries_ && !pages_.count(key)) pages_.clear();
  pages_[key] = Entry{version, std::make_shared<const Response>(std::move(response))};
}

void PageCache::clear() {
  std::lock_guard lock(mutex_);
  pages_.clear();
}

}  // namespace caselog::web
