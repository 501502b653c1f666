// Routes of grade evaluations: templates, evaluations, the experts' scores and the
// finalisation (docs/api.md "Grade evaluations").

#include <boost/json.hpp>

#include "domain/evaluation/evaluation_rules.hpp"
#include "domain/evaluation/evaluation_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/evaluation_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace ev = domain::evaluation;
namespace json = boost::json;
using Service = ev::EvaluationService;

json::object Detail(const ev::EvaluationDetail& d) { return EvaluationDetailJson(d); }

Response SaveTemplate(Service& s, Context& ctx, std::optional<std::int64_t> id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  auto t = ev::ReadTemplate(*body);
  if (!t) return ErrorResponse(t.error());
  if (!id) return ResultOr(201, s.CreateTemplate(*ctx.actor, *t), TemplateJson);
  return ResultOr(200, s.UpdateTemplate(*ctx.actor, *id, *t), TemplateJson);
}

Response ListTemplates(Service& s, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = s.ListTemplates(*ctx.actor, ToPageRequest(*page));
  json::array items;
  for (const ev::Template& t : found.items) items.push_back(TemplateJson(t));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response ListEvaluations(Service& s, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  ev::EvaluationFilter filter;
  if (auto status = QueryText(ctx.request, "status")) {
    filter.status = ev::ParseStatus(*status);
    if (!filter.status) errors.push_back({"status", "must be scoring or finalized", {}});
  }
  filter.org_id = QueryId(ctx.request, "org_id", errors);
  filter.awaiting_me = QueryBool(ctx.request, "awaiting_me", errors).value_or(false);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = s.List(*ctx.actor, filter, ToPageRequest(*page));
  json::array items;
  for (const ev::Evaluation& e : found.items) items.push_back(EvaluationJson(e));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response CreateEvaluation(Service& s, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  ev::NewEvaluation input;
  input.org_id = in.Int64("org_id");
  input.template_id = in.Int64("template_id");
  input.expert_ids = in.Int64Array("expert_ids");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, s.Create(*ctx.actor, input), Detail);
}

Response Score(Service& s, Context& ctx, std::int64_t id, std::int64_t expert_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  return ResultOr(200, s.Score(*ctx.actor, id, expert_id, body->if_contains("scores")), Detail);
}

}  // namespace

void AddEvaluationRoutes(Router& router, Service& s) {
  const auto with_id = [&s](auto f) {
    return WithId("id", [&s, f](Context& ctx, std::int64_t id) { return f(s, ctx, id); });
  };
  router.Add("GET", "/api/v1/evaluation-templates",
             [&s](Context& ctx) { return ListTemplates(s, ctx); },
             {.summary = "Evaluation templates (built-in ones first), each with its indicator tree",
              .tag = "evaluations",
              .permission = "evaluation:template:list"});
  router.Add("POST", "/api/v1/evaluation-templates",
             [&s](Context& ctx) { return SaveTemplate(s, ctx, std::nullopt); },
             {.summary = "Create a template: indicator tree, max_score and grade thresholds",
              .tag = "evaluations",
              .permission = "evaluation:template:edit",
              .response_schema = TemplateSchema()});
  router.Add("GET", "/api/v1/evaluation-templates/{id}",
             with_id([](Service& svc, Context& ctx, std::int64_t id) {
               return ResultOr(200, svc.GetTemplate(*ctx.actor, id), TemplateJson);
             }),
             {.summary = "One evaluation template",
              .tag = "evaluations",
              .permission = "evaluation:template:list",
              .response_schema = TemplateSchema()});
  router.Add("PATCH", "/api/v1/evaluation-templates/{id}",
             with_id([](Service& svc, Context& ctx, std::int64_t id) {
               return SaveTemplate(svc, ctx, id);
             }),
             {.summary = "Replace a template's fields while no evaluation uses it",
              .tag = "evaluations",
              .permission = "evaluation:template:edit",
              .response_schema = TemplateSchema()});
  router.Add(
      "GET", "/api/v1/evaluations", [&s](Context& ctx) { return ListEvaluations(s, ctx); },
      {.summary =
           "Evaluations, newest first: a manager's scope, an expert's assignments; "
           "filters status, org_id, awaiting_me (assigned to the caller, not yet scored by it)",
       .tag = "evaluations",
       .permission = "evaluation:evaluation:list",
       .response_schema = EvaluationPageSchema()});
  router.Add("POST", "/api/v1/evaluations", [&s](Context& ctx) { return CreateEvaluation(s, ctx); },
             {.summary = "Evaluate an organisation with a template and experts (no conflicts, "
                         "not on a credit list)",
              .tag = "evaluations",
              .permission = "evaluation:evaluation:manage",
              .response_schema = EvaluationDetailSchema()});
  router.Add("GET", "/api/v1/evaluations/{id}",
             with_id([](Service& svc, Context& ctx, std::int64_t id) {
               return ResultOr(200, svc.Get(*ctx.actor, id), Detail);
             }),
             {.summary = "One evaluation with its template and experts",
              .tag = "evaluations",
              .permission = "evaluation:evaluation:list",
              .response_schema = EvaluationDetailSchema()});
  router.Add("PUT", "/api/v1/evaluations/{id}/scores/{expert_id}",
             WithIds("id", "expert_id",
                     [&s](Context& ctx, std::int64_t id, std::int64_t expert) {
                       return Score(s, ctx, id, expert);
                     }),
             {.summary = "The assigned expert's leaf scores {scores:{code:number}}, until "
                         "finalised",
              .tag = "evaluations",
              .permission = "evaluation:evaluation:score",
              .response_schema = EvaluationDetailSchema()});
  router.Add("POST", "/api/v1/evaluations/{id}/finalize",
             with_id([](Service& svc, Context& ctx, std::int64_t id) {
               return ResultOr(200, svc.Finalize(*ctx.actor, id), Detail);
             }),
             {.summary = "Compute the score and grade (SPEC §5.3) and grade the organisation; once",
              .tag = "evaluations",
              .permission = "evaluation:evaluation:manage",
              .response_schema = EvaluationDetailSchema()});
}

}  // namespace lianyin::http::handlers
