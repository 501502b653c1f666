// Routes of teams and their plans, and the province overview (help projects, consumption and
// progress are in team_part_handlers.cpp).

#include <boost/json.hpp>

#include "domain/team/team_rules.hpp"
#include "domain/team/team_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/team_json.hpp"
#include "http/handlers/team_routes.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace team = domain::team;

constexpr std::size_t kCodeChars = 6;

Response ListTeams(team::TeamService& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  team::TeamFilter f;
  f.q = QueryText(ctx.request, "q", kMaxQueryChars, errors);
  f.domain = QueryText(ctx.request, "domain");
  if (f.domain && !team::IsDomain(*f.domain)) {
    errors.push_back(
        {"domain", "must be industry, organization, talent, consumption or charity", {}});
  }
  f.org_id = QueryId(ctx.request, "org_id", errors);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = svc.List(*ctx.actor, f, ToPageRequest(*page));
  boost::json::array items;
  for (const team::Team& t : found.items) items.push_back(TeamJson(t));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response CreateTeam(team::TeamService& svc, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  team::NewTeam t;
  t.name = in.String("name", team::kMaxNameChars);
  t.domain = in.String("domain", 20);
  t.lead_org_id = in.Int64("lead_org_id");
  t.member_org_ids = in.Int64Array("member_org_ids");
  t.county_codes = in.StringArray("county_codes", kCodeChars);
  if (!in.ok()) return FormInvalid(in, team::CheckNewTeam(t));
  return ResultOr(201, svc.Create(*ctx.actor, t), TeamJson);
}

Response PatchTeam(team::TeamService& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  team::TeamPatch p;
  p.name = in.OptString("name", team::kMaxNameChars);
  p.domain = in.OptString("domain", 20);
  p.lead_org_id = in.OptInt64("lead_org_id");
  if (in.Has("member_org_ids")) p.member_org_ids = in.Int64Array("member_org_ids");
  if (in.Has("county_codes")) p.county_codes = in.StringArray("county_codes", kCodeChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.Update(*ctx.actor, id, p), TeamJson);
}

Response CreatePlan(team::TeamService& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  team::NewPlan p;
  p.year = in.Int64("year");
  p.projects_planned = in.Int64("projects_planned");
  p.funds_planned_fen = in.Int64("funds_planned_fen");
  if (!in.ok()) return FormInvalid(in, team::CheckPlan(p));
  return ResultOr(201, svc.CreatePlan(*ctx.actor, id, p), TeamPlanJson);
}

Response PatchPlan(team::TeamService& svc, Context& ctx, std::int64_t id, std::int64_t year) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  team::PlanPatch p{in.OptInt64("projects_planned"), in.OptInt64("funds_planned_fen")};
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.UpdatePlan(*ctx.actor, id, year, p), TeamPlanJson);
}

Response ListPlans(team::TeamService& svc, Context& ctx, std::int64_t id) {
  auto plans = svc.Plans(*ctx.actor, id);
  if (!plans) return ErrorResponse(plans.error());
  boost::json::array items;
  for (const team::Plan& p : *plans) items.push_back(TeamPlanJson(p));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response GetOverview(team::TeamService& svc, Context& ctx) {
  std::vector<core::FieldError> errors;
  const auto year = QueryId(ctx.request, "year", errors);
  const auto region = QueryText(ctx.request, "region_code");
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  return ResultOr(200, svc.GetOverview(*ctx.actor, region, year), OverviewJson);
}

RouteInfo Info(const char* summary, const char* permission, std::string response = {},
               std::string request = {}) {
  return {.summary = summary,
          .tag = "teams",
          .permission = permission,
          .request_schema = std::move(request),
          .response_schema = std::move(response)};
}

}  // namespace

void AddTeamRoutes(Router& router, team::TeamService& svc) {
  const auto with_id = [&svc](auto f) {
    return WithId("id", [&svc, f](Context& ctx, std::int64_t id) { return f(svc, ctx, id); });
  };
  router.Add(
      "GET", "/api/v1/teams", [&svc](Context& ctx) { return ListTeams(svc, ctx); },
      Info("Rural-revitalisation teams (合力团) in scope, by id; filters q (name), domain, "
           "org_id (teams it leads or belongs to)",
           kTeamRead, TeamPageSchema()));
  router.Add(
      "POST", "/api/v1/teams", [&svc](Context& ctx) { return CreateTeam(svc, ctx); },
      Info("Create a team owned by the caller's unit; the lead organisation is a member", kTeamEdit,
           TeamSchema(), NewTeamSchema()));
  router.Add(
      "GET", "/api/v1/teams/overview", [&svc](Context& ctx) { return GetOverview(svc, ctx); },
      Info("万社助万家: the teams in scope whose lead organisation region_code covers, side "
           "by side with plan and actual for year (all years without it), and the total "
           "(each help project counted once)",
           kTeamRead, TeamRowsSchema("one per team, with planned and actual")));
  router.Add("GET", "/api/v1/teams/{id}",
             with_id([](team::TeamService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Get(*ctx.actor, id), TeamJson);
             }),
             Info("One team with its members and paired counties", kTeamRead, TeamSchema()));
  router.Add("PATCH", "/api/v1/teams/{id}", with_id(PatchTeam),
             Info("Change a team; member_org_ids and county_codes replace the stored lists",
                  kTeamEdit, TeamSchema(), NewTeamSchema()));
  router.Add("GET", "/api/v1/teams/{id}/plans", with_id(ListPlans),
             Info("The team's yearly plans, by year", kTeamRead, TeamPlanListSchema()));
  router.Add("POST", "/api/v1/teams/{id}/plans", with_id(CreatePlan),
             Info("Add the team's plan for a year (one per year: 409 when it exists)", kTeamEdit,
                  TeamPlanSchema(), NewTeamPlanSchema()));
  router.Add("PATCH", "/api/v1/teams/{id}/plans/{year}",
             WithIds("id", "year",
                     [&svc](Context& ctx, std::int64_t id, std::int64_t year) {
                       return PatchPlan(svc, ctx, id, year);
                     }),
             Info("Correct the team's plan for a year (audited)", kTeamEdit, TeamPlanSchema(),
                  NewTeamPlanSchema()));
  AddTeamPartRoutes(router, svc);
}

}  // namespace lianyin::http::handlers
