// MatchingService: demands and resources — creating, editing, moving and reading them.

#include <boost/json.hpp>
#include <set>

#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/matching/matching_internal.hpp"
#include "domain/matching/matching_repo.hpp"
#include "domain/matching/matching_rules.hpp"
#include "domain/matching/matching_service.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::matching {
namespace {

using account::Actor;

// 422 unless the unit is a union unit in scope and the region is known and covered by it. A
// worker's demand is owned by its worker record's unit (OwnedByWorker), which the worker scope
// does not see: that unit is read as the owner of the worker's own record.
core::Result<void> CheckDemandReferences(store::Session& session, const common::Scope& scope,
                                         const NewDemand& d) {
  account::UnitRepo units(session);
  auto unit = scope.worker_id ? units.FindOwner(d.unit_id) : units.FindInScope(scope, d.unit_id);
  if (!unit) return core::Error::Invalid("unit_id", "no such unit");
  if (unit->kind != account::UnitKind::kUnion) {
    return core::Error::Invalid("unit_id", "must be a trade-union unit");
  }
  region::RegionRepo regions(session);
  if (!regions.Find(d.region_code)) return core::Error::Invalid("region_code", "unknown region");
  if (!regions.Covers(unit->region_code, d.region_code)) {
    return core::Error::Invalid("region_code", "must be covered by the unit's region");
  }
  return {};
}

// 422 unless the caller may offer for the organisation, it is registered, and every region
// code is known.
core::Result<void> CheckResourceReferences(store::Session& session, const common::Scope& scope,
                                           const NewResource& r) {
  auto org = MatchingRepo(session).FindOfferingOrg(scope, r.org_id);
  if (!org) return core::Error::Invalid("org_id", "no such organisation");
  if (org->status != "registered") {
    return core::Error::Invalid("org_id", "must be a registered organisation");
  }
  std::set<std::string> known;
  for (const region::Region& region : region::RegionRepo(session).FindMany(r.region_codes)) {
    known.insert(region.code);
  }
  std::vector<core::FieldError> errors;
  for (std::size_t i = 0; i < r.region_codes.size(); ++i) {
    if (!known.contains(r.region_codes[i])) {
      errors.push_back({"region_codes[" + std::to_string(i) + "]", "unknown region", {}});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

NewDemand FieldsOf(const Demand& d) {
  return {d.title,      d.category,     d.region_code, d.headcount, d.window_start,
          d.window_end, d.target_group, d.description, d.unit_id,   d.worker_id};
}

// The demand as the actor posts it: a worker's owned by its worker record's unit and itself
// (OwnedByWorker; 422 on worker_id when the record is gone), anyone else's as given.
core::Result<NewDemand> PostedBy(MatchingRepo& repo, const common::Scope& scope,
                                 const NewDemand& d) {
  if (!scope.worker_id) return d;
  auto unit = repo.WorkerUnit(scope);
  if (!unit) return core::Error::Invalid("worker_id", "no such worker");
  return OwnedByWorker(d, *scope.worker_id, *unit);
}

NewResource FieldsOf(const Resource& r) {
  return {r.org_id,     r.title,        r.category,   r.region_codes,
          r.capacity,   r.window_start, r.window_end, r.cost_per_person_fen,
          r.description};
}

// The resource when the actor may change it: 404 when missing, 403 outside scope.
core::Result<Resource> LoadChangeable(MatchingRepo& repo, const common::Scope& scope,
                                      std::int64_t id) {
  auto resource = repo.FindPublicResource(id);
  if (!resource) return common::OutOfScope();
  if (!repo.ResourceInScope(scope, id)) return common::ForbiddenOutsideScope();
  return std::move(*resource);
}

core::Result<Demand> LoadDemand(MatchingRepo& repo, const common::Scope& scope, std::int64_t id) {
  auto demand = repo.FindDemand(scope, id);
  if (!demand) return common::OutOfScope();
  return std::move(*demand);
}

// What editing and moving a listing needs of its kind.
struct DemandKind {
  using Item = Demand;
  static constexpr const char* kEntity = "demand";
  static constexpr const char* kMatchColumn = "demand_id";
  static constexpr const char* kChanged = "the demand changed meanwhile: try again";
  static core::Result<Demand> Load(MatchingRepo& repo, const common::Scope& scope,
                                   std::int64_t id) {
    return LoadDemand(repo, scope, id);
  }
  static Demand Reload(MatchingRepo& repo, const common::Scope& scope, std::int64_t id) {
    return repo.FindDemand(scope, id).value();
  }
  static core::Result<void> CheckReferences(store::Session& session, const common::Scope& scope,
                                            const NewDemand& d) {
    return CheckDemandReferences(session, scope, d);
  }
  static bool Update(MatchingRepo& repo, std::int64_t id, const NewDemand& d, const Demand& before,
                     const std::string& at) {
    return repo.UpdateDemand(id, d, before, at);
  }
  static bool Move(MatchingRepo& repo, std::int64_t id, ListingStatus from, ListingStatus to,
                   const std::string& at) {
    return repo.MoveDemand(id, from, to, at);
  }
  static std::int64_t Owner(const Demand& d) { return d.unit_id; }
};

struct ResourceKind {
  using Item = Resource;
  static constexpr const char* kEntity = "resource";
  static constexpr const char* kMatchColumn = "resource_id";
  static constexpr const char* kChanged = "the resource changed meanwhile: try again";
  static core::Result<Resource> Load(MatchingRepo& repo, const common::Scope& scope,
                                     std::int64_t id) {
    return LoadChangeable(repo, scope, id);
  }
  static Resource Reload(MatchingRepo& repo, const common::Scope&, std::int64_t id) {
    return repo.FindPublicResource(id).value();
  }
  static core::Result<void> CheckReferences(store::Session& session, const common::Scope& scope,
                                            const NewResource& r) {
    return CheckResourceReferences(session, scope, r);
  }
  static bool Update(MatchingRepo& repo, std::int64_t id, const NewResource& r,
                     const Resource& before, const std::string& at) {
    return repo.UpdateResource(id, r, before, at);
  }
  static bool Move(MatchingRepo& repo, std::int64_t id, ListingStatus from, ListingStatus to,
                   const std::string& at) {
    return repo.MoveResource(id, from, to, at);
  }
  static std::int64_t Owner(const Resource& r) { return r.org_unit_id; }
};

// Applies `patch` to the listing `id` (ApplyPatch's rules, its references checked) unless a
// concurrent change won (409), recording the change.
template <class Kind, class Patch>
core::Result<typename Kind::Item> Edit(common::WriteTx& tx, const common::Scope& scope,
                                       std::int64_t id, const Patch& patch, const std::string& at) {
  MatchingRepo repo(tx.session());
  auto before = Kind::Load(repo, scope, id);
  if (!before) return before.error();
  auto next = ApplyPatch(FieldsOf(*before), *before, patch);
  if (!next) return next.error();
  if (auto ok = Kind::CheckReferences(tx.session(), scope, *next); !ok) return ok.error();
  if (!Kind::Update(repo, id, *next, *before, at)) return core::Error::Conflict(Kind::kChanged);
  auto after = Kind::Reload(repo, scope, id);
  tx.Record({"update", Kind::kEntity, std::to_string(id), AuditJson(*before), AuditJson(after),
             true, Kind::Owner(after)});
  return after;
}

// Closes, reopens or withdraws the listing `id` (CheckListingMove) unless a concurrent change
// won (409); withdrawing ends its matches (EndMatchesOf).
template <class Kind>
core::Result<typename Kind::Item> Transit(common::WriteTx& tx, const common::Scope& scope,
                                          std::int64_t id, const ListingTransition& transition,
                                          std::optional<std::int64_t> by_user_id,
                                          const std::string& at) {
  MatchingRepo repo(tx.session());
  auto before = Kind::Load(repo, scope, id);
  if (!before) return before.error();
  auto to = CheckListingMove(before->status, transition);
  if (!to) return to.error();
  if (!Kind::Move(repo, id, before->status, *to, at)) {
    return core::Error::Conflict(Kind::kChanged);
  }
  if (*to == ListingStatus::kWithdrawn) {
    EndMatchesOf(tx, repo, Kind::kMatchColumn, id, by_user_id, at);
  }
  auto after = Kind::Reload(repo, scope, id);
  boost::json::value audit = AuditJson(after);
  if (transition.reason) audit.as_object()["reason"] = *transition.reason;
  tx.Record({"transition", Kind::kEntity, std::to_string(id), AuditJson(*before), std::move(audit),
             true, Kind::Owner(after)});
  return after;
}

}  // namespace

core::Result<Demand> MatchingService::CreateDemand(const Actor& actor, const NewDemand& requested) {
  if (auto ok = CheckNewDemand(requested, actor.worker_id); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Demand> {
    MatchingRepo repo(tx.session());
    auto input = PostedBy(repo, scope, requested);
    if (!input) return input.error();
    if (auto ok = CheckDemandReferences(tx.session(), scope, *input); !ok) return ok.error();
    const std::int64_t id = repo.InsertDemand(*input, actor.user_id, at);
    Demand created = repo.FindDemand(scope, id).value();
    tx.Record({"create", "demand", std::to_string(id), nullptr, AuditJson(created), true,
               created.unit_id});
    return created;
  });
}

core::Result<Demand> MatchingService::UpdateDemand(const Actor& actor, std::int64_t id,
                                                   const DemandPatch& patch) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) {
    return Edit<DemandKind>(tx, scope, id, patch, at);
  });
}

