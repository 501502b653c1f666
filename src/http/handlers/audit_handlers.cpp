#include <boost/json.hpp>
#include <charconv>
#include <vector>

#include "domain/account/scope.hpp"
#include "domain/audit/audit_rules.hpp"
#include "domain/audit/audit_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace audit = domain::audit;

std::optional<std::string> QueryString(const Request& request, std::string_view name) {
  auto value = request.Query(name);
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

// The list filters of docs/api.md "Audit"; every bad one is recorded in `errors`.
audit::AuditFilter ReadFilter(const Request& request, std::vector<core::FieldError>& errors) {
  audit::AuditFilter filter{QueryString(request, "entity"),
                            QueryString(request, "entity_id"),
                            std::nullopt,
                            QueryString(request, "action"),
                            std::nullopt,
                            QueryString(request, "from"),
                            QueryString(request, "to"),
                            std::nullopt};
  if (auto actor = request.Query("actor_user_id")) {
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(actor->data(), actor->data() + actor->size(), id);
    if (ec == std::errc() && ptr == actor->data() + actor->size() && id > 0) {
      filter.actor_user_id = id;
    } else {
      errors.push_back({"actor_user_id", "must be a positive integer", std::nullopt});
    }
  }
  filter.before_id = QueryId(request, "before_id", errors);
  if (auto outcome = request.Query("outcome")) {
    filter.outcome = audit::ParseOutcome(*outcome);
    if (!filter.outcome) {
      errors.push_back({"outcome", "must be one of success, failure, denied", std::nullopt});
    }
  }
  return filter;
}

// The hashed entry object (same keys, same values) plus its hash.
boost::json::object ItemJson(const audit::AuditEntry& entry) {
  boost::json::object item = audit::EntryJson(entry);
  item["hash"] = entry.hash;
  return item;
}

Response ListAudit(audit::AuditService& service, Context& ctx) {
  std::vector<core::FieldError> errors;
  auto page = ParseListParams(ctx.request);
  if (!page) errors = page.error().details;
  audit::AuditFilter filter = ReadFilter(ctx.request, errors);
  if (!errors.empty()) {
    // Report the date bounds in the same 422 (the service would check them next).
    if (auto range = audit::ParseAtRange(filter.from, filter.to); !range) {
      const core::Error why = range.error();  // error() returns a copy: keep it alive
      errors.insert(errors.end(), why.details.begin(), why.details.end());
    }
    return ErrorResponse(core::Error::Invalid(std::move(errors)));
  }
  auto result =
      service.List(domain::account::ScopeOf(*ctx.actor), filter, page->page, page->page_size);
  if (!result) return ErrorResponse(result.error());
  boost::json::array items;
  for (const audit::AuditEntry& entry : result->items) items.push_back(ItemJson(entry));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), result->total, page->page, page->page_size));
}

}  // namespace

void AddAuditRoutes(Router& router, audit::AuditService& service) {
  router.Add("GET", "/api/v1/audit", [&service](Context& ctx) { return ListAudit(service, ctx); },
             {.summary = "Audit entries about records in the caller's scope (all at the platform "
                         "level), newest first, personal data masked: filters entity, entity_id, "
                         "actor_user_id, action, outcome, from, to (dates or date-times, "
                         "inclusive), before_id (keyset paging)",
              .tag = "audit",
              .permission = "system:audit:list"});
  router.Add("GET", "/api/v1/audit/verify",
             [&service](Context& ctx) {
               // The chain is the whole deployment's: verified at the platform level.
               if (!ctx.actor->platform_level) {
                 return ErrorResponse(domain::common::PlatformLevelOnly());
               }
               const audit::VerifyReport report = service.Verify();
               boost::json::object o{{"ok", report.ok}, {"entries", report.entries}};
               if (report.first_bad_id) o["first_bad_id"] = *report.first_bad_id;
               return JsonResponse(200, o);
             },
             {.summary = "Re-hash the audit chain: {ok, entries[, first_bad_id]} (platform level)",
              .tag = "audit",
              .permission = "system:audit:list"});
}

}  // namespace lianyin::http::handlers
