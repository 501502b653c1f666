#pragma once
// The totals of registry lists, kept for a few seconds.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/common/scope.hpp"
#include "domain/org/org.hpp"

namespace lianyin::domain::org {

// An exact COUNT over a large registry costs far more than the page it heads (docs/
// BENCHMARKS.md), and the same filter is counted again for every page. A total is kept with the
// data version it was counted under (OrgService::ViewVersion, read before counting) and served
// only while that version is current: exact, whichever process changed the registry. Thread-safe;
// at most kMaxEntries totals.
class OrgCountCache {
 public:
  static constexpr std::size_t kMaxEntries = 4096;

  // The key of a list's total: every filter member that changes it, and the scope.
  static std::string Key(const OrgFilter& filter, const common::Scope& scope);
  std::optional<std::int64_t> Get(const std::string& key, std::int64_t version);
  void Put(const std::string& key, std::int64_t version, std::int64_t total);

 private:
  struct Entry {
    std::int64_t version = 0;
    std::int64_t total = 0;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace lianyin::domain::org
