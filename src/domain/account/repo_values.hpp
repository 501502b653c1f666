#pragma once
// Small helpers shared by the account repositories (internal to the area).

#include <optional>
#include <string>

#include "store/store.hpp"

namespace lianyin::domain::account {

inline store::Value OptValue(const std::optional<std::int64_t>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}
inline store::Value OptValue(const std::optional<std::string>& v) {
  return v ? store::Value(*v) : store::Value(store::Null{});
}

}  // namespace lianyin::domain::account
