// Routes of the work mechanism's recurring templates (/api/v1/mechanism-templates).

#include <boost/json.hpp>

#include "domain/mechanism/mechanism_rules.hpp"
#include "domain/mechanism/mechanism_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/mechanism_body.hpp"
#include "http/handlers/mechanism_json.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace mech = domain::mechanism;
using Service = mech::MechanismService;

// CheckTemplate without its value, for FormInvalid.
core::Result<void> TemplateRules(const mech::NewTemplate& t) {
  if (auto r = mech::CheckTemplate(t); !r) return r.error();
  return {};
}

Response ListTemplates(Service& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = svc.ListTemplates(*ctx.actor, ToPageRequest(*page));
  boost::json::array items;
  for (const mech::MechanismTemplate& t : found.items) items.push_back(MechanismTemplateJson(t));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response CreateTemplate(Service& svc, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const mech::NewTemplate t = ReadTemplate(*body, in);
  if (!in.ok()) return FormInvalid(in, TemplateRules(t));
  return ResultOr(201, svc.CreateTemplate(*ctx.actor, t), MechanismTemplateJson);
}

Response PatchTemplate(Service& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const bool active = in.Bool("active");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.SetTemplateActive(*ctx.actor, id, active), MechanismTemplateJson);
}

}  // namespace

void AddMechanismTemplateRoutes(Router& router, Service& svc) {
  router.Add("GET", "/api/v1/mechanism-templates",
             [&svc](Context& ctx) { return ListTemplates(svc, ctx); },
             {.summary = "Recurring work-mechanism templates in scope, newest first",
              .tag = "mechanism",
              .permission = "mechanism:template:list",
              .response_schema = MechanismTemplatePageSchema()});
  router.Add("POST", "/api/v1/mechanism-templates",
             [&svc](Context& ctx) { return CreateTemplate(svc, ctx); },
             {.summary = "A recurring template: a meeting or a report task each month, quarter, "
                         "half-year or year, created lead_days before the period ends",
              .tag = "mechanism",
              .permission = "mechanism:template:edit",
              .request_schema = NewMechanismTemplateSchema(),
              .response_schema = MechanismTemplateSchema()});
  router.Add("GET", "/api/v1/mechanism-templates/{id}",
             WithId("id",
                    [&svc](Context& ctx, std::int64_t id) {
                      return ResultOr(200, svc.GetTemplate(*ctx.actor, id), MechanismTemplateJson);
                    }),
             {.summary = "One recurring template",
              .tag = "mechanism",
              .permission = "mechanism:template:list",
              .response_schema = MechanismTemplateSchema()});
  router.Add(
      "PATCH", "/api/v1/mechanism-templates/{id}",
      WithId("id", [&svc](Context& ctx, std::int64_t id) { return PatchTemplate(svc, ctx, id); }),
      {.summary = "Switch a template on or off {active}",
       .tag = "mechanism",
       .permission = "mechanism:template:edit",
       .request_schema = TemplatePatchSchema(),
       .response_schema = MechanismTemplateSchema()});
}

}  // namespace lianyin::http::handlers
