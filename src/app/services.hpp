#pragma once
// The composition root's wiring of every domain service: one Writer (the unit of work) whose
// change sinks are the session cache and the audit chain, shared by all services. Used by
// `serve`, `init --demo` and the API tests, so they run the same wiring.

#include <functional>
#include <memory>
#include <vector>

#include "core/crypto.hpp"
#include "core/date.hpp"
#include "domain/account/auth_service.hpp"
#include "domain/account/role_service.hpp"
#include "domain/account/security_admin_service.hpp"
#include "domain/account/session_cache.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/account/user_service.hpp"
#include "domain/annual/annual_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/audit/audit_sink.hpp"
#include "domain/common/data_versions.hpp"
#include "domain/common/writer.hpp"
#include "domain/credit/credit_service.hpp"
#include "domain/evaluation/evaluation_service.hpp"
#include "domain/event/event_service.hpp"
#include "domain/inspection/inspection_service.hpp"
#include "domain/matching/matching_service.hpp"
#include "domain/mechanism/mechanism_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/project/project_service.hpp"
#include "domain/region/region_service.hpp"
#include "domain/selection/selection_service.hpp"
#include "domain/team/team_service.hpp"
#include "domain/venue/venue_service.hpp"
#include "domain/worker/worker_keys.hpp"
#include "domain/worker/worker_service.hpp"
#include "http/api.hpp"

namespace lianyin::app {

// Not movable: services hold references to the writer and sinks.
class Services {
 public:
  using Clock = std::function<core::DateTime()>;
  // `key`: the deployment key (TOTP secrets, workers' personal data; the events' check-in tokens
  // derive theirs). `db` must outlive this object.
  Services(store::Database& db, core::Bytes key, Clock clock = core::Now);
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  // What http::Api needs; `gauges` are sampled at each /metrics scrape.
  http::ApiServices Api(std::function<std::vector<http::Gauge>()> gauges = {});

  // Sinks run in this order: the caches (nothing to lock), the data versions (one hot row per
  // entity), then the audit chain, whose head row every audited transaction locks — last, so it
  // is held for the shortest time.
  domain::account::SessionCache session_cache;
  // What OrgService::ViewVersion reads.
  domain::common::DataVersionSink data_versions{"org", "unit", "region"};
  domain::audit::AuditChangeSink audit_sink;
  domain::common::Writer writer;
  // Seal and index workers' phones and ID numbers; also map a phone typed at login to the
  // worker's account (AuthService::LoginAlias).
  domain::worker::WorkerKeys worker_keys;
  // The events' check-in tokens and codes (domain/event/checkin_token.hpp): an EventService on
  // another clock (the demo's) takes it, so that its codes are the deployment's.
  core::Bytes checkin_key;
  domain::account::AuthService auth;
  domain::account::SecurityAdminService security;
  domain::region::RegionService regions;
  domain::account::UnitService units;
  domain::account::UserService users;
  domain::account::RoleService roles;
  domain::audit::AuditService audit;
  domain::org::OrgService orgs;
  domain::credit::CreditService credit;
  domain::project::ProjectService projects;
  domain::selection::SelectionService selection;
  domain::matching::MatchingService matching;
  domain::venue::VenueService venues;
  domain::worker::WorkerService workers;
  domain::event::EventService events;
  domain::annual::AnnualService annual;
  domain::evaluation::EvaluationService evaluations;
  domain::inspection::InspectionService inspections;
  domain::team::TeamService teams;
  // Without a report-task issuer until the reporting area lands (report-task templates: 422).
  domain::mechanism::MechanismService mechanism;
};

}  // namespace lianyin::app
