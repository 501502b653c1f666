#pragma once
// Internal: the FTS5 tokenizer `lianyin_ngram`, which makes a full-text index answer "contains
// this substring" for any query length, Chinese included.

#include <sqlite3.h>

namespace lianyin::store::sqlite {

// Registers `lianyin_ngram` on `db` (every connection that touches an FTS5 table using it must).
// A document is indexed as one position per code point: the two-character window starting
// there, with its single character colocated (the last position holds only the character).
// A MATCH phrase of one character looks up that character; a longer one looks up its
// two-character windows at consecutive positions, which matches exactly the documents holding
// the phrase as a substring. ASCII letters are lower-cased on both sides; every other code point
// (spaces and punctuation too) is matched as written. Trigram tokenizers cannot serve the one-
// and two-character queries that Chinese names need. Returns an SQLite result code.
int RegisterNgramTokenizer(sqlite3* db);

}  // namespace lianyin::store::sqlite
