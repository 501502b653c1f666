// Routes of the excellent-project selection: rounds, nominations, experts, scores, the booklet
// and the public showcase (docs/api.md "Excellent-project selection").

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "domain/selection/selection_rules.hpp"
#include "domain/selection/selection_service.hpp"
#include "http/handlers/download.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/selection_json.hpp"
#include "http/handlers/with_id.hpp"

namespace lianyin::http::handlers {
namespace {

namespace selection = domain::selection;
namespace json = boost::json;
using Service = selection::SelectionService;

// An integer member of an array element, recording "field" errors.
std::int64_t IntOf(const json::object& o, const char* key, const std::string& field,
                   std::vector<core::FieldError>& errors) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_int64()) {
    errors.push_back({field, "must be an integer", {}});
    return 0;
  }
  return v->as_int64();
}

std::string TextOf(const json::object& o, const char* key, const std::string& field,
                   std::vector<core::FieldError>& errors) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) {
    errors.push_back({field, "is required", {}});
    return {};
  }
  return std::string(v->as_string());
}

// The body of POST /selection-rounds (and PUT): title, year, batch, experts_per_project,
// rubric [{code, name, max_score}], quotas [{category, quota}].
core::Result<selection::NewRound> ReadRound(const Request& request) {
  auto body = ParseJsonObject(request.body);
  if (!body) return body.error();
  FieldReader in(*body);
  selection::NewRound r;
  r.title = in.String("title", selection::kMaxTitleChars);
  r.year = static_cast<int>(in.Int64("year"));
  r.batch = static_cast<int>(in.OptInt64("batch").value_or(1));
  r.experts_per_project = static_cast<int>(in.OptInt64("experts_per_project").value_or(3));
  std::vector<core::FieldError> errors = in.errors();
  for (const char* list : {"rubric", "quotas"}) {
    const json::value* v = body->if_contains(list);
    if (!v || !v->is_array()) {
      errors.push_back({list, "must be an array", {}});
      continue;
    }
    const json::array& items = v->as_array();
    for (std::size_t i = 0; i < items.size() && i < 100; ++i) {
      const std::string at = std::string(list) + "[" + std::to_string(i) + "]";
      if (!items[i].is_object()) {
        errors.push_back({at, "must be an object", {}});
        continue;
      }
      const json::object& o = items[i].as_object();
      if (std::string_view(list) == "rubric") {
        r.rubric.push_back({TextOf(o, "code", at + ".code", errors),
                            TextOf(o, "name", at + ".name", errors),
                            static_cast<int>(IntOf(o, "max_score", at + ".max_score", errors))});
      } else {
        r.quotas.push_back({TextOf(o, "category", at + ".category", errors),
                            static_cast<int>(IntOf(o, "quota", at + ".quota", errors)), 0});
      }
    }
  }
  if (!errors.empty()) {
    // The rules' findings too, on the fields the reading did not already name: one 422 lists
    // every problem.
    if (auto checked = selection::CheckRound(r); !checked) {
      for (core::FieldError& e : checked.error().details) {
        const bool named =
            std::any_of(errors.begin(), errors.end(),
                        [&](const core::FieldError& x) { return x.field == e.field; });
        if (!named) errors.push_back(std::move(e));
      }
    }
    return core::Error::Invalid(std::move(errors));
  }
  return r;
}

