#include "domain/venue/venue_repo.hpp"

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::venue {
namespace {

using common::Collect;
using common::ContainsPattern;
using common::kLikeEscape;
using common::OptValue;
using Where = common::ScopeFilter;

constexpr const char* kVenueSelect =
    "SELECT v.id, v.name, v.unit_id, u.name, v.region_code, COALESCE(r.name, ''), v.address, "
    "v.capacity, v.facilities, v.opening_hours, v.description, v.status, v.created_at, "
    "v.updated_at, (SELECT MIN(p.id) FROM venue_photos p WHERE p.venue_id = v.id), "
    "v.photo_count FROM venues v JOIN units u ON u.id = v.unit_id "
    "LEFT JOIN regions r ON r.code = v.region_code ";

Venue ReadVenue(const store::Row& r) {
  Venue v;
  v.id = r.Int(0);
  v.name = r.Text(1);
  v.unit_id = r.Int(2);
  v.unit_name = r.Text(3);
  v.region_code = r.Text(4);
  v.region_name = r.Text(5);
  v.address = r.Text(6);
  v.capacity = r.Int(7);
  v.facilities = r.OptText(8);
  v.opening_hours = r.OptText(9);
  v.description = r.OptText(10);
  v.status = ParseVenueStatus(r.Text(11)).value_or(VenueStatus::kActive);
  v.created_at = r.Text(12);
  v.updated_at = r.Text(13);
  v.cover_photo_id = r.OptInt(14);
  v.photo_count = r.Int(15);
  return v;
}

// Columns 0-8: the photo; the download appends its content.
constexpr const char* kPhotoSelect =
    "SELECT p.id, p.venue_id, p.file_name, p.media_type, p.size, p.sha256, p.by_user_id, "
    "COALESCE(bu.display_name, ''), p.created_at";
constexpr const char* kPhotoFrom =
    " FROM venue_photos p LEFT JOIN users bu ON bu.id = p.by_user_id ";

Photo ReadPhoto(const store::Row& r) {
  Photo p;
  p.id = r.Int(0);
  p.venue_id = r.Int(1);
  p.file_name = r.Text(2);
  p.media_type = r.Text(3);
  p.size = r.Int(4);
  p.sha256 = r.Text(5);
  p.by_user_id = r.OptInt(6);
  p.by_name = r.Text(7);
  p.created_at = r.Text(8);
  return p;
}

// Columns 0-16: the booking; the calendar appends whether the caller sees it.
constexpr const char* kBookingColumns =
    "SELECT b.id, b.venue_id, v.name, v.unit_id, b.org_id, o.name, b.start_at, b.end_at, "
    "b.purpose, b.status, b.series_id, b.reviewed_by, b.reviewed_at, b.reason, b.created_by, "
    "b.created_at, b.updated_at";
constexpr const char* kBookingFrom =
    " FROM bookings b JOIN venues v ON v.id = b.venue_id JOIN orgs o ON o.id = b.org_id ";

Booking ReadBooking(const store::Row& r) {
  Booking b;
  b.id = r.Int(0);
  b.venue_id = r.Int(1);
  b.venue_name = r.Text(2);
  b.unit_id = r.Int(3);
  b.org_id = r.Int(4);
  b.org_name = r.Text(5);
  b.start = r.Text(6);
  b.end = r.Text(7);
  b.purpose = r.Text(8);
  b.status = ParseBookingStatus(r.Text(9)).value_or(BookingStatus::kPending);
  b.series_id = r.OptInt(10);
  b.reviewed_by = r.OptInt(11);
  b.reviewed_at = r.OptText(12);
  b.reason = r.OptText(13);
  b.created_by = r.OptInt(14);
  b.created_at = r.Text(15);
  b.updated_at = r.Text(16);
  return b;
}

// A pending or approved booking of venue `?` overlapping [?, ?) — parameters venue, start, end
// (half-open: it starts before the end and ends after the start).
constexpr const char* kLiveOverlap =
    "SELECT 1 FROM bookings x WHERE x.venue_id = ? AND x.status IN ('pending', 'approved') "
    "AND x.start_at < ? AND x.end_at > ?";

Where VenueWhere(const VenueFilter& f) {
  Where w{"1 = 1", {}};
  if (f.status) w.Add(" AND v.status = ?", std::string(StatusName(*f.status)));
  if (f.unit_id) {
    w.Add(" AND v.unit_id IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)", *f.unit_id);
  }
  if (f.region_code) {
    w.Add(" AND v.region_code IN (SELECT descendant FROM region_closure WHERE ancestor = ?)",
          *f.region_code);
  }
  if (f.q && !f.q->empty()) {
    const std::string pattern = ContainsPattern(*f.q);
    w.Add(" AND (lower(v.name) LIKE ?" + std::string(kLikeEscape), pattern);
    w.Add(" OR lower(v.address) LIKE ?" + std::string(kLikeEscape) + ")", pattern);
  }
  return w;
}

Where BookingWhere(const BookingFilter& f, const common::Scope& scope) {
  Where w = common::Visible(scope, kBookingRows);
  if (f.venue_id) w.Add(" AND b.venue_id = ?", *f.venue_id);
  if (f.org_id) w.Add(" AND b.org_id = ?", *f.org_id);
  if (f.status) w.Add(" AND b.status = ?", std::string(StatusName(*f.status)));
  if (f.from) w.Add(" AND b.end_at > ?", *f.from);
  if (f.to) w.Add(" AND b.start_at < ?", *f.to);
  return w;
}

}  // namespace

std::int64_t VenueRepo::InsertVenue(const NewVenue& v, std::optional<std::int64_t> by_user_id,
                                    std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO venues (name, unit_id, region_code, address, capacity, facilities, "
      "opening_hours, description, status, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) RETURNING id");
  stmt.BindAll({v.name, v.unit_id, v.region_code, v.address, v.capacity, OptValue(v.facilities),
                OptValue(v.opening_hours), OptValue(v.description), OptValue(by_user_id),
                std::string(now), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

void VenueRepo::UpdateVenue(std::int64_t id, const NewVenue& v, std::string_view now) {
  session_.Execute(
      "UPDATE venues SET name = ?, region_code = ?, address = ?, capacity = ?, facilities = ?, "
      "opening_hours = ?, description = ?, updated_at = ? WHERE id = ?",
      {v.name, v.region_code, v.address, v.capacity, OptValue(v.facilities),
       OptValue(v.opening_hours), OptValue(v.description), std::string(now), id});
}

bool VenueRepo::MoveVenue(std::int64_t id, VenueStatus from, VenueStatus to, std::string_view now) {
  return session_.Execute(
             "UPDATE venues SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
             {std::string(StatusName(to)), std::string(now), id, std::string(StatusName(from))}) ==
         1;
}

std::optional<Venue> VenueRepo::FindPublicVenue(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kVenueSelect) + "WHERE v.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadVenue(stmt.row());
}

bool VenueRepo::VenueInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kVenueRows);
  auto stmt = session_.Prepare("SELECT 1 FROM venues v WHERE v.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  return stmt.Next();
}

std::vector<Venue> VenueRepo::ListVenues(const VenueFilter& f, std::int64_t limit,
                                         std::int64_t offset) {
  Where w = VenueWhere(f);
  auto stmt = session_.Prepare(std::string(kVenueSelect) + "WHERE " + w.sql +
                               " ORDER BY v.id DESC LIMIT ? OFFSET ?");
  w.params.push_back(limit);
  w.params.push_back(offset);
  stmt.BindAll(w.params);
  return Collect<Venue>(stmt, ReadVenue);
}

std::int64_t VenueRepo::CountVenues(const VenueFilter& f) {
  const Where w = VenueWhere(f);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM venues v WHERE " + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<VenueStatus> VenueRepo::TakeBookingTurn(std::int64_t venue_id) {
  if (session_.Execute("UPDATE venues SET booking_version = booking_version + 1 WHERE id = ?",
                       {venue_id}) != 1) {
    return std::nullopt;
  }
  auto stmt = session_.Prepare("SELECT status FROM venues WHERE id = ?");
  stmt.Bind(0, venue_id);
  if (!stmt.Next()) return std::nullopt;
  return ParseVenueStatus(stmt.row().Text(0));
}

std::vector<Clash> VenueRepo::Clashes(std::int64_t venue_id, const std::vector<Slot>& slots) {
  std::vector<Clash> out;
  auto stmt = session_.Prepare(
      "SELECT x.id FROM bookings x WHERE x.venue_id = ? AND x.status IN ('pending', 'approved') "
      "AND x.start_at < ? AND x.end_at > ? ORDER BY x.start_at LIMIT 1");
  for (std::size_t i = 0; i < slots.size(); ++i) {
    stmt.BindAll({venue_id, slots[i].end, slots[i].start});
    if (stmt.Next()) out.push_back({i, stmt.row().Int(0)});
    while (stmt.Next()) {
    }
  }
  return out;
}

std::optional<std::int64_t> VenueRepo::InsertBookingIfFree(std::int64_t venue_id,
                                                           const NewBooking& b, const Slot& slot,
                                                           std::optional<std::int64_t> series_id,
                                                           std::optional<std::int64_t> by_user_id,
                                                           std::string_view now) {
  // The CASTs give PostgreSQL the parameters' types, which an INSERT … SELECT does not infer.
  auto stmt = session_.Prepare(
      std::string("INSERT INTO bookings (venue_id, org_id, start_at, end_at, purpose, status, "
                  "series_id, created_by, created_at, updated_at) "
                  "SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ?, ?, 'pending', "
                  "CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ? WHERE NOT EXISTS (") +
      kLiveOverlap + ") RETURNING id");
  stmt.BindAll({venue_id, b.org_id, slot.start, slot.end, b.purpose, OptValue(series_id),
                OptValue(by_user_id), std::string(now), std::string(now), venue_id, slot.end,
                slot.start});
  if (!stmt.Next()) return std::nullopt;
  const std::int64_t id = stmt.row().Int(0);
  while (stmt.Next()) {
  }
  return id;
}

void VenueRepo::SetSeries(std::int64_t id, std::int64_t series_id) {
  session_.Execute("UPDATE bookings SET series_id = ? WHERE id = ?", {series_id, id});
}

std::optional<OrgRef> VenueRepo::FindOrg(std::int64_t org_id) {
  auto stmt = session_.Prepare(
      "SELECT o.id, o.name, o.status, o.registration_unit_id FROM orgs o WHERE o.id = ? AND "
      "o.import_id IS NULL");
  stmt.Bind(0, org_id);
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return OrgRef{r.Int(0), r.Text(1), r.Text(2), r.Int(3)};
}

std::optional<Booking> VenueRepo::FindBooking(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kBookingRows);
  auto stmt = session_.Prepare(std::string(kBookingColumns) + kBookingFrom + "WHERE b.id = ? AND " +
                               visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadBooking(stmt.row());
}

std::vector<Booking> VenueRepo::ListBookings(const BookingFilter& f, const common::Scope& scope,
                                             std::int64_t limit, std::int64_t offset) {
  Where w = BookingWhere(f, scope);
  // The review queue comes soonest first; history latest first.
  const bool queue = f.status == BookingStatus::kPending;
  auto stmt = session_.Prepare(
      std::string(kBookingColumns) + kBookingFrom + "WHERE " + w.sql +
      (queue ? " ORDER BY b.start_at, b.id" : " ORDER BY b.start_at DESC, b.id DESC") +
      " LIMIT ? OFFSET ?");
  w.params.push_back(limit);
  w.params.push_back(offset);
  stmt.BindAll(w.params);
  return Collect<Booking>(stmt, ReadBooking);
}

std::int64_t VenueRepo::CountBookings(const BookingFilter& f, const common::Scope& scope) {
  const Where w = BookingWhere(f, scope);
  auto stmt = session_.Prepare(
      "SELECT COUNT(*) FROM bookings b JOIN venues v ON v.id = "
      "b.venue_id WHERE " +
      w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

void VenueRepo::LoadCalendar(Calendar& calendar, const common::Scope& scope) {
  const common::ScopeFilter visible = common::Visible(scope, kBookingRows);
  auto stmt = session_.Prepare(std::string(kBookingColumns) + ", CASE WHEN " + visible.sql +
                               " THEN 1 ELSE 0 END" + kBookingFrom +
                               "WHERE b.venue_id = ? AND b.start_at < ? AND b.end_at > ? "
                               "ORDER BY b.start_at, b.id");
  std::vector<store::Value> params = visible.params;
  params.insert(params.end(), {calendar.venue_id, calendar.to, calendar.from});
  stmt.BindAll(params);
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    Booking b = ReadBooking(r);
    if (r.Int(17) == 1) {
      calendar.bookings.push_back(std::move(b));
    } else if (HoldsSlot(b.status)) {
      calendar.busy.push_back({b.start, b.end, b.status});
    }
  }
}

bool VenueRepo::Approve(const Booking& b, std::optional<std::int64_t> by_user_id,
                        std::string_view now) {
  return session_.Execute(
             "UPDATE bookings SET status = 'approved', reviewed_by = ?, reviewed_at = ?, "
             "updated_at = ? WHERE id = ? AND status = 'pending' AND NOT EXISTS (SELECT 1 FROM "
             "bookings x WHERE x.venue_id = ? AND x.id <> ? AND x.status = 'approved' AND "
             "x.start_at < ? AND x.end_at > ?)",
             {OptValue(by_user_id), std::string(now), std::string(now), b.id, b.venue_id, b.id,
              b.end, b.start}) == 1;
}

bool VenueRepo::Move(std::int64_t id, BookingStatus from, BookingStatus to,
                     std::optional<std::int64_t> by_user_id,
                     const std::optional<std::string>& reason, std::string_view now, bool review) {
  if (review) {
    return session_.Execute(
               "UPDATE bookings SET status = ?, reviewed_by = ?, reviewed_at = ?, reason = ?, "
               "updated_at = ? WHERE id = ? AND status = ?",
               {std::string(StatusName(to)), OptValue(by_user_id), std::string(now),
                OptValue(reason), std::string(now), id, std::string(StatusName(from))}) == 1;
  }
  return session_.Execute(
             "UPDATE bookings SET status = ?, reason = COALESCE(?, reason), updated_at = ? "
             "WHERE id = ? AND status = ?",
             {std::string(StatusName(to)), OptValue(reason), std::string(now), id,
              std::string(StatusName(from))}) == 1;
}

bool VenueRepo::TakePhotoSlot(std::int64_t venue_id, std::int64_t max) {
  return session_.Execute(
             "UPDATE venues SET photo_count = photo_count + 1 WHERE id = ? AND photo_count < ?",
             {venue_id, max}) == 1;
}

void VenueRepo::ReleasePhotoSlot(std::int64_t venue_id) {
  session_.Execute(
      "UPDATE venues SET photo_count = photo_count - 1 WHERE id = ? AND photo_count > 0",
      {venue_id});
}

std::int64_t VenueRepo::InsertPhoto(const Photo& p, const std::string& content,
                                    std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO venue_photos (venue_id, file_name, media_type, size, sha256, content, "
      "by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt.BindAll({p.venue_id, p.file_name, p.media_type, p.size, p.sha256, store::Blob{content},
                OptValue(p.by_user_id), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<Photo> VenueRepo::Photos(std::int64_t venue_id) {
  auto stmt = session_.Prepare(std::string(kPhotoSelect) + kPhotoFrom +
                               "WHERE p.venue_id = ? ORDER BY p.id");
  stmt.Bind(0, venue_id);
  return Collect<Photo>(stmt, ReadPhoto);
}

std::optional<PhotoFile> VenueRepo::FindPhoto(std::int64_t venue_id, std::int64_t id,
                                              bool with_content) {
  auto stmt =
      session_.Prepare(std::string(kPhotoSelect) + (with_content ? ", p.content" : ", NULL") +
                       kPhotoFrom + "WHERE p.id = ? AND p.venue_id = ?");
  stmt.BindAll({id, venue_id});
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return PhotoFile{ReadPhoto(r), with_content ? r.Bytes(9) : std::string()};
}

void VenueRepo::DeletePhoto(std::int64_t id) {
  session_.Execute("DELETE FROM venue_photos WHERE id = ?", {id});
}

}  // namespace lianyin::domain::venue
