#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/account/auth_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace account = domain::account;

boost::json::object UserJson(const account::Actor& actor) {
  boost::json::array roles(actor.roles.begin(), actor.roles.end());
  boost::json::array permissions(actor.permissions.begin(), actor.permissions.end());
  return {{"id", actor.user_id},
          {"username", actor.username},
          {"display_name", actor.display_name},
          {"unit_id", actor.unit_id},
          {"unit_name", actor.unit_name},
          {"roles", std::move(roles)},
          {"permissions", std::move(permissions)},
          {"org_id", actor.org_id ? boost::json::value(*actor.org_id) : nullptr},
          {"worker_id", actor.worker_id ? boost::json::value(*actor.worker_id) : nullptr},
          {"must_change_password", actor.must_change_password}};
}

Response SessionResponse(const account::Actor& actor) {
  return JsonResponse(
      200, boost::json::object{{"user", UserJson(actor)}, {"csrf_token", actor.csrf_token}});
}

std::string CookieAttributes(bool tls) {
  return tls ? "; HttpOnly; SameSite=Strict; Path=/; Secure" : "; HttpOnly; SameSite=Strict; Path=/";
}

}  // namespace

void AddAuthRoutes(Router& router, account::AuthService& auth, std::string cookie_name,
                   bool tls) {
  router.Add(
      "POST", "/api/v1/auth/login",
      [&auth, cookie_name, tls](Context& ctx) {
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return ErrorResponse(body.error());
        FieldReader in(*body);
        std::string username = in.String("username", 64);
        std::string password = in.String("password", 128);
        if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
        auto login = auth.Login(username, password, ctx.request.remote_ip,
                                    std::string(ctx.request.Header("user-agent").value_or("")));
        if (!login) return ErrorResponse(login.error());
        Response r = SessionResponse(login->actor);
        r.SetHeader("Set-Cookie", fmt::format("{}={}{}", cookie_name, login->token,
                                              CookieAttributes(tls)));
        return r;
      },
      {.summary = "Log in with username and password; sets the session cookie",
       .tag = "auth",
       .requires_auth = false});
  router.Add(
      "POST", "/api/v1/auth/logout",
      [&auth, cookie_name, tls](Context& ctx) {
        auth.Logout(ctx.actor->session_id);
        Response r = JsonResponse(200, boost::json::object{});
        r.SetHeader("Set-Cookie",
                    fmt::format("{}={}; Max-Age=0", cookie_name, CookieAttributes(tls)));
        return r;
      },
      {.summary = "End this session", .tag = "auth"});
  router.Add(
      "GET", "/api/v1/auth/me",
      [](Context& ctx) { return SessionResponse(*ctx.actor); },
      {.summary = "The logged-in user, its permissions and the CSRF token", .tag = "auth"});
}

}  // namespace lianyin::http::handlers