Response ListRounds(Service& s, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::optional<selection::RoundStatus> status;
  if (auto text = QueryText(ctx.request, "status")) {
    status = selection::ParseRoundStatus(*text);
    if (!status)
      return ErrorResponse(core::Error::Invalid("status", "not a selection_status code"));
  }
  auto found = s.ListRounds(*ctx.actor, status, ToPageRequest(*page));
  json::array items;
  for (const selection::Round& r : found.items) items.push_back(RoundJson(r));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

core::Result<selection::NominationFilter> ReadNominationFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  selection::NominationFilter f;
  f.category = QueryText(request, "category");
  f.excellent = QueryBool(request, "excellent", errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

Response ListNominations(Service& s, Context& ctx, std::int64_t id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadNominationFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = s.Nominations(*ctx.actor, id, *filter, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const selection::Nomination& n : found->items) items.push_back(NominationJson(n));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

Response Nominate(Service& s, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::int64_t project_id = in.Int64("project_id");
  const std::string story = in.String("story", selection::kMaxStoryChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, s.Nominate(*ctx.actor, id, project_id, story),
                  [](const selection::Nomination& n) { return NominationJson(n); });
}

template <class F>
RouteHandler WithNomination(Service& s, F f) {
  return WithIds("id", "nomination_id",
                 [&s, f](Context& ctx, std::int64_t id, std::int64_t nomination) {
                   return f(s, ctx, id, nomination);
                 });
}

Response SetExperts(Service& s, Context& ctx, std::int64_t id, std::int64_t nomination) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::vector<std::int64_t> experts = in.Int64Array("expert_ids");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  auto done = s.SetExperts(*ctx.actor, id, nomination, experts);
  if (!done) return ErrorResponse(done.error());
  json::array items;
  for (const selection::Assignment& a : *done) items.push_back(AssignmentJson(a));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

Response Score(Service& s, Context& ctx, std::int64_t id, std::int64_t nomination) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  const json::value* scores = body->if_contains("scores");
  if (!scores || !scores->is_object()) {
    return ErrorResponse(core::Error::Invalid("scores", "must be an object"));
  }
  std::map<std::string, std::int64_t> values;
  std::vector<core::FieldError> errors;
  for (const auto& [code, value] : scores->as_object()) {
    if (!value.is_int64()) {
      errors.push_back({"scores." + std::string(code), "must be an integer", {}});
    } else {
      values[std::string(code)] = value.as_int64();
    }
  }
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  return ResultOr(200, s.Score(*ctx.actor, id, nomination, values), AssignmentJson);
}

Response MyAssignments(Service& s, Context& ctx) {
  std::vector<core::FieldError> errors;
  const auto round = QueryId(ctx.request, "round_id", errors);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  json::array items;
  for (const auto& [assignment, nomination] : s.MyAssignments(*ctx.actor, round)) {
    json::object item = AssignmentJson(assignment);
    json::object shown = NominationJson(nomination, /*public_view=*/true);
    item["nomination"] = std::move(shown);
    items.push_back(std::move(item));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

Response Booklet(Service& s, Context& ctx, std::int64_t id) {
  auto job = s.BookletStatus(*ctx.actor, id);
  if (!job) return ErrorResponse(job.error());
  return JsonResponse(200, json::object{{"job", *job ? json::value(JobJson(**job)) : nullptr}});
}

Response BookletFile(Service& s, Context& ctx, bool pdf) {
  auto id = ctx.IdParam("id");
  if (!id) return ErrorResponse(core::Error::NotFound());
  auto round = s.PublishedRound(*id);
  if (!round) return ErrorResponse(round.error());
  auto file = s.BookletFile(*id, pdf);
  if (!file) return ErrorResponse(file.error());
  Response r;
  r.content_type =
      pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = std::move(*file);
  const std::string ext = pdf ? ".pdf" : ".xlsx";
  r.SetHeader("Content-Disposition",
              Disposition({"优秀项目选编_" + std::to_string(round->year) + "_第" +
                               std::to_string(round->batch) + "批" + ext,
                           "booklet-" + std::to_string(*id) + ext}));
  return r;
}

Response Showcase(Service& s, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  const auto round = QueryId(ctx.request, "round_id", errors);
  selection::NominationFilter filter;
  filter.category = QueryText(ctx.request, "category");
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = s.Showcase(round, filter, ToPageRequest(*page));
  json::array items;
  for (const selection::Nomination& n : found.items) items.push_back(NominationJson(n, true));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

// A published round as the public sees it (no management flag).
json::object PublicRoundJson(const selection::Round& r) {
  json::object o = RoundJson(r);
  o.erase("managed");
  o.erase("unit_id");
  return o;
}

}  // namespace

void AddSelectionRoutes(Router& router, Service& selection) {
  const auto with_id = [&selection](auto f) {
    return WithId("id",
                  [&selection, f](Context& ctx, std::int64_t id) { return f(selection, ctx, id); });
  };
  const char* tag = "selection";
  router.Add("GET", "/api/v1/selection-rounds",
             [&selection](Context& ctx) { return ListRounds(selection, ctx); },
             {.summary = "Selection rounds, newest first (filter status)",
              .tag = tag,
              .permission = "project:selection:list"});
  router.Add("POST", "/api/v1/selection-rounds",
             [&selection](Context& ctx) {
               auto round = ReadRound(ctx.request);
               if (!round) return ErrorResponse(round.error());
               return ResultOr(201, selection.CreateRound(*ctx.actor, *round), RoundJson);
             },
             {.summary = "Create a selection round (a draft) organised by your unit",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("GET", "/api/v1/selection-rounds/{id}",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.GetRound(*ctx.actor, id), RoundJson);
             }),
             {.summary = "One selection round with its rubric and quotas",
              .tag = tag,
              .permission = "project:selection:list"});
  router.Add("PUT", "/api/v1/selection-rounds/{id}",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               auto round = ReadRound(ctx.request);
               if (!round) return ErrorResponse(round.error());
               return ResultOr(200, s.UpdateRound(*ctx.actor, id, *round), RoundJson);
             }),
             {.summary = "Replace a draft round's fields",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("POST", "/api/v1/selection-rounds/{id}/transitions",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               auto body = ParseJsonObject(ctx.request.body);
               if (!body) return ErrorResponse(body.error());
               FieldReader in(*body);
               const std::string to = in.String("to", 20);
               if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
               return ResultOr(200, s.MoveRound(*ctx.actor, id, to), RoundJson);
             }),
             {.summary = "Move a round draft → nominating → scoring → published (ranks on "
                         "publication)",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("GET", "/api/v1/selection-rounds/{id}/nominations", with_id(ListNominations),
             {.summary = "The round's nominations in scope, by category and rank (filters "
                         "category, excellent)",
              .tag = tag,
              .permission = "project:selection:list"});
  router.Add("POST", "/api/v1/selection-rounds/{id}/nominations", with_id(Nominate),
             {.summary = "Nominate an accepted project of your scope with its story",
              .tag = tag,
              .permission = "project:selection:nominate"});
  router.Add("DELETE", "/api/v1/selection-rounds/{id}/nominations/{nomination_id}",
             WithNomination(selection,
                            [](Service& s, Context& ctx, std::int64_t id, std::int64_t n) {
                              return EmptyOr(s.Withdraw(*ctx.actor, id, n));
                            }),
             {.summary = "Withdraw a nomination while the round takes them",
              .tag = tag,
              .permission = "project:selection:nominate"});
  router.Add("GET", "/api/v1/selection-rounds/{id}/experts",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               auto experts = s.Experts(*ctx.actor, id);
               if (!experts) return ErrorResponse(experts.error());
               json::array items;
               for (const auto& e : *experts) items.push_back(ExpertJson(e));
               return JsonResponse(200, json::object{{"items", std::move(items)}});
             }),
             {.summary = "The experts of the organising unit's subtree",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("GET", "/api/v1/selection-rounds/{id}/assignments",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               auto assignments = s.Assignments(*ctx.actor, id);
               if (!assignments) return ErrorResponse(assignments.error());
               json::array items;
               for (const auto& a : *assignments) items.push_back(AssignmentJson(a));
               return JsonResponse(200, json::object{{"items", std::move(items)}});
             }),
             {.summary = "The round's expert assignments and their scores",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("POST", "/api/v1/selection-rounds/{id}/assignments",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               auto made = s.AutoAssign(*ctx.actor, id);
               if (!made) return ErrorResponse(made.error());
               return JsonResponse(200, json::object{{"assigned", *made}});
             }),
             {.summary = "Assign experts automatically (least loaded, conflicts excluded)",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("PUT", "/api/v1/selection-rounds/{id}/nominations/{nomination_id}/experts",
             WithNomination(selection, SetExperts),
             {.summary = "Set a nomination's experts by hand (conflicts refused)",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("PUT", "/api/v1/selection-rounds/{id}/nominations/{nomination_id}/scores",
             WithNomination(selection, Score),
             {.summary = "Score a nomination assigned to you, criterion by criterion",
              .tag = tag,
              .permission = "project:selection:score"});
  router.Add("GET", "/api/v1/expert/assignments",
             [&selection](Context& ctx) { return MyAssignments(selection, ctx); },
             {.summary = "Your assignments in rounds being scored (the scoring page)",
              .tag = tag,
              .permission = "project:selection:score"});
  router.Add("POST", "/api/v1/selection-rounds/{id}/booklet",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               return ResultOr(202, s.QueueBooklet(*ctx.actor, id), JobJson);
             }),
             {.summary = "Generate the round's booklet (PDF and XLSX) in the background",
              .tag = tag,
              .permission = "project:selection:manage"});
  router.Add("GET", "/api/v1/selection-rounds/{id}/booklet", with_id(Booklet),
             {.summary = "The state of the round's latest booklet job (progress in percent)",
              .tag = tag,
              .permission = "project:selection:list"});
  router.Add("GET", "/api/public/selection-rounds",
             [&selection](Context& ctx) {
               auto page = ParseListParams(ctx.request);
               if (!page) return ErrorResponse(page.error());
               auto found = selection.PublishedRounds(ToPageRequest(*page));
               json::array items;
               for (const auto& r : found.items) items.push_back(PublicRoundJson(r));
               return JsonResponse(
                   200, ListEnvelope(std::move(items), found.total, page->page, page->page_size));
             },
             {.summary = "Published selection rounds", .tag = "public", .requires_auth = false});
  router.Add("GET", "/api/public/selection-rounds/{id}",
             with_id([](Service& s, Context&, std::int64_t id) {
               return ResultOr(200, s.PublishedRound(id), PublicRoundJson);
             }),
             {.summary = "One published selection round", .tag = "public", .requires_auth = false});
  router.Add("GET", "/api/public/excellent-projects",
             [&selection](Context& ctx) { return Showcase(selection, ctx); },
             {.summary = "The showcase: excellent projects of published rounds by category and "
                         "rank (filters round_id, category)",
              .tag = "public",
              .requires_auth = false});
  router.Add(
      "GET", "/api/public/selection-rounds/{id}/booklet.pdf",
      [&selection](Context& ctx) { return BookletFile(selection, ctx, true); },
      {.summary = "The round's booklet (选编) as PDF", .tag = "public", .requires_auth = false});
  router.Add("GET", "/api/public/selection-rounds/{id}/booklet.xlsx",
             [&selection](Context& ctx) { return BookletFile(selection, ctx, false); },
             {.summary = "The round's booklet as XLSX", .tag = "public", .requires_auth = false});
}

}  // namespace lianyin::http::handlers
