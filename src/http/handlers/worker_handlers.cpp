// Routes of workers (docs/api.md "Workers (issue #11)"): the roster in scope, its import and
// template, its export (masked, Chinese headers and labels), the PIPL deletion, a worker's first
// activation and its own profile.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/date.hpp"
#include "domain/worker/worker_import.hpp"
#include "domain/worker/worker_rules.hpp"
#include "domain/worker/worker_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/download.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/json_schema.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/upload.hpp"
#include "http/handlers/with_id.hpp"
#include "http/handlers/worker_json.hpp"
#include "http/json.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::http::handlers {
namespace {

namespace worker = domain::worker;
namespace account = domain::account;
namespace json = boost::json;
using worker::WorkerService;

constexpr std::size_t kPhoneChars = 30;      // "+86 139-1234-5678"
constexpr std::size_t kIdNumberChars = 30;   // 18 and blanks
constexpr std::size_t kPasswordChars = 128;  // as the login route
constexpr std::int64_t kExportPage = 500;

std::string Serialised(const json::object& schema) { return json::serialize(schema); }

core::Result<void> Checked(const core::Result<worker::CleanWorker>& r) {
  if (!r) return r.error();
  return {};
}

core::Result<worker::WorkerFilter> ReadFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  worker::WorkerFilter f;
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  f.region_code = QueryText(request, "region_code", 6, errors);
  f.group = QueryText(request, "group", 40, errors);
  f.phone = QueryText(request, "phone", kPhoneChars, errors);
  f.id_number = QueryText(request, "id_number", kIdNumberChars, errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

Response ListWorkers(WorkerService& service, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = service.List(*ctx.actor, *filter, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  json::array items;
  for (const worker::Worker& w : found->items) items.push_back(WorkerJson(w));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

Response CreateWorker(WorkerService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  worker::NewWorker w;
  w.name = in.String("name", worker::kMaxNameChars);
  w.phone = in.String("phone", kPhoneChars);
  w.id_number = in.OptString("id_number", kIdNumberChars);
  w.employer = in.OptString("employer", worker::kMaxEmployerChars);
  w.region_code = in.String("region_code", 6);
  w.groups = in.StringArray("groups", 40);
  w.unit_id = in.OptInt64("unit_id");
  if (!in.ok()) {
    return FormInvalid(in, Checked(worker::NormaliseWorker(w, core::LocalDate(core::Now()))));
  }
  return ResultOr(201, service.Create(*ctx.actor, w), WorkerJson);
}

// Present members of a PATCH body: id_number and employer may be null or empty (clear).
worker::WorkerPatch ReadPatch(const json::object& body, FieldReader& in) {
  worker::WorkerPatch p;
  if (in.Has("name")) p.name = in.String("name", worker::kMaxNameChars);
  if (in.Has("phone")) p.phone = in.String("phone", kPhoneChars);
  if (body.contains("id_number")) p.id_number = in.OptString("id_number", kIdNumberChars);
  if (body.contains("employer")) p.employer = in.OptString("employer", worker::kMaxEmployerChars);
  if (in.Has("region_code")) p.region_code = in.String("region_code", 6);
  if (in.Has("groups")) p.groups = in.StringArray("groups", 40);
  return p;
}

Response UpdateWorker(WorkerService& service, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  worker::WorkerPatch p = ReadPatch(*body, in);
  if (body->contains("unit_id")) in.Fail("unit_id", "cannot be changed");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.Update(*ctx.actor, id, p), WorkerJson);
}

Response UpdateMe(WorkerService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  worker::SelfPatch p;
  if (body->contains("employer")) p.employer = in.OptString("employer", worker::kMaxEmployerChars);
  if (in.Has("region_code")) p.region_code = in.String("region_code", 6);
  if (in.Has("groups")) p.groups = in.StringArray("groups", 40);
  for (const char* field : {"name", "phone", "id_number", "unit_id"}) {
    if (body->contains(field)) in.Fail(field, "cannot be changed here");
  }
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, service.UpdateMe(*ctx.actor, p), WorkerJson);
}

Response Import(WorkerService& service, Context& ctx) {
  auto rows = ReadUploadedTable(ctx.request);
  if (!rows) return ErrorResponse(rows.error());
  auto result = service.Import(*ctx.actor, *rows);
  if (!result) return ErrorResponse(result.error());
  return JsonResponse(200, json::object{{"imported", result->imported}});
}

Response Template(Context& ctx) {
  const std::string format(ctx.request.Query("format").value_or("xlsx"));
  if (format == "csv") {
    return FileResponse(worker::TemplateCsv(), kCsvType,
                        {"职工名册导入模板.csv", "workers-template.csv"});
  }
  if (format != "xlsx") return ErrorResponse(core::Error::Invalid("format", "must be csv or xlsx"));
  return FileResponse(worker::TemplateXlsx(), kXlsxType,
                      {"职工名册导入模板.xlsx", "workers-template.xlsx"});
}

// The pages of a CSV export, one query each, until the filter's workers run out; the filter was
// checked by the first page's read (before answering), so later reads fail on nothing.
struct CsvExport {
  WorkerService& workers;
  account::Actor actor;
  worker::WorkerFilter filter;
  domain::org::ImportPlaces places;
  std::vector<worker::Worker> page;  // the next page to write
  bool started = false;
  bool done = false;

  std::optional<std::string> Next() {
    if (done) return std::nullopt;
    std::string out;
    tabular::CsvWriter csv(&out, {.bom = !started});
    if (!started) csv.Row(worker::ExportHeaders());
    started = true;
    for (const worker::Worker& w : page) csv.Row(worker::ExportRow(w, places));
    csv.Flush();
    if (static_cast<std::int64_t>(page.size()) < kExportPage) {
      done = true;
    } else {
      filter.after_id = page.back().id;
      auto next = workers.Slice(actor, filter, kExportPage);
      page = next ? std::move(*next) : std::vector<worker::Worker>();
      done = page.empty();
    }
    return out;
  }
};

Response ExportWorkers(WorkerService& service, Context& ctx) {
  auto filter = ReadFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  const std::string format(ctx.request.Query("format").value_or("csv"));
  if (format != "csv" && format != "xlsx") {
    return ErrorResponse(core::Error::Invalid("format", "must be csv or xlsx"));
  }
  const FileName csv_name{"职工名册" + DateSuffix() + ".csv", "workers" + DateSuffix() + ".csv"};
  const FileName xlsx_name{"职工名册" + DateSuffix() + ".xlsx", "workers" + DateSuffix() + ".xlsx"};
  if (format == "csv") {
    auto first = service.Slice(*ctx.actor, *filter, kExportPage);
    if (!first) return ErrorResponse(first.error());
    auto state = std::make_shared<CsvExport>(
        CsvExport{service, *ctx.actor, *filter, service.Places(), std::move(*first)});
    Response r;
    r.content_type = kCsvType;
    r.SetHeader("Content-Disposition", Disposition(csv_name));
    r.stream = [state] { return state->Next(); };
    return r;
  }
  auto count = service.Count(*ctx.actor, *filter);
  if (!count) return ErrorResponse(count.error());
  if (*count > WorkerService::kMaxXlsxExportRows) {
    return ErrorResponse(core::Error::Invalid(
        "format",
        fmt::format("an XLSX export holds at most {} workers: narrow the filters or export CSV",
                    WorkerService::kMaxXlsxExportRows)));
  }
  const domain::org::ImportPlaces places = service.Places();
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("职工名册", {12, 16, 22, 26, 24, 28, 20, 12});
  xlsx.Row(worker::ExportHeaders(), tabular::RowStyle::kHeader);
  for (worker::WorkerFilter f = *filter;;) {
    auto page = service.Slice(*ctx.actor, f, kExportPage);
    if (!page) return ErrorResponse(page.error());
    for (const worker::Worker& w : *page) xlsx.Row(worker::ExportRow(w, places));
    if (static_cast<std::int64_t>(page->size()) < kExportPage) break;
    f.after_id = page->back().id;
  }
  return FileResponse(xlsx.Finish(), kXlsxType, xlsx_name);
}

account::ClientInfo Client(const Request& request) {
  return {request.remote_ip, std::string(request.Header("user-agent").value_or("").substr(0, 512)),
          request.request_id};
}

Response Activate(WorkerService& service, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  worker::Activation a;
  a.name = in.String("name", worker::kMaxNameChars);
  a.id_number = in.String("id_number", kIdNumberChars);
  a.phone = in.String("phone", kPhoneChars);
  a.password = in.String("password", kPasswordChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, service.Activate(a, Client(ctx.request)), ActivatedJson);
}

}  // namespace

void AddWorkerRoutes(Router& router, WorkerService& workers) {
  const auto with_id = [&workers](auto f) {
    return WithId("id",
                  [&workers, f](Context& ctx, std::int64_t id) { return f(workers, ctx, id); });
  };
  const auto plain = [&workers](auto f) {
    return [&workers, f](Context& ctx) { return f(workers, ctx); };
  };
  router.Add("GET", "/api/v1/workers", plain(ListWorkers),
             {.summary = "Workers of units in scope, by id; filters q (part of the name), "
                         "region_code (covered), group, and exact phone / id_number (through "
                         "the blind index; both only ever returned masked)",
              .tag = "workers",
              .permission = "system:worker:list",
              .response_schema = Serialised(schema::Page(WorkerSchema(), "workers"))});
  router.Add("POST", "/api/v1/workers", plain(CreateWorker),
             {.summary = "Register a worker (409 when a live worker has the phone)",
              .tag = "workers",
              .permission = "system:worker:edit",
              .request_schema = Serialised(NewWorkerSchema()),
              .response_schema = Serialised(WorkerSchema())});
  router.Add("POST", "/api/v1/workers/import", plain(Import),
             {.summary = "Import a roster from CSV (UTF-8/GB18030) or XLSX with Chinese headers, "
                         "all or nothing (422 lists {row, field, message})",
              .tag = "workers",
              .permission = "system:worker:import",
              .large_body = true,
              .response_schema = Serialised(ImportedSchema())});
  router.Add("GET", "/api/v1/workers/import/template", [](Context& ctx) { return Template(ctx); },
             {.summary = "The roster template (format=xlsx|csv) with the Chinese headers",
              .tag = "workers",
              .permission = "system:worker:import"});
  router.Add("GET", "/api/v1/workers/export", plain(ExportWorkers),
             {.summary = "Export the roster with the list filters (format=csv streamed | xlsx): "
                         "Chinese headers and labels, phone and ID number masked",
              .tag = "workers",
              .permission = "system:worker:list"});
  router.Add("GET", "/api/v1/workers/{id}",
             with_id([](WorkerService& s, Context& ctx, std::int64_t id) {
               return ResultOr(200, s.Get(*ctx.actor, id), WorkerJson);
             }),
             {.summary = "One worker (masked)",
              .tag = "workers",
              .permission = "system:worker:list",
              .response_schema = Serialised(WorkerSchema())});
  router.Add("PATCH", "/api/v1/workers/{id}", with_id(UpdateWorker),
             {.summary = "Change a worker's fields (not its unit; empty id_number/employer clear)",
              .tag = "workers",
              .permission = "system:worker:edit",
              .request_schema = Serialised(WorkerPatchSchema()),
              .response_schema = Serialised(WorkerSchema())});
  router.Add("DELETE", "/api/v1/workers/{id}",
             with_id([](WorkerService& s, Context& ctx, std::int64_t id) {
               return EmptyOr(s.Delete(*ctx.actor, id));
             }),
             {.summary = "PIPL deletion: remove the worker's personal fields, keep the anonymous "
                         "row for counts, disable its account",
              .tag = "workers",
              .permission = "system:worker:delete"});
  router.Add("POST", "/api/v1/auth/activate", plain(Activate),
             {.summary = "A worker's first sign-in: name, ID number and phone as on the roster "
                         "and a new password → its account (then log in with phone + password)",
              .tag = "auth",
              .requires_auth = false,
              .request_schema = Serialised(ActivationSchema()),
              .response_schema = Serialised(ActivatedSchema())});
  router.Add("GET", "/api/v1/me/worker", plain([](WorkerService& s, Context& ctx) {
               return ResultOr(200, s.Me(*ctx.actor), WorkerJson);
             }),
             {.summary = "The logged-in worker's own profile (masked); 404 for other accounts",
              .tag = "workers",
              .response_schema = Serialised(WorkerSchema())});
  router.Add("PATCH", "/api/v1/me/worker", plain(UpdateMe),
             {.summary = "A worker changes its own employer, region and groups",
              .tag = "workers",
              .request_schema = Serialised(SelfPatchSchema()),
              .response_schema = Serialised(WorkerSchema())});
}

}  // namespace lianyin::http::handlers
