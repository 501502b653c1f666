#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/account/user_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace account = domain::account;

constexpr std::size_t kMaxDisplayName = 64;
constexpr std::size_t kMaxPassword = 128;

boost::json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object UserJson(const account::UserView& view) {
  const account::User& u = view.user;
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"unit_id", u.unit_id},
          {"unit_name", view.unit_name},
          {"roles", boost::json::array(u.roles.begin(), u.roles.end())},
          {"org_id", Opt(u.org_id)},
          {"worker_id", Opt(u.worker_id)},
          {"must_change_password", u.must_change_password},
          {"disabled", u.disabled},
          {"mfa_enabled", view.mfa_enabled},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

Response UserOr(int status, const core::Result<account::UserView>& r) {
  return r ? JsonResponse(status, UserJson(*r)) : ErrorResponse(r.error());
}

Response ListUsers(account::UserService& users, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  account::UserFilter filter{
      QueryId(ctx.request, "unit_id", errors), QueryText(ctx.request, "q", kMaxQueryChars, errors),
      QueryText(ctx.request, "role"), QueryBool(ctx.request, "disabled", errors)};
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = users.List(*ctx.actor, filter, ToPageRequest(*page));
  boost::json::array items;
  for (const account::UserView& u : found.items) items.push_back(UserJson(u));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response CreateUser(account::UserService& users, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  account::NewUser user;
  user.username = in.String("username", 64);
  user.password = in.String("password", kMaxPassword);
  user.display_name = in.String("display_name", kMaxDisplayName);
  user.unit_id = in.Int64("unit_id");
  user.roles = in.StringArray("roles", 32);
  user.org_id = in.OptInt64("org_id");
  user.worker_id = in.OptInt64("worker_id");
  user.must_change_password = in.OptBool("must_change_password").value_or(false);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return UserOr(201, users.Create(*ctx.actor, user));
}

Response PatchUser(account::UserService& users, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  account::UserPatch patch;
  patch.display_name = in.OptString("display_name", kMaxDisplayName);
  patch.unit_id = in.OptInt64("unit_id");
  if (in.Has("roles")) patch.roles = in.StringArray("roles", 32);
  patch.disabled = in.OptBool("disabled");
  patch.must_change_password = in.OptBool("must_change_password");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return UserOr(200, users.Update(*ctx.actor, id, patch));
}

Response ResetPassword(account::UserService& users, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string password = in.String("password", kMaxPassword);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return UserOr(200, users.ResetPassword(*ctx.actor, id, password));
}

// Wraps a handler of one user id; a malformed id is a missing one.
RouteHandler WithId(account::UserService& users,
                    Response (*handler)(account::UserService&, Context&, std::int64_t)) {
  return [&users, handler](Context& ctx) {
    auto id = ctx.IdParam("id");
    if (!id) return ErrorResponse(account::OutOfScope());
    return handler(users, ctx, *id);
  };
}

}  // namespace

void AddUserRoutes(Router& router, account::UserService& users) {
  router.Add(
      "GET", "/api/v1/users", [&users](Context& ctx) { return ListUsers(users, ctx); },
      {.summary = "Users of units in scope", .tag = "users", .permission = "system:user:list"});
  router.Add("POST", "/api/v1/users", [&users](Context& ctx) { return CreateUser(users, ctx); },
             {.summary = "Create a user", .tag = "users", .permission = "system:user:create"});
  router.Add("GET", "/api/v1/users/{id}",
             WithId(users, [](account::UserService& s, Context& ctx,
                              std::int64_t id) { return UserOr(200, s.Get(*ctx.actor, id)); }),
             {.summary = "One user in scope", .tag = "users", .permission = "system:user:list"});
  router.Add("PATCH", "/api/v1/users/{id}", WithId(users, PatchUser),
             {.summary = "Change display_name, unit_id, roles, disabled, must_change_password",
              .tag = "users",
              .permission = "system:user:edit"});
  router.Add("POST", "/api/v1/users/{id}/reset-password", WithId(users, ResetPassword),
             {.summary = "Set a new password that must be changed at next login",
              .tag = "users",
              .permission = "system:user:edit"});
}

}  // namespace lianyin::http::handlers
