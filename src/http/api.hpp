#pragma once
// The application's HTTP surface: every route, and the middleware every request passes through
// (authentication from the session cookie, CSRF, forced password change, error mapping, static
// files of the web app). Plain C++: the Server calls Handle() on a worker thread and, given
// metrics(), records each response under its Response::route label.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"

namespace lianyin::domain::account {
class AuthService;
class RoleService;
class SecurityAdminService;
class UnitService;
class UserService;
}  // namespace lianyin::domain::account
namespace lianyin::domain::audit {
class AuditService;
}
namespace lianyin::domain::credit {
class CreditService;
}
namespace lianyin::domain::annual {
class AnnualService;
}
namespace lianyin::domain::project {
class ProjectService;
}
namespace lianyin::domain::matching {
class MatchingService;
}
namespace lianyin::domain::selection {
class SelectionService;
}
namespace lianyin::domain::venue {
class VenueService;
}
namespace lianyin::domain::worker {
class WorkerService;
}
namespace lianyin::domain::event {
class EventService;
}
namespace lianyin::domain::inspection {
class InspectionService;
}
namespace lianyin::domain::team {
class TeamService;
}
namespace lianyin::domain::org {
class OrgService;
}
namespace lianyin::domain::evaluation {
class EvaluationService;
}
namespace lianyin::domain::mechanism {
class MechanismService;
}  // namespace lianyin::domain::mechanism
namespace lianyin::domain::region {
class RegionService;
}

namespace lianyin::http {

class StaticFiles;

struct ApiServices {
  domain::account::AuthService& auth;
  domain::account::SecurityAdminService& security;
  domain::region::RegionService& regions;
  domain::account::UnitService& units;
  domain::account::UserService& users;
  domain::account::RoleService& roles;
  domain::audit::AuditService& audit;
  domain::org::OrgService& orgs;
  domain::credit::CreditService& credit;
  domain::project::ProjectService& projects;
  domain::selection::SelectionService& selection;
  domain::matching::MatchingService& matching;
  domain::venue::VenueService& venues;
  domain::worker::WorkerService& workers;
  domain::event::EventService& events;
  domain::annual::AnnualService& annual;
  domain::evaluation::EvaluationService& evaluations;
  domain::inspection::InspectionService& inspections;
  domain::team::TeamService& teams;
  domain::mechanism::MechanismService& mechanism;
  // Gauges sampled at each /metrics scrape (database pool size, in use, waits).
  std::function<std::vector<Gauge>()> gauges;
};

struct ApiOptions {
  std::filesystem::path web_root;  // the built web app; empty or missing = API only
  bool tls = false;                // behind TLS: Secure + __Host- cookie, HSTS
  std::string version;             // reported by OpenAPI
  // GET /metrics: with a token, only requests carrying `Authorization: Bearer <token>`; without,
  // only direct loopback clients (no proxy headers). Others → 403.
  std::string metrics_token;
};

class Api {
 public:
  Api(ApiServices services, ApiOptions options);
  ~Api();

  // Answers one request. Never throws: faults become a 500 envelope with the request id logged.
  Response Handle(Request& request);
  // For ServerOptions::allows_large_body: routes marked large_body (imports).
  bool AllowsLargeBody(std::string_view method, std::string_view path) const;
  const Router& router() const { return router_; }
  // The registry /metrics renders; hand it to ServerOptions::metrics.
  std::shared_ptr<Metrics> metrics() const { return metrics_; }
  std::string SessionCookieName() const;
  // How the cached reads fare (handlers::CachedRead).
  PageCache::Stats page_cache_stats() const { return pages_.stats(); }

 private:
  Response Dispatch(Request& request, std::string& route_label);
  Response Guard(Context& ctx, const Route& route);
  // Why an authenticated request may not run this route (CSRF, forced password change or TOTP
  // enrolment, missing permission), or nullopt.
  std::optional<core::Error> Refusal(const Context& ctx, const Route& route) const;
  // Records a refused request in the audit trail (outcome denied); 503 when it cannot.
  core::Result<void> Deny(const Context& ctx, const Route& route, const core::Error& why);

  ApiServices services_;
  ApiOptions options_;
  Router router_;
  std::shared_ptr<Metrics> metrics_ = std::make_shared<Metrics>();
  std::unique_ptr<StaticFiles> static_files_;
  PageCache pages_;  // cached read answers (handlers::CachedRead)
};

}  // namespace lianyin::http
