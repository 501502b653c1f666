// Routes of a team's help projects, consumption records and progress figures, and an
// organisation's help projects.

#include <boost/json.hpp>

#include "domain/team/team_rules.hpp"
#include "domain/team/team_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/team_json.hpp"
#include "http/handlers/team_routes.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace team = domain::team;

constexpr std::size_t kCodeChars = 6;

core::Result<team::PartFilter> ReadPartFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  team::PartFilter f;
  f.year = QueryId(request, "year", errors);
  f.county_code = QueryText(request, "county_code");
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

core::Result<std::optional<std::int64_t>> ReadYear(const Request& request) {
  std::vector<core::FieldError> errors;
  auto year = QueryId(request, "year", errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return year;
}

template <class T, class ToJson>
Response PageOr(const ListParams& page, const core::Result<domain::account::Page<T>>& found,
                ToJson to_json) {
  if (!found) return ErrorResponse(found.error());
  boost::json::array items;
  for (const T& item : found->items) items.push_back(to_json(item));
  return JsonResponse(200, ListEnvelope(std::move(items), found->total, page.page, page.page_size));
}

Response ListHelp(team::TeamService& svc, Context& ctx, std::int64_t id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadPartFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  return PageOr(*page, svc.ListHelpProjects(*ctx.actor, id, *filter, ToPageRequest(*page)),
                HelpProjectJson);
}

Response CreateHelp(team::TeamService& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  team::NewHelpProject p;
  p.title = in.String("title", team::kMaxTitleChars);
  p.county_code = in.String("county_code", kCodeChars);
  p.funds_fen = in.Int64("funds_fen");
  p.beneficiaries = in.Int64("beneficiaries");
  p.started_on = in.Date("started_on");
  p.member_org_ids = in.Int64Array("member_org_ids");
  if (!in.ok()) return FormInvalid(in, team::CheckHelpProject(p));
  return ResultOr(201, svc.CreateHelpProject(*ctx.actor, id, p), HelpProjectJson);
}

Response PatchHelp(team::TeamService& svc, Context& ctx, std::int64_t id, std::int64_t part) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  team::HelpProjectPatch p;
  p.title = in.OptString("title", team::kMaxTitleChars);
  p.county_code = in.OptString("county_code", kCodeChars);
  p.funds_fen = in.OptInt64("funds_fen");
  p.beneficiaries = in.OptInt64("beneficiaries");
  p.started_on = in.OptDate("started_on");
  if (in.Has("member_org_ids")) p.member_org_ids = in.Int64Array("member_org_ids");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.UpdateHelpProject(*ctx.actor, id, part, p), HelpProjectJson);
}

Response AddConsumption(team::TeamService& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  team::NewConsumption c;
  c.on = in.Date("on");
  c.kind = in.String("kind", 20);
  c.amount_fen = in.Int64("amount_fen");
  c.county_code = in.String("county_code", kCodeChars);
  if (!in.ok()) return FormInvalid(in, team::CheckConsumption(c));
  return ResultOr(201, svc.AddConsumption(*ctx.actor, id, c), ConsumptionJson);
}

Response ListConsumption(team::TeamService& svc, Context& ctx, std::int64_t id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadPartFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  return PageOr(*page, svc.ListConsumption(*ctx.actor, id, *filter, ToPageRequest(*page)),
                ConsumptionJson);
}

Response OrgHelp(team::TeamService& svc, Context& ctx, std::int64_t org_id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  return PageOr(*page, svc.OrgHelpProjects(*ctx.actor, org_id, ToPageRequest(*page)),
                HelpProjectJson);
}

