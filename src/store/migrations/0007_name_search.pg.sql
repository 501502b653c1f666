-- PostgreSQL searches organisation names with a scan (faster there than any gram join,
-- docs/BENCHMARKS.md), so the gram table it never read goes.
DROP TABLE org_name_grams;
