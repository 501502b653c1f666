// Routes of matching runs and matches: run the optimal matching, decide its proposals, follow a
// match to a rated service (docs/api.md "Demands, resources and matching").

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/event/event_rules.hpp"
#include "domain/matching/matching_rules.hpp"
#include "domain/matching/matching_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/event_json.hpp"
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
using matching::MatchStatus;

std::string Serialised(const json::object& schema) { return json::serialize(schema); }

Response RunAnswer(int status, const core::Result<matching::Run>& run, const Context& ctx) {
  if (!run) return ErrorResponse(run.error());
  return JsonResponse(status, RunJson(*run, LangOf(ctx), true));
}

Response MatchAnswer(int status, const core::Result<matching::Match>& match, const Context& ctx) {
  if (!match) return ErrorResponse(match.error());
  return JsonResponse(status, MatchJson(*match, LangOf(ctx)));
}

Response CreateRun(MatchingService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  matching::RunRequest r;
  r.region_code = in.OptString("region_code", 6);
  r.category = in.OptString("category", 40);
  r.demand_ids = in.Int64Array("demand_ids");
  r.resource_ids = in.Int64Array("resource_ids");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return RunAnswer(201, service.CreateRun(*ctx.actor, r), ctx);
}

Response ListRuns(MatchingService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = service.ListRuns(*ctx.actor, ToPageRequest(*page));
  json::array items;
  const Lang lang = LangOf(ctx);
  for (const matching::Run& r : found.items) items.push_back(RunJson(r, lang, false));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response Decide(MatchingService& service, Context& ctx, std::int64_t id, bool accept) {
  matching::Decision d;
  if (!ctx.request.body.empty()) {
    auto body = ParseJsonObject(ctx.request.body);
    if (!body) return ErrorResponse(body.error());
    FieldReader in(*body);
    d.match_ids = in.Int64Array("match_ids");
    d.reason = in.OptString("reason", matching::kMaxReasonChars);
    if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  }
  return RunAnswer(200, service.Decide(*ctx.actor, id, d, accept), ctx);
}

core::Result<matching::MatchFilter> ReadMatchFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  matching::MatchFilter f;
  f.run_id = QueryId(request, "run_id", errors);
  f.demand_id = QueryId(request, "demand_id", errors);
  f.resource_id = QueryId(request, "resource_id", errors);
  if (auto status = QueryText(request, "status")) {
    f.status = matching::ParseMatchStatus(*status);
    if (!f.status) errors.push_back({"status", "not a match_status code", {}});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

Response ListMatches(MatchingService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadMatchFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = service.ListMatches(*ctx.actor, *filter, ToPageRequest(*page));
  json::array items;
  const Lang lang = LangOf(ctx);
  for (const matching::Match& m : found.items) items.push_back(MatchJson(m, lang));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response Rate(MatchingService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  matching::Rating r;
  const std::int64_t rating = in.Int64("rating");
  r.rating = rating >= 1 && rating <= 5 ? static_cast<int>(rating) : 0;
  r.comment = in.OptString("comment", matching::kMaxReasonChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return MatchAnswer(200, service.Rate(*ctx.actor, id, r), ctx);
}

constexpr std::size_t kDateTimeChars = 40;

// POST /matches/{id}/event: the POST /events fields but org_id, each optional but the time.
Response MakeEvent(MatchingService& service, Context& ctx, std::int64_t id) {
  namespace event = domain::event;
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  matching::EventRequest r;
  if (body->contains("org_id")) in.Fail("org_id", "cannot be changed");
  if (in.Has("title")) r.title = in.String("title", event::kMaxTitleChars);
  if (in.Has("category")) r.category = in.String("category", 40);
  r.description = in.OptString("description", event::kMaxDescriptionChars);
  r.start = in.String("start", kDateTimeChars);
  r.end = in.String("end", kDateTimeChars);
  r.capacity = in.OptInt64("capacity");
  r.signup_opens = in.OptString("signup_opens", kDateTimeChars);
  r.signup_closes = in.OptString("signup_closes", kDateTimeChars);
  if (in.Has("target_groups")) {
    r.target_groups = in.StringArray("target_groups", event::kMaxGroupChars);
  }
  r.region_code = in.OptString("region_code", 6);
  r.address = in.OptString("address", event::kMaxAddressChars);
  r.booking_id = in.OptInt64("booking_id");
  r.project_id = in.OptInt64("project_id");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, service.MakeEvent(*ctx.actor, id, r), EventJson);
}

// The body of POST /matches/{id}/event: POST /events's without org_id, only the time required.
json::object EventOfMatchSchema() {
  json::object body = NewEventSchema();
  body["properties"].as_object().erase("org_id");
  body["required"] = json::array{"start", "end"};
  return body;
}

struct Step {
  const char* path;
  MatchStatus to;
  const char* summary;
};
constexpr Step kSteps[] = {
    {"accept", MatchStatus::kAccepted,
     "Accept a proposed match (the demand's unit): reserves its headcount"},
    {"reject", MatchStatus::kRejected, "Reject a proposed match (the demand's unit)"},
    {"start", MatchStatus::kInService, "Start serving an accepted match"},
    {"complete", MatchStatus::kDone, "Mark a match in service as done"},
    {"withdraw", MatchStatus::kWithdrawn,
     "Withdraw an accepted match (the demand's unit): frees its reservation"}};

}  // namespace

void AddMatchingRunRoutes(Router& router, MatchingService& matching) {
  const auto with_id = [&matching](auto f) {
    return WithId("id",
                  [&matching, f](Context& ctx, std::int64_t id) { return f(matching, ctx, id); });
  };
  router.Add("POST", "/api/v1/matching/runs",
             [&matching](Context& ctx) { return CreateRun(matching, ctx); },
             {.summary = "Run the optimal matching (SPEC §5.1) over the matchable demands in "
                         "scope and the matchable resources; stores the proposals",
              .tag = "matching",
              .permission = "match:run:create",
              .request_schema = Serialised(RunRequestSchema()),
              .response_schema = Serialised(RunSchema())});
  router.Add("GET", "/api/v1/matching/runs",
             [&matching](Context& ctx) { return ListRuns(matching, ctx); },
             {.summary = "Matching runs in scope, newest first (without their parts)",
              .tag = "matching",
              .permission = "match:run:list",
              .response_schema = Serialised(schema::Page(RunSchema(), "runs in scope"))});
  router.Add("GET", "/api/v1/matching/runs/{id}",
             with_id([](MatchingService& s, Context& ctx, std::int64_t id) {
               return RunAnswer(200, s.GetRun(*ctx.actor, id), ctx);
             }),
             {.summary = "One run with its assignments, unmatched demands and exclusions",
              .tag = "matching",
              .permission = "match:run:list",
              .response_schema = Serialised(RunSchema())});
  router.Add("POST", "/api/v1/matching/runs/{id}/accept",
             with_id([](MatchingService& s, Context& ctx, std::int64_t id) {
               return Decide(s, ctx, id, true);
             }),
             {.summary = "Accept the run's proposals (those of match_ids, or all), all or "
                         "nothing; reserves their headcount",
              .tag = "matching",
              .permission = "match:run:create",
              .response_schema = Serialised(RunSchema())});
  router.Add("POST", "/api/v1/matching/runs/{id}/reject",
             with_id([](MatchingService& s, Context& ctx, std::int64_t id) {
               return Decide(s, ctx, id, false);
             }),
             {.summary = "Reject the run's proposals (those of match_ids, or all)",
              .tag = "matching",
              .permission = "match:run:create",
              .response_schema = Serialised(RunSchema())});
  router.Add("GET", "/api/v1/matching/summary",
             [&matching](Context& ctx) {
               return JsonResponse(200, SummaryJson(matching.Summarise(*ctx.actor)));
             },
             {.summary = "Open demands and headcount, proposals to review, matches in service "
                         "and to rate, open resources (workbench cards)",
              .tag = "matching",
              .permission = "match:run:list"});

  router.Add("GET", "/api/v1/matches",
             [&matching](Context& ctx) { return ListMatches(matching, ctx); },
             {.summary = "Matches in scope (the demand's unit; an organisation's own), newest "
                         "first; filters run_id, demand_id, resource_id, status",
              .tag = "matching",
              .permission = "match:run:list",
              .response_schema = Serialised(schema::Page(MatchSchema(), "matches in scope"))});
  router.Add("GET", "/api/v1/matches/{id}",
             with_id([](MatchingService& s, Context& ctx, std::int64_t id) {
               return MatchAnswer(200, s.GetMatch(*ctx.actor, id), ctx);
             }),
             {.summary = "One match",
              .tag = "matching",
              .permission = "match:run:list",
              .response_schema = Serialised(MatchSchema())});
  for (const Step& step : kSteps) {
    const MatchStatus to = step.to;
    router.Add("POST", fmt::format("/api/v1/matches/{{id}}/{}", step.path),
               with_id([to](MatchingService& s, Context& ctx, std::int64_t id) {
                 return MatchAnswer(200, s.MoveMatch(*ctx.actor, id, to), ctx);
               }),
               {.summary = step.summary,
                .tag = "matching",
                .permission = "match:match:progress",
                .response_schema = Serialised(MatchSchema())});
  }
  router.Add("POST", "/api/v1/matches/{id}/rate", with_id(Rate),
             {.summary = "Rate a done match 1-5 with a comment (the demand's unit)",
              .tag = "matching",
              .permission = "match:match:rate",
              .response_schema = Serialised(MatchSchema())});
  router.Add("POST", "/api/v1/matches/{id}/project",
             with_id([](MatchingService& s, Context& ctx, std::int64_t id) {
               return MatchAnswer(201, s.MakeProject(*ctx.actor, id), ctx);
             }),
             {.summary = "Make a draft purchased-service project of a served match",
              .tag = "matching",
              .permission = "match:match:rate",
              .response_schema = Serialised(MatchSchema())});
  router.Add("POST", "/api/v1/matches/{id}/event", with_id(MakeEvent),
             {.summary = "Make a draft event of the resource's organisation of a served match; "
                         "title, category, capacity, target groups and region default from the "
                         "match and its demand (one event per match: 409 the second time)",
              .tag = "matching",
              .permission = "match:match:rate",
              .request_schema = Serialised(EventOfMatchSchema()),
              .response_schema = Serialised(EventSchema())});
}

}  // namespace lianyin::http::handlers
