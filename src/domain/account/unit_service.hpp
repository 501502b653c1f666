#pragma once
// Use cases of the unit tree (SPEC §1 "Units").

#include <functional>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct NewUnit {
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string region_code;
  std::int64_t parent_id = 0;
  std::optional<std::string> leading_group_established_on;
};

class UnitService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit UnitService(store::Database& db, Clock clock = core::Now)
      : db_(db), clock_(std::move(clock)) {}

  // The platform root unit; 404 before the platform is set up.
  core::Result<Unit> RootUnit();
  // Adds a unit below `parent_id`; its region must be covered by the parent's region (422).
  core::Result<Unit> CreateUnit(const NewUnit& unit);

 private:
  store::Database& db_;
  Clock clock_;
};

}  // namespace lianyin::domain::account
