#include "domain/event/event_repo.hpp"

#include "domain/common/sql_text.hpp"

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

constexpr const char* kEventSelect =
    "SELECT e.id, e.org_id, o.name, e.owner_unit_id, u.name, e.title, e.category, e.description, "
    "e.start_at, e.end_at, e.capacity, e.signup_opens_at, e.signup_closes_at, e.target_groups, "
    "e.region_code, COALESCE(r.name, ''), e.address, e.booking_id, e.venue_id, v.name, "
    "e.project_id, p.title, e.status, e.seats_taken, e.waitlisted, e.checkins, e.reason, "
    "e.created_by, e.created_at, e.updated_at FROM events e JOIN orgs o ON o.id = e.org_id "
    "JOIN units u ON u.id = e.owner_unit_id LEFT JOIN regions r ON r.code = e.region_code "
    "LEFT JOIN venues v ON v.id = e.venue_id LEFT JOIN projects p ON p.id = e.project_id ";

}  // namespace

Event ReadEvent(const store::Row& r) {
  Event e;
  e.id = r.Int(0);
  e.org_id = r.Int(1);
  e.org_name = r.Text(2);
  e.owner_unit_id = r.Int(3);
  e.owner_unit_name = r.Text(4);
  e.title = r.Text(5);
  e.category = r.Text(6);
  e.description = r.OptText(7);
  e.start = r.Text(8);
  e.end = r.Text(9);
  e.capacity = r.Int(10);
  e.signup_opens = r.OptText(11);
  e.signup_closes = r.Text(12);
  e.target_groups = common::SplitCodes(r.Text(13));
  e.region_code = r.Text(14);
  e.region_name = r.Text(15);
  e.address = r.Text(16);
  e.booking_id = r.OptInt(17);
  e.venue_id = r.OptInt(18);
  e.venue_name = r.OptText(19);
  e.project_id = r.OptInt(20);
  e.project_title = r.OptText(21);
  e.status = ParseEventStatus(r.Text(22)).value_or(EventStatus::kDraft);
  e.seats_taken = r.Int(23);
  e.waitlisted = r.Int(24);
  e.checkins = r.Int(25);
  e.reason = r.OptText(26);
  e.created_by = r.OptInt(27);
  e.created_at = r.Text(28);
  e.updated_at = r.Text(29);
  return e;
}

std::string EventSelect() { return kEventSelect; }

namespace {

Where EventWhere(const EventFilter& f, const common::Scope& scope) {
  Where w = common::Visible(scope, kEventRows);
  w.sql = "(e.status <> 'draft' OR " + w.sql + ")";
  if (f.status) w.Add(" AND e.status = ?", std::string(StatusName(*f.status)));
  if (f.category) w.Add(" AND e.category = ?", *f.category);
  if (f.org_id) w.Add(" AND e.org_id = ?", *f.org_id);
  if (f.region_code) {
    w.Add(" AND e.region_code IN (SELECT descendant FROM region_closure WHERE ancestor = ?)",
          *f.region_code);
  }
  if (f.from) w.Add(" AND e.end_at > ?", *f.from);
  if (f.to) w.Add(" AND e.start_at < ?", *f.to);
  if (f.q && !f.q->empty()) {
    w.Add(" AND lower(e.title) LIKE ?" + std::string(common::kLikeEscape),
          common::ContainsPattern(*f.q));
  }
  return w;
}

}  // namespace

std::int64_t EventRepo::Insert(const EventRow& row, std::optional<std::int64_t> by_user_id,
                               std::string_view now) {
  const EventFields& f = row.fields;
  auto stmt = session_.Prepare(
      "INSERT INTO events (org_id, owner_unit_id, title, category, description, start_at, end_at, "
      "capacity, signup_opens_at, signup_closes_at, target_groups, region_code, address, "
      "booking_id, venue_id, project_id, status, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?) RETURNING id");
  stmt.BindAll({row.org_id, row.owner_unit_id, f.title, f.category, OptValue(f.description),
                f.start, f.end, f.capacity, OptValue(f.signup_opens), f.signup_closes,
                common::JoinCodes(f.target_groups), f.region_code, f.address,
                OptValue(row.booking_id), OptValue(row.venue_id), OptValue(row.project_id),
                OptValue(by_user_id), std::string(now), std::string(now)});
  stmt.Next();
  const std::int64_t id = stmt.row().Int(0);
  while (stmt.Next()) {
  }
  return id;
}

