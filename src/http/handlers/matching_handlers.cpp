// Routes of demands and resources: the two lists, their lifecycle and a demand's
// recommendations (docs/api.md "Demands, resources and matching").

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "domain/matching/matching_rules.hpp"
#include "domain/matching/matching_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/json_schema.hpp"
#include "http/handlers/matching_json.hpp"
#include "http/handlers/matching_routes.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace matching = domain::matching;
namespace json = boost::json;
using matching::MatchingService;

constexpr std::size_t kCodeChars = 40;

std::optional<matching::ListingStatus> QueryStatus(const Request& request,
                                                   std::vector<core::FieldError>& errors) {
  auto status = QueryText(request, "status");
  if (!status) return std::nullopt;
  auto parsed = matching::ParseListingStatus(*status);
  if (!parsed) errors.push_back({"status", "not a listing_status code", {}});
  return parsed;
}

core::Result<matching::DemandFilter> ReadDemandFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  matching::DemandFilter f;
  f.category = QueryText(request, "category");
  f.status = QueryStatus(request, errors);
  f.unit_id = QueryId(request, "unit_id", errors);
  f.region_code = QueryText(request, "region_code");
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  f.open_only = QueryBool(request, "open", errors).value_or(false);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

core::Result<matching::ResourceFilter> ReadResourceFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  matching::ResourceFilter f;
  f.category = QueryText(request, "category");
  f.status = QueryStatus(request, errors);
  f.org_id = QueryId(request, "org_id", errors);
  f.region_code = QueryText(request, "region_code");
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  f.open_only = QueryBool(request, "open", errors).value_or(false);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

Response CreateDemand(MatchingService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  matching::NewDemand d;
  d.title = in.String("title", matching::kMaxTitleChars);
  d.category = in.String("category", kCodeChars);
  d.region_code = in.String("region_code", 6);
  d.headcount = in.Int64("headcount");
  d.window_start = in.Date("window_start");
  d.window_end = in.Date("window_end");
  d.target_group = in.OptString("target_group", kCodeChars);
  d.description = in.OptString("description", matching::kMaxDescriptionChars);
  d.unit_id = in.OptInt64("unit_id").value_or(0);
  d.worker_id = in.OptInt64("worker_id");
  if (!in.ok()) return FormInvalid(in, matching::CheckNewDemand(d, ctx.actor->worker_id));
  return ResultOr(201, service.CreateDemand(*ctx.actor, d), DemandJson);
}

Response UpdateDemand(MatchingService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  matching::DemandPatch p;
  if (in.Has("title")) p.title = in.String("title", matching::kMaxTitleChars);
  if (in.Has("category")) p.category = in.String("category", kCodeChars);
  if (in.Has("region_code")) p.region_code = in.String("region_code", 6);
  if (in.Has("headcount")) p.headcount = in.Int64("headcount");
  if (in.Has("window_start")) p.window_start = in.Date("window_start");
  if (in.Has("window_end")) p.window_end = in.Date("window_end");
  if (body->contains("target_group")) p.target_group = in.OptString("target_group", kCodeChars);
  if (body->contains("description")) {
    p.description = in.OptString("description", matching::kMaxDescriptionChars);
  }
  if (body->contains("unit_id")) in.Fail("unit_id", "cannot be changed");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.UpdateDemand(*ctx.actor, id, p), DemandJson);
}

Response CreateResource(MatchingService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  matching::NewResource r;
  r.org_id = in.Int64("org_id");
  r.title = in.String("title", matching::kMaxTitleChars);
  r.category = in.String("category", kCodeChars);
  r.region_codes = in.StringArray("region_codes", 6);
  r.capacity = in.Int64("capacity");
  r.window_start = in.Date("window_start");
  r.window_end = in.Date("window_end");
  r.cost_per_person_fen = in.Int64("cost_per_person_fen");
  r.description = in.OptString("description", matching::kMaxDescriptionChars);
  if (!in.ok()) return FormInvalid(in, matching::CheckNewResource(r));
  return ResultOr(201, service.CreateResource(*ctx.actor, r), ResourceJson);
}

Response UpdateResource(MatchingService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  matching::ResourcePatch p;
  if (in.Has("title")) p.title = in.String("title", matching::kMaxTitleChars);
  if (in.Has("category")) p.category = in.String("category", kCodeChars);
  if (in.Has("region_codes")) p.region_codes = in.StringArray("region_codes", 6);
  if (in.Has("capacity")) p.capacity = in.Int64("capacity");
  if (in.Has("window_start")) p.window_start = in.Date("window_start");
  if (in.Has("window_end")) p.window_end = in.Date("window_end");
  if (in.Has("cost_per_person_fen")) p.cost_per_person_fen = in.Int64("cost_per_person_fen");
  if (body->contains("description")) {
    p.description = in.OptString("description", matching::kMaxDescriptionChars);
  }
  if (body->contains("org_id")) in.Fail("org_id", "cannot be changed");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.UpdateResource(*ctx.actor, id, p), ResourceJson);
}

core::Result<matching::ListingTransition> ReadTransition(const Request& request) {
  auto body = ParseJsonObject(request.body);
  if (!body) return body.error();
  FieldReader in(*body);
  matching::ListingTransition t;
  t.to = in.String("to", 20);
  t.reason = in.OptString("reason", matching::kMaxReasonChars);
  if (auto ok = in.Finish(); !ok) return ok.error();
  return t;
}

