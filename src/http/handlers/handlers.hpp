#pragma once
// Route registration, one function per area (handlers/<area>_handlers.cpp). Handlers parse the
// request, call one service and serialise; they never touch SQL.

#include "http/api.hpp"
#include "http/router.hpp"

namespace lianyin::http::handlers {

// /api/health, /metrics, /api/v1/openapi.json. `metrics_text` renders the metrics page.
void AddSystemRoutes(Router& router, std::function<std::string()> metrics_text,
                     std::function<std::string()> openapi_text);
// /api/v1/auth/login, /logout, /me.
void AddAuthRoutes(Router& router, domain::account::AuthService& auth,
                   std::string cookie_name, bool tls);
// /api/v1/sessions, /api/v1/login-log, /api/v1/settings.
void AddSecurityAdminRoutes(Router& router, domain::account::SecurityAdminService& security);
// /api/v1/audit (list) and /api/v1/audit/verify, both needing system:audit:list.
void AddAuditRoutes(Router& router, domain::audit::AuditService& audit);
// /api/v1/regions, /api/v1/regions/{code}.
void AddRegionRoutes(Router& router, domain::region::RegionService& regions);

}  // namespace lianyin::http::handlers