core::Result<Demand> MatchingService::MoveDemand(const Actor& actor, std::int64_t id,
                                                 const ListingTransition& transition) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) {
    return Transit<DemandKind>(tx, scope, id, transition, actor.user_id, at);
  });
}

core::Result<Demand> MatchingService::GetDemand(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  MatchingRepo repo(session);
  return LoadDemand(repo, account::ScopeOf(actor), id);
}

account::Page<Demand> MatchingService::ListDemands(const Actor& actor, const DemandFilter& filter,
                                                   const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  MatchingRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.ListDemands(filter, scope, page.page_size, page.Offset()),
          repo.CountDemands(filter, scope)};
}

core::Result<Resource> MatchingService::CreateResource(const Actor& actor,
                                                       const NewResource& input) {
  if (auto ok = CheckNewResource(input); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Resource> {
    if (auto ok = CheckResourceReferences(tx.session(), scope, input); !ok) return ok.error();
    MatchingRepo repo(tx.session());
    const std::int64_t id = repo.InsertResource(input, actor.user_id, at);
    Resource created = repo.FindPublicResource(id).value();
    tx.Record({"create", "resource", std::to_string(id), nullptr, AuditJson(created), true,
               created.org_unit_id});
    return created;
  });
}

core::Result<Resource> MatchingService::UpdateResource(const Actor& actor, std::int64_t id,
                                                       const ResourcePatch& patch) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) {
    return Edit<ResourceKind>(tx, scope, id, patch, at);
  });
}

core::Result<Resource> MatchingService::MoveResource(const Actor& actor, std::int64_t id,
                                                     const ListingTransition& transition) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) {
    return Transit<ResourceKind>(tx, scope, id, transition, actor.user_id, at);
  });
}

core::Result<Resource> MatchingService::GetResource(const Actor&, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto resource = MatchingRepo(session).FindPublicResource(id);
  if (!resource) return common::OutOfScope();
  return std::move(*resource);
}

account::Page<Resource> MatchingService::ListResources(const Actor&, const ResourceFilter& filter,
                                                       const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  MatchingRepo repo(session);
  return {repo.ListResources(filter, page.page_size, page.Offset()), repo.CountResources(filter)};
}

Summary MatchingService::Summarise(const Actor& actor) {
  store::Session session = writer_.db().Acquire();
  return MatchingRepo(session).Summarise(account::ScopeOf(actor));
}

}  // namespace lianyin::domain::matching
