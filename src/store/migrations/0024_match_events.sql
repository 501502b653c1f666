-- An event made of a served match (issue #11: POST /matches/{id}/event), as a project is made of
-- one (project_id, 0016): at most one per match, and an event comes of at most one match. The
-- link is set by a conditional UPDATE (… WHERE event_id IS NULL) in the transaction that inserts
-- the event, so of concurrent requests exactly one links its event; the unique index guards the
-- other direction.
ALTER TABLE matches ADD COLUMN event_id BIGINT REFERENCES events (id);
CREATE UNIQUE INDEX matches_event ON matches (event_id) WHERE event_id IS NOT NULL;