bool EventRepo::Update(std::int64_t id, const EventFields& f, std::string_view now) {
  return session_.Execute(
             "UPDATE events SET title = ?, category = ?, description = ?, start_at = ?, "
             "end_at = ?, capacity = ?, signup_opens_at = ?, signup_closes_at = ?, "
             "target_groups = ?, region_code = ?, address = ?, updated_at = ? "
             "WHERE id = ? AND seats_taken <= ?",
             {f.title, f.category, OptValue(f.description), f.start, f.end, f.capacity,
              OptValue(f.signup_opens), f.signup_closes, common::JoinCodes(f.target_groups),
              f.region_code, f.address, std::string(now), id, f.capacity}) == 1;
}

bool EventRepo::Move(std::int64_t id, EventStatus from, EventStatus to,
                     const std::optional<std::string>& reason, std::string_view now) {
  return session_.Execute(
             "UPDATE events SET status = ?, reason = COALESCE(?, reason), updated_at = ? "
             "WHERE id = ? AND status = ?",
             {std::string(StatusName(to)), OptValue(reason), std::string(now), id,
              std::string(StatusName(from))}) == 1;
}

std::optional<Event> EventRepo::FindPublic(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kEventSelect) + "WHERE e.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  Event e = ReadEvent(stmt.row());
  while (stmt.Next()) {
  }
  return e;
}

bool EventRepo::InScope(const common::Scope& scope, std::int64_t id) {
  const Where visible = common::Visible(scope, kEventRows);
  auto stmt = session_.Prepare("SELECT 1 FROM events e WHERE e.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  return stmt.Next();
}

std::vector<Event> EventRepo::List(const EventFilter& f, const common::Scope& scope,
                                   std::int64_t limit, std::int64_t offset) {
  const Where w = EventWhere(f, scope);
  auto stmt = session_.Prepare(
      std::string(kEventSelect) + "WHERE " + w.sql +
      (f.soonest_first ? " ORDER BY e.start_at, e.id" : " ORDER BY e.start_at DESC, e.id DESC") +
      " LIMIT ? OFFSET ?");
  BindPage(stmt, w, limit, offset);
  return Collect<Event>(stmt, ReadEvent);
}

std::int64_t EventRepo::Count(const EventFilter& f, const common::Scope& scope) {
  const Where w = EventWhere(f, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM events e WHERE " + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

bool EventRepo::TakeSeat(std::int64_t id, std::string_view now) {
  return session_.Execute(
             "UPDATE events SET seats_taken = seats_taken + 1, updated_at = ? "
             "WHERE id = ? AND status = 'published' AND seats_taken < capacity",
             {std::string(now), id}) == 1;
}

std::optional<std::int64_t> EventRepo::TakeWaitlistNumber(std::int64_t id, std::string_view now) {
  auto stmt = session_.Prepare(
      "UPDATE events SET waitlist_seq = waitlist_seq + 1, waitlisted = waitlisted + 1, "
      "updated_at = ? WHERE id = ? AND status = 'published' AND seats_taken >= capacity "
      "RETURNING waitlist_seq");
  stmt.BindAll({std::string(now), id});
  if (!stmt.Next()) return std::nullopt;
  const std::int64_t number = stmt.row().Int(0);
  while (stmt.Next()) {
  }
  return number;
}

bool EventRepo::TakeSignupTurn(std::int64_t id) {
  return session_.Execute("UPDATE events SET waitlist_seq = waitlist_seq WHERE id = ?", {id}) == 1;
}

void EventRepo::SeatFreed(std::int64_t id, bool promoted, std::string_view now) {
  session_.Execute(promoted ? "UPDATE events SET waitlisted = waitlisted - 1, updated_at = ? "
                              "WHERE id = ?"
                            : "UPDATE events SET seats_taken = seats_taken - 1, updated_at = ? "
                              "WHERE id = ?",
                   {std::string(now), id});
}

void EventRepo::WaitlistLeft(std::int64_t id, std::string_view now) {
  session_.Execute("UPDATE events SET waitlisted = waitlisted - 1, updated_at = ? WHERE id = ?",
                   {std::string(now), id});
}

void EventRepo::AddCheckins(std::int64_t id, std::int64_t count) {
  session_.Execute("UPDATE events SET checkins = checkins + ? WHERE id = ?", {count, id});
}

}  // namespace lianyin::domain::event
