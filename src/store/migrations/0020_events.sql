-- Events, sign-ups and check-ins (活动、报名、签到, SPEC §4 "Venues and events"; issue #11).

-- An event (活动) organised by an organisation, optionally at an approved booking of a venue and
-- for a purchased-service project. `owner_unit_id` is fixed at creation (SPEC §1): the venue's
-- unit when booked, else the project's funding unit, else the organisation's registration
-- unit. Date-times are ISO text in +08:00 as core::FormatDateTime writes them (text order is
-- time order); [start_at, end_at). `seats_taken` counts confirmed sign-ups and never passes
-- `capacity` (the conditional UPDATE of a sign-up, and this CHECK as the last word);
-- `waitlisted` counts the waiting list, `checkins` the check-ins; `waitlist_seq` hands out the
-- waiting list's order. `target_groups`: codes, comma-separated in order.
CREATE TABLE events (
  id               {{id}},
  org_id           BIGINT NOT NULL REFERENCES orgs (id),
  owner_unit_id    BIGINT NOT NULL REFERENCES units (id),
  title            TEXT NOT NULL,
  category         TEXT NOT NULL,
  description      TEXT,
  start_at         TEXT NOT NULL,
  end_at           TEXT NOT NULL,
  capacity         BIGINT NOT NULL CHECK (capacity > 0),
  signup_opens_at  TEXT,
  signup_closes_at TEXT NOT NULL,
  target_groups    TEXT NOT NULL DEFAULT '',
  region_code      TEXT NOT NULL,
  address          TEXT NOT NULL,
  booking_id       BIGINT REFERENCES bookings (id),
  venue_id         BIGINT REFERENCES venues (id),
  project_id       BIGINT REFERENCES projects (id),
  status           TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled', 'ended')),
  seats_taken      BIGINT NOT NULL DEFAULT 0,
  waitlisted       BIGINT NOT NULL DEFAULT 0 CHECK (waitlisted >= 0),
  waitlist_seq     BIGINT NOT NULL DEFAULT 0,
  checkins         BIGINT NOT NULL DEFAULT 0 CHECK (checkins >= 0),
  reason           TEXT,
  created_by       BIGINT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (start_at < end_at),
  CHECK (seats_taken >= 0 AND seats_taken <= capacity)
);
CREATE INDEX events_owner ON events (owner_unit_id, start_at);
CREATE INDEX events_org ON events (org_id, start_at);
CREATE INDEX events_status ON events (status, start_at);
CREATE INDEX events_region ON events (region_code, start_at);
CREATE INDEX events_category ON events (category, start_at);
CREATE INDEX events_booking ON events (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX events_project ON events (project_id) WHERE project_id IS NOT NULL;

-- A sign-up (报名) of a worker: confirmed (holds a seat) or waitlisted (候补, ordered by
-- waitlist_seq). One per worker and event (the unique key: a second is 409, even at once).
-- Cancelling deletes the row.
CREATE TABLE event_signups (
  id           {{id}},
  event_id     BIGINT NOT NULL REFERENCES events (id),
  worker_id    BIGINT NOT NULL REFERENCES workers (id),
  status       TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
  waitlist_seq BIGINT,
  created_by   BIGINT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (event_id, worker_id),
  CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL))
);
CREATE INDEX event_signups_queue ON event_signups (event_id, status, waitlist_seq);
CREATE INDEX event_signups_worker ON event_signups (worker_id, event_id);

-- A check-in (签到): one per worker and event, at a time inside the event's check-in window.
-- These are the statistics' person-times (one row each) and unique workers (distinct
-- worker_id) by `at`. `method`: token (the rotating QR code), code (its numeric form) or
-- officer (recorded from a list).
CREATE TABLE event_checkins (
  id          {{id}},
  event_id    BIGINT NOT NULL REFERENCES events (id),
  worker_id   BIGINT NOT NULL REFERENCES workers (id),
  at          TEXT NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('token', 'code', 'officer')),
  recorded_by BIGINT,
  created_at  TEXT NOT NULL,
  UNIQUE (event_id, worker_id)
);
CREATE INDEX event_checkins_at ON event_checkins (at, worker_id);
CREATE INDEX event_checkins_worker ON event_checkins (worker_id, at);

-- The event permissions for the roles that have them by default (domain/account/roles.cpp),
-- on a platform set up before they existed; a new platform is seeded from the code at init.
-- Events are readable by every logged-in user (SPEC §1).
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'union_officer' AS role, 'event:event:list' AS permission
      UNION ALL SELECT 'union_officer', 'event:event:edit'
      UNION ALL SELECT 'union_officer', 'event:signup:create'
      UNION ALL SELECT 'union_officer', 'event:signup:list'
      UNION ALL SELECT 'union_officer', 'event:checkin:create'
      UNION ALL SELECT 'union_officer', 'event:checkin:list'
      UNION ALL SELECT 'org_member', 'event:event:list'
      UNION ALL SELECT 'org_member', 'event:event:edit'
      UNION ALL SELECT 'org_member', 'event:signup:list'
      UNION ALL SELECT 'org_member', 'event:checkin:create'
      UNION ALL SELECT 'org_member', 'event:checkin:list'
      UNION ALL SELECT 'worker', 'event:event:list'
      UNION ALL SELECT 'worker', 'event:signup:create'
      UNION ALL SELECT 'worker', 'event:checkin:create'
      UNION ALL SELECT 'civil_affairs_officer', 'event:event:list'
      UNION ALL SELECT 'inspector', 'event:event:list'
      UNION ALL SELECT 'expert', 'event:event:list') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);
