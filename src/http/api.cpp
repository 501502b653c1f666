#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "domain/account/auth_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/openapi.hpp"
#include "http/static_files.hpp"

namespace lianyin::http {
namespace {

bool IsApiPath(std::string_view path) {
  return path.starts_with("/api/") || path == "/api" || path == "/metrics";
}

bool IsSafeMethod(std::string_view method) { return method == "GET" || method == "HEAD"; }

core::Error Coded(core::ErrorCode code, std::string message) {
  return {code, std::move(message), {}};
}

// A cross-site request is refused even before the token is compared (SECURITY.md).
bool OriginMatchesHost(const Request& request) {
  auto origin = request.Header("origin");
  if (!origin) return true;
  auto host = request.Header("host");
  if (!host) return false;
  std::string_view o = *origin;
  const auto scheme = o.find("://");
  return scheme != std::string_view::npos && o.substr(scheme + 3) == *host;
}

// 422 naming every query parameter that holds a NUL character: no text with NUL reaches a
// service (PostgreSQL would refuse it, C strings would cut it short).
std::optional<core::Error> NulInQuery(const Request& request) {
  std::vector<core::FieldError> errors;
  for (const auto& [name, value] : request.query) {
    if (value.find('\0') != std::string::npos || name.find('\0') != std::string::npos) {
      errors.push_back({name, "must not contain NUL characters", std::nullopt});
    }
  }
  if (errors.empty()) return std::nullopt;
  return core::Error::Invalid(std::move(errors));
}

// The cached reads' state on /metrics: what it holds, and how lookups fared since start.
void AddPageCacheGauges(const PageCache::Stats& stats, std::vector<Gauge>& out) {
  out.push_back({"lianyin_page_cache_entries",
                 "Rendered read answers held",
                 static_cast<double>(stats.entries),
                 {}});
  out.push_back({"lianyin_page_cache_bytes",
                 "Bytes the held answers take (keys, bodies, overhead)",
                 static_cast<double>(stats.bytes),
                 {}});
  for (const auto& [result, count] :
       {std::pair{"hit", stats.hits}, std::pair{"miss", stats.misses}}) {
    out.push_back({"lianyin_page_cache_lookups",
                   "Cached-read lookups since start, by result",
                   static_cast<double>(count),
                   {{"result", result}}});
  }
}

}  // namespace

Api::Api(ApiServices services, ApiOptions options)
    : services_(std::move(services)), options_(std::move(options)) {
  handlers::AddSystemRoutes(
      router_,
      [this] {
        std::vector<Gauge> gauges = services_.gauges ? services_.gauges() : std::vector<Gauge>{};
        AddPageCacheGauges(pages_.stats(), gauges);
        return metrics_->Render(gauges);
      },
      [this] {
        return boost::json::serialize(
            OpenApiDocument(router_, "Lianyin API", options_.version, SessionCookieName()));
      },
      options_.metrics_token);
  handlers::AddAuthRoutes(router_, services_.auth, SessionCookieName(), options_.tls);
  handlers::AddSecurityAdminRoutes(router_, services_.security);
  handlers::AddDictionaryRoutes(router_);
  handlers::AddRegionRoutes(router_, services_.regions);
  handlers::AddAuditRoutes(router_, services_.audit);
  handlers::AddOrgRoutes(router_, services_.orgs, services_.credit, services_.annual, pages_);
  handlers::AddOrgIoRoutes(router_, services_.orgs);
  handlers::AddCreditRoutes(router_, services_.credit);
  handlers::AddAnnualRoutes(router_, services_.annual);
  handlers::AddProjectRoutes(router_, services_.projects);
  handlers::AddSelectionRoutes(router_, services_.selection);
  handlers::AddMatchingRoutes(router_, services_.matching);
  handlers::AddVenueRoutes(router_, services_.venues);
  handlers::AddWorkerRoutes(router_, services_.workers);
  handlers::AddEventRoutes(router_, services_.events);
  handlers::AddEvaluationRoutes(router_, services_.evaluations);
  handlers::AddInspectionRoutes(router_, services_.inspections);
  handlers::AddTeamRoutes(router_, services_.teams);
  handlers::AddMechanismRoutes(router_, services_.mechanism);
  handlers::AddUnitRoutes(router_, services_.units);
  handlers::AddUserRoutes(router_, services_.users);
  handlers::AddRoleRoutes(router_, services_.roles);
  if (!options_.web_root.empty()) static_files_ = std::make_unique<StaticFiles>(options_.web_root);
}

Api::~Api() = default;

std::string Api::SessionCookieName() const {
  return options_.tls ? "__Host-lianyin_session" : "lianyin_session";
}

bool Api::AllowsLargeBody(std::string_view method, std::string_view path) const {
  Router::Match match = router_.Find(method, path);
  return match.route != nullptr && match.route->info.large_body;
}

Response Api::Handle(Request& request) {
  std::string route_label = "unmatched";
  Response response;
  try {
    response = Dispatch(request, route_label);
  } catch (const core::ErrorException& e) {
    response = ErrorResponse(e.error());
  } catch (const core::InfrastructureError& e) {
    // A busy or unreachable database (a read that met the write lock's holder, an exhausted
    // pool, a failover in progress) is no fault of the client's: 503 with Retry-After.
    if (!e.unavailable()) {
      spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                    e.what());
      response = InternalErrorResponse();
    } else {
      spdlog::warn("request {} {} {} unavailable: {}", request.request_id, request.method,
                   request.path, e.what());
      response = ErrorResponse(core::Unavailable());
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                  e.what());
    response = InternalErrorResponse();
  }
  response.route = route_label;  // the server observes metrics and adds security headers
  return response;
}

