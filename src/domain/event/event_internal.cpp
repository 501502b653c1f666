#include "domain/event/event_internal.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::event {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : nullptr; }
json::value Opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : nullptr; }

}  // namespace

json::value AuditJson(const Event& e) {
  json::array groups(e.target_groups.begin(), e.target_groups.end());
  return json::object{{"id", e.id},
                      {"org_id", e.org_id},
                      {"owner_unit_id", e.owner_unit_id},
                      {"title", e.title},
                      {"category", e.category},
                      {"description", Opt(e.description)},
                      {"start", e.start},
                      {"end", e.end},
                      {"capacity", e.capacity},
                      {"signup_opens", Opt(e.signup_opens)},
                      {"signup_closes", e.signup_closes},
                      {"target_groups", std::move(groups)},
                      {"region_code", e.region_code},
                      {"address", e.address},
                      {"booking_id", Opt(e.booking_id)},
                      {"project_id", Opt(e.project_id)},
                      {"status", StatusName(e.status)},
                      {"reason", Opt(e.reason)}};
}

// Sign-ups and check-ins name the worker by id only (no name, masked or not).
json::value AuditJson(const Signup& s) {
  return json::object{{"id", s.id},
                      {"event_id", s.event_id},
                      {"worker_id", s.worker_id},
                      {"status", StatusName(s.status)}};
}

json::value AuditJson(const Checkin& c) {
  return json::object{{"id", c.id},
                      {"event_id", c.event_id},
                      {"worker_id", c.worker_id},
                      {"at", c.at},
                      {"method", MethodName(c.method)}};
}

core::Result<Event> LoadReadable(EventRepo& repo, const common::Scope& scope, std::int64_t id) {
  auto e = repo.FindPublic(id);
  if (!e || (e->status == EventStatus::kDraft && !repo.InScope(scope, id))) {
    return common::OutOfScope();
  }
  return std::move(*e);
}

core::Result<Event> LoadOwned(EventRepo& repo, const common::Scope& scope, std::int64_t id) {
  auto e = repo.FindPublic(id);
  if (!e) return common::OutOfScope();
  if (!repo.InScope(scope, id)) {
    if (e->status == EventStatus::kDraft) return common::OutOfScope();
    return common::ForbiddenOutsideScope();
  }
  return std::move(*e);
}

}  // namespace lianyin::domain::event
