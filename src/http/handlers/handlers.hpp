#pragma once
// Route registration, one function per area (handlers/<area>_handlers.cpp). Handlers parse the
// request, call one service and serialise; they never touch SQL.

#include "http/api.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"

namespace lianyin::http::handlers {

// /api/health, /metrics, /api/v1/openapi.json. `metrics_text` renders the metrics page, served
// as ApiOptions::metrics_token says.
void AddSystemRoutes(Router& router, std::function<std::string()> metrics_text,
                     std::function<std::string()> openapi_text, std::string metrics_token);
// /api/v1/auth/login, /logout, /me.
void AddAuthRoutes(Router& router, domain::account::AuthService& auth, std::string cookie_name,
                   bool tls);
// /api/v1/sessions, /api/v1/login-log, /api/v1/settings.
void AddSecurityAdminRoutes(Router& router, domain::account::SecurityAdminService& security);
// /api/v1/audit (list) and /api/v1/audit/verify, both needing system:audit:list.
void AddAuditRoutes(Router& router, domain::audit::AuditService& audit);
// /api/v1/dictionaries, /api/v1/dictionaries/{name}: public reference data (the public pages
// label statuses and types too).
void AddDictionaryRoutes(Router& router);
// /api/v1/regions, /api/v1/regions/{code}.
void AddRegionRoutes(Router& router, domain::region::RegionService& regions);
// /api/v1/units (list, create, get, patch, move, delete), scoped to the caller's unit subtree.
void AddUnitRoutes(Router& router, domain::account::UnitService& units);
// /api/v1/users (list, create, get, patch, reset-password), scoped to the caller's unit subtree.
void AddUserRoutes(Router& router, domain::account::UserService& users);
// /api/v1/roles, /api/v1/roles/{code}/permissions, /api/v1/permissions.
void AddRoleRoutes(Router& router, domain::account::RoleService& roles);

// /api/v1/orgs (list, create, get, patch, transitions, review, history),
// /api/v1/units/{id}/org-links and the public /api/public/orgs/{uscc} (with the credit entries
// `credit` discloses, and the reviewed annual reports and penalties `annual` does). The list and
// one organisation are answered from `pages` while OrgService::ViewVersion is unchanged.
void AddOrgRoutes(Router& router, domain::org::OrgService& orgs,
                  domain::credit::CreditService& credit, domain::annual::AnnualService& annual,
                  PageCache& pages);
// /api/v1/orgs/import (+ /report, /template) and /api/v1/orgs/export.
void AddOrgIoRoutes(Router& router, domain::org::OrgService& orgs);
// Credit lists: /api/v1/credit-entries (list, get, remove, objections),
// /api/v1/orgs/{id}/credit-entries (an organisation's record, enter) and
// /api/v1/credit-objections/{id}/answer.
void AddCreditRoutes(Router& router, domain::credit::CreditService& credit);
// Supervision: /api/v1/annual-reports (list, overdue, get, patch, submit, review, return),
// /api/v1/orgs/{id}/annual-reports and /api/v1/orgs/{id}/penalties.
void AddAnnualRoutes(Router& router, domain::annual::AnnualService& annual);

// Service projects: /api/v1/projects (list, create, summary, get, edit, transitions, history)
// and their outputs, milestones, payments and documents.
void AddProjectRoutes(Router& router, domain::project::ProjectService& projects);

// The excellent-project selection: /api/v1/selection-rounds (rounds, nominations, experts,
// scores, the booklet), /api/v1/expert/assignments, and the public showcase and booklet.
void AddSelectionRoutes(Router& router, domain::selection::SelectionService& selection);

// The demand list ↔ resource list: /api/v1/demands, /api/v1/resources (list, create, get, edit,
// transitions; recommendations of a demand), /api/v1/matching/runs (run, list, get, accept,
// reject), /api/v1/matches (list, get, lifecycle steps, rate, project) and
// /api/v1/matching/summary.
void AddMatchingRoutes(Router& router, domain::matching::MatchingService& matching);

// Venues and bookings: /api/v1/venues (list, create, get, edit, transitions; a venue's bookings
// and calendar) and /api/v1/bookings (list, the review queue, get, review, cancel).
void AddVenueRoutes(Router& router, domain::venue::VenueService& venues);

// Workers: /api/v1/workers (list, create, get, edit, PIPL delete, import and its template),
// /api/v1/auth/activate (a worker's first sign-in) and /api/v1/me/worker (its own profile).
void AddWorkerRoutes(Router& router, domain::worker::WorkerService& workers);
// Events, sign-ups and check-ins: /api/v1/events (list, create, get, edit, transitions; an
// event's sign-ups, check-ins and rotating check-in code) and /api/v1/me/events.
void AddEventRoutes(Router& router, domain::event::EventService& events);
// Grade evaluations: /api/v1/evaluation-templates (list, create, get, patch) and
// /api/v1/evaluations (list, create, get, an expert's scores, finalize).
void AddEvaluationRoutes(Router& router, domain::evaluation::EvaluationService& evaluations);

// Double-random inspections: /api/v1/inspections/plans (list, create, get, draw, publish),
// /pool-preview, /assignments, /{plan_id}/results/{uscc}, /api/v1/users/{id}/conflicts and the
// public /api/public/inspections/{id}.
void AddInspectionRoutes(Router& router, domain::inspection::InspectionService& inspections);
// Rural-revitalisation teams: /api/v1/teams (list, create, overview, get, edit), their plans,
// help projects, consumption and progress, and /api/v1/orgs/{id}/help-projects.
void AddTeamRoutes(Router& router, domain::team::TeamService& teams);

// The work mechanism: /api/v1/meetings (list, create, get, patch, minutes, decisions),
// /api/v1/supervised-tasks (list, get, progress), /api/v1/mechanism-templates (list, create,
// get, patch) and /api/v1/calendar.
void AddMechanismRoutes(Router& router, domain::mechanism::MechanismService& mechanism);

}  // namespace lianyin::http::handlers
