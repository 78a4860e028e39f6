#include "web/page_cache.hpp"

namespace caselog::web {

std::shared_ptr<const Response> PageCache::get(const std::string& key, CacheVersion version) {
  std::lock_guard lock(mutex_);
  if (!(version == version_)) return nullptr;
  auto it = pages_.find(key);
  return it == pages_.end() ? nullptr : it->second;
}

void PageCache::put(const std::string& key, CacheVersion version, Response response) {
  std::lock_guard lock(mutex_);
  if (!(version == version_)) {
    pages_.clear();
    version_ = version;
  }
  if (pages_.size() >= maxEntries_) pages_.clear();
  pages_[key] = std::make_shared<const Response>(std::move(response));
}

void PageCache::clear() {
  std::lock_guard lock(mutex_);
  pages_.clear();
  version_ = {};
}

}  // namespace caselog::web
