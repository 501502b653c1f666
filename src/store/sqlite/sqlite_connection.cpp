#include "store/sqlite/sqlite_connection.hpp"

#include <fmt/format.h>

#include <limits>

#include "store/sqlite/ngram_tokenizer.hpp"

namespace lianyin::store::sqlite {
namespace {

DbError::Kind KindOf(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbError::Kind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DbError::Kind::kForeignKeyViolation;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return DbError::Kind::kCheckViolation;
    default:
      break;
  }
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return DbError::Kind::kBusy;
  if (primary == SQLITE_CANTOPEN) return DbError::Kind::kConnection;
  return DbError::Kind::kOther;
}

// Executes BulkLoader::Add as one cached INSERT per row. Opens its own write transaction when
// the session has none, so a load is all-or-nothing on both engines.
class SqliteBulkLoader final : public BulkLoader {
 public:
  SqliteBulkLoader(detail::ConnectionImpl* conn, const std::string& insert_sql)
      : conn_(conn), own_transaction_(!conn->in_transaction()) {
    if (own_transaction_) conn_->Begin(TxMode::kWrite);
    insert_ = conn_->Prepare(insert_sql);
  }
  ~SqliteBulkLoader() override {
    insert_->Reset();
    insert_->in_use = false;
    if (own_transaction_ && conn_->in_transaction()) conn_->RollbackQuietly();
  }
  SqliteBulkLoader(const SqliteBulkLoader&) = delete;
  SqliteBulkLoader& operator=(const SqliteBulkLoader&) = delete;

  void Add(const std::vector<Value>& row) override {
    for (int i = 0; i < static_cast<int>(row.size()); ++i) insert_->Bind(i, row[i]);
    insert_->Execute();
    ++rows_;
  }

  std::int64_t Finish() override {
    insert_->Reset();
    if (own_transaction_) conn_->Commit();
    return rows_;
  }

 private:
  detail::ConnectionImpl* conn_;
  bool own_transaction_;
  detail::StatementImpl* insert_ = nullptr;
  std::int64_t rows_ = 0;
};

}  // namespace

void ThrowError(sqlite3* db, int rc, std::string_view context) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw DbError(KindOf(rc), fmt::format("sqlite: {} ({}): {}", message, rc, context));
}

// ---- SqliteStatement ----

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Bind(int index, const Value& value) {
  if (started_) {
    sqlite3_reset(stmt_);
    started_ = done_ = false;
  }
  int pos = index + 1;
  int rc = std::visit(
      [&](const auto& v) -> int {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Null>) {
          return sqlite3_bind_null(stmt_, pos);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return sqlite3_bind_int64(stmt_, pos, v);
        } else if constexpr (std::is_same_v<T, double>) {
          return sqlite3_bind_double(stmt_, pos, v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return sqlite3_bind_text64(stmt_, pos, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        } else {
          return sqlite3_bind_blob64(stmt_, pos, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT);
        }
      },
      value);
  if (rc != SQLITE_OK) ThrowError(db_, rc, fmt::format("bind {} in {}", index, sqlite3_sql(stmt_)));
}

bool SqliteStatement::Next() {
  if (done_) return false;
  started_ = true;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    done_ = true;
    return false;
  }
  rc = sqlite3_extended_errcode(db_);
  std::string sql = sqlite3_sql(stmt_);
  DbError error(KindOf(rc), fmt::format("sqlite: {} ({}): {}", sqlite3_errmsg(db_), rc, sql));
  sqlite3_reset(stmt_);
  started_ = done_ = false;
  throw error;
}

std::int64_t SqliteStatement::Execute() {
  while (Next()) {
  }
  return sqlite3_changes64(db_);
}

void SqliteStatement::Reset() noexcept {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  started_ = done_ = false;
}

bool SqliteStatement::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::int64_t SqliteStatement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

double SqliteStatement::Real(int col) const { return sqlite3_column_double(stmt_, col); }

std::string SqliteStatement::Text(int col) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (text == nullptr) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string SqliteStatement::Bytes(int col) const {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  if (data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

int SqliteStatement::ColumnCount() const { return sqlite3_column_count(stmt_); }

// ---- SqliteConnection ----

SqliteConnection::SqliteConnection(const ConnectionOptions& options)
    : gate_(options.write_gate), gate_timeout_(options.busy_timeout_ms) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(options.filename.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    throw DbError(DbError::Kind::kConnection,
                  fmt::format("sqlite: cannot open {}: {}", options.filename, message));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  try {
    if (options.wal) ExecuteScript("PRAGMA journal_mode=WAL");
    ExecuteScript(options.synchronous_full ? "PRAGMA synchronous=FULL"
                                           : "PRAGMA synchronous=NORMAL");
    ExecuteScript("PRAGMA foreign_keys=ON");
    if (RegisterNgramTokenizer(db_) != SQLITE_OK) {
      throw DbError(DbError::Kind::kConnection, "sqlite: cannot register the FTS5 tokenizer");
    }
  } catch (...) {
    sqlite3_close_v2(db_);
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  ClearStatementCache();
  sqlite3_close_v2(db_);
}

void SqliteConnection::ExecuteScript(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return;
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  rc = sqlite3_extended_errcode(db_);
  throw DbError(KindOf(rc), fmt::format("sqlite: {} ({}): {}", detail, rc, text.substr(0, 200)));
}

std::unique_ptr<BulkLoader> SqliteConnection::Load(std::string_view table,
                                                   const std::vector<std::string>& columns) {
  std::string sql = "INSERT INTO " + detail::TableWithColumns(table, columns) + " VALUES (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += i == 0 ? "?" : ", ?";
  sql += ')';
  return std::make_unique<SqliteBulkLoader>(this, sql);
}

std::unique_ptr<detail::StatementImpl> SqliteConnection::PrepareNew(std::string_view sql) {
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw DbError(DbError::Kind::kOther, "sqlite: statement too long");
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) ThrowError(db_, rc, sql);
  if (stmt == nullptr) throw DbError(DbError::Kind::kOther, "sqlite: empty statement");
  return std::make_unique<SqliteStatement>(db_, stmt);
}

void SqliteConnection::ExecuteBegin(TxMode mode) {
  if (mode == TxMode::kRead) {
    ExecuteCommand("BEGIN");
    return;
  }
  const bool wait = mode == TxMode::kWrite;
  if (gate_ != nullptr) {
    const auto timeout = wait ? gate_timeout_ : std::chrono::milliseconds(0);
    if (!gate_->Enter(timeout)) {
      throw DbError(DbError::Kind::kBusy,
                    fmt::format("sqlite: no write turn within {} ms", timeout.count()));
    }
    in_gate_ = true;
  }
  if (!wait) sqlite3_busy_timeout(db_, 0);
  try {
    ExecuteCommand("BEGIN IMMEDIATE");
  } catch (...) {
    if (!wait) sqlite3_busy_timeout(db_, static_cast<int>(gate_timeout_.count()));
    TransactionEnded();
    throw;
  }
  if (!wait) sqlite3_busy_timeout(db_, static_cast<int>(gate_timeout_.count()));
}

void SqliteConnection::TransactionEnded() noexcept {
  if (!in_gate_) return;
  in_gate_ = false;
  gate_->Leave();
}

void SqliteConnection::ExecuteCommand(const char* sql) { ExecuteScript(sql); }

}  // namespace lianyin::store::sqlite
