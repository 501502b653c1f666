#include "domain/mechanism/mechanism_audit.hpp"

#include <boost/json.hpp>

#include "domain/mechanism/mechanism_codec.hpp"

namespace lianyin::domain::mechanism {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::object AuditJson(const Meeting& m) {
  return {{"id", m.id},
          {"unit_id", m.unit_id},
          {"kind", m.kind},
          {"title", m.title},
          {"starts_at", m.starts_at},
          {"location", Opt(m.location)},
          {"agenda", Opt(m.agenda)},
          {"attendees", AttendeesJson(m.attendees)},
          {"minutes", Opt(m.minutes)},
          {"template_id", Opt(m.template_id)}};
}

json::object AuditJson(const SupervisedTask& t) {
  return {{"id", t.id},
          {"meeting_id", t.meeting_id},
          {"unit_id", t.unit_id},
          {"text", t.text},
          {"owner_unit_id", Opt(t.owner_unit_id)},
          {"owner_org_id", Opt(t.owner_org_id)},
          {"owner_name", Opt(t.owner_name)},
          {"deadline", t.deadline},
          {"status", TaskStatusName(t.status)}};
}

json::object AuditJson(const MechanismTemplate& t) {
  json::object o{{"id", t.id},
                 {"unit_id", t.unit_id},
                 {"name", t.name},
                 {"kind", t.kind},
                 {"recurrence", RecurrenceName(t.recurrence)},
                 {"starts_on", t.starts_on},
                 {"ends_on", Opt(t.ends_on)},
                 {"lead_days", t.lead_days},
                 {"active", t.active}};
  if (t.meeting) o["meeting"] = MeetingSpecJson(*t.meeting);
  if (t.report_task) o["report_task"] = ReportTaskSpecJson(*t.report_task);
  return o;
}

common::Change MeetingChange(std::string action, const Meeting& m, json::value before,
                             json::value after) {
  return {std::move(action), "meeting",        std::to_string(m.id),
          std::move(before), std::move(after), true,
          m.unit_id};
}

common::Change TaskChange(std::string action, const SupervisedTask& t, json::value before,
                          json::value after) {
  return {std::move(action), "supervised_task", std::to_string(t.id),
          std::move(before), std::move(after),  true,
          t.unit_id};
}

common::Change TemplateChange(std::string action, const MechanismTemplate& t, json::value before,
                              json::value after) {
  return {std::move(action), "mechanism_template", std::to_string(t.id),
          std::move(before), std::move(after),     true,
          t.unit_id};
}

common::Change OccurrenceChange(std::int64_t occurrence_id, const MechanismTemplate& t,
                                json::object after) {
  return {"create", "mechanism_occurrence", std::to_string(occurrence_id),
          nullptr,  std::move(after),       true,
          t.unit_id};
}

}  // namespace lianyin::domain::mechanism