Response MoveDemand(MatchingService& service, Context& ctx, std::int64_t id) {
  auto t = ReadTransition(ctx.request);
  if (!t) return ErrorResponse(t.error());
  return ResultOr(200, service.MoveDemand(*ctx.actor, id, *t), DemandJson);
}

Response MoveResource(MatchingService& service, Context& ctx, std::int64_t id) {
  auto t = ReadTransition(ctx.request);
  if (!t) return ErrorResponse(t.error());
  return ResultOr(200, service.MoveResource(*ctx.actor, id, *t), ResourceJson);
}

Response ListDemands(MatchingService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadDemandFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = service.ListDemands(*ctx.actor, *filter, ToPageRequest(*page));
  json::array items;
  for (const matching::Demand& d : found.items) items.push_back(DemandJson(d));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response ListResources(MatchingService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadResourceFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = service.ListResources(*ctx.actor, *filter, ToPageRequest(*page));
  json::array items;
  for (const matching::Resource& r : found.items) items.push_back(ResourceJson(r));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response Recommend(MatchingService& service, Context& ctx, std::int64_t id) {
  std::vector<core::FieldError> errors;
  const std::int64_t limit = QueryId(ctx.request, "limit", errors).value_or(10);
  if (errors.empty() && limit > matching::kMaxRecommendations) {
    errors.push_back(
        {"limit", fmt::format("must be between {} and {}", 1, matching::kMaxRecommendations), {}});
  }
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = service.Recommend(*ctx.actor, id, limit);
  if (!found) return ErrorResponse(found.error());
  return JsonResponse(200, RecommendationsJson(*found, LangOf(ctx)));
}

std::string Serialised(const json::object& schema) { return json::serialize(schema); }

}  // namespace

void AddMatchingRoutes(Router& router, MatchingService& matching) {
  const auto with_id = [&matching](auto f) {
    return WithId("id",
                  [&matching, f](Context& ctx, std::int64_t id) { return f(matching, ctx, id); });
  };
  const auto plain = [&matching](auto f) {
    return [&matching, f](Context& ctx) { return f(matching, ctx); };
  };
  router.Add("GET", "/api/v1/demands", plain(ListDemands),
             {.summary = "Demands in scope, newest first; filters category, status, unit_id "
                         "(subtree), region_code (covered), q (title), open=true (matchable)",
              .tag = "matching",
              .permission = "match:demand:list",
              .response_schema = Serialised(schema::Page(DemandSchema(), "matching demands"))});
  router.Add("POST", "/api/v1/demands", plain(CreateDemand),
             {.summary = "Post a demand of a union unit (open); a worker posts its own, for "
                         "its worker record's unit",
              .tag = "matching",
              .permission = "match:demand:edit",
              .request_schema = Serialised(NewDemandSchema()),
              .response_schema = Serialised(DemandSchema())});
  router.Add("GET", "/api/v1/demands/{id}",
             with_id([](MatchingService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.GetDemand(*ctx.actor, id), DemandJson);
             }),
             {.summary = "One demand",
              .tag = "matching",
              .permission = "match:demand:list",
              .response_schema = Serialised(DemandSchema())});
  router.Add("PATCH", "/api/v1/demands/{id}", with_id(UpdateDemand),
             {.summary = "Change a demand's fields, as what is matched allows",
              .tag = "matching",
              .permission = "match:demand:edit",
              .response_schema = Serialised(DemandSchema())});
  router.Add("POST", "/api/v1/demands/{id}/transitions", with_id(MoveDemand),
             {.summary = "Close, reopen or withdraw a demand (withdrawing frees its matches)",
              .tag = "matching",
              .permission = "match:demand:edit",
              .response_schema = Serialised(DemandSchema())});
  router.Add("GET", "/api/v1/demands/{id}/recommendations", with_id(Recommend),
             {.summary = "Compatible resources with room for the demand, ranked by score with "
                         "reasons; those of organisations on a credit list excluded and named",
              .tag = "matching",
              .permission = "match:demand:list",
              .response_schema = Serialised(RecommendationsSchema())});

  router.Add("GET", "/api/v1/resources", plain(ListResources),
             {.summary = "Resources (every logged-in user), newest first; filters category, "
                         "status, org_id, region_code (a code covering it), q, open=true",
              .tag = "matching",
              .permission = "match:resource:list",
              .response_schema = Serialised(schema::Page(ResourceSchema(), "matching resources"))});
  router.Add("POST", "/api/v1/resources", plain(CreateResource),
             {.summary = "Publish a resource of an organisation (open)",
              .tag = "matching",
              .permission = "match:resource:edit",
              .request_schema = Serialised(NewResourceSchema()),
              .response_schema = Serialised(ResourceSchema())});
  router.Add("GET", "/api/v1/resources/{id}",
             with_id([](MatchingService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.GetResource(*ctx.actor, id), ResourceJson);
             }),
             {.summary = "One resource",
              .tag = "matching",
              .permission = "match:resource:list",
              .response_schema = Serialised(ResourceSchema())});
  router.Add("PATCH", "/api/v1/resources/{id}", with_id(UpdateResource),
             {.summary = "Change a resource's fields, as what is reserved allows",
              .tag = "matching",
              .permission = "match:resource:edit",
              .response_schema = Serialised(ResourceSchema())});
  router.Add("POST", "/api/v1/resources/{id}/transitions", with_id(MoveResource),
             {.summary = "Close, reopen or withdraw a resource (withdrawing frees its matches)",
              .tag = "matching",
              .permission = "match:resource:edit",
              .response_schema = Serialised(ResourceSchema())});
  AddMatchingRunRoutes(router, matching);
}

}  // namespace lianyin::http::handlers
