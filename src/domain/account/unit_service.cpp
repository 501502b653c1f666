#include "domain/account/unit_service.hpp"

#include "domain/account/unit_repo.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::account {

core::Result<Unit> UnitService::RootUnit() {
  store::Session session = db_.Acquire();
  auto root = UnitRepo(session).FindRootUnit();
  if (!root) return core::Error::NotFound("the platform is not set up");
  return *root;
}

core::Result<Unit> UnitService::CreateUnit(const NewUnit& input) {
  if (input.name.empty()) return core::Error::Invalid("name", "is required");
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  UnitRepo repo(session);
  auto parent = repo.FindUnit(input.parent_id);
  if (!parent) return core::Error::Invalid("parent_id", "no such unit");
  if (!region::RegionRepo(session).Covers(parent->region_code, input.region_code)) {
    return core::Error::Invalid("region_code", "must be covered by the parent unit's region");
  }
  const std::string now = core::FormatDateTime(clock_());
  Unit unit{0, input.name, input.kind, input.region_code, input.parent_id,
            input.leading_group_established_on, now, now};
  unit.id = repo.InsertUnit(unit, now);
  tx.Commit();
  return unit;
}

}  // namespace lianyin::domain::account
