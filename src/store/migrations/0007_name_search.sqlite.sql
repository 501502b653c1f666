-- Organisation names are searched through an FTS5 index with the lianyin_ngram tokenizer
-- (store/sqlite/ngram_tokenizer.hpp): contentless (the names live in orgs), rowid = orgs.id.
-- It replaces org_name_grams, whose three B-trees per posting made imports slow
-- (docs/BENCHMARKS.md). Opening this database with a plain sqlite3 shell works for every table
-- but this one, which needs the tokenizer.
CREATE VIRTUAL TABLE org_name_fts USING fts5(name, content='', columnsize=0,
                                             tokenize='lianyin_ngram');
INSERT INTO org_name_fts (rowid, name) SELECT id, name FROM orgs;
DROP TABLE org_name_grams;
