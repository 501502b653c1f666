#include "domain/mechanism/mechanism_repo.hpp"

#include "core/date.hpp"
#include "domain/common/sql_text.hpp"
#include "domain/mechanism/mechanism_codec.hpp"

namespace lianyin::domain::mechanism {
namespace {

using common::OptValue;
namespace json = boost::json;

constexpr const char* kMeetingSelect =
    "SELECT m.id, m.unit_id, COALESCE(u.name, ''), m.kind, m.title, m.starts_at, m.location, "
    "m.agenda, m.attendees, m.minutes, m.template_id, "
    "(SELECT COUNT(*) FROM supervised_tasks t WHERE t.meeting_id = m.id), m.created_at, "
    "m.updated_at ";
constexpr const char* kMeetingFrom = "FROM meetings m LEFT JOIN units u ON u.id = m.unit_id ";

Meeting ReadMeeting(const store::Row& r) {
  Meeting m;
  m.id = r.Int(0);
  m.unit_id = r.Int(1);
  m.unit_name = r.Text(2);
  m.kind = r.Text(3);
  m.title = r.Text(4);
  m.starts_at = r.Text(5);
  m.location = r.OptText(6);
  m.agenda = r.OptText(7);
  m.attendees = ParseAttendees(r.Text(8));
  m.minutes = r.OptText(9);
  m.template_id = r.OptInt(10);
  m.decisions = r.Int(11);
  m.created_at = r.Text(12);
  m.updated_at = r.Text(13);
  return m;
}

constexpr const char* kTemplateSelect =
    "SELECT mt.id, mt.unit_id, COALESCE(u.name, ''), mt.name, mt.kind, mt.recurrence, "
    "mt.starts_on, mt.ends_on, mt.lead_days, mt.spec, mt.active, "
    "(SELECT COUNT(*) FROM mechanism_occurrences o WHERE o.template_id = mt.id), mt.created_at, "
    "mt.updated_at FROM mechanism_templates mt LEFT JOIN units u ON u.id = mt.unit_id ";

MechanismTemplate ReadTemplate(const store::Row& r) {
  MechanismTemplate t;
  t.id = r.Int(0);
  t.unit_id = r.Int(1);
  t.unit_name = r.Text(2);
  t.name = r.Text(3);
  t.kind = r.Text(4);
  t.recurrence = ParseRecurrence(r.Text(5)).value_or(Recurrence::kMonthly);
  t.starts_on = r.Text(6);
  t.ends_on = r.OptText(7);
  t.lead_days = r.Int(8);
  ReadSpec(r.Text(9), t);
  t.active = r.Bool(10);
  t.occurrences = r.Int(11);
  t.created_at = r.Text(12);
  t.updated_at = r.Text(13);
  return t;
}

// The first instant after day `date` ends, as stored text compares ("2026-03-06").
std::string DayAfter(const std::string& date) {
  auto d = core::ParseDate(date);
  return d ? core::FormatDate(core::AddDays(*d, 1)) : date;
}

}  // namespace

std::optional<std::string> MechanismRepo::UnitNameInScope(const common::Scope& scope,
                                                          std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, {"u.id"});
  auto stmt = session_.Prepare("SELECT u.name FROM units u WHERE u.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return stmt.row().Text(0);
}

std::optional<std::string> MechanismRepo::OrgName(std::int64_t id) {
  auto stmt = session_.Prepare("SELECT name FROM orgs WHERE id = ? AND import_id IS NULL");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return stmt.row().Text(0);
}

std::int64_t MechanismRepo::InsertMeeting(const MeetingInput& m,
                                          std::optional<std::int64_t> template_id,
                                          std::optional<std::int64_t> by_user_id,
                                          std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO meetings (unit_id, kind, title, starts_at, location, agenda, attendees, "
      "template_id, created_by_user_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt.BindAll({m.unit_id.value_or(0), m.kind.value_or("other"), m.title.value_or(""),
                m.starts_at.value_or(""), OptValue(m.location), OptValue(m.agenda),
                json::serialize(AttendeesJson(m.attendees.value_or(std::vector<Attendee>{}))),
                OptValue(template_id), OptValue(by_user_id), std::string(now), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

void MechanismRepo::UpdateMeeting(std::int64_t id, const MeetingInput& m, std::string_view now) {
  std::string sets = "updated_at = ?";
  std::vector<store::Value> params{std::string(now)};
  const auto set = [&](const char* column, store::Value value) {
    sets += std::string(", ") + column + " = ?";
    params.push_back(std::move(value));
  };
  if (m.title) set("title", *m.title);
  if (m.kind) set("kind", *m.kind);
  if (m.starts_at) set("starts_at", *m.starts_at);
  if (m.location) set("location", *m.location);
  if (m.agenda) set("agenda", *m.agenda);
  if (m.attendees) set("attendees", json::serialize(AttendeesJson(*m.attendees)));
  params.emplace_back(id);
  session_.Execute("UPDATE meetings SET " + sets + " WHERE id = ?", params);
}

void MechanismRepo::SetMinutes(std::int64_t id, const std::string& minutes, std::string_view now) {
  session_.Execute("UPDATE meetings SET minutes = ?, updated_at = ? WHERE id = ?",
                   {minutes, std::string(now), id});
}

std::optional<Meeting> MechanismRepo::FindMeetingInScope(const common::Scope& scope,
                                                         std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kMeetingRows);
  auto stmt = session_.Prepare(std::string(kMeetingSelect) + kMeetingFrom + "WHERE m.id = ? AND " +
                               visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadMeeting(stmt.row());
}

MechanismRepo::Query MechanismRepo::MeetingWhere(const MeetingFilter& f,
                                                 const common::Scope& scope) const {
  common::ScopeFilter q = common::Visible(scope, kMeetingRows);
  if (f.kind) q.Add(" AND m.kind = ?", *f.kind);
  if (f.from) q.Add(" AND m.starts_at >= ?", *f.from);
  if (f.to) q.Add(" AND m.starts_at < ?", DayAfter(*f.to));
  return {std::string(kMeetingFrom) + "WHERE " + q.sql, q.params};
}

std::vector<Meeting> MechanismRepo::ListMeetings(const MeetingFilter& filter,
                                                 const common::Scope& scope, std::int64_t limit,
                                                 std::int64_t offset) {
  Query q = MeetingWhere(filter, scope);
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  auto stmt = session_.Prepare(std::string(kMeetingSelect) + q.from_where +
                               " ORDER BY m.starts_at DESC, m.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll(q.params);
  return common::Collect<Meeting>(stmt, ReadMeeting);
}

std::int64_t MechanismRepo::CountMeetings(const MeetingFilter& filter, const common::Scope& scope) {
  const Query q = MeetingWhere(filter, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from_where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<Meeting> MechanismRepo::MeetingsBetween(const common::Scope& scope,
                                                    const std::string& from,
                                                    const std::string& to) {
  const Query q = MeetingWhere({std::nullopt, from, to}, scope);
  auto stmt =
      session_.Prepare(std::string(kMeetingSelect) + q.from_where + " ORDER BY m.starts_at, m.id");
  stmt.BindAll(q.params);
  return common::Collect<Meeting>(stmt, ReadMeeting);
}

std::int64_t MechanismRepo::InsertTemplate(const NewTemplate& t, std::int64_t by_user_id,
                                           std::string_view now) {
  const json::object spec =
      t.meeting ? MeetingSpecJson(*t.meeting) : ReportTaskSpecJson(t.report_task.value());
  auto stmt = session_.Prepare(
      "INSERT INTO mechanism_templates (unit_id, name, kind, recurrence, starts_on, ends_on, "
      "lead_days, spec, active, created_by_user_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id");
  stmt.BindAll({t.unit_id, t.name, t.kind, t.recurrence, t.starts_on, OptValue(t.ends_on),
                t.lead_days, json::serialize(spec), by_user_id, std::string(now),
                std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

void MechanismRepo::SetTemplateActive(std::int64_t id, bool active, std::string_view now) {
  session_.Execute("UPDATE mechanism_templates SET active = ?, updated_at = ? WHERE id = ?",
                   {std::int64_t{active ? 1 : 0}, std::string(now), id});
}

std::vector<MechanismTemplate> MechanismRepo::Templates(const std::string& where,
                                                        const std::vector<store::Value>& params) {
  auto stmt = session_.Prepare(kTemplateSelect + where);
  stmt.BindAll(params);
  return common::Collect<MechanismTemplate>(stmt, ReadTemplate);
}

std::optional<MechanismTemplate> MechanismRepo::FindTemplateInScope(const common::Scope& scope,
                                                                    std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kTemplateRows);
  auto found = Templates("WHERE mt.id = ? AND " + visible.sql, visible.After({id}));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<MechanismTemplate> MechanismRepo::ListTemplates(const common::Scope& scope,
                                                            std::int64_t limit,
                                                            std::int64_t offset) {
  const common::ScopeFilter visible = common::Visible(scope, kTemplateRows);
  std::vector<store::Value> params = visible.params;
  params.emplace_back(limit);
  params.emplace_back(offset);
  return Templates("WHERE " + visible.sql + " ORDER BY mt.id DESC LIMIT ? OFFSET ?", params);
}

std::int64_t MechanismRepo::CountTemplates(const common::Scope& scope) {
  const common::ScopeFilter visible = common::Visible(scope, kTemplateRows);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM mechanism_templates mt WHERE " + visible.sql);
  stmt.BindAll(visible.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<MechanismTemplate> MechanismRepo::ActiveTemplates(const common::Scope& scope) {
  const common::ScopeFilter visible = common::Visible(scope, kTemplateRows);
  return Templates("WHERE mt.active = 1 AND " + visible.sql + " ORDER BY mt.id", visible.params);
}

std::vector<MechanismTemplate> MechanismRepo::AllActiveTemplates() {
  return Templates("WHERE mt.active = 1 ORDER BY mt.id", {});
}

std::vector<std::string> MechanismRepo::OccurrencePeriods(std::int64_t template_id) {
  auto stmt = session_.Prepare("SELECT period FROM mechanism_occurrences WHERE template_id = ?");
  stmt.Bind(0, template_id);
  return common::Collect<std::string>(stmt, [](const store::Row& r) { return r.Text(0); });
}

std::optional<std::int64_t> MechanismRepo::InsertOccurrence(const MechanismTemplate& t,
                                                            const std::string& period,
                                                            std::string_view now) {
  return store::InsertOrConflict(session_,
                                 "INSERT INTO mechanism_occurrences (template_id, period, unit_id, "
                                 "created_at) VALUES (?, ?, ?, ?)",
                                 {t.id, period, t.unit_id, std::string(now)});
}

void MechanismRepo::SetOccurrenceTarget(std::int64_t occurrence_id,
                                        std::optional<std::int64_t> meeting_id,
                                        std::optional<std::int64_t> report_task_id) {
  session_.Execute(
      "UPDATE mechanism_occurrences SET meeting_id = ?, report_task_id = ? WHERE id = ?",
      {OptValue(meeting_id), OptValue(report_task_id), occurrence_id});
}

}  // namespace lianyin::domain::mechanism
