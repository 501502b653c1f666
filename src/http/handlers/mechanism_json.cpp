#include "http/handlers/mechanism_json.hpp"

#include "domain/mechanism/mechanism_codec.hpp"
#include "domain/mechanism/mechanism_rules.hpp"
#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace mech = domain::mechanism;
namespace json = boost::json;
using schema::Array;
using schema::Enum;
using schema::Opt;
using schema::Prop;

json::object MeetingProps() {
  return {{"id", Prop("integer", "meeting id")},
          {"unit_id", Prop("integer", "the owner: the unit holding it")},
          {"unit_name", Prop("string", "its name")},
          {"kind", Enum(mech::MeetingKindNames(), "dictionary meeting_kind")},
          {"title", Prop("string", "title")},
          {"starts_at", Prop("string", "date-time (+08:00)")},
          {"location", Prop("string", "where", true)},
          {"agenda", Prop("string", "agenda", true)},
          {"attendees", Array({{"type", "object"}}, "[{unit_id?, org_id?, name}]")},
          {"minutes", Prop("string", "minutes (纪要); null until recorded", true)},
          {"template_id", Prop("integer", "the template that created it", true)},
          {"decisions", Prop("integer", "its supervised tasks")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object TaskProps() {
  return {
      {"id", Prop("integer", "task id")},
      {"meeting_id", Prop("integer", "the meeting that decided it")},
      {"meeting_title", Prop("string", "its title")},
      {"unit_id", Prop("integer", "the supervisor: the meeting's unit")},
      {"unit_name", Prop("string", "its name")},
      {"text", Prop("string", "the decision")},
      {"owner_unit_id", Prop("integer", "owner unit", true)},
      {"owner_org_id", Prop("integer", "owner organisation", true)},
      {"owner_name", Prop("string", "owner person", true)},
      {"owner_display", Prop("string", "the owner's name as shown")},
      {"deadline", Prop("string", "YYYY-MM-DD")},
      {"status", Enum(mech::TaskStatusNames(), "stored status")},
      {"overdue", Prop("boolean", "deadline before today (Asia/Shanghai) and not done")},
      {"display_status", Enum(mech::TaskDisplayStatusNames(), "dictionary supervised_task_status")},
      {"created_at", Prop("string", "date-time")},
      {"updated_at", Prop("string", "date-time")}};
}

json::object TemplateProps() {
  return {{"id", Prop("integer", "template id")},
          {"unit_id", Prop("integer", "the owner unit")},
          {"unit_name", Prop("string", "its name")},
          {"name", Prop("string", "name")},
          {"kind", Enum(mech::TemplateKindNames(), "dictionary mechanism_template_kind")},
          {"recurrence", Enum(mech::RecurrenceNames(), "dictionary mechanism_recurrence")},
          {"starts_on", Prop("string", "YYYY-MM-DD")},
          {"ends_on", Prop("string", "YYYY-MM-DD", true)},
          {"lead_days", Prop("integer", "days before the period's end an occurrence is created")},
          {"active", Prop("boolean", "the daily job creates its occurrences")},
          {"occurrences", Prop("integer", "occurrences created so far")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

std::string Serialized(json::object props) {
  return json::serialize(schema::Closed(std::move(props)));
}
std::string PageOf(json::object props, const char* what) {
  return json::serialize(schema::Page(schema::Closed(std::move(props)), what));
}

}  // namespace

json::object MeetingJson(const mech::Meeting& m) {
  return {{"id", m.id},
          {"unit_id", m.unit_id},
          {"unit_name", m.unit_name},
          {"kind", m.kind},
          {"title", m.title},
          {"starts_at", m.starts_at},
          {"location", Opt(m.location)},
          {"agenda", Opt(m.agenda)},
          {"attendees", mech::AttendeesJson(m.attendees)},
          {"minutes", Opt(m.minutes)},
          {"template_id", Opt(m.template_id)},
          {"decisions", m.decisions},
          {"created_at", m.created_at},
          {"updated_at", m.updated_at}};
}

json::object MeetingDetailJson(const mech::MeetingDetail& d) {
  json::object o = MeetingJson(d.meeting);
  json::array decisions;
  for (const mech::SupervisedTask& t : d.decisions) decisions.push_back(SupervisedTaskJson(t));
  o["decisions"] = std::move(decisions);
  return o;
}

json::object SupervisedTaskJson(const mech::SupervisedTask& t) {
  return {{"id", t.id},
          {"meeting_id", t.meeting_id},
          {"meeting_title", t.meeting_title},
          {"unit_id", t.unit_id},
          {"unit_name", t.unit_name},
          {"text", t.text},
          {"owner_unit_id", Opt(t.owner_unit_id)},
          {"owner_org_id", Opt(t.owner_org_id)},
          {"owner_name", Opt(t.owner_name)},
          {"owner_display", t.owner_display},
          {"deadline", t.deadline},
          {"status", mech::TaskStatusName(t.status)},
          {"overdue", t.overdue},
          {"display_status", mech::DisplayStatus(t)},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

json::object SupervisedTaskDetailJson(const mech::TaskDetail& d) {
  json::object o = SupervisedTaskJson(d.task);
  json::array progress;
  for (const mech::TaskProgress& p : d.progress) {
    progress.push_back({{"id", p.id},
                        {"note", Opt(p.note)},
                        {"status_from", mech::TaskStatusName(p.status_from)},
                        {"status_to", mech::TaskStatusName(p.status_to)},
                        {"by_user_id", p.by_user_id},
                        {"by_name", p.by_name},
                        {"created_at", p.created_at}});
  }
  o["progress"] = std::move(progress);
  return o;
}

json::object MechanismTemplateJson(const mech::MechanismTemplate& t) {
  json::object o{{"id", t.id},
                 {"unit_id", t.unit_id},
                 {"unit_name", t.unit_name},
                 {"name", t.name},
                 {"kind", t.kind},
                 {"recurrence", mech::RecurrenceName(t.recurrence)},
                 {"starts_on", t.starts_on},
                 {"ends_on", Opt(t.ends_on)},
                 {"lead_days", t.lead_days},
                 {"active", t.active},
                 {"occurrences", t.occurrences},
                 {"created_at", t.created_at},
                 {"updated_at", t.updated_at}};
  if (t.meeting) o["meeting"] = mech::MeetingSpecJson(*t.meeting);
  if (t.report_task) o["report_task"] = mech::ReportTaskSpecJson(*t.report_task);
  return o;
}

json::object WorkCalendarJson(const std::string& from, const std::string& to,
                              const std::vector<mech::CalendarItem>& items) {
  json::array out;
  for (const mech::CalendarItem& i : items) {
    json::object o{{"type", i.type}, {"date", i.date}, {"title", i.title},
                   {"kind", i.kind}, {"id", i.id},     {"unit_id", i.unit_id}};
    if (!i.at.empty()) o["starts_at"] = i.at;
    if (!i.period.empty()) o["period"] = i.period;
    out.push_back(std::move(o));
  }
  return {{"from", from}, {"to", to}, {"items", std::move(out)}};
}

std::string MeetingSchema() { return Serialized(MeetingProps()); }
std::string MeetingPageSchema() { return PageOf(MeetingProps(), "matching meetings in scope"); }
std::string SupervisedTaskSchema() { return Serialized(TaskProps()); }
std::string SupervisedTaskPageSchema() {
  return PageOf(TaskProps(), "matching supervised tasks in scope");
}
std::string MechanismTemplateSchema() { return Serialized(TemplateProps()); }
std::string MechanismTemplatePageSchema() { return PageOf(TemplateProps(), "templates in scope"); }

std::string WorkCalendarSchema() {
  json::object item{{"type", Enum({"meeting", "deadline", "occurrence"}, "what it is")},
                    {"date", Prop("string", "YYYY-MM-DD")},
                    {"title", Prop("string", "meeting title, task text or occurrence title")},
                    {"kind", Prop("string", "meeting kind, task display status or template kind")},
                    {"id", Prop("integer", "meeting, task or template id")},
                    {"unit_id", Prop("integer", "the owning unit")}};
  return json::serialize(schema::Closed({{"from", Prop("string", "YYYY-MM-DD")},
                                         {"to", Prop("string", "YYYY-MM-DD")},
                                         {"items", Array(schema::Closed(item), "by date")}}));
}

namespace {

json::object AttendeesProp() {
  return Array({{"type", "object"},
                {"properties",
                 {{"unit_id", Prop("integer", "a unit in scope")},
                  {"org_id", Prop("integer", "a published organisation")},
                  {"name", Prop("string", "name shown")}}},
                {"required", {"name"}}},
               "at most 200");
}

std::string Body(json::object props, json::array required) {
  return json::serialize(schema::Object(std::move(props), std::move(required)));
}

}  // namespace

std::string NewMeetingSchema(bool patch) {
  json::object props{{"title", Prop("string", "1-200 characters")},
                     {"kind", Enum(mech::MeetingKindNames(), "dictionary meeting_kind")},
                     {"starts_at", Prop("string", "date-time; no offset means +08:00")},
                     {"location", Prop("string", "optional")},
                     {"agenda", Prop("string", "optional")},
                     {"attendees", AttendeesProp()}};
  if (patch) return Body(std::move(props), {});
  props["unit_id"] = Prop("integer", "the owner: a unit in the caller's scope");
  return Body(std::move(props), {"title", "kind", "unit_id", "starts_at"});
}

std::string MinutesSchema() {
  return Body({{"minutes", Prop("string", "at most 20 000 characters")}}, {"minutes"});
}

std::string DecisionSchema() {
  return Body({{"text", Prop("string", "the decision")},
               {"owner_unit_id", Prop("integer", "owner unit in scope (or owner_org_id)")},
               {"owner_org_id", Prop("integer", "owner organisation (or owner_unit_id)")},
               {"owner_name", Prop("string", "owner person; required without the others")},
               {"deadline", Prop("string", "YYYY-MM-DD")}},
              {"text", "deadline"});
}

std::string ProgressSchema() {
  return Body({{"note", Prop("string", "required for done, and without a status change")},
               {"status", Enum(mech::TaskStatusNames(), "the new status (optional)")}},
              {});
}

std::string NewMechanismTemplateSchema() {
  json::object meeting{{"kind", Enum(mech::MeetingKindNames(), "dictionary meeting_kind")},
                       {"title_pattern", Prop("string", "{period} becomes 2026年第3季度 etc.")},
                       {"location", Prop("string", "optional")},
                       {"attendees", AttendeesProp()}};
  json::object report{{"title_pattern", Prop("string", "{period} as above")},
                      {"indicators", Array(Prop("string", "indicator code"), "at least one")},
                      {"scope_unit_id", Prop("integer", "a unit in scope")},
                      {"deadline_days", Prop("integer", "0-366 after the period's end")}};
  return Body(
      {{"name", Prop("string", "1-200 characters")},
       {"kind", Enum(mech::TemplateKindNames(), "dictionary mechanism_template_kind")},
       {"recurrence", Enum(mech::RecurrenceNames(), "dictionary mechanism_recurrence")},
       {"unit_id", Prop("integer", "the owner: a unit in scope")},
       {"starts_on", Prop("string", "YYYY-MM-DD")},
       {"ends_on", Prop("string", "YYYY-MM-DD, optional")},
       {"lead_days", Prop("integer", "0-366 days before the period's end")},
       {"meeting", schema::Object(std::move(meeting), {"kind", "title_pattern"})},
       {"report_task", schema::Object(std::move(report), {"title_pattern", "indicators",
                                                          "scope_unit_id", "deadline_days"})}},
      {"name", "kind", "recurrence", "unit_id", "starts_on", "lead_days"});
}

std::string TemplatePatchSchema() {
  return Body({{"active", Prop("boolean", "whether the daily job creates its occurrences")}},
              {"active"});
}

}  // namespace lianyin::http::handlers
