#include <boost/json.hpp>

#include "domain/account/role_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace account = domain::account;

boost::json::object RoleJson(const account::RoleView& role) {
  return {{"code", role.code},
          {"name", role.name},
          {"permissions", boost::json::array(role.permissions.begin(), role.permissions.end())}};
}

Response AllItems(boost::json::array items) {
  const auto n = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, ListEnvelope(std::move(items), n, 1, n));
}

Response SetPermissions(account::RoleService& roles, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  if (!in.Has("permissions")) in.Fail("permissions", "is required");
  std::vector<std::string> permissions = in.StringArray("permissions", 64);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  auto role = roles.SetPermissions(*ctx.actor, ctx.Param("code"), std::move(permissions));
  return role ? JsonResponse(200, RoleJson(*role)) : ErrorResponse(role.error());
}

}  // namespace

void AddRoleRoutes(Router& router, account::RoleService& roles) {
  router.Add("GET", "/api/v1/roles",
             [&roles](Context&) {
               boost::json::array items;
               for (const account::RoleView& role : roles.List()) items.push_back(RoleJson(role));
               return AllItems(std::move(items));
             },
             {.summary = "Every role with its permissions",
              .tag = "roles",
              .permission = "system:role:list"});
  router.Add("PUT", "/api/v1/roles/{code}/permissions",
             [&roles](Context& ctx) { return SetPermissions(roles, ctx); },
             {.summary = "Replace a role's permissions",
              .tag = "roles",
              .permission = "system:role:edit"});
  router.Add(
      "GET", "/api/v1/permissions",
      [&roles](Context&) {
        boost::json::array items;
        for (const account::Permission& p : roles.Catalogue()) {
          items.push_back(
              boost::json::object{{"code", p.code}, {"area", p.area}, {"name", p.name}});
        }
        return AllItems(std::move(items));
      },
      {.summary = "The permission catalogue", .tag = "roles", .permission = "system:role:list"});
}

}  // namespace lianyin::http::handlers
