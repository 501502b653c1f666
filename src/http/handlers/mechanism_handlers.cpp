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

// A date query parameter; a malformed one is recorded in `errors`.
std::optional<core::Date> QueryDate(const Request& request, std::string_view name,
                                    std::vector<core::FieldError>& errors) {
  auto text = QueryText(request, name);
  if (!text) return std::nullopt;
  auto date = core::ParseDate(*text, name);
  if (!date) {
    errors.push_back({std::string(name), "must be a date (YYYY-MM-DD)", {}});
    return std::nullopt;
  }
  return *date;
}

Response ListMeetings(Service& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  mech::MeetingFilter f;
  f.kind = QueryText(ctx.request, "kind");
  if (f.kind && !mech::IsMeetingKind(*f.kind))
    errors.push_back({"kind", "must be a meeting kind", {}});
  if (auto from = QueryDate(ctx.request, "from", errors)) f.from = core::FormatDate(*from);
  if (auto to = QueryDate(ctx.request, "to", errors)) f.to = core::FormatDate(*to);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = svc.ListMeetings(*ctx.actor, f, ToPageRequest(*page));
  boost::json::array items;
  for (const mech::Meeting& m : found.items) items.push_back(MeetingJson(m));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response CreateMeeting(Service& svc, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const mech::MeetingInput m = ReadMeeting(*body, in, true);
  if (!in.ok()) return FormInvalid(in, mech::CheckMeeting(m, false));
  return ResultOr(201, svc.CreateMeeting(*ctx.actor, m), MeetingDetailJson);
}

Response PatchMeeting(Service& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const mech::MeetingInput m = ReadMeeting(*body, in, false);
  if (!in.ok()) return FormInvalid(in, mech::CheckMeeting(m, false));
  return ResultOr(200, svc.UpdateMeeting(*ctx.actor, id, m), MeetingDetailJson);
}

Response RecordMinutes(Service& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string minutes = in.String("minutes", mech::kMaxMinutesChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.RecordMinutes(*ctx.actor, id, minutes), MeetingDetailJson);
}

Response AddDecision(Service& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const mech::NewDecision d = ReadDecision(in);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, svc.AddDecision(*ctx.actor, id, d), SupervisedTaskJson);
}

Response ListTasks(Service& svc, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  mech::TaskFilter f;
  if (auto status = QueryText(ctx.request, "status")) {
    f.status = mech::ParseTaskStatus(*status);
    if (!f.status) errors.push_back({"status", "must be open, in_progress or done", {}});
  }
  f.owner_unit_id = QueryId(ctx.request, "owner_unit_id", errors);
  f.owner_org_id = QueryId(ctx.request, "owner_org_id", errors);
  f.overdue = QueryBool(ctx.request, "overdue", errors);
  f.meeting_id = QueryId(ctx.request, "meeting_id", errors);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = svc.ListTasks(*ctx.actor, f, ToPageRequest(*page));
  boost::json::array items;
  for (const mech::SupervisedTask& t : found.items) items.push_back(SupervisedTaskJson(t));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response ReportProgress(Service& svc, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  mech::ProgressInput p;
  p.note = in.OptString("note", mech::kMaxTextChars);
  if (auto status = in.OptString("status", 20)) {
    p.status = mech::ParseTaskStatus(*status);
    if (!p.status) in.Fail("status", "must be open, in_progress or done");
  }
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, svc.ReportProgress(*ctx.actor, id, p), SupervisedTaskDetailJson);
}

Response Calendar(Service& svc, Context& ctx) {
  std::vector<core::FieldError> errors;
  auto from = QueryDate(ctx.request, "from", errors);
  auto to = QueryDate(ctx.request, "to", errors);
  if (errors.empty() && !from) errors.push_back({"from", "is required", {}});
  if (errors.empty() && !to) errors.push_back({"to", "is required", {}});
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto items = svc.Calendar(*ctx.actor, *from, *to);
  if (!items) return ErrorResponse(items.error());
  return JsonResponse(200,
                      WorkCalendarJson(core::FormatDate(*from), core::FormatDate(*to), *items));
}

}  // namespace