// A progress read taking ?year=: `read(svc, actor, id, year)` serialised by `to_json`.
template <class Read, class ToJson>
RouteHandler YearRead(team::TeamService& svc, Read read, ToJson to_json) {
  return WithId("id", [&svc, read, to_json](Context& ctx, std::int64_t id) {
    auto year = ReadYear(ctx.request);
    if (!year) return ErrorResponse(year.error());
    return ResultOr(200, read(svc, *ctx.actor, id, *year), to_json);
  });
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

void AddTeamPartRoutes(Router& router, team::TeamService& svc) {
  const auto with_id = [&svc](auto f) {
    return WithId("id", [&svc, f](Context& ctx, std::int64_t id) { return f(svc, ctx, id); });
  };
  using Actor = domain::account::Actor;
  using Year = std::optional<std::int64_t>;
  router.Add("GET", "/api/v1/teams/{id}/help-projects", with_id(ListHelp),
             Info("The team's help projects by start date; filters year, county_code", kTeamRead,
                  HelpProjectPageSchema()));
  router.Add("POST", "/api/v1/teams/{id}/help-projects", with_id(CreateHelp),
             Info("Add a help project; member_org_ids ⊆ the team's members (default: the lead)",
                  kTeamEdit, HelpProjectSchema(), NewHelpProjectSchema()));
  router.Add(
      "GET", "/api/v1/teams/{id}/help-projects/{help_project_id}",
      WithIds("id", "help_project_id",
              [&svc](Context& ctx, std::int64_t id, std::int64_t part) {
                return ResultOr(200, svc.GetHelpProject(*ctx.actor, id, part), HelpProjectJson);
              }),
      Info("One help project with its participants (参与单位)", kTeamRead, HelpProjectSchema()));
  router.Add("PATCH", "/api/v1/teams/{id}/help-projects/{help_project_id}",
             WithIds("id", "help_project_id",
                     [&svc](Context& ctx, std::int64_t id, std::int64_t part) {
                       return PatchHelp(svc, ctx, id, part);
                     }),
             Info("Change a help project (audited)", kTeamEdit, HelpProjectSchema(),
                  NewHelpProjectSchema()));
  router.Add("GET", "/api/v1/teams/{id}/consumption", with_id(ListConsumption),
             Info("The team's consumption-assistance records by date; filters year, county_code",
                  kTeamRead, ConsumptionPageSchema()));
  router.Add("POST", "/api/v1/teams/{id}/consumption", with_id(AddConsumption),
             Info("Record consumption assistance: direct_purchase or sales_helped", kTeamEdit,
                  ConsumptionSchema(), NewConsumptionSchema()));
  router.Add("GET", "/api/v1/teams/{id}/progress",
             YearRead(
                 svc,
                 [](team::TeamService& s, const Actor& a, std::int64_t id, Year y) {
                   return s.GetProgress(a, id, y);
                 },
                 TeamProgressJson),
             Info("Plan against actual in year (all years without it); a shared help project "
                  "counts once",
                  kTeamRead, TeamProgressSchema()));
  router.Add("GET", "/api/v1/teams/{id}/progress/by-year",
             with_id([](team::TeamService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.ProgressByYear(*ctx.actor, id), YearRowsJson);
             }),
             Info("Plan against actual per year, ascending", kTeamRead,
                  TeamRowsSchema("{year, planned, actual}")));
  router.Add("GET", "/api/v1/teams/{id}/progress/by-county",
             YearRead(
                 svc,
                 [](team::TeamService& s, const Actor& a, std::int64_t id, Year y) {
                   return s.ProgressByCounty(a, id, y);
                 },
                 CountyProgressJson),
             Info("Actual figures per county (paired counties first) beside the team's plan",
                  kTeamRead, TeamRowsSchema("{county_code, county_name, paired, actual}")));
  router.Add(
      "GET", "/api/v1/teams/{id}/progress/by-member",
      YearRead(
          svc,
          [](team::TeamService& s, const Actor& a, std::int64_t id, Year y) {
            return s.ProgressByMember(a, id, y);
          },
          MemberProgressJson),
      Info("Each member's help projects in full (attribution): rows do not add up to "
           "team_total, which counts a shared project once",
           kTeamRead, TeamRowsSchema("{org_id, org_name, lead, projects, shared_projects, …}")));
  router.Add("GET", "/api/v1/orgs/{id}/help-projects", with_id(OrgHelp),
             Info("The help projects the organisation takes part in, of the teams in scope",
                  kTeamRead, HelpProjectPageSchema()));
}

}  // namespace lianyin::http::handlers
