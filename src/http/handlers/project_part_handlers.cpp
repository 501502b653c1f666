// Routes of a project's parts: outputs and reversals, milestones, payments and documents
// (docs/api.md "Service projects").

#include <boost/json.hpp>

#include "domain/project/project_rules.hpp"
#include "domain/project/project_service.hpp"
#include "http/handlers/download.hpp"
#include "http/handlers/project_json.hpp"
#include "http/handlers/project_routes.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "tabular/multipart.hpp"

namespace lianyin::http::handlers {
namespace {

namespace project = domain::project;
namespace json = boost::json;

using Service = project::ProjectService;

// Calls f(service, ctx, id, part_id) with the project id and the part's id (`part` in the
// path), or answers 404 for a malformed one.
template <class F>
RouteHandler WithPart(Service& s, const char* part, F f) {
  return WithIds("id", part, [&s, f](Context& ctx, std::int64_t id, std::int64_t part_id) {
    return f(s, ctx, id, part_id);
  });
}

// The figures of an output in `in` (fields prefixed by the reader's own object).
project::NewOutput ReadOutput(FieldReader& in) {
  project::NewOutput o;
  o.on = in.Date("on");
  o.person_times = in.Int64("person_times");
  o.events = in.OptInt64("events").value_or(0);
  o.spent_fen = in.OptInt64("spent_fen").value_or(0);
  o.note = in.OptString("note", project::kMaxNoteChars);
  return o;
}

Response AddOutput(Service& s, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const project::NewOutput output = ReadOutput(in);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, s.AddOutput(*ctx.actor, id, output), OutputJson);
}

Response Reverse(Service& s, Context& ctx, std::int64_t id, std::int64_t output_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::Reversal reversal;
  reversal.reason = in.String("reason", project::kMaxReasonChars);
  std::vector<core::FieldError> errors = in.errors();
  if (const json::value* r = body->if_contains("replacement"); r && !r->is_null()) {
    if (!r->is_object()) {
      errors.push_back({"replacement", "must be an object", {}});
    } else {
      FieldReader nested(r->as_object());
      reversal.replacement = ReadOutput(nested);
      for (core::FieldError e : nested.errors()) {
        e.field = "replacement." + e.field;
        errors.push_back(std::move(e));
      }
    }
  }
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto done = s.Reverse(*ctx.actor, id, output_id, reversal);
  if (!done) return ErrorResponse(done.error());
  return JsonResponse(
      201,
      json::object{{"reversal", OutputJson(done->reversal)},
                   {"replacement",
                    done->replacement ? json::value(OutputJson(*done->replacement)) : nullptr}});
}

Response ListOutputs(Service& s, Context& ctx, std::int64_t id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = s.Outputs(*ctx.actor, id, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const project::Output& o : found->items) items.push_back(OutputJson(o));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

template <class T, class ToJson>
Response Items(const core::Result<std::vector<T>>& r, ToJson to_json) {
  if (!r) return ErrorResponse(r.error());
  json::array items;
  for (const T& item : *r) items.push_back(to_json(item));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

// A nullable string member that is present: its value (null → nullopt).
std::optional<std::optional<std::string>> Nullable(const json::object& body, FieldReader& in,
                                                   const char* name, bool date,
                                                   std::size_t max_chars) {
  if (!body.contains(name)) return std::nullopt;
  return date ? in.OptDate(name) : in.OptString(name, max_chars);
}

Response AddMilestone(Service& s, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::Milestone m;
  m.title = in.String("title", project::kMaxTitleChars);
  m.due_on = in.Date("due_on");
  m.done_on = in.OptDate("done_on");
  m.note = in.OptString("note", project::kMaxNoteChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, s.AddMilestone(*ctx.actor, id, m), MilestoneJson);
}

Response UpdateMilestone(Service& s, Context& ctx, std::int64_t id, std::int64_t milestone_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::MilestonePatch p;
  if (in.Has("title")) p.title = in.String("title", project::kMaxTitleChars);
  if (in.Has("due_on")) p.due_on = in.Date("due_on");
  p.done_on = Nullable(*body, in, "done_on", true, 0);
  p.note = Nullable(*body, in, "note", false, project::kMaxNoteChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, s.UpdateMilestone(*ctx.actor, id, milestone_id, p), MilestoneJson);
}

Response ListPayments(Service& s, Context& ctx, std::int64_t id) {
  auto schedule = s.Payments(*ctx.actor, id);
  if (!schedule) return ErrorResponse(schedule.error());
  json::array items;
  for (const project::Payment& p : schedule->items) items.push_back(PaymentJson(p));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"scheduled_fen", schedule->scheduled_fen},
                                        {"limit_fen", schedule->limit_fen}});
}

