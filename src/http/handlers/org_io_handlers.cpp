// The registry's files: import (CSV or XLSX, raw or multipart), its template and error report,
// and exports with the list filters (CSV streamed page by page, XLSX) — Chinese headers and
// labels (domain/org/org_import_files.hpp), Chinese file names dated in Asia/Shanghai.

#include <boost/json.hpp>

#include "domain/org/org_import.hpp"
#include "domain/org/org_import_files.hpp"
#include "domain/org/org_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/download.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/org_json.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/upload.hpp"
#include "http/json.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::http::handlers {
namespace {

namespace org = domain::org;

constexpr std::int64_t kExportPage = 500;

Response ImportOrgs(org::OrgService& orgs, Context& ctx) {
  std::vector<core::FieldError> errors;
  const bool update = QueryBool(ctx.request, "update_existing", errors).value_or(false);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto rows = ReadUploadedTable(ctx.request);
  if (!rows) return ErrorResponse(rows.error());
  auto result = orgs.Import(*ctx.actor, *rows, update);
  if (!result) return ErrorResponse(result.error());
  return JsonResponse(200, boost::json::object{{"imported", result->imported},
                                               {"updated", result->updated},
                                               {"unchanged", result->unchanged}});
}

// The rows that failed, with their original cells, 行号 and 错误原因 (an XLSX to download).
Response ErrorReport(org::OrgService& orgs, Context& ctx) {
  std::vector<core::FieldError> errors;
  const bool update = QueryBool(ctx.request, "update_existing", errors).value_or(false);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto rows = ReadUploadedTable(ctx.request);
  if (!rows) return ErrorResponse(rows.error());
  auto checked = orgs.Import(*ctx.actor, *rows, update, /*dry_run=*/true);
  if (!checked) errors = checked.error().details;
  return FileResponse(
      org::ErrorReportXlsx(*rows, errors), kXlsxType,
      {"导入错误报告" + DateSuffix() + ".xlsx", "import-errors" + DateSuffix() + ".xlsx"});
}

Response Template(org::OrgService& orgs, Context& ctx) {
  const org::ImportPlaces places = orgs.Places(*ctx.actor);
  const std::string format(ctx.request.Query("format").value_or("xlsx"));
  if (format == "csv") {
    return FileResponse(org::TemplateCsv(places, ctx.actor->unit_id), kCsvType,
                        {"社会组织导入模板.csv", "orgs-template.csv"});
  }
  if (format != "xlsx") return ErrorResponse(core::Error::Invalid("format", "must be csv or xlsx"));
  return FileResponse(org::TemplateXlsx(places, ctx.actor->unit_id), kXlsxType,
                      {"社会组织导入模板.xlsx", "orgs-template.xlsx"});
}

// The next page of a CSV export, until the filter's rows run out.
struct CsvExport {
  org::OrgService& orgs;
  domain::account::Actor actor;
  org::OrgFilter filter;
  org::ImportPlaces places;
  bool started = false;
  bool done = false;

  std::optional<std::string> Next() {
    if (done) return std::nullopt;
    std::string out;
    tabular::CsvWriter csv(&out, {.bom = !started});
    if (!started) csv.Row(org::ImportHeaders(true));
    started = true;
    const std::vector<org::OrgView> page = orgs.Slice(actor, filter, kExportPage);
    for (const org::OrgView& view : page) csv.Row(org::ExportRow(view, places));
    csv.Flush();
    done = static_cast<std::int64_t>(page.size()) < kExportPage;
    if (!page.empty()) filter.before_id = page.back().org.id;
    return out;
  }
};

Response ExportOrgs(org::OrgService& orgs, Context& ctx) {
  auto filter = ReadOrgFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  filter->sort = org::OrgFilter::Sort::kNewest;  // exports walk the registry by id (keyset)
  const std::string format(ctx.request.Query("format").value_or("csv"));
  if (format != "csv" && format != "xlsx") {
    return ErrorResponse(core::Error::Invalid("format", "must be csv or xlsx"));
  }
  const std::string base = "社会组织名录" + DateSuffix();
  const std::string fallback = "orgs" + DateSuffix();
  org::ImportPlaces places = orgs.Places(*ctx.actor);
  if (format == "csv") {
    auto state =
        std::make_shared<CsvExport>(CsvExport{orgs, *ctx.actor, *filter, std::move(places)});
    Response r;
    r.content_type = kCsvType;
    r.SetHeader("Content-Disposition", Disposition({base + ".csv", fallback + ".csv"}));
    r.stream = [state] { return state->Next(); };
    return r;
  }
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("社会组织", {28, 22, 26, 22, 24, 12, 16, 12, 30, 36, 12, 10, 10});
  xlsx.Row(org::ImportHeaders(true), tabular::RowStyle::kHeader);
  for (org::OrgFilter f = *filter;;) {
    const std::vector<org::OrgView> page = orgs.Slice(*ctx.actor, f, kExportPage);
    for (const org::OrgView& view : page) xlsx.Row(org::ExportRow(view, places));
    if (static_cast<std::int64_t>(page.size()) < kExportPage) break;
    f.before_id = page.back().org.id;
  }
  return FileResponse(xlsx.Finish(), kXlsxType, {base + ".xlsx", fallback + ".xlsx"});
}

}  // namespace

void AddOrgIoRoutes(Router& router, org::OrgService& orgs) {
  router.Add("POST", "/api/v1/orgs/import", [&orgs](Context& ctx) { return ImportOrgs(orgs, ctx); },
             {.summary = "Import organisations from CSV (UTF-8/GB18030) or XLSX, all or nothing",
              .tag = "orgs",
              .permission = "org:org:create",
              .large_body = true});
  router.Add("POST", "/api/v1/orgs/import/report",
             [&orgs](Context& ctx) { return ErrorReport(orgs, ctx); },
             {.summary = "The failing rows of an import file as an XLSX (行号, 错误原因)",
              .tag = "orgs",
              .permission = "org:org:create",
              .large_body = true});
  router.Add("GET", "/api/v1/orgs/import/template",
             [&orgs](Context& ctx) { return Template(orgs, ctx); },
             {.summary = "The import template (format=xlsx|csv) with instructions and drop-downs",
              .tag = "orgs",
              .permission = "org:org:create"});
  router.Add("GET", "/api/v1/orgs/export", [&orgs](Context& ctx) { return ExportOrgs(orgs, ctx); },
             {.summary = "Export the filtered list (format=csv streamed | xlsx)",
              .tag = "orgs",
              .permission = "org:org:list"});
}

}  // namespace lianyin::http::handlers
