-- Venue photos (场地照片, issue #11 point 1): JPEG, PNG or WebP images of a venue, stored like
-- project documents (the content in the row, with its SHA-256). `venues.photo_count` bounds them:
-- an upload first runs `UPDATE venues SET photo_count = photo_count + 1 WHERE id = ? AND
-- photo_count < N` (on PostgreSQL the venue's row lock makes parallel uploads count one after
-- another), so a venue never holds more than N (domain/venue/venue_service.hpp).
ALTER TABLE venues ADD COLUMN photo_count BIGINT NOT NULL DEFAULT 0;

CREATE TABLE venue_photos (
  id         {{id}},
  venue_id   BIGINT NOT NULL REFERENCES venues (id),
  file_name  TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size       BIGINT NOT NULL,
  sha256     TEXT NOT NULL,
  content    {{blob}} NOT NULL,
  by_user_id BIGINT,
  created_at TEXT NOT NULL
);
-- A venue's photos in upload order; the first is the list's thumbnail.
CREATE INDEX venue_photos_venue ON venue_photos (venue_id, id);
