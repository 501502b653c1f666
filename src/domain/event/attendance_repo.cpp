#include "domain/event/attendance_repo.hpp"

#include "core/mask.hpp"
#include "domain/common/sql_text.hpp"
#include "domain/event/event_repo.hpp"

namespace lianyin::domain::event {
namespace {

using common::Collect;
using common::OptValue;
using Where = common::ScopeFilter;

// The filter's parameters, then LIMIT and OFFSET (bound apart: appending them to the filter's
// vector trips GCC 12's -Wmaybe-uninitialized on the variant).
void BindPage(store::Statement& stmt, const Where& w, std::int64_t limit, std::int64_t offset) {
  const int n = static_cast<int>(w.params.size());
  stmt.BindAll(w.params);
  stmt.Bind(n, limit);
  stmt.Bind(n + 1, offset);
}

// The waiting-list position of s (NULL when confirmed): a probe of event_signups_queue.
constexpr const char* kPosition =
    "CASE WHEN s.status = 'waitlisted' THEN (SELECT COUNT(*) FROM event_signups x "
    "WHERE x.event_id = s.event_id AND x.status = 'waitlisted' "
    "AND x.waitlist_seq <= s.waitlist_seq) END";

std::string SignupSelect() {
  return std::string("SELECT s.id, s.event_id, s.worker_id, w.name, s.status, ") + kPosition +
         ", c.at, s.created_at FROM event_signups s JOIN events e ON e.id = s.event_id "
         "JOIN workers w ON w.id = s.worker_id LEFT JOIN event_checkins c "
         "ON c.event_id = s.event_id AND c.worker_id = s.worker_id ";
}

Signup ReadSignup(const store::Row& r) {
  Signup s;
  s.id = r.Int(0);
  s.event_id = r.Int(1);
  s.worker_id = r.Int(2);
  s.worker_name = core::MaskName(r.Text(3));
  s.status = ParseSignupStatus(r.Text(4)).value_or(SignupStatus::kConfirmed);
  s.position = r.OptInt(5);
  s.checked_in_at = r.OptText(6);
  s.created_at = r.Text(7);
  return s;
}

constexpr const char* kCheckinSelect =
    "SELECT c.id, c.event_id, c.worker_id, w.name, c.at, c.method, c.recorded_by, c.created_at "
    "FROM event_checkins c JOIN events e ON e.id = c.event_id "
    "JOIN workers w ON w.id = c.worker_id ";

Checkin ReadCheckin(const store::Row& r) {
  Checkin c;
  c.id = r.Int(0);
  c.event_id = r.Int(1);
  c.worker_id = r.Int(2);
  c.worker_name = core::MaskName(r.Text(3));
  c.at = r.Text(4);
  c.method = ParseCheckinMethod(r.Text(5)).value_or(CheckinMethod::kOfficer);
  c.recorded_by = r.OptInt(6);
  c.created_at = r.Text(7);
  return c;
}

Where SignupWhere(std::int64_t event_id, std::optional<SignupStatus> status,
                  const common::Scope& scope) {
  Where w = common::Visible(scope, kSignupRows);
  w.Add(" AND s.event_id = ?", event_id);
  if (status) w.Add(" AND s.status = ?", std::string(StatusName(*status)));
  return w;
}

Where CheckinWhere(std::int64_t event_id, const common::Scope& scope) {
  Where w = common::Visible(scope, kCheckinRows);
  w.Add(" AND c.event_id = ?", event_id);
  return w;
}

std::int64_t CountOf(store::Session& session, const std::string& sql, const Where& w) {
  auto stmt = session.Prepare(sql + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

}  // namespace

std::optional<std::int64_t> AttendanceRepo::InsertSignup(
    std::int64_t event_id, std::int64_t worker_id, SignupStatus status,
    std::optional<std::int64_t> waitlist_number, std::optional<std::int64_t> by_user_id,
    std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO event_signups (event_id, worker_id, status, waitlist_seq, created_by, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {event_id, worker_id, std::string(StatusName(status)), OptValue(waitlist_number),
       OptValue(by_user_id), std::string(now), std::string(now)});
}

std::optional<Signup> AttendanceRepo::FindSignup(std::int64_t event_id, std::int64_t worker_id) {
  auto stmt = session_.Prepare(SignupSelect() + "WHERE s.event_id = ? AND s.worker_id = ?");
  stmt.BindAll({event_id, worker_id});
  if (!stmt.Next()) return std::nullopt;
  Signup s = ReadSignup(stmt.row());
  while (stmt.Next()) {
  }
  return s;
}

void AttendanceRepo::DeleteSignup(std::int64_t id) {
  session_.Execute("DELETE FROM event_signups WHERE id = ?", {id});
}

std::optional<Signup> AttendanceRepo::FirstWaitlisted(std::int64_t event_id) {
  auto stmt = session_.Prepare(SignupSelect() +
                               "WHERE s.event_id = ? AND s.status = 'waitlisted' "
                               "ORDER BY s.waitlist_seq LIMIT 1");
  stmt.Bind(0, event_id);
  if (!stmt.Next()) return std::nullopt;
  Signup s = ReadSignup(stmt.row());
  while (stmt.Next()) {
  }
  return s;
}

void AttendanceRepo::Confirm(std::int64_t id, std::string_view now) {
  session_.Execute(
      "UPDATE event_signups SET status = 'confirmed', waitlist_seq = NULL, updated_at = ? "
      "WHERE id = ?",
      {std::string(now), id});
}

std::vector<Signup> AttendanceRepo::ListSignups(std::int64_t event_id,
                                                std::optional<SignupStatus> status,
                                                const common::Scope& scope, std::int64_t limit,
                                                std::int64_t offset) {
  const Where w = SignupWhere(event_id, status, scope);
  auto stmt = session_.Prepare(
      SignupSelect() + "WHERE " + w.sql +
      " ORDER BY CASE WHEN s.status = 'confirmed' THEN 0 ELSE 1 END, s.waitlist_seq, s.id "
      "LIMIT ? OFFSET ?");
  BindPage(stmt, w, limit, offset);
  return Collect<Signup>(stmt, ReadSignup);
}

std::int64_t AttendanceRepo::CountSignups(std::int64_t event_id, std::optional<SignupStatus> status,
                                          const common::Scope& scope) {
  return CountOf(session_,
                 "SELECT COUNT(*) FROM event_signups s JOIN events e ON e.id = s.event_id WHERE ",
                 SignupWhere(event_id, status, scope));
}

std::optional<std::int64_t> AttendanceRepo::InsertCheckin(std::int64_t event_id,
                                                          std::int64_t worker_id,
                                                          std::string_view at, CheckinMethod method,
                                                          std::optional<std::int64_t> by_user_id,
                                                          std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO event_checkins (event_id, worker_id, at, method, recorded_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {event_id, worker_id, std::string(at), std::string(MethodName(method)), OptValue(by_user_id),
       std::string(now)});
}

std::optional<Checkin> AttendanceRepo::FindCheckin(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kCheckinSelect) + "WHERE c.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  Checkin c = ReadCheckin(stmt.row());
  while (stmt.Next()) {
  }
  return c;
}

std::vector<Checkin> AttendanceRepo::ListCheckins(std::int64_t event_id, const common::Scope& scope,
                                                  std::int64_t limit, std::int64_t offset) {
  const Where w = CheckinWhere(event_id, scope);
  auto stmt = session_.Prepare(std::string(kCheckinSelect) + "WHERE " + w.sql +
                               " ORDER BY c.at, c.id LIMIT ? OFFSET ?");
  BindPage(stmt, w, limit, offset);
  return Collect<Checkin>(stmt, ReadCheckin);
}

std::int64_t AttendanceRepo::CountCheckins(std::int64_t event_id, const common::Scope& scope) {
  return CountOf(session_,
                 "SELECT COUNT(*) FROM event_checkins c JOIN events e ON e.id = c.event_id WHERE ",
                 CheckinWhere(event_id, scope));
}

namespace {

// The worker's sign-up (s) and check-in (c) joined to each event; parameters: worker twice.
constexpr const char* kMine =
    " LEFT JOIN event_signups s ON s.event_id = e.id AND s.worker_id = ? "
    "LEFT JOIN event_checkins c ON c.event_id = e.id AND c.worker_id = ? "
    "WHERE (s.id IS NOT NULL OR c.id IS NOT NULL)";

}  // namespace

std::vector<MyEvent> AttendanceRepo::ListMine(std::int64_t worker_id, std::int64_t limit,
                                              std::int64_t offset) {
  const std::string select = EventSelect();
  // EventSelect() ends with its FROM … JOINs; the worker's columns are added after the event's.
  const std::size_t from = select.find(" FROM events e");
  auto stmt = session_.Prepare(select.substr(0, from) + ", s.status, " + kPosition + ", c.at" +
                               select.substr(from) + kMine +
                               " ORDER BY e.start_at DESC, e.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll({worker_id, worker_id, limit, offset});
  std::vector<MyEvent> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    MyEvent m;
    m.event = ReadEvent(r);
    if (!r.IsNull(kEventColumns)) m.signup = ParseSignupStatus(r.Text(kEventColumns));
    m.position = r.OptInt(kEventColumns + 1);
    m.checked_in_at = r.OptText(kEventColumns + 2);
    out.push_back(std::move(m));
  }
  return out;
}

std::int64_t AttendanceRepo::CountMine(std::int64_t worker_id) {
  auto stmt = session_.Prepare(std::string("SELECT COUNT(*) FROM events e") + kMine);
  stmt.BindAll({worker_id, worker_id});
  stmt.Next();
  return stmt.row().Int(0);
}

}  // namespace lianyin::domain::event
