// Annual reports (年报/年检) and penalties (行政处罚): /api/v1/annual-reports,
// /api/v1/orgs/{id}/annual-reports and /api/v1/orgs/{id}/penalties.

#include <boost/json.hpp>

#include "domain/annual/annual_rules.hpp"
#include "domain/annual/annual_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/annual_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace annual = domain::annual;

core::Result<annual::ReportFilter> ReadFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  annual::ReportFilter f;
  if (auto status = QueryText(request, "status")) {
    f.status = annual::ParseReportStatus(*status);
    if (!f.status) errors.push_back({"status", "not an annual_report_status code", {}});
  }
  f.year = QueryId(request, "year", errors);
  f.org_id = QueryId(request, "org_id", errors);
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

Response PageOf(const domain::account::Page<annual::AnnualReport>& found, const ListParams& page) {
  boost::json::array items;
  for (const annual::AnnualReport& r : found.items) items.push_back(ReportJson(r));
  return JsonResponse(200, ListEnvelope(std::move(items), found.total, page.page, page.page_size));
}

Response List(annual::AnnualService& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  return PageOf(svc.List(*ctx.actor, *filter, ToPageRequest(*page)), *page);
}

Response OrgReports(annual::AnnualService& svc, Context& ctx, std::int64_t org_id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = svc.OrgReports(*ctx.actor, org_id, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  return PageOf(*found, *page);
}

Response Overdue(annual::AnnualService& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  const auto year = QueryId(ctx.request, "year", errors);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  return JsonResponse(200, OverdueJson(svc.Overdue(*ctx.actor, year, ToPageRequest(*page)),
                                       page->page, page->page_size));
}

annual::ReportFields ReadFields(FieldReader& in) {
  annual::ReportFields f;
  f.income_fen = in.Int64("income_fen");
  f.expense_fen = in.Int64("expense_fen");
  f.net_assets_fen = in.Int64("net_assets_fen");
  f.gov_purchase_income_fen = in.Int64("gov_purchase_income_fen");
  f.activities = in.String("activities", annual::kMaxActivitiesChars);
  return f;
}

Response Submit(annual::AnnualService& svc, Context& ctx, std::int64_t org_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  annual::NewReport report;
  report.year = in.Int64("year");
  report.fields = ReadFields(in);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, svc.Submit(*ctx.actor, org_id, report), ReportJson);
}

Response Patch(annual::AnnualService& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  annual::ReportPatch patch;
  patch.income_fen = in.OptInt64("income_fen");
  patch.expense_fen = in.OptInt64("expense_fen");
  patch.net_assets_fen = in.OptInt64("net_assets_fen");
  patch.gov_purchase_income_fen = in.OptInt64("gov_purchase_income_fen");
  if (in.Has("activities")) patch.activities = in.String("activities", annual::kMaxActivitiesChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.Update(*ctx.actor, id, patch), ReportJson);
}

Response Review(annual::AnnualService& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string result = in.String("result", 20);
  const std::string comment = in.OptString("comment", annual::kMaxCommentChars).value_or("");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.Review(*ctx.actor, id, result, comment), ReportJson);
}

Response Return(annual::AnnualService& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string comment = in.String("comment", annual::kMaxCommentChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.Return(*ctx.actor, id, comment), ReportJson);
}

Response AddPenalty(annual::AnnualService& svc, Context& ctx, std::int64_t org_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  annual::NewPenalty p;
  p.decided_on = in.Date("decided_on");
  p.kind = in.String("kind", 20);
  p.reason = in.String("reason", annual::kMaxReasonChars);
  p.decision_no = in.OptString("decision_no", annual::kMaxDecisionNoChars);
  p.amount_fen = in.OptInt64("amount_fen");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, svc.AddPenalty(*ctx.actor, org_id, p), PenaltyJson);
}

Response Penalties(annual::AnnualService& svc, Context& ctx, std::int64_t org_id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = svc.Penalties(*ctx.actor, org_id, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  boost::json::array items;
  for (const annual::Penalty& p : found->items) items.push_back(PenaltyJson(p));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

}  // namespace

void AddAnnualRoutes(Router& router, annual::AnnualService& svc) {
  const auto with_id = [&svc](auto f) {
    return WithId("id", [&svc, f](Context& ctx, std::int64_t id) { return f(svc, ctx, id); });
  };
  const auto report = [](const char* summary, const char* permission) {
    return RouteInfo{.summary = summary,
                     .tag = "annual",
                     .permission = permission,
                     .response_schema = ReportSchema()};
  };
  router.Add("GET", "/api/v1/annual-reports", [&svc](Context& ctx) { return List(svc, ctx); },
             {.summary = "Annual reports in scope, newest first; filters status, year, org_id, "
                         "q (name or USCC)",
              .tag = "annual",
              .permission = "annual:report:list",
              .response_schema = ReportPageSchema()});
  router.Add("GET", "/api/v1/annual-reports/overdue",
             [&svc](Context& ctx) { return Overdue(svc, ctx); },
             {.summary = "Registered or abnormal organisations in scope with no report for year "
                         "(default: the latest one due), and whether its deadline has passed",
              .tag = "annual",
              .permission = "annual:report:list",
              .response_schema = OverdueSchema()});
  router.Add("GET", "/api/v1/annual-reports/{id}",
             with_id([](annual::AnnualService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Get(*ctx.actor, id), ReportJson);
             }),
             report("One annual report", "annual:report:list"));
  RouteInfo patch = report("Correct a returned report", "annual:report:submit");
  patch.request_schema = ReportPatchSchema();
  router.Add("PATCH", "/api/v1/annual-reports/{id}", with_id(Patch), patch);
  router.Add("POST", "/api/v1/annual-reports/{id}/submit",
             with_id([](annual::AnnualService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Resubmit(*ctx.actor, id), ReportJson);
             }),
             report("Submit a returned report again", "annual:report:submit"));
  RouteInfo review =
      report("Review a submitted report: pass, basic_pass or fail (once)", "annual:report:review");
  review.request_schema = ReviewSchema();
  router.Add("POST", "/api/v1/annual-reports/{id}/review", with_id(Review), review);
  RouteInfo ret = report("Return a submitted report for correction", "annual:report:review");
  ret.request_schema = ReturnSchema();
  router.Add("POST", "/api/v1/annual-reports/{id}/return", with_id(Return), ret);
  router.Add("GET", "/api/v1/orgs/{id}/annual-reports", with_id(OrgReports),
             {.summary = "The organisation's annual reports, newest first (in scope only)",
              .tag = "annual",
              .permission = "annual:report:list",
              .response_schema = ReportPageSchema()});
  RouteInfo submit = report("Submit the organisation's annual report for a year (one per year)",
                            "annual:report:submit");
  submit.request_schema = NewReportSchema();
  router.Add("POST", "/api/v1/orgs/{id}/annual-reports", with_id(Submit), submit);
  router.Add("GET", "/api/v1/orgs/{id}/penalties", with_id(Penalties),
             {.summary = "The organisation's administrative penalties, latest first",
              .tag = "annual",
              .permission = "annual:penalty:list",
              .response_schema = PenaltyPageSchema()});
  router.Add("POST", "/api/v1/orgs/{id}/penalties", with_id(AddPenalty),
             {.summary = "Record an administrative penalty (行政处罚) of the organisation",
              .tag = "annual",
              .permission = "annual:penalty:edit",
              .request_schema = NewPenaltySchema(),
              .response_schema = PenaltySchema()});
}

}  // namespace lianyin::http::handlers
