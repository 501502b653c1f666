#include <boost/json.hpp>

#include "core/date.hpp"
#include "domain/account/security_admin_service.hpp"
#include "domain/dictionary/messages.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace account = domain::account;

boost::json::object SessionJson(const account::SessionInfo& s, std::int64_t current_id) {
  return {{"id", s.id},
          {"user_id", s.user_id},
          {"username", s.username},
          {"display_name", s.display_name},
          {"ip", s.ip},
          {"user_agent", s.user_agent},
          {"created_at", s.created_at},
          {"last_seen_at", s.last_seen_at},
          {"current", s.id == current_id}};
}

// One login-log row; the reason (stored as an English message id) in the reader's language.
boost::json::object LoginLogJson(const account::LoginLogEntry& e, domain::dictionary::Lang lang) {
  return {{"id", e.id},
          {"at", e.at},
          {"username", e.username},
          {"user_id", e.user_id ? boost::json::value(*e.user_id) : nullptr},
          {"ip", e.ip},
          {"user_agent", e.user_agent},
          {"outcome", e.outcome},
          {"reason", domain::dictionary::Translate(e.reason, lang)}};
}

// A date ("2023-04-01") or date-time filter; anything else is a 422 on that field.
std::optional<std::string> TimeFilter(const Request& request, const char* name,
                                      std::vector<core::FieldError>& errors) {
  auto value = request.Query(name);
  if (!value) return std::nullopt;
  if (value->size() == 10 ? bool(core::ParseDate(*value)) : bool(core::ParseDateTime(*value))) {
    return std::string(*value);
  }
  errors.push_back({name, "must be a date like 2023-04-01 or a date-time", std::nullopt});
  return std::nullopt;
}

Response ListLoginLog(account::SecurityAdminService& security, Context& ctx) {
  auto paging = ParseListParams(ctx.request);
  if (!paging) return ErrorResponse(paging.error());
  std::vector<core::FieldError> errors;
  account::LoginLogFilter filter;
  if (auto u = ctx.request.Query("username")) filter.username = std::string(*u);
  if (auto o = ctx.request.Query("outcome")) {
    filter.outcome = std::string(*o);
    if (*o != "success" && *o != "failure" && *o != "locked" && *o != "rate_limited") {
      errors.push_back({"outcome", "must be success, failure, locked or rate_limited", {}});
    }
  }
  filter.from = TimeFilter(ctx.request, "from", errors);
  filter.to = TimeFilter(ctx.request, "to", errors);
  filter.before_id = QueryId(ctx.request, "before_id", errors);
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto page = security.ListLoginLog(*ctx.actor, filter, paging->page_size, paging->Offset());
  boost::json::array items;
  const auto lang =
      domain::dictionary::PreferredLang(ctx.request.Header("accept-language").value_or(""));
  for (const auto& e : page.items) items.push_back(LoginLogJson(e, lang));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), page.total, paging->page, paging->page_size));
}

Response UpdateSettings(account::SecurityAdminService& security, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  std::vector<account::SettingChange> changes;
  std::vector<core::FieldError> errors;
  for (const auto& [key, value] : *body) {
    if (value.is_bool()) {
      changes.push_back({std::string(key), value.as_bool()});
    } else if (value.is_int64()) {
      changes.push_back({std::string(key), value.as_int64()});
    } else {
      errors.push_back({std::string(key), "must be an integer or a boolean", std::nullopt});
    }
  }
  if (!errors.empty()) {
    // Report the type, range and name problems of the other fields in the same answer.
    auto checked = account::ApplySettingChanges(security.Settings(), changes);
    if (!checked) {
      const core::Error more = checked.error();  // error() returns a copy
      errors.insert(errors.end(), more.details.begin(), more.details.end());
    }
    return ErrorResponse(core::Error::Invalid(std::move(errors)));
  }
  auto updated = security.UpdateSettings(*ctx.actor, changes);
  if (!updated) return ErrorResponse(updated.error());
  return JsonResponse(200, account::SettingsJson(*updated));
}

}  // namespace

void AddSecurityAdminRoutes(Router& router, account::SecurityAdminService& security) {
  router.Add(
      "GET", "/api/v1/sessions",
      [&security](Context& ctx) {
        auto paging = ParseListParams(ctx.request);
        if (!paging) return ErrorResponse(paging.error());
        std::optional<std::int64_t> user_id;
        if (auto text = ctx.request.Query("user_id")) {
          Request probe;
          Context id_ctx{probe, {{"user_id", std::string(*text)}}, nullptr};
          user_id = id_ctx.IdParam("user_id");
          if (!user_id) return ErrorResponse(core::Error::Invalid("user_id", "must be an id"));
        }
        auto page = security.ListSessions(*ctx.actor, user_id, paging->page_size, paging->Offset());
        boost::json::array items;
        for (const auto& s : page.items) items.push_back(SessionJson(s, ctx.actor->session_id));
        return JsonResponse(
            200, ListEnvelope(std::move(items), page.total, paging->page, paging->page_size));
      },
      {.summary = "Live sessions of users in scope (在线用户)",
       .tag = "security",
       .permission = "system:session:list"});
  router.Add("DELETE", "/api/v1/sessions/{id}",
             [&security](Context& ctx) {
               auto id = ctx.IdParam("id");
               if (!id) return ErrorResponse(core::Error::NotFound());
               auto done = security.EndSession(*ctx.actor, *id);
               return done ? JsonResponse(200, boost::json::object{}) : ErrorResponse(done.error());
             },
             {.summary = "Force a session to log out (强退)",
              .tag = "security",
              .permission = "system:session:delete"});
  router.Add("GET", "/api/v1/login-log",
             [&security](Context& ctx) { return ListLoginLog(security, ctx); },
             {.summary = "Login attempts of users in scope, newest first",
              .tag = "security",
              .permission = "system:login-log:list"});
  router.Add("GET", "/api/v1/settings",
             [&security](Context&) {
               return JsonResponse(200, account::SettingsJson(security.Settings()));
             },
             {.summary = "Security settings", .tag = "security"});
  router.Add("PATCH", "/api/v1/settings",
             [&security](Context& ctx) { return UpdateSettings(security, ctx); },
             {.summary = "Change security settings (all or nothing)",
              .tag = "security",
              .permission = "system:setting:edit"});
}

}  // namespace lianyin::http::handlers