Response AddPayment(Service& s, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::Payment p;
  p.due_on = in.Date("due_on");
  p.amount_fen = in.Int64("amount_fen");
  p.paid_on = in.OptDate("paid_on");
  p.note = in.OptString("note", project::kMaxNoteChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, s.AddPayment(*ctx.actor, id, p), PaymentJson);
}

Response UpdatePayment(Service& s, Context& ctx, std::int64_t id, std::int64_t payment_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  project::PaymentPatch p;
  if (in.Has("due_on")) p.due_on = in.Date("due_on");
  if (in.Has("amount_fen")) p.amount_fen = in.Int64("amount_fen");
  p.paid_on = Nullable(*body, in, "paid_on", true, 0);
  p.note = Nullable(*body, in, "note", false, project::kMaxNoteChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, s.UpdatePayment(*ctx.actor, id, payment_id, p), PaymentJson);
}

// The uploaded document: the `file` part of multipart/form-data (its file name unless
// ?file_name= names one), or the raw body with ?file_name=.
Response Upload(Service& s, Context& ctx, std::int64_t id) {
  const Request& request = ctx.request;
  const std::string kind = QueryText(request, "kind").value_or("other");
  std::string file_name = QueryText(request, "file_name").value_or("");
  std::string content;
  const std::string content_type(request.Header("content-type").value_or(""));
  if (content_type.rfind("multipart/form-data", 0) == 0) {
    auto part = tabular::FindPart(request.body, content_type, "file");
    if (!part) return ErrorResponse(core::Error::Invalid("file", part.error().message));
    if (file_name.empty()) file_name = part->filename;
    content.assign(part->data);
  } else {
    content = request.body;
  }
  return ResultOr(201, s.AddDocument(*ctx.actor, id, kind, file_name, content), DocumentJson);
}

