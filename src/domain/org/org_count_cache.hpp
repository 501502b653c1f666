#pragma once
// The totals of registry lists, kept for a few seconds.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/common/change_counter.hpp"
#include "domain/common/scope.hpp"
#include "domain/org/org.hpp"

namespace lianyin::domain::org {

// An exact COUNT over a large registry costs far more than the page it heads (docs/
// BENCHMARKS.md), and the same filter is counted again for every page. A total is kept for
// kTtlSeconds and forgotten the moment an organisation changes in this process (the
// ChangeCounter's "org" generation moves); a change made by another server process sharing the
// database shows within kTtlSeconds. Thread-safe; at most kMaxEntries totals.
class OrgCountCache {
 public:
  static constexpr std::int64_t kTtlSeconds = 5;
  static constexpr std::size_t kMaxEntries = 4096;

  explicit OrgCountCache(const common::ChangeCounter& changes) : changes_(changes) {}

  // The key of a list's total: every filter member that changes it, and the scope.
  static std::string Key(const OrgFilter& filter, const common::Scope& scope);
  // Read this before counting, and Put with it: a change committed meanwhile then wins.
  std::uint64_t generation() const { return changes_.generation("org"); }
  std::optional<std::int64_t> Get(const std::string& key, std::int64_t now);
  void Put(const std::string& key, std::uint64_t generation, std::int64_t now, std::int64_t total);

 private:
  struct Entry {
    std::uint64_t generation = 0;
    std::int64_t at = 0;
    std::int64_t total = 0;
  };
  const common::ChangeCounter& changes_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace lianyin::domain::org
