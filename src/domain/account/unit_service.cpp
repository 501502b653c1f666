#include "domain/account/unit_service.hpp"

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/unit_rules.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::account {
namespace {

core::Error NoSuchParent() { return core::Error::Invalid("parent_id", "no such unit"); }

// A parent named in a body: missing and out of scope look the same.
core::Result<Unit> LoadParent(store::Session& session, const Actor& actor, std::int64_t id) {
  auto parent = UnitRepo(session).FindInScope(ScopeOf(actor), id);
  if (!parent) return NoSuchParent();
  return *parent;
}

core::Result<Unit> LoadInScope(store::Session& session, const Actor& actor, std::int64_t id) {
  auto unit = UnitRepo(session).FindInScope(ScopeOf(actor), id);
  if (!unit) return OutOfScope();
  return *unit;
}

// The parent-side rules shared by Create and Move, reported on `kind_field`.
core::Result<void> CheckPlacement(store::Session& session, const Unit& child, const Unit& parent,
                                  const std::string& kind_field) {
  if (!KindFitsParent(child.kind, parent)) {
    return core::Error::Invalid(kind_field, std::string("a ") +
                                                std::string(UnitKindName(child.kind)) +
                                                " unit cannot hang below a " +
                                                std::string(UnitKindName(parent.kind)) + " unit");
  }
  if (!region::RegionRepo(session).Covers(parent.region_code, child.region_code)) {
    return core::Error::Invalid(kind_field == "kind" ? "region_code" : kind_field,
                                "must be covered by the parent unit's region");
  }
  return {};
}

// A region change must stay inside the parent's region and still cover every child's.
core::Result<void> CheckRegionChange(store::Session& session, const Unit& unit,
                                     const std::string& region_code) {
  region::RegionRepo regions(session);
  if (!regions.Find(region_code)) return core::Error::Invalid("region_code", "no such region");
  if (unit.parent_id) {
    // The parent may lie above the caller's scope (its own unit's parent): its rules still hold.
    auto parent = UnitRepo(session).FindOwner(*unit.parent_id);
    if (parent && !regions.Covers(parent->region_code, region_code)) {
      return core::Error::Invalid("region_code", "must be covered by the parent unit's region");
    }
  }
  for (const std::string& child : UnitRepo(session).ChildRegionCodes(unit.id)) {
    if (!regions.Covers(region_code, child)) {
      return core::Error::Invalid("region_code", "must cover the region of every child unit");
    }
  }
  return {};
}

common::Change UnitChange(std::string action, std::int64_t id, boost::json::value before,
                          boost::json::value after) {
  return {
      std::move(action), "unit", std::to_string(id), std::move(before), std::move(after), true, id};
}

}  // namespace

core::Result<Unit> UnitService::RootUnit() {
  store::Session session = writer_.db().Acquire();
  auto root = UnitRepo(session).FindRootUnit();
  if (!root) return core::Error::NotFound("the platform is not set up");
  return *root;
}

Page<UnitView> UnitService::List(const Actor& actor, const UnitFilter& filter,
                                 const PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  const Scope scope = ScopeOf(actor);
  // Without a place to look, the list starts at the caller's own unit.
  const bool own_unit_only = !filter.parent_id && !filter.q && filter.ids.empty();
  return UnitRepo(session).List(scope, filter, page,
                                own_unit_only ? std::optional(scope.unit_id) : std::nullopt);
}

core::Result<UnitView> UnitService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto view = UnitRepo(session).FindViewInScope(ScopeOf(actor), id);
  if (!view) return OutOfScope();
  return *view;
}

core::Result<UnitView> UnitService::Create(const Actor& actor, const NewUnit& input) {
  if (auto ok = CheckUnitName(input.name); !ok) return ok.error();
  const core::DateTime now = clock_();
  if (auto ok = CheckEstablishedOn(input.leading_group_established_on, core::LocalDate(now)); !ok) {
    return ok.error();
  }
  const std::string at = core::FormatDateTime(now);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<UnitView> {
    store::Session& session = tx.session();
    UnitRepo repo(session);
    repo.LockTree();
    auto parent = LoadParent(session, actor, input.parent_id);
    if (!parent) return parent.error();
    Unit unit{0,
              input.name,
              input.kind,
              input.region_code,
              input.parent_id,
              input.leading_group_established_on,
              at,
              at};
    if (auto ok = CheckPlacement(session, unit, *parent, "kind"); !ok) return ok.error();
    unit.id = repo.InsertUnit(unit, at);
    tx.Record(UnitChange("create", unit.id, nullptr, AuditJson(unit)));
    return repo.FindViewInScope(ScopeOf(actor), unit.id).value();
  });
}

