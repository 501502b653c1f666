// InspectionService: plans, the draw, results, publication, declarations.

#include "domain/inspection/inspection_service.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "core/uscc.hpp"
#include "domain/account/scope.hpp"
#include "domain/inspection/draw.hpp"
#include "domain/inspection/inspection_codec.hpp"
#include "domain/inspection/inspection_repo.hpp"
#include "domain/inspection/inspection_rules.hpp"

namespace lianyin::domain::inspection {
namespace {

using account::Actor;
namespace json = boost::json;

constexpr std::string_view kSealLabel = "lianyin/inspection-seed/v1";

std::string SealContext(const std::string& commitment) {
  return "inspection_plans.seed:" + commitment;
}

// The plan as the audit trail keeps it: no pools (their sizes), the seed only once revealed.
json::object AuditJson(const Plan& p) {
  json::object out{{"id", p.id},
                   {"name", p.name},
                   {"unit_id", p.unit_id},
                   {"inspector_unit_id", p.inspector_unit_id},
                   {"sample_size", p.sample_size},
                   {"inspectors_per_team", p.inspectors_per_team},
                   {"org_filter", OrgFilterJson(p.org_filter)},
                   {"org_pool_size", p.org_pool_size},
                   {"inspector_pool_size", p.inspector_pool_size},
                   {"conflicts", static_cast<std::int64_t>(p.conflicts.size())},
                   {"seed_commitment", p.seed_commitment},
                   {"status", p.status}};
  if (p.seed) {
    out["seed"] = *p.seed;
    out["selections"] = json::parse(SelectionsText(p.selections));
  }
  return out;
}

common::Change PlanChange(std::string action, const Plan& plan, json::value before) {
  return {std::move(action), "inspection_plan", std::to_string(plan.id),
          std::move(before), AuditJson(plan),   true,
          plan.unit_id};
}

PlanDetail Detail(InspectionRepo& repo, Plan plan) {
  SamplingHint hint = HintFor(repo.UnitRegionLevel(plan.unit_id), plan.org_pool_size);
  std::vector<Outcome> outcomes;
  if (plan.status != "planned") outcomes = repo.Outcomes(plan.id);
  return {std::move(plan), std::move(hint), std::move(outcomes)};
}

core::Error AlreadyDrawn() { return core::Error::Conflict("the plan has already been drawn"); }

}  // namespace

InspectionService::InspectionService(common::Writer& writer, const core::Bytes& deployment_key,
                                     Clock clock)
    : writer_(writer),
      seal_key_(core::HmacSha256(deployment_key, core::AsBytes(kSealLabel))),
      clock_(std::move(clock)) {}

core::Result<PlanDetail> InspectionService::CreatePlan(const Actor& actor, const NewPlan& input) {
  auto plan = CheckNewPlan(input);
  if (!plan) return plan.error();
  const core::Bytes seed = core::RandomBytes(32);
  PlanRow row{*plan, actor.unit_id, actor.user_id, {}, {}, {}, SeedCommitment(seed), {}};
  row.seed_sealed = core::HexEncode(
      core::Encrypt(seal_key_, seed, core::AsBytes(SealContext(row.seed_commitment))));
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<PlanDetail> {
    InspectionRepo repo(tx.session());
    if (!account::UnitInScope(tx.session(), scope, row.input.inspector_unit_id)) {
      return core::Error::Invalid("inspector_unit_id", "no such unit");
    }
    row.org_pool = repo.OrgPool(scope, row.input.org_filter);
    row.inspector_pool = repo.InspectorPool(row.input.inspector_unit_id);
    row.conflicts = MergeConflicts(row.input.conflicts, repo.StandingConflicts(row.inspector_pool));
    const std::int64_t id = repo.InsertPlan(row, at);
    Plan created = repo.FindInScope(scope, id).value();
    tx.Record(PlanChange("create", created, nullptr));
    return Detail(repo, std::move(created));
  });
}

