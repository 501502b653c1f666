-- An organisation's categories, ';'-separated in code order, kept beside org_categories (which
-- the category filter uses): a list page reads them with the row instead of aggregating them
-- row by row (docs/BENCHMARKS.md). Written together with org_categories by domain/org.
ALTER TABLE orgs ADD COLUMN categories TEXT NOT NULL DEFAULT '';
