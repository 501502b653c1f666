#include "store/sqlite/ngram_tokenizer.hpp"

#include <string>
#include <vector>

namespace lianyin::store::sqlite {
namespace {

// The byte length of the UTF-8 sequence starting with `lead`; malformed input counts byte by byte.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

struct Character {
  int start = 0;  // byte offset in the text
  int end = 0;
};

std::vector<Character> Characters(const char* text, int size) {
  std::vector<Character> out;
  for (int i = 0; i < size;) {
    int n = SequenceLength(static_cast<unsigned char>(text[i]));
    if (i + n > size) n = size - i;
    out.push_back({i, i + n});
    i += n;
  }
  return out;
}

// The token for the characters [first, last] (one or two), ASCII letters lower-cased.
std::string Token(const char* text, const Character& first, const Character& last) {
  std::string token(text + first.start, text + last.end);
  for (char& c : token) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return token;
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int Emit(TokenCallback emit, void* context, int flags, const std::string& token,
         const Character& first, const Character& last) {
  return emit(context, flags, token.data(), static_cast<int>(token.size()), first.start, last.end);
}

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  static int instance = 0;  // the tokenizer keeps no state: one shared dummy object
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer*) {}

int Tokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int size,
             TokenCallback emit) {
  const std::vector<Character> chars = Characters(text, size);
  const int n = static_cast<int>(chars.size());
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  int rc = SQLITE_OK;
  if (query) {
    if (n == 1) return Emit(emit, context, 0, Token(text, chars[0], chars[0]), chars[0], chars[0]);
    for (int i = 0; rc == SQLITE_OK && i + 1 < n; ++i) {
      rc = Emit(emit, context, 0, Token(text, chars[i], chars[i + 1]), chars[i], chars[i + 1]);
    }
    return rc;
  }
  for (int i = 0; rc == SQLITE_OK && i < n; ++i) {
    if (i + 1 < n) {
      rc = Emit(emit, context, 0, Token(text, chars[i], chars[i + 1]), chars[i], chars[i + 1]);
      if (rc != SQLITE_OK) break;
      rc = Emit(emit, context, FTS5_TOKEN_COLOCATED, Token(text, chars[i], chars[i]), chars[i],
                chars[i]);
    } else {
      rc = Emit(emit, context, 0, Token(text, chars[i], chars[i]), chars[i], chars[i]);
    }
  }
  return rc;
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

int RegisterNgramTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) return SQLITE_ERROR;
  static fts5_tokenizer tokenizer{Create, Delete, Tokenize};
  return api->xCreateTokenizer(api, "lianyin_ngram", nullptr, &tokenizer, nullptr);
}

}  // namespace lianyin::store::sqlite
