#pragma once
// Use cases of the unit tree (SPEC §1 "Units"). Every use case keeps to the actor's data scope
// (UnitRepo::FindInScope): a unit outside it answers 404 exactly like a missing one, and one
// named in a body field answers 422 "no such unit" on that field. Each mutation runs in one
// short write transaction (common::Writer) and records its Change, owned by the unit itself.

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

struct NewUnit {
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string region_code;
  std::int64_t parent_id = 0;
  std::optional<std::string> leading_group_established_on;
};

// PATCH /units/{id}: absent members stay; leading_group_established_on may be set to null.
struct UnitPatch {
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::optional<std::string>> leading_group_established_on;
};

class UnitService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit UnitService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // The platform root unit; 404 before the platform is set up.
  core::Result<Unit> RootUnit();

  // Units in scope matching `filter`; with neither parent_id, q nor ids, only the actor's own
  // unit.
  Page<UnitView> List(const Actor& actor, const UnitFilter& filter, const PageRequest& page);
  core::Result<UnitView> Get(const Actor& actor, std::int64_t id);
  // Adds a unit below `parent_id` (in scope, else 422 on parent_id). 422 on region_code when the
  // parent's region does not cover it; on kind when a union (civil_affairs) unit would hang below
  // a unit that is neither the root nor a union (civil_affairs) unit; on
  // leading_group_established_on when it is not a date or lies in the future.
  core::Result<UnitView> Create(const Actor& actor, const NewUnit& unit);
  // region_code must stay covered by the parent's region and cover every child's (422).
  core::Result<UnitView> Update(const Actor& actor, std::int64_t id, const UnitPatch& patch);
  // Re-parents a unit with its subtree. The root → 409; the actor's own unit → 403; a new parent
  // inside the moved subtree → 409; kind and region rules as Create, reported on parent_id.
  core::Result<UnitView> Move(const Actor& actor, std::int64_t id, std::int64_t new_parent_id);
  // The root or a unit with children, users or records of later areas → 409; own unit → 403.
  core::Result<void> Delete(const Actor& actor, std::int64_t id);

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::account
