// Routes of service projects: the projects, their lifecycle, summary and timeline
// (docs/api.md "Service projects").

#include <boost/json.hpp>
#include <charconv>

#include "domain/project/project_rules.hpp"
#include "domain/project/project_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/project_json.hpp"
#include "http/handlers/project_routes.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace project = domain::project;
namespace json = boost::json;

core::Result<project::ProjectFilter> ReadFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  project::ProjectFilter f;
  f.category = QueryText(request, "category");
  if (auto status = QueryText(request, "status")) {
    f.status = project::ParseStatus(*status);
    if (!f.status) errors.push_back({"status", "not a project_status code", {}});
  }
  f.funding_unit_id = QueryId(request, "funding_unit_id", errors);
  f.region_code = QueryText(request, "region_code");
  f.provider_org_id = QueryId(request, "provider_org_id", errors);
  if (auto year = QueryText(request, "year")) {
    int y = 0;
    const auto [end, ec] = std::from_chars(year->data(), year->data() + year->size(), y);
    if (ec != std::errc() || end != year->data() + year->size() || y < 1900 || y > 2999) {
      errors.push_back({"year", "must be a year like 2022", {}});
    } else {
      f.year = y;
    }
  }
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

// The fields of a PATCH that are present (`description` and the arrays also when null).
project::ProjectPatch ReadPatch(const json::object& body, FieldReader& in) {
  project::ProjectPatch p;
  if (in.Has("title")) p.title = in.String("title", project::kMaxTitleChars);
  if (in.Has("category")) p.category = in.String("category", 40);
  if (in.Has("funding_unit_id")) p.funding_unit_id = in.Int64("funding_unit_id");
  if (in.Has("mode")) p.mode = in.String("mode", 20);
  if (body.contains("provider_org_ids")) p.provider_org_ids = in.Int64Array("provider_org_ids");
  if (in.Has("budget_fen")) p.budget_fen = in.Int64("budget_fen");
  if (in.Has("region_code")) p.region_code = in.String("region_code", 6);
  if (in.Has("start_on")) p.start_on = in.Date("start_on");
  if (in.Has("end_on")) p.end_on = in.Date("end_on");
  if (body.contains("target_groups")) p.target_groups = in.StringArray("target_groups", 40);
  if (body.contains("description")) {
    p.description = in.OptString("description", project::kMaxDescriptionChars);
  }
  return p;
}

Response CreateProject(project::ProjectService& projects, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::NewProject p;
  p.title = in.String("title", project::kMaxTitleChars);
  p.category = in.String("category", 40);
  p.funding_unit_id = in.Int64("funding_unit_id");
  p.mode = in.String("mode", 20);
  p.provider_org_ids = in.Int64Array("provider_org_ids");
  p.budget_fen = in.Int64("budget_fen");
  p.region_code = in.String("region_code", 6);
  p.start_on = in.Date("start_on");
  p.end_on = in.Date("end_on");
  p.target_groups = in.StringArray("target_groups", 40);
  p.description = in.OptString("description", project::kMaxDescriptionChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, projects.Create(*ctx.actor, p), ProjectJson);
}

Response UpdateProject(project::ProjectService& projects, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::ProjectPatch patch = ReadPatch(*body, in);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, projects.Update(*ctx.actor, id, patch), ProjectJson);
}

Response MoveProject(project::ProjectService& projects, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::Transition t;
  t.to = in.String("to", 20);
  t.reason = in.OptString("reason", project::kMaxReasonChars);
  t.contract_fen = in.OptInt64("contract_fen");
  t.contracted_on = in.OptDate("contracted_on");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, projects.Move(*ctx.actor, id, t), ProjectJson);
}

Response ListProjects(project::ProjectService& projects, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = projects.List(*ctx.actor, *filter, ToPageRequest(*page));
  json::array items;
  for (const project::Project& p : found.items) items.push_back(ProjectJson(p));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response History(project::ProjectService& projects, Context& ctx, std::int64_t id) {
  auto events = projects.History(*ctx.actor, id);
  if (!events) return ErrorResponse(events.error());
  json::array items;
  for (const project::HistoryEvent& e : *events) items.push_back(HistoryEventJson(e));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

}  // namespace

void AddProjectRoutes(Router& router, project::ProjectService& projects) {
  const auto with_id = [&projects](auto f) {
    return WithId("id",
                  [&projects, f](Context& ctx, std::int64_t id) { return f(projects, ctx, id); });
  };
  router.Add("GET", "/api/v1/projects",
             [&projects](Context& ctx) { return ListProjects(projects, ctx); },
             {.summary = "Service projects in scope, newest first; filters category, status, "
                         "funding_unit_id (subtree), region_code (covered), provider_org_id, "
                         "year (of start_on), q (title)",
              .tag = "projects",
              .permission = "project:project:list",
              .response_schema = ProjectPageSchema()});
  router.Add("POST", "/api/v1/projects",
             [&projects](Context& ctx) { return CreateProject(projects, ctx); },
             {.summary = "Create a service project (a draft) funded by a union unit",
              .tag = "projects",
              .permission = "project:project:create",
              .request_schema = NewProjectSchema(),
              .response_schema = ProjectSchema()});
  router.Add("GET", "/api/v1/projects/summary",
             [&projects](Context& ctx) {
               return JsonResponse(200, SummaryJson(projects.Summarise(*ctx.actor)));
             },
             {.summary = "Projects in scope by status, those due for acceptance, and this "
                         "month's outputs (workbench cards)",
              .tag = "projects",
              .permission = "project:project:list"});
  router.Add("GET", "/api/v1/projects/{id}",
             with_id([](project::ProjectService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Get(*ctx.actor, id), ProjectJson);
             }),
             {.summary = "One service project",
              .tag = "projects",
              .permission = "project:project:list",
              .response_schema = ProjectSchema()});
  router.Add("PATCH", "/api/v1/projects/{id}", with_id(UpdateProject),
             {.summary = "Change a project's fields, as its status allows",
              .tag = "projects",
              .permission = "project:project:edit",
              .response_schema = ProjectSchema()});
  router.Add("POST", "/api/v1/projects/{id}/transitions", with_id(MoveProject),
             {.summary = "Move a project along draft → published → contracted → in_progress → "
                         "accepted → closed, or cancel it before acceptance",
              .tag = "projects",
              .permission = "project:project:transition",
              .response_schema = ProjectSchema()});
  router.Add("GET", "/api/v1/projects/{id}/history", with_id(History),
             {.summary = "The project's timeline, oldest first",
              .tag = "projects",
              .permission = "project:project:list"});
  AddProjectPartRoutes(router, projects);
}

}  // namespace lianyin::http::handlers
