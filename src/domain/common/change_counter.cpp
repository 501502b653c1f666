#include "domain/common/change_counter.hpp"

namespace lianyin::domain::common {

ChangeCounter::ChangeCounter(std::initializer_list<std::string_view> entities) {
  for (std::string_view entity : entities) counts_[std::string(entity)] = 0;
}

void ChangeCounter::Committed(const Origin&, const std::vector<Change>& changes) noexcept {
  std::string_view last;
  for (const Change& change : changes) {
    if (change.entity == last) continue;  // one step per transaction and entity is enough
    last = change.entity;
    auto it = counts_.find(change.entity);
    if (it != counts_.end()) it->second.fetch_add(1, std::memory_order_release);
  }
}

std::uint64_t ChangeCounter::generation(std::string_view entity) const {
  auto it = counts_.find(entity);
  return it == counts_.end() ? 0 : it->second.load(std::memory_order_acquire);
}

}  // namespace lianyin::domain::common
