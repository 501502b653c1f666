#pragma once
// Rendered response bodies of read routes, each labelled with the data version it was rendered
// under (common::ReadDataVersion): a hit needs the same key and the same version, so an entry
// is never served once anything it shows has changed, in any process. Keys name everything else
// the body depends on (the route, the query, the reader's data scope); callers build them.
//
// Bounded by bytes; the least recently used entries go first. Thread-safe; Find and Store take one
// mutex for a hash lookup and a list splice, O(1), plus the copy of the body.

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lianyin::http {

class PageCache {
 public:
  // What an entry costs besides its key and body: the list and hash-table nodes, the strings.
  static constexpr std::size_t kEntryOverhead = 128;

  // `max_bytes` bounds the entries held (keys, bodies and kEntryOverhead each); an entry larger
  // than an eighth of it is not kept.
  explicit PageCache(std::size_t max_bytes = std::size_t{32} << 20);

  // The body stored under `key` for exactly `version`. An entry of another version is dropped.
  std::optional<std::string> Find(std::string_view key, std::int64_t version);
  // Keeps `body` under `key` for `version`, replacing an older entry, evicting as needed.
  void Store(std::string key, std::int64_t version, std::string body);

  struct Stats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t entries = 0;
    std::size_t bytes = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    std::int64_t version = 0;
    std::string body;
    std::size_t Size() const { return key.size() + body.size() + kEntryOverhead; }
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Lru = std::list<Entry>;  // most recently used first

  void Erase(Lru::iterator it);

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  Lru lru_;
  std::unordered_map<std::string_view, Lru::iterator, Hash, std::equal_to<>> index_;
  std::size_t bytes_ = 0;
  Stats counts_;
};

}  // namespace lianyin::http
