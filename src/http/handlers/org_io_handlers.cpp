// The registry's files: import (CSV or XLSX, raw or multipart), its template and error report,
// and exports with the list filters (CSV streamed page by page, XLSX).

#include <boost/json.hpp>

#include "domain/org/org_import.hpp"
#include "domain/org/org_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/org_json.hpp"
#include "http/handlers/query.hpp"
#include "http/json.hpp"
#include "tabular/csv.hpp"
#include "tabular/multipart.hpp"
#include "tabular/table_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::http::handlers {
namespace {

namespace org = domain::org;

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::int64_t kExportPage = 500;

// The uploaded table as rows of text: the raw body, or the `file` part of multipart/form-data.
core::Result<std::vector<std::vector<std::string>>> ReadTable(const Request& request) {
  std::string_view bytes = request.body;
  std::string content_type(request.Header("content-type").value_or(""));
  if (content_type.starts_with("multipart/form-data")) {
    auto part = tabular::FindPart(request.body, content_type, "file");
    if (!part) return part.error();
    bytes = part->data;
    content_type = part->content_type;
  }
  auto table = tabular::OpenTable(bytes, content_type);
  if (!table) return table.error();
  std::vector<std::vector<std::string>> rows;
  while (auto row = (*table)->Next()) rows.push_back(std::move(*row));
  if (auto error = (*table)->error()) return *error;
  return rows;
}

std::vector<std::string> ExportRow(const org::OrgView& view) {
  const org::Org& o = view.org;
  std::string categories;
  for (const std::string& c : o.service_categories) categories += (categories.empty() ? "" : ";") + c;
  const auto own = [&](const std::string& v) { return view.full ? v : std::string(); };
  return {o.name, o.uscc, o.org_type, o.region_code, std::to_string(o.registration_unit_id),
          own(o.legal_rep), own(o.phone), own(o.founded_on), own(o.business_scope), categories,
          o.labour_field ? "true" : "false", std::string(org::OrgStatusName(o.status)),
          o.grade.value_or("")};
}

std::vector<std::string> ExportHeader() {
  std::vector<std::string> header = org::ImportColumns();
  header.push_back("grade");
  return header;
}

Response File(std::string body, const std::string& type, const std::string& name) {
  Response r;
  r.content_type = type;
  r.body = std::move(body);
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

Response ImportOrgs(org::OrgService& orgs, Context& ctx) {
  std::vector<core::FieldError> errors;
  const bool update = QueryBool(ctx.request, "update_existing", errors).value_or(false);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto rows = ReadTable(ctx.request);
  if (!rows) return ErrorResponse(rows.error());
  auto result = orgs.Import(*ctx.actor, *rows, update);
  if (!result) return ErrorResponse(result.error());
  return JsonResponse(200, boost::json::object{{"imported", result->imported},
                                               {"updated", result->updated}});
}

// The rows that failed, with their original cells, 行号 and 错误原因 (an XLSX to download).
Response ErrorReport(org::OrgService& orgs, Context& ctx) {
  auto rows = ReadTable(ctx.request);
  if (!rows) return ErrorResponse(rows.error());
  auto checked = orgs.Import(*ctx.actor, *rows, false, /*dry_run=*/true);
  std::map<std::int64_t, std::string> reasons;
  if (!checked) {
    const core::Error why = checked.error();  // error() returns a copy: keep it alive
    for (const core::FieldError& e : why.details) {
      std::string& text = reasons[e.row.value_or(1)];
      text += (text.empty() ? "" : "；") + e.field + ": " + e.message;
    }
  }
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("错误报告", {});
  std::vector<std::string> header = rows->empty() ? std::vector<std::string>{} : (*rows)[0];
  header.insert(header.end(), {"行号", "错误原因"});
  xlsx.Row(header, tabular::RowStyle::kHeader);
  for (const auto& [row, reason] : reasons) {
    std::vector<std::string> cells =
        row >= 1 && row <= static_cast<std::int64_t>(rows->size()) ? (*rows)[row - 1]
                                                                      : std::vector<std::string>{};
    cells.resize(header.size() - 2);
    cells.push_back(std::to_string(row));
    cells.push_back(reason);
    xlsx.Row(cells);
  }
  return File(xlsx.Finish(), kXlsxType, "import-errors.xlsx");
}

Response Template(Context& ctx) {
  const std::vector<std::string> example = {
      "西安市职工服务中心", "52610100MJ0000001W", "social_service", "610100", "",
      "王伟",              "13912345678",        "2015-06-01",    "职工技能培训",
      "skills;health",     "是",                 "registered"};
  if (ctx.request.Query("format").value_or("xlsx") == "csv") {
    std::string out;
    tabular::CsvWriter csv(&out);
    csv.Row(org::ImportColumns());
    csv.Row(example);
    csv.Flush();
    return File(std::move(out), "text/csv; charset=utf-8", "orgs-template.csv");
  }
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("社会组织", {});
  xlsx.Row(org::ImportColumns(), tabular::RowStyle::kHeader);
  xlsx.Row(example);
  return File(xlsx.Finish(), kXlsxType, "orgs-template.xlsx");
}

}  // namespace

namespace {

// The next page of a CSV export, until the filter's rows run out.
struct CsvExport {
  org::OrgService& orgs;
  domain::account::Actor actor;
  org::OrgFilter filter;
  bool started = false;
  bool done = false;

