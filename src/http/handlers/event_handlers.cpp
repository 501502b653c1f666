// Routes of events, sign-ups and check-ins: events of organisations at bookings and for
// projects, sign-ups with the waiting list, check-ins by the rotating QR code, by its numeric
// code or from an officer's list, and a worker's own events (docs/api.md "Events, sign-ups and
// check-ins (issue #11)").

#include <boost/json.hpp>

#include "domain/dictionary/messages.hpp"
#include "domain/event/event_rules.hpp"
#include "domain/event/event_service.hpp"
#include "domain/org/org.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/event_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/json_schema.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"
#include "qr/qr.hpp"

namespace lianyin::http::handlers {
namespace {

namespace event = domain::event;
namespace json = boost::json;
using event::EventService;

constexpr std::size_t kDateTimeChars = 40;
constexpr std::size_t kCodeChars = 10;
constexpr std::size_t kTokenChars = 64;
constexpr std::size_t kMaxBaseChars = 200;

std::string Serialised(const json::object& schema) { return json::serialize(schema); }

core::Result<event::EventFilter> ReadFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  event::EventFilter f;
  if (auto status = QueryText(request, "status")) {
    f.status = event::ParseEventStatus(*status);
    if (!f.status) errors.push_back({"status", "not an event_status code", {}});
  }
  f.category = QueryText(request, "category");
  f.region_code = QueryText(request, "region_code");
  f.org_id = QueryId(request, "org_id", errors);
  f.from = QueryText(request, "from");
  f.to = QueryText(request, "to");
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  if (auto order = QueryText(request, "order")) {
    f.soonest_first = *order == "start";
    if (*order != "start" && *order != "-start") {
      errors.push_back({"order", "must be one of: start, -start", {}});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

// The fields a create and a patch share, each read when present.
void ReadCommon(FieldReader& in, const json::object& body, event::EventPatch& p) {
  if (in.Has("title")) p.title = in.String("title", event::kMaxTitleChars);
  if (in.Has("category")) p.category = in.String("category", 40);
  if (body.contains("description")) {
    p.description = in.OptString("description", event::kMaxDescriptionChars);
  }
  if (in.Has("start")) p.start = in.String("start", kDateTimeChars);
  if (in.Has("end")) p.end = in.String("end", kDateTimeChars);
  if (in.Has("capacity")) p.capacity = in.Int64("capacity");
  if (body.contains("signup_opens")) p.signup_opens = in.OptString("signup_opens", kDateTimeChars);
  if (in.Has("signup_closes")) p.signup_closes = in.String("signup_closes", kDateTimeChars);
  if (in.Has("target_groups")) {
    p.target_groups = in.StringArray("target_groups", event::kMaxGroupChars);
  }
  if (in.Has("region_code")) p.region_code = in.String("region_code", 6);
  if (in.Has("address")) p.address = in.String("address", event::kMaxAddressChars);
}

Response CreateEvent(EventService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  event::NewEvent e;
  e.org_id = in.Int64("org_id");
  e.title = in.String("title", event::kMaxTitleChars);
  e.category = in.String("category", 40);
  e.description = in.OptString("description", event::kMaxDescriptionChars);
  e.start = in.String("start", kDateTimeChars);
  e.end = in.String("end", kDateTimeChars);
  e.capacity = in.Int64("capacity");
  e.signup_opens = in.OptString("signup_opens", kDateTimeChars);
  e.signup_closes = in.OptString("signup_closes", kDateTimeChars);
  e.target_groups = in.StringArray("target_groups", event::kMaxGroupChars);
  e.region_code = in.OptString("region_code", 6);
  e.address = in.OptString("address", event::kMaxAddressChars);
  e.booking_id = in.OptInt64("booking_id");
  e.project_id = in.OptInt64("project_id");
  if (!e.booking_id) {
    if (!e.region_code) in.Fail("region_code", "is required");
    if (!e.address) in.Fail("address", "is required");
  }
  if (!in.ok()) {
    event::EventFields fields = event::FieldsOf(e);
    if (e.booking_id)
      fields = {fields.title,
                fields.category,
                fields.description,
                fields.start,
                fields.end,
                fields.capacity,
                fields.signup_opens,
                fields.signup_closes,
                fields.target_groups,
                "100000",
                "-"};
    auto checked = event::CheckEventFields(fields);
    return FormInvalid(in, checked ? core::Result<void>() : core::Result<void>(checked.error()));
  }
  return ResultOr(201, service.Create(*ctx.actor, e), EventJson);
}

Response UpdateEvent(EventService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  event::EventPatch p;
  ReadCommon(in, *body, p);
  for (const char* fixed : {"org_id", "booking_id", "project_id"}) {
    if (body->contains(fixed)) in.Fail(fixed, "cannot be changed");
  }
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.Update(*ctx.actor, id, p), EventJson);
}

Response MoveEvent(EventService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  event::EventTransition t;
  t.to = in.String("to", 20);
  t.reason = in.OptString("reason", event::kMaxReasonChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.Move(*ctx.actor, id, t), EventJson);
}

Response ListEvents(EventService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = service.List(*ctx.actor, *filter, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const event::Event& e : found->items) items.push_back(EventJson(e));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

Response SignUp(EventService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  event::NewSignup s;
  s.worker_id = in.Int64("worker_id");
  s.waitlist = in.OptBool("waitlist").value_or(false);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, service.SignUp(*ctx.actor, id, s), SignupJson);
}

Response ListSignups(EventService& service, Context& ctx, std::int64_t id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::optional<event::SignupStatus> status;
  if (auto text = QueryText(ctx.request, "status")) {
    status = event::ParseSignupStatus(*text);
    if (!status) return ErrorResponse(core::Error::Invalid("status", "not a signup_status code"));
  }
  auto found = service.ListSignups(*ctx.actor, id, status, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const event::Signup& s : found->items) items.push_back(SignupJson(s));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

// A single check-in (201) or, with worker_ids, an officer's list (200, each reported).
Response CheckIn(EventService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  event::NewCheckin c;
  c.worker_id = in.OptInt64("worker_id");
  c.worker_ids = in.Int64Array("worker_ids");
  c.at = in.OptString("at", kDateTimeChars);
  c.token = in.OptString("token", kTokenChars);
  c.code = in.OptString("code", kCodeChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  if (in.Has("worker_ids")) {
    auto outcomes = service.CheckInList(*ctx.actor, id, c);
    if (!outcomes) return ErrorResponse(outcomes.error());
    const auto lang = domain::dictionary::PreferredLang(
        ctx.request.Header("accept-language").value_or(std::string_view()));
    return JsonResponse(200, CheckinListJson(*outcomes, lang));
  }
  return ResultOr(201, service.CheckIn(*ctx.actor, id, c), CheckinJson);
}

Response ListCheckins(EventService& service, Context& ctx, std::int64_t id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = service.ListCheckins(*ctx.actor, id, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const event::Checkin& c : found->items) items.push_back(CheckinJson(c));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

// `base` (optional): the origin of the site the phone pages are served from, which the QR
// code's link starts with ("https://host[:port]"); without it the link is a path.
bool IsOrigin(std::string_view base) {
  const std::size_t scheme = base.starts_with("https://") ? 8 : base.starts_with("http://") ? 7 : 0;
  if (scheme == 0 || base.size() == scheme || base.size() > kMaxBaseChars) return false;
  for (char ch : base.substr(scheme)) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == ':' || ch == '[' ||
                    ch == ']';
    if (!ok) return false;
  }
  return true;
}

Response CheckinCode(EventService& service, Context& ctx, std::int64_t id) {
  const std::string base = QueryText(ctx.request, "base").value_or("");
  if (!base.empty() && !IsOrigin(base)) {
    return ErrorResponse(core::Error::Invalid("base", "must be an http or https origin"));
  }
  auto code = service.CurrentCode(*ctx.actor, id);
  if (!code) return ErrorResponse(code.error());
  const std::string link =
      base + "/m/checkin?event=" + std::to_string(id) + "&token=" + code->token;
  auto matrix = qr::Encode(link);
  return JsonResponse(200, CheckinCodeJson(*code, link, matrix ? qr::Svg(*matrix) : ""));
}

Response MyEvents(EventService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = service.MyEvents(*ctx.actor, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const event::MyEvent& m : found->items) items.push_back(MyEventJson(m));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

}  // namespace

void AddEventRoutes(Router& router, EventService& events) {
  const auto with_id = [&events](auto f) {
    return WithId("id", [&events, f](Context& ctx, std::int64_t id) { return f(events, ctx, id); });
  };
  const auto plain = [&events](auto f) {
    return [&events, f](Context& ctx) { return f(events, ctx); };
  };
  router.Add("GET", "/api/v1/events", plain(ListEvents),
             {.summary = "Events (every logged-in user; drafts only their owners'), latest start "
                         "first (order=start: soonest first); filters status, category, "
                         "region_code (covered), org_id, from, to, q (title)",
              .tag = "events",
              .permission = "event:event:list",
              .response_schema = Serialised(schema::Page(EventSchema(), "events"))});
  router.Add("POST", "/api/v1/events", plain(CreateEvent),
             {.summary = "Create a draft event of an organisation, at an approved booking and/or "
                         "for a project it provides",
              .tag = "events",
              .permission = "event:event:edit",
              .request_schema = Serialised(NewEventSchema()),
              .response_schema = Serialised(EventSchema())});
  router.Add("GET", "/api/v1/events/{id}",
             with_id([](EventService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Get(*ctx.actor, id), EventJson);
             }),
             {.summary = "One event",
              .tag = "events",
              .permission = "event:event:list",
              .response_schema = Serialised(EventSchema())});
  router.Add("PATCH", "/api/v1/events/{id}", with_id(UpdateEvent),
             {.summary = "Change an event's fields (not its organisation, booking or project)",
              .tag = "events",
              .permission = "event:event:edit",
              .request_schema = Serialised(EventPatchSchema()),
              .response_schema = Serialised(EventSchema())});
  router.Add("POST", "/api/v1/events/{id}/transitions", with_id(MoveEvent),
             {.summary = "Publish, cancel or end an event",
              .tag = "events",
              .permission = "event:event:edit",
              .request_schema = Serialised(EventTransitionSchema()),
              .response_schema = Serialised(EventSchema())});
  router.Add("GET", "/api/v1/events/{id}/signups", with_id(ListSignups),
             {.summary = "An event's sign-ups (its owners): confirmed, then the waiting list in "
                         "order; names masked; filter status",
              .tag = "events",
              .permission = "event:signup:list",
              .response_schema = Serialised(schema::Page(SignupSchema(), "sign-ups"))});
  router.Add("POST", "/api/v1/events/{id}/signups", with_id(SignUp),
             {.summary = "Sign a worker up (201 confirmed, or waitlisted with waitlist=true; 409 "
                         "when full or already signed up)",
              .tag = "events",
              .permission = "event:signup:create",
              .request_schema = Serialised(NewSignupSchema()),
              .response_schema = Serialised(SignupSchema())});
  router.Add("DELETE", "/api/v1/events/{id}/signups/{worker_id}",
             WithIds("id", "worker_id",
                     [&events](Context& ctx, std::int64_t id, std::int64_t worker_id) {
                       return ResultOr(200, events.Cancel(*ctx.actor, id, worker_id),
                                       CancellationJson);
                     }),
             {.summary = "Cancel a sign-up; its seat goes to the first on the waiting list",
              .tag = "events",
              .permission = "event:signup:create",
              .response_schema = Serialised(CancellationSchema())});
  router.Add("GET", "/api/v1/events/{id}/checkins", with_id(ListCheckins),
             {.summary = "An event's attendance (its owners; a worker its own), by time; names "
                         "masked",
              .tag = "events",
              .permission = "event:checkin:list",
              .response_schema = Serialised(schema::Page(CheckinSchema(), "check-ins"))});
  router.Add("POST", "/api/v1/events/{id}/checkins", with_id(CheckIn),
             {.summary = "Check in: a worker with the QR code's token or the code (201); an "
                         "officer one worker (201) or a list, worker_ids (200, each reported)",
              .tag = "events",
              .permission = "event:checkin:create",
              .request_schema = Serialised(NewCheckinSchema()),
              .response_schema = Serialised(CheckinSchema())});
  router.Add("GET", "/api/v1/events/{id}/checkin-code", with_id(CheckinCode),
             {.summary = "The rotating check-in code of a published event for the venue's screen, "
                         "with its QR code (SVG); base: the site's origin for the link",
              .tag = "events",
              .permission = "event:event:edit",
              .response_schema = Serialised(CheckinCodeSchema())});
  router.Add("GET", "/api/v1/me/events", plain(MyEvents),
             {.summary = "The calling worker's events: its sign-ups and check-ins, latest first",
              .tag = "events",
              .permission = "event:signup:create",
              .response_schema = Serialised(schema::Page(MyEventSchema(), "events"))});
}

}  // namespace lianyin::http::handlers
