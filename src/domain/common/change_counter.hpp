#pragma once
// A change sink that counts the committed changes of each entity, so that a cache of anything
// derived from those records knows when to forget it.

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "domain/common/change_sink.hpp"

namespace lianyin::domain::common {

// Thread-safe and lock-free to read. Entities are a fixed set given at construction; changes
// of other entities are ignored.
class ChangeCounter final : public ChangeSink {
 public:
  explicit ChangeCounter(std::initializer_list<std::string_view> entities);

  void Apply(store::Session&, const Origin&, const std::vector<Change>&) override {}
  void Committed(const Origin& origin, const std::vector<Change>& changes) noexcept override;

  // How many transactions have committed changes to `entity` in this process (0 for an entity
  // not counted). Changes made by other processes sharing the database are not seen.
  std::uint64_t generation(std::string_view entity) const;

 private:
  std::map<std::string, std::atomic<std::uint64_t>, std::less<>> counts_;
};

}  // namespace lianyin::domain::common
