#include "app/services.hpp"

#include "domain/event/checkin_token.hpp"
#include "domain/org/org_repo.hpp"

namespace lianyin::app {

Services::Services(store::Database& db, core::Bytes key, Clock clock)
    : audit_sink(clock),
      writer(db, {&session_cache, &data_versions, &audit_sink}),
      worker_keys(key),
      checkin_key(domain::event::CheckinKey(key)),
      auth(writer, key, session_cache, clock,
           [this](std::string_view typed) { return worker_keys.LoginNameOf(typed); }),
      security(writer),
      regions(db),
      units(writer, clock),
      users(writer, domain::org::OrgInScope, clock),
      roles(writer),
      audit(db, clock),
      orgs(writer, clock),
      credit(writer, clock),
      projects(writer, clock),
      selection(writer, clock),
      matching(writer, clock),
      venues(writer, clock),
      workers(writer, worker_keys, auth, clock),
      events(writer, checkin_key, clock),
      annual(writer, clock),
      evaluations(writer, clock),
      inspections(writer, key, clock),
      teams(writer, clock),
      mechanism(writer, clock) {}

http::ApiServices Services::Api(std::function<std::vector<http::Gauge>()> gauges) {
  return http::ApiServices{auth,   security,  regions,          units,    users,       roles,
                           audit,  orgs,      credit,           projects, selection,   matching,
                           venues, workers,   events,           annual,   evaluations, inspections,
                           teams,  mechanism, std::move(gauges)};
}

}  // namespace lianyin::app
