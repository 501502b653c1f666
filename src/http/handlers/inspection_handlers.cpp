#include <boost/json.hpp>

#include "domain/inspection/inspection_codec.hpp"
#include "domain/inspection/inspection_rules.hpp"
#include "domain/inspection/inspection_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/inspection_json.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace insp = domain::inspection;
namespace json = boost::json;

// org_filter: an object of optional strings; its members are checked by CheckNewPlan.
insp::OrgFilter ReadFilter(const json::object& body, FieldReader& in) {
  insp::OrgFilter f;
  const json::value* v = body.if_contains("org_filter");
  if (v == nullptr || v->is_null()) return f;
  if (!v->is_object()) {
    in.Fail("org_filter", "must be an object");
    return f;
  }
  FieldReader filter(v->as_object());
  f.region_code = filter.OptString("region_code", 6);
  f.org_type = filter.OptString("org_type", 20);
  f.category = filter.OptString("category", 40);
  for (const core::FieldError& e : filter.errors()) in.Fail("org_filter." + e.field, e.message);
  return f;
}

// conflicts: [{inspector_id, uscc}…].
std::vector<insp::Conflict> ReadConflicts(const json::object& body, FieldReader& in) {
  std::vector<insp::Conflict> out;
  const json::value* v = body.if_contains("conflicts");
  if (v == nullptr || v->is_null()) return out;
  if (!v->is_array()) {
    in.Fail("conflicts", "must be an array");
    return out;
  }
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const json::value& item = v->as_array()[i];
    const std::string at = "conflicts[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      in.Fail(at, "must be an object");
      continue;
    }
    FieldReader c(item.as_object());
    insp::Conflict conflict{c.Int64("inspector_id"), c.String("uscc", 18)};
    for (const core::FieldError& e : c.errors()) in.Fail(at + "." + e.field, e.message);
    out.push_back(std::move(conflict));
  }
  return out;
}

Response CreatePlan(insp::InspectionService& svc, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  insp::NewPlan plan;
  plan.name = in.String("name", insp::kMaxNameChars);
  plan.sample_size = in.Int64("sample_size");
  plan.inspectors_per_team = in.Int64("inspectors_per_team");
  plan.inspector_unit_id = in.Int64("inspector_unit_id");
  plan.org_filter = ReadFilter(*body, in);
  plan.conflicts = ReadConflicts(*body, in);
  if (!in.ok()) {
    auto rules = insp::CheckNewPlan(plan);
    return FormInvalid(in, rules ? core::Result<void>() : core::Result<void>(rules.error()));
  }
  return ResultOr(201, svc.CreatePlan(*ctx.actor, plan), PlanDetailJson);
}

Response Preview(insp::InspectionService& svc, Context& ctx) {
  std::vector<core::FieldError> errors;
  insp::OrgFilter f{QueryText(ctx.request, "region_code"), QueryText(ctx.request, "org_type"),
                    QueryText(ctx.request, "category")};
  const auto unit = QueryId(ctx.request, "inspector_unit_id", errors);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  return ResultOr(200, svc.Preview(*ctx.actor, f, unit.value_or(0)), PreviewJson);
}

Response ListPlans(insp::InspectionService& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  insp::PlanFilter filter;
  filter.status = QueryText(ctx.request, "status");
  const auto& statuses = insp::PlanStatusNames();
  if (filter.status &&
      std::find(statuses.begin(), statuses.end(), *filter.status) == statuses.end()) {
    errors.push_back({"status", "must be planned, drawn or published", {}});
  }
  filter.q = QueryText(ctx.request, "q", kMaxQueryChars, errors);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = svc.List(*ctx.actor, filter, ToPageRequest(*page));
  json::array items;
  for (const insp::Plan& p : found.items) items.push_back(PlanSummaryJson(p));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response RecordResult(insp::InspectionService& svc, Context& ctx) {
  auto plan_id = ctx.IdParam("plan_id");
  if (!plan_id) return ErrorResponse(core::Error::NotFound());
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string result = in.String("result", 20);
  const std::string findings = in.OptString("findings", insp::kMaxFindingsChars).value_or("");
  if (!in.ok()) return FormInvalid(in, insp::CheckResult(result, findings));
  return ResultOr(
      200, svc.RecordResult(*ctx.actor, *plan_id, std::string(ctx.Param("uscc")), result, findings),
      OutcomeJson);
}

Response Assignments(insp::InspectionService& svc, Context& ctx) {
  std::vector<core::FieldError> errors;
  const bool pending = QueryBool(ctx.request, "pending", errors).value_or(false);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  const auto found = svc.MyAssignments(*ctx.actor, pending, ToPageRequest(*page));
  json::array items;
  for (const insp::Assignment& a : found.items) items.push_back(AssignmentJson(a));
  json::object body = ListEnvelope(std::move(items), found.total, page->page, page->page_size);
  body["pending"] = svc.PendingCount(*ctx.actor);
  return JsonResponse(200, body);
}

Response Declare(insp::InspectionService& svc, Context& ctx, std::int64_t user_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string uscc = in.String("uscc", 18);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, svc.Declare(*ctx.actor, user_id, uscc), UserConflictJson);
}

Response Declarations(insp::InspectionService& svc, Context& ctx, std::int64_t user_id) {
  auto found = svc.Declarations(*ctx.actor, user_id);
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const insp::UserConflict& c : *found) items.push_back(UserConflictJson(c));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