Response Api::Dispatch(Request& request, std::string& route_label) {
  Router::Match match = router_.Find(request.method, request.path);  // HEAD uses GET routes
  if (match.route != nullptr) {
    route_label = match.route->pattern;
    if (auto bad = NulInQuery(request)) return ErrorResponse(*bad);
    Context ctx{request, std::move(match.params), nullptr};
    return Guard(ctx, *match.route);
  }
  if (!match.allowed.empty()) {
    Response r = ErrorResponse(Coded(core::ErrorCode::kMethodNotAllowed, "method not allowed"));
    std::string allow;
    for (const std::string& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    r.SetHeader("Allow", allow);
    return r;
  }
  if (!IsApiPath(request.path) && static_files_ && IsSafeMethod(request.method)) {
    if (auto file = static_files_->Serve(request)) {
      route_label = "static";
      return std::move(*file);
    }
  }
  return ErrorResponse(core::Error::NotFound("no such resource"));
}

Response Api::Guard(Context& ctx, const Route& route) {
  if (!route.info.requires_auth) return route.handler(ctx);
  auto token = ctx.request.Cookie(SessionCookieName());
  auto actor = services_.auth.Authenticate(token.value_or(""));
  if (!actor) return ErrorResponse(actor.error());
  actor->ip = ctx.request.remote_ip;
  actor->request_id = ctx.request.request_id;
  ctx.actor = std::make_shared<const domain::account::Actor>(std::move(*actor));
  if (auto refused = Refusal(ctx, route)) {
    if (auto recorded = Deny(ctx, route, *refused); !recorded) {
      return ErrorResponse(recorded.error());  // a refusal that cannot be audited is not answered
    }
    return ErrorResponse(*refused);
  }
  return route.handler(ctx);
}

std::optional<core::Error> Api::Refusal(const Context& ctx, const Route& route) const {
  const domain::account::Actor& actor = *ctx.actor;
  if (!IsSafeMethod(ctx.request.method)) {
    auto sent = ctx.request.Header("x-csrf-token");
    if (!sent || !core::ConstantTimeEquals(core::AsBytes(*sent), core::AsBytes(actor.csrf_token)) ||
        !OriginMatchesHost(ctx.request)) {
      return Coded(core::ErrorCode::kCsrfFailed, "missing or wrong CSRF token");
    }
  }
  const std::string_view p = route.pattern;
  const bool exempt = p == "/api/v1/auth/password" || p == "/api/v1/auth/logout";
  if (actor.must_change_password && !exempt) {
    return Coded(core::ErrorCode::kPasswordChangeRequired, "the password must be changed first");
  }
  const bool enrolling = exempt || p == "/api/v1/auth/me" || p.starts_with("/api/v1/auth/totp/");
  if (actor.mfa_enrolment_required && !enrolling) {
    return Coded(core::ErrorCode::kMfaEnrolmentRequired, "enrol a second factor (TOTP) first");
  }
  if (!route.info.permission.empty() && !actor.Can(route.info.permission)) {
    return core::Error::Forbidden("missing permission " + route.info.permission);
  }
  return std::nullopt;
}

core::Result<void> Api::Deny(const Context& ctx, const Route& route, const core::Error& why) {
  domain::audit::AuditEvent event;
  event.actor_user_id = ctx.actor->user_id;
  event.actor_username = ctx.actor->username;
  event.ip = ctx.request.remote_ip;
  event.request_id = ctx.request.request_id;
  event.action = "denied";
  event.entity = route.info.tag;
  event.after = boost::json::object{{"method", ctx.request.method},
                                    {"path", ctx.request.path},
                                    {"code", core::ErrorCodeName(why.code)}};
  event.outcome = domain::audit::Outcome::kDenied;
  event.owner_unit_id = ctx.actor->unit_id;
  return services_.audit.Record(event);
}

}  // namespace lianyin::http