void AddMechanismTemplateRoutes(Router& router, Service& svc);

void AddMechanismRoutes(Router& router, Service& svc) {
  const auto with_id = [&svc](auto f) {
    return WithId("id", [&svc, f](Context& ctx, std::int64_t id) { return f(svc, ctx, id); });
  };
  const auto plain = [&svc](auto f) { return [&svc, f](Context& ctx) { return f(svc, ctx); }; };
  router.Add("GET", "/api/v1/meetings", plain(ListMeetings),
             {.summary = "Meetings in scope, latest first; filters kind, from, to (start dates)",
              .tag = "mechanism",
              .permission = "mechanism:meeting:list",
              .response_schema = MeetingPageSchema()});
  router.Add("POST", "/api/v1/meetings", plain(CreateMeeting),
             {.summary = "Hold a meeting (定期会商, 季度调度, 半年小结, 年终总结, 联席会议)",
              .tag = "mechanism",
              .permission = "mechanism:meeting:edit",
              .request_schema = NewMeetingSchema(false),
              .response_schema = MeetingSchema()});
  router.Add("GET", "/api/v1/meetings/{id}", with_id([](Service& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.GetMeeting(*ctx.actor, id), MeetingDetailJson);
             }),
             {.summary = "One meeting with its attendees, minutes and decisions",
              .tag = "mechanism",
              .permission = "mechanism:meeting:list",
              .response_schema = MeetingSchema()});
  router.Add("PATCH", "/api/v1/meetings/{id}", with_id(PatchMeeting),
             {.summary = "Change a meeting's title, kind, time, place, agenda or attendees",
              .tag = "mechanism",
              .permission = "mechanism:meeting:edit",
              .request_schema = NewMeetingSchema(true),
              .response_schema = MeetingSchema()});
  router.Add("POST", "/api/v1/meetings/{id}/minutes", with_id(RecordMinutes),
             {.summary = "Record (or replace) a meeting's minutes (会议纪要)",
              .tag = "mechanism",
              .permission = "mechanism:meeting:edit",
              .request_schema = MinutesSchema(),
              .response_schema = MeetingSchema()});
  router.Add("POST", "/api/v1/meetings/{id}/decisions", with_id(AddDecision),
             {.summary = "A decision of the meeting becomes a supervised task (督办)",
              .tag = "mechanism",
              .permission = "mechanism:meeting:edit",
              .request_schema = DecisionSchema(),
              .response_schema = SupervisedTaskSchema()});
  router.Add("GET", "/api/v1/supervised-tasks", plain(ListTasks),
             {.summary = "Supervised tasks in scope (supervised or owned), nearest deadline "
                         "first; filters status, owner_unit_id, owner_org_id, overdue, meeting_id",
              .tag = "mechanism",
              .permission = "mechanism:task:list",
              .response_schema = SupervisedTaskPageSchema()});
  router.Add("GET", "/api/v1/supervised-tasks/{id}",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.GetTask(*ctx.actor, id), SupervisedTaskDetailJson);
             }),
             {.summary = "One supervised task with its progress log",
              .tag = "mechanism",
              .permission = "mechanism:task:list",
              .response_schema = SupervisedTaskSchema()});
  router.Add("POST", "/api/v1/supervised-tasks/{id}/progress", with_id(ReportProgress),
             {.summary = "Report progress on a supervised task: a note and/or a status "
                         "(open → in_progress → done; reopening by the meeting's unit only)",
              .tag = "mechanism",
              .permission = "mechanism:task:progress",
              .request_schema = ProgressSchema(),
              .response_schema = SupervisedTaskSchema()});
  router.Add("GET", "/api/v1/calendar", plain(Calendar),
             {.summary = "The work calendar from..to (at most 366 days): meetings, task "
                         "deadlines and coming template occurrences in scope",
              .tag = "mechanism",
              .permission = "mechanism:meeting:list",
              .response_schema = WorkCalendarSchema()});
  AddMechanismTemplateRoutes(router, svc);
}

}  // namespace lianyin::http::handlers