core::Result<PoolPreview> InspectionService::Preview(const Actor& actor, const OrgFilter& filter,
                                                     std::int64_t inspector_unit_id) {
  NewPlan probe{"preview", 1, 1, filter, inspector_unit_id, {}};
  if (auto ok = CheckNewPlan(probe); !ok) return ok.error();
  store::Session session = writer_.db().Acquire();
  InspectionRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  PoolPreview out;
  out.org_count = static_cast<std::int64_t>(repo.OrgPool(scope, filter).size());
  if (inspector_unit_id > 0) {
    if (!account::UnitInScope(session, scope, inspector_unit_id)) {
      return core::Error::Invalid("inspector_unit_id", "no such unit");
    }
    out.inspector_count = static_cast<std::int64_t>(repo.InspectorPool(inspector_unit_id).size());
  }
  out.hint = HintFor(repo.UnitRegionLevel(actor.unit_id), out.org_count);
  return out;
}

account::Page<Plan> InspectionService::List(const Actor& actor, const PlanFilter& filter,
                                            const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  InspectionRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.List(filter, scope, page.page_size, page.Offset()), repo.Count(filter, scope)};
}

core::Result<PlanDetail> InspectionService::Get(const Actor& actor, std::int64_t plan_id) {
  store::Session session = writer_.db().Acquire();
  InspectionRepo repo(session);
  auto plan = repo.FindInScope(account::ScopeOf(actor), plan_id);
  if (!plan) return account::OutOfScope();
  return Detail(repo, std::move(*plan));
}

core::Result<PlanDetail> InspectionService::DrawPlan(const Actor& actor, std::int64_t plan_id) {
  const account::Scope scope = account::ScopeOf(actor);
  // Computed outside the write transaction: the pools are frozen, so nothing read here changes.
  core::Bytes seed;
  std::vector<Selection> selections;
  {
    store::Session session = writer_.db().Acquire();
    InspectionRepo repo(session);
    auto plan = repo.FindInScope(scope, plan_id);
    if (!plan) return account::OutOfScope();
    if (plan->status != "planned") return AlreadyDrawn();
    auto sealed = core::HexDecode(repo.SealedSeed(plan_id));
    auto opened = sealed ? core::Decrypt(seal_key_, *sealed,
                                         core::AsBytes(SealContext(plan->seed_commitment)))
                         : std::nullopt;
    if (!opened || SeedCommitment(*opened) != plan->seed_commitment) {
      // The database came without its deployment key (or was altered): the plan can never be
      // drawn here, which the planner must hear of, not a 500.
      spdlog::error("inspection plan {}: the sealed seed does not open with this key", plan_id);
      return core::Error::Conflict(
          "the plan's secret seed does not open with this deployment's key: it cannot be drawn");
    }
    seed = std::move(*opened);
    auto drawn = Draw(seed, plan->org_pool, plan->inspector_pool, plan->conflicts,
                      plan->sample_size, plan->inspectors_per_team);
    if (!drawn) return drawn.error();
    selections = std::move(*drawn);
  }
  const std::string seed_hex = core::HexEncode(seed);
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<PlanDetail> {
    InspectionRepo repo(tx.session());
    auto before = repo.FindInScope(scope, plan_id);
    if (!before) return account::OutOfScope();
    if (!repo.MarkDrawn(plan_id, seed_hex, selections, at)) return AlreadyDrawn();
    repo.InsertOutcomes(plan_id, selections);
    Plan after = repo.FindInScope(scope, plan_id).value();
    tx.Record(PlanChange("draw", after, AuditJson(*before)));
    return Detail(repo, std::move(after));
  });
}

core::Result<PlanDetail> InspectionService::Publish(const Actor& actor, std::int64_t plan_id) {
  const account::Scope scope = account::ScopeOf(actor);
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<PlanDetail> {
    InspectionRepo repo(tx.session());
    auto before = repo.FindInScope(scope, plan_id);
    if (!before) return account::OutOfScope();
    if (before->status == "planned") return core::Error::Conflict("the plan has not been drawn");
    if (before->status == "published") {
      return core::Error::Conflict("the results have already been published");
    }
    std::vector<core::FieldError> missing;
    for (const Outcome& o : repo.Outcomes(plan_id)) {
      if (!o.result) missing.push_back({"results", "no result yet for " + o.uscc, {}});
    }
    if (!missing.empty()) return core::Error::Invalid(std::move(missing));
    if (!repo.MarkPublished(plan_id, at)) {
      return core::Error::Conflict("the results have already been published");
    }
    Plan after = repo.FindInScope(scope, plan_id).value();
    tx.Record(PlanChange("publish", after, AuditJson(*before)));
    return Detail(repo, std::move(after));
  });
}

}  // namespace lianyin::domain::inspection