  std::optional<std::string> Next() {
    if (done) return std::nullopt;
    std::string out;
    tabular::CsvWriter csv(&out, {.bom = !started});
    if (!started) csv.Row(ExportHeader());
    started = true;
    const std::vector<org::OrgView> page = orgs.Slice(actor, filter, kExportPage);
    for (const org::OrgView& view : page) csv.Row(ExportRow(view));
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
  if (format == "csv") {
    auto state = std::make_shared<CsvExport>(CsvExport{orgs, *ctx.actor, *filter});
    Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.SetHeader("Content-Disposition", "attachment; filename=\"orgs.csv\"");
    r.stream = [state] { return state->Next(); };
    return r;
  }
  if (format != "xlsx") return ErrorResponse(core::Error::Invalid("format", "must be csv or xlsx"));
  tabular::XlsxWriter xlsx;
  xlsx.AddSheet("社会组织", {});
  xlsx.Row(ExportHeader(), tabular::RowStyle::kHeader);
  for (org::OrgFilter f = *filter;;) {
    const std::vector<org::OrgView> page = orgs.Slice(*ctx.actor, f, kExportPage);
    for (const org::OrgView& view : page) xlsx.Row(ExportRow(view));
    if (static_cast<std::int64_t>(page.size()) < kExportPage) break;
    f.before_id = page.back().org.id;
  }
  return File(xlsx.Finish(), kXlsxType, "orgs.xlsx");
}

}  // namespace

void AddOrgIoRoutes(Router& router, org::OrgService& orgs) {
  router.Add("POST", "/api/v1/orgs/import", [&orgs](Context& ctx) { return ImportOrgs(orgs, ctx); },
             {.summary = "Import organisations from CSV (UTF-8/GB18030) or XLSX, all or nothing",
              .tag = "orgs", .permission = "org:org:create", .large_body = true});
  router.Add("POST", "/api/v1/orgs/import/report",
             [&orgs](Context& ctx) { return ErrorReport(orgs, ctx); },
             {.summary = "The failing rows of an import file as an XLSX (行号, 错误原因)",
              .tag = "orgs", .permission = "org:org:create", .large_body = true});
  router.Add("GET", "/api/v1/orgs/import/template", [](Context& ctx) { return Template(ctx); },
             {.summary = "The import template (format=xlsx|csv)", .tag = "orgs",
              .permission = "org:org:create"});
  router.Add("GET", "/api/v1/orgs/export", [&orgs](Context& ctx) { return ExportOrgs(orgs, ctx); },
             {.summary = "Export the filtered list (format=csv streamed | xlsx)", .tag = "orgs",
              .permission = "org:org:list"});
}

}  // namespace lianyin::http::handlers
