-- One counter per kind of record, raised by every transaction that changes such records
-- (common::DataVersionSink) and committed with them: a cache of anything derived from those
-- records (rendered list pages) stays valid exactly while the counters it was built under are
-- unchanged, whichever process made the change.
CREATE TABLE data_versions (
  entity  TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