core::Result<UnitView> UnitService::Update(const Actor& actor, std::int64_t id,
                                           const UnitPatch& patch) {
  if (patch.name) {
    if (auto ok = CheckUnitName(*patch.name); !ok) return ok.error();
  }
  const core::DateTime now = clock_();
  if (patch.leading_group_established_on) {
    auto ok = CheckEstablishedOn(*patch.leading_group_established_on, core::LocalDate(now));
    if (!ok) return ok.error();
  }
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<UnitView> {
    store::Session& session = tx.session();
    UnitRepo repo(session);
    repo.LockTree();
    auto before = LoadInScope(session, actor, id);
    if (!before) return before.error();
    Unit unit = *before;
    if (patch.name) unit.name = *patch.name;
    if (patch.region_code && *patch.region_code != unit.region_code) {
      if (auto ok = CheckRegionChange(session, unit, *patch.region_code); !ok) return ok.error();
      unit.region_code = *patch.region_code;
    }
    if (patch.leading_group_established_on) {
      unit.leading_group_established_on = *patch.leading_group_established_on;
    }
    repo.UpdateUnit(unit, core::FormatDateTime(now));
    tx.Record(UnitChange("update", id, AuditJson(*before), AuditJson(unit)));
    return repo.FindViewInScope(ScopeOf(actor), id).value();
  });
}

core::Result<UnitView> UnitService::Move(const Actor& actor, std::int64_t id,
                                         std::int64_t new_parent_id) {
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<UnitView> {
    store::Session& session = tx.session();
    UnitRepo repo(session);
    repo.LockTree();
    auto unit = LoadInScope(session, actor, id);
    if (!unit) return unit.error();
    if (!unit->parent_id) return core::Error::Conflict("the platform root cannot be moved");
    if (id == actor.unit_id) return core::Error::Forbidden("you cannot move your own unit");
    auto parent = LoadParent(session, actor, new_parent_id);
    if (!parent) return parent.error();
    if (UnitInScope(session, Scope{id, {}, {}, false}, new_parent_id)) {
      return core::Error::Conflict("a unit cannot move into its own subtree");
    }
    if (auto ok = CheckPlacement(session, *unit, *parent, "parent_id"); !ok) return ok.error();
    repo.MoveUnit(id, new_parent_id, at);
    Unit after = *unit;
    after.parent_id = new_parent_id;
    tx.Record(UnitChange("move", id, AuditJson(*unit), AuditJson(after)));
    return repo.FindViewInScope(ScopeOf(actor), id).value();
  });
}

core::Result<void> UnitService::Delete(const Actor& actor, std::int64_t id) {
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    store::Session& session = tx.session();
    UnitRepo repo(session);
    repo.LockTree();
    auto unit = LoadInScope(session, actor, id);
    if (!unit) return unit.error();
    if (!unit->parent_id) return core::Error::Conflict("the platform root cannot be deleted");
    if (id == actor.unit_id) return core::Error::Forbidden("you cannot delete your own unit");
    if (repo.CountChildren(id) > 0) return core::Error::Conflict("the unit has child units");
    if (repo.CountUsers(id) > 0) return core::Error::Conflict("the unit has users");
    try {
      repo.DeleteUnit(id);
    } catch (const store::DbError& e) {
      // Records of other areas (organisations, projects, ...) still name the unit: the foreign
      // keys decide, and the transaction rolls back.
      if (e.kind() != store::DbError::Kind::kForeignKeyViolation) throw;
      return core::Error::Conflict("records still belong to the unit");
    }
    // The entry stays readable by the units above the deleted one.
    tx.Record(
        {"delete", "unit", std::to_string(id), AuditJson(*unit), nullptr, true, unit->parent_id});
    return {};
  });
}

}  // namespace lianyin::domain::account