// The public index of draws: what a citizen needs to pick one, no pools.
Response PublicList(insp::InspectionService& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = svc.PublicList(ToPageRequest(*page));
  json::array items;
  for (const insp::Plan& p : found.items) {
    items.push_back(
        json::object{{"plan_id", p.id},
                     {"name", p.name},
                     {"unit_name", p.unit_name},
                     {"status", p.status},
                     {"sample_size", p.sample_size},
                     {"org_pool_size", p.org_pool_size},
                     {"drawn_at", p.drawn_at ? json::value(*p.drawn_at) : nullptr},
                     {"published_at", p.published_at ? json::value(*p.published_at) : nullptr}});
  }
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response PublicDraw(insp::InspectionService& svc, Context& ctx) {
  auto id = ctx.IdParam("id");
  auto found = id ? svc.Public(*id) : std::nullopt;
  if (!found) return ErrorResponse(core::Error::NotFound());
  const bool published = found->plan.status == "published";
  Response r = JsonResponse(200, insp::PublicAnswer(*found));
  // A published answer never changes again: a crowd may be served from caches. Before that the
  // draw or the results may land any moment, and a saved copy must not be a stale one.
  r.headers.emplace_back("Cache-Control", published ? "public, max-age=300" : "no-cache");
  return r;
}

}  // namespace

void AddInspectionRoutes(Router& router, insp::InspectionService& svc) {
  const auto plain = [&svc](auto f) { return [&svc, f](Context& ctx) { return f(svc, ctx); }; };
  const auto with_id = [&svc](auto f) {
    return WithId("id", [&svc, f](Context& ctx, std::int64_t id) { return f(svc, ctx, id); });
  };
  router.Add("GET", "/api/v1/inspections/plans", plain(ListPlans),
             {.summary = "Inspection plans in scope, newest first; filters status, q (name)",
              .tag = "inspections",
              .permission = "inspection:plan:list"});
  router.Add("POST", "/api/v1/inspections/plans", plain(CreatePlan),
             {.summary = "Create a double-random inspection plan: freezes the pools and commits "
                         "to a secret seed (SPEC §5.2)",
              .tag = "inspections",
              .permission = "inspection:plan:edit",
              .request_schema = NewPlanSchema(),
              .response_schema = PlanDetailSchema()});
  router.Add("GET", "/api/v1/inspections/pool-preview", plain(Preview),
             {.summary = "Pool sizes and the sampling-rate hint a plan's filter would give now",
              .tag = "inspections",
              .permission = "inspection:plan:edit"});
  router.Add("GET", "/api/v1/inspections/plans/{id}",
             with_id([](insp::InspectionService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Get(*ctx.actor, id), PlanDetailJson);
             }),
             {.summary = "One plan with its pools, conflicts, draw and results",
              .tag = "inspections",
              .permission = "inspection:plan:list",
              .response_schema = PlanDetailSchema()});
  router.Add("POST", "/api/v1/inspections/plans/{id}/draw",
             with_id([](insp::InspectionService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.DrawPlan(*ctx.actor, id), PlanDetailJson);
             }),
             {.summary = "Draw the plan (once; reveals the seed; 409 when drawn already)",
              .tag = "inspections",
              .permission = "inspection:plan:edit",
              .response_schema = PlanDetailSchema()});
  router.Add("POST", "/api/v1/inspections/plans/{id}/publish",
             with_id([](insp::InspectionService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Publish(*ctx.actor, id), PlanDetailJson);
             }),
             {.summary = "Publish the plan's results on its public page",
              .tag = "inspections",
              .permission = "inspection:plan:edit",
              .response_schema = PlanDetailSchema()});
  router.Add("PUT", "/api/v1/inspections/{plan_id}/results/{uscc}", plain(RecordResult),
             {.summary = "Record the result of an organisation one's team inspected",
              .tag = "inspections",
              .permission = "inspection:result:edit",
              .request_schema = ResultSchema()});
  router.Add("GET", "/api/v1/inspections/assignments", plain(Assignments),
             {.summary = "One page of the caller's inspection assignments (pending=true: 待检查); "
                         "`pending` counts every pending one",
              .tag = "inspections",
              .permission = "inspection:result:edit"});
  router.Add("POST", "/api/v1/users/{id}/conflicts", with_id(Declare),
             {.summary = "Declare a standing conflict of interest with an organisation",
              .tag = "inspections",
              .permission = "inspection:conflict:edit",
              .request_schema = ConflictSchema()});
  router.Add("GET", "/api/v1/users/{id}/conflicts", with_id(Declarations),
             {.summary = "A user's standing conflict declarations",
              .tag = "inspections",
              .permission = "inspection:conflict:list"});
  router.Add("GET", "/api/public/inspections", plain(PublicList),
             {.summary = "Every drawn inspection plan, newest draw first (the public index)",
              .tag = "public",
              .requires_auth = false});
  router.Add("GET", "/api/public/inspections/{id}", plain(PublicDraw),
             {.summary = "A draw as anyone may verify it (SPEC §5.2): pools, conflicts, "
                         "commitment, seed once drawn, selections; results once published",
              .tag = "public",
              .requires_auth = false,
              .response_schema = PublicDrawSchema()});
}

}  // namespace lianyin::http::handlers
