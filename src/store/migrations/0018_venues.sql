-- Venues and bookings (场地与预约, SPEC §4 "Venues and events"; issue #11): the venues of union
-- units that organisations book, and the permissions on a platform set up before.

-- A venue (场地), owned by its unit (a `union` unit, SPEC §1) and readable by every logged-in
-- user. `booking_version` is bumped at the start of every booking and approval of the venue:
-- on PostgreSQL that UPDATE takes the venue's row lock, so the bookings of one venue run one
-- at a time and an overlap is never missed (domain/venue/venue_service.hpp).
CREATE TABLE venues (
  id              {{id}},
  name            TEXT NOT NULL,
  unit_id         BIGINT NOT NULL REFERENCES units (id),
  region_code     TEXT NOT NULL,
  address         TEXT NOT NULL,
  capacity        BIGINT NOT NULL CHECK (capacity > 0),
  facilities      TEXT,
  opening_hours   TEXT,
  description     TEXT,
  status          TEXT NOT NULL CHECK (status IN ('active', 'closed')),
  booking_version BIGINT NOT NULL DEFAULT 0,
  created_by      BIGINT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX venues_unit ON venues (unit_id, id);
CREATE INDEX venues_region ON venues (region_code, id);
CREATE INDEX venues_status ON venues (status, id);

-- A booking (预约) of a venue by an organisation for [start_at, end_at): ISO date-times in
-- +08:00 as core::FormatDateTime writes them (fixed width, one offset), so text order is time
-- order on both engines. Owned by the venue's unit and the booking organisation (SPEC §1).
-- Bookings of one weekly series share `series_id` (the id of the series' first booking).
CREATE TABLE bookings (
  id          {{id}},
  venue_id    BIGINT NOT NULL REFERENCES venues (id),
  org_id      BIGINT NOT NULL REFERENCES orgs (id),
  start_at    TEXT NOT NULL,
  end_at      TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  series_id   BIGINT,
  reviewed_by BIGINT,
  reviewed_at TEXT,
  reason      TEXT,
  created_by  BIGINT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (start_at < end_at)
);
-- The overlap probe: the live bookings of one venue by start.
CREATE INDEX bookings_venue ON bookings (venue_id, status, start_at, end_at);
CREATE INDEX bookings_org ON bookings (org_id, start_at, id);
CREATE INDEX bookings_status ON bookings (status, start_at, id);
CREATE INDEX bookings_series ON bookings (series_id) WHERE series_id IS NOT NULL;

-- The venue permissions for the roles that have them by default (domain/account/roles.cpp), on a
-- platform set up before they existed; a new platform is seeded from the code at init. Venues
-- are readable by every logged-in user (SPEC §1).
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'venue:venue:list' AS permission
      UNION ALL SELECT 'union_officer', 'venue:venue:edit'
      UNION ALL SELECT 'union_officer', 'venue:booking:list'
      UNION ALL SELECT 'union_officer', 'venue:booking:create'
      UNION ALL SELECT 'union_officer', 'venue:booking:review'
      UNION ALL SELECT 'org_member', 'venue:venue:list'
      UNION ALL SELECT 'org_member', 'venue:booking:list'
      UNION ALL SELECT 'org_member', 'venue:booking:create'
      UNION ALL SELECT 'civil_affairs_officer', 'venue:venue:list'
      UNION ALL SELECT 'inspector', 'venue:venue:list'
      UNION ALL SELECT 'expert', 'venue:venue:list'
      UNION ALL SELECT 'worker', 'venue:venue:list') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
