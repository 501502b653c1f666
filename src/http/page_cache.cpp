#include "http/page_cache.hpp"

namespace lianyin::http {

PageCache::PageCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::optional<std::string> PageCache::Find(std::string_view key, std::int64_t version) {
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) {
    ++counts_.misses;
    return std::nullopt;
  }
  Lru::iterator it = found->second;
  if (it->version != version) {
    Erase(it);
    ++counts_.misses;
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it);
  ++counts_.hits;
  return it->body;
}

void PageCache::Store(std::string key, std::int64_t version, std::string body) {
  if (key.size() + body.size() + kEntryOverhead > max_bytes_ / 8) return;
  std::lock_guard lock(mutex_);
  if (auto found = index_.find(key); found != index_.end()) {
    // A reader that read an older version finished after one that read a newer: keep the newer.
    if (found->second->version > version) return;
    Erase(found->second);
  }
  lru_.push_front(Entry{std::move(key), version, std::move(body)});
  bytes_ += lru_.front().Size();
  index_.emplace(lru_.front().key, lru_.begin());  // the view points into the list node
  while (bytes_ > max_bytes_) Erase(std::prev(lru_.end()));
}

PageCache::Stats PageCache::stats() const {
  std::lock_guard lock(mutex_);
  Stats out = counts_;
  out.entries = lru_.size();
  out.bytes = bytes_;
  return out;
}

void PageCache::Erase(Lru::iterator it) {
  bytes_ -= it->Size();
  index_.erase(std::string_view(it->key));
  lru_.erase(it);
}

}  // namespace lianyin::http
