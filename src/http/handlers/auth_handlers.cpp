#include <fmt/format.h>

#include <boost/json.hpp>
#include <variant>

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
          {"must_change_password", actor.must_change_password},
          {"platform_level", actor.platform_level},
          {"mfa_enabled", actor.mfa_enabled},
          {"mfa_enrolment_required", actor.mfa_enrolment_required}};
}

Response SessionResponse(const account::Actor& actor) {
  return JsonResponse(
      200, boost::json::object{{"user", UserJson(actor)}, {"csrf_token", actor.csrf_token}});
}

std::string CookieAttributes(bool tls) {
  return tls ? "; HttpOnly; SameSite=Strict; Path=/; Secure"
             : "; HttpOnly; SameSite=Strict; Path=/";
}

account::ClientInfo Client(const Request& request) {
  return {request.remote_ip, std::string(request.Header("user-agent").value_or("").substr(0, 512)),
          request.request_id};
}

Response Ok() { return JsonResponse(200, boost::json::object{}); }

Response OpenedSession(const account::LoginResult& login, const std::string& cookie_name,
                       bool tls) {
  Response r = SessionResponse(login.actor);
  r.SetHeader("Set-Cookie",
              fmt::format("{}={}{}", cookie_name, login.token, CookieAttributes(tls)));
  return r;
}

// Parses a body of required string fields (each at most 128 characters) and calls `then`.
template <class F>
Response WithStrings(const Request& request, std::initializer_list<const char*> names, F then) {
  auto body = ParseJsonObject(request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  std::vector<std::string> values;
  for (const char* name : names) values.push_back(in.String(name, 128));
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return then(values);
}

void AddTotpRoutes(Router& router, account::AuthService& auth) {
  router.Add("POST", "/api/v1/auth/totp/setup",
             [&auth](Context& ctx) {
               auto enrolment = auth.BeginTotp(*ctx.actor);
               if (!enrolment) return ErrorResponse(enrolment.error());
               return JsonResponse(200,
                                   boost::json::object{{"secret", enrolment->secret},
                                                       {"otpauth_uri", enrolment->otpauth_uri}});
             },
             {.summary = "Start TOTP enrolment: a new secret", .tag = "auth"});
  router.Add("POST", "/api/v1/auth/totp/enable",
             [&auth](Context& ctx) {
               return WithStrings(ctx.request, {"code"}, [&](const auto& v) {
                 auto done = auth.EnableTotp(*ctx.actor, v[0]);
                 return done ? Ok() : ErrorResponse(done.error());
               });
             },
             {.summary = "Finish TOTP enrolment with a current code", .tag = "auth"});
  router.Add("POST", "/api/v1/auth/totp/disable",
             [&auth](Context& ctx) {
               return WithStrings(ctx.request, {"password"}, [&](const auto& v) {
                 auto done = auth.DisableTotp(*ctx.actor, v[0]);
                 return done ? Ok() : ErrorResponse(done.error());
               });
             },
             {.summary = "Turn TOTP off (password required)", .tag = "auth"});
}

}  // namespace

void AddAuthRoutes(Router& router, account::AuthService& auth, std::string cookie_name, bool tls) {
  router.Add("POST", "/api/v1/auth/login",
             [&auth, cookie_name, tls](Context& ctx) {
               return WithStrings(ctx.request, {"username", "password"}, [&](const auto& v) {
                 auto outcome = auth.Login(v[0], v[1], Client(ctx.request));
                 if (!outcome) return ErrorResponse(outcome.error());
                 if (auto* challenge = std::get_if<account::MfaChallenge>(&*outcome)) {
                   return JsonResponse(200,
                                       boost::json::object{{"mfa_required", true},
                                                           {"mfa_token", challenge->mfa_token}});
                 }
                 return OpenedSession(std::get<account::LoginResult>(*outcome), cookie_name, tls);
               });
             },
             {.summary = "Log in with username and password: a session cookie, or a TOTP challenge",
              .tag = "auth",
              .requires_auth = false});
  router.Add("POST", "/api/v1/auth/login/totp",
             [&auth, cookie_name, tls](Context& ctx) {
               return WithStrings(ctx.request, {"mfa_token", "code"}, [&](const auto& v) {
                 auto login = auth.LoginWithTotp(v[0], v[1], Client(ctx.request));
                 if (!login) return ErrorResponse(login.error());
                 return OpenedSession(*login, cookie_name, tls);
               });
             },
             {.summary = "Second login step: the TOTP code for an mfa_token",
              .tag = "auth",
              .requires_auth = false});
  router.Add("POST", "/api/v1/auth/logout",
             [&auth, cookie_name, tls](Context& ctx) {
               if (auto done = auth.Logout(*ctx.actor); !done) return ErrorResponse(done.error());
               Response r = Ok();
               r.SetHeader("Set-Cookie",
                           fmt::format("{}={}; Max-Age=0", cookie_name, CookieAttributes(tls)));
               return r;
             },
             {.summary = "End this session", .tag = "auth"});
  router.Add("GET", "/api/v1/auth/me", [](Context& ctx) { return SessionResponse(*ctx.actor); },
             {.summary = "The logged-in user, its permissions and the CSRF token", .tag = "auth"});
  router.Add(
      "POST", "/api/v1/auth/password",
      [&auth](Context& ctx) {
        return WithStrings(ctx.request, {"old_password", "new_password"}, [&](const auto& v) {
          auto done = auth.ChangePassword(*ctx.actor, v[0], v[1]);
          return done ? Ok() : ErrorResponse(done.error());
        });
      },
      {.summary = "Change one's own password; ends the user's other sessions", .tag = "auth"});
  AddTotpRoutes(router, auth);
}

}  // namespace lianyin::http::handlers
