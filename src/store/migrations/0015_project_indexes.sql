-- Service-project lists in a unit's scope (docs/BENCHMARKS.md, "Service-project lists"). Every
-- officer's list, and every funding_unit_id filter, reads the projects of a subtree's funding
-- units; the filters that come with them are category, status and the year of start_on. With
-- these columns beside the unit, a scoped count (and the page's ids) is read from this index
-- alone on SQLite, and PostgreSQL seeks the filters in it, instead of visiting each of the
-- subtree's rows (100 000 projects, a province's 7 000: 20–45 ms → under 1 ms on SQLite).
-- projects_unit stays: in id order per unit, it reads the rows a title search must visit in
-- table order.
CREATE INDEX projects_unit_filters ON projects (funding_unit_id, category, status, start_on);
