#pragma once
// SQL of units and their closure table (ancestor, descendant, depth).

#include <optional>
#include <string_view>

#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

class UnitRepo {
 public:
  explicit UnitRepo(store::Session& session) : session_(session) {}

  // Inserts the unit and its closure rows (itself and every ancestor of its parent); returns id.
  std::int64_t InsertUnit(const Unit& unit, std::string_view now);
  std::optional<Unit> FindUnit(std::int64_t id);
  // The platform root: the unit without a parent.
  std::optional<Unit> FindRootUnit();

 private:
  store::Session& session_;
};

}  // namespace lianyin::domain::account