Response Download(Service& s, Context& ctx, std::int64_t id, std::int64_t document_id) {
  auto file = s.Download(*ctx.actor, id, document_id);
  if (!file) return ErrorResponse(file.error());
  Response r;
  r.content_type = file->document.media_type;
  r.body = std::move(file->content);
  const std::string& name = file->document.file_name;
  const auto dot = name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  r.SetHeader("Content-Disposition",
              Disposition({name, "document-" + std::to_string(document_id) + ext}));
  r.SetHeader("X-Content-SHA256", file->document.sha256);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace

void AddProjectPartRoutes(Router& router, Service& projects) {
  const auto with_id = [&projects](auto f) {
    return WithId("id",
                  [&projects, f](Context& ctx, std::int64_t id) { return f(projects, ctx, id); });
  };
  const char* tag = "projects";
  router.Add("GET", "/api/v1/projects/{id}/outputs", with_id(ListOutputs),
             {.summary = "The project's outputs, newest first",
              .tag = tag,
              .permission = "project:project:list"});
  router.Add("POST", "/api/v1/projects/{id}/outputs", with_id(AddOutput),
             {.summary = "Report an output (dated person-times, events, money spent)",
              .tag = tag,
              .permission = "project:output:create"});
  router.Add("POST", "/api/v1/projects/{id}/outputs/{output_id}/reverse",
             WithPart(projects, "output_id", Reverse),
             {.summary = "Correct an output: a reversal and, optionally, its replacement",
              .tag = tag,
              .permission = "project:output:create"});
  router.Add("GET", "/api/v1/projects/{id}/milestones",
             with_id([](Service& s, Context& ctx, std::int64_t id) {
               return Items(s.Milestones(*ctx.actor, id), MilestoneJson);
             }),
             {.summary = "The project's milestones by due date",
              .tag = tag,
              .permission = "project:project:list"});
  router.Add("POST", "/api/v1/projects/{id}/milestones", with_id(AddMilestone),
             {.summary = "Add a milestone", .tag = tag, .permission = "project:project:edit"});
  router.Add("PATCH", "/api/v1/projects/{id}/milestones/{milestone_id}",
             WithPart(projects, "milestone_id", UpdateMilestone),
             {.summary = "Change a milestone (done_on marks it done; null reopens it)",
              .tag = tag,
              .permission = "project:project:edit"});
  router.Add("DELETE", "/api/v1/projects/{id}/milestones/{milestone_id}",
             WithPart(projects, "milestone_id",
                      [](Service& s, Context& ctx, std::int64_t id, std::int64_t part) {
                        return EmptyOr(s.DeleteMilestone(*ctx.actor, id, part));
                      }),
             {.summary = "Delete a milestone", .tag = tag, .permission = "project:project:edit"});
  router.Add("GET", "/api/v1/projects/{id}/payments", with_id(ListPayments),
             {.summary = "The payment schedule with its sum and limit",
              .tag = tag,
              .permission = "project:project:list"});
  router.Add("POST", "/api/v1/projects/{id}/payments", with_id(AddPayment),
             {.summary = "Add a payment to the schedule (within the contract)",
              .tag = tag,
              .permission = "project:project:edit"});
  router.Add("PATCH", "/api/v1/projects/{id}/payments/{payment_id}",
             WithPart(projects, "payment_id", UpdatePayment),
             {.summary = "Change a payment (paid_on marks it paid)",
              .tag = tag,
              .permission = "project:project:edit"});
  router.Add("DELETE", "/api/v1/projects/{id}/payments/{payment_id}",
             WithPart(projects, "payment_id",
                      [](Service& s, Context& ctx, std::int64_t id, std::int64_t part) {
                        return EmptyOr(s.DeletePayment(*ctx.actor, id, part));
                      }),
             {.summary = "Delete a payment from the schedule",
              .tag = tag,
              .permission = "project:project:edit"});
  router.Add(
      "GET", "/api/v1/projects/{id}/documents",
      with_id([](Service& s, Context& ctx, std::int64_t id) {
        return Items(s.Documents(*ctx.actor, id), DocumentJson);
      }),
      {.summary = "The project's documents", .tag = tag, .permission = "project:project:list"});
  router.Add("POST", "/api/v1/projects/{id}/documents", with_id(Upload),
             {.summary = "Attach a document (multipart part `file`, or the raw body with "
                         "?file_name=); ?kind=call|contract|acceptance|other",
              .tag = tag,
              .permission = "project:document:create",
              .large_body = true});
  router.Add("GET", "/api/v1/projects/{id}/documents/{document_id}",
             WithPart(projects, "document_id", Download),
             {.summary = "Download a document (X-Content-SHA256 carries its hash)",
              .tag = tag,
              .permission = "project:project:list"});
  router.Add("DELETE", "/api/v1/projects/{id}/documents/{document_id}",
             WithPart(projects, "document_id",
                      [](Service& s, Context& ctx, std::int64_t id, std::int64_t part) {
                        return EmptyOr(s.DeleteDocument(*ctx.actor, id, part));
                      }),
             {.summary = "Delete a document", .tag = tag, .permission = "project:project:edit"});
}

}  // namespace lianyin::http::handlers
