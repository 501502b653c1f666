#include "store/postgres/pg_connection.hpp"

#include <fmt/format.h>
#include <poll.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

#include "store/postgres/copy_loader.hpp"
#include "store/postgres/copy_text.hpp"
#include "store/postgres/placeholders.hpp"

namespace lianyin::store::postgres {
namespace {

constexpr Oid kByteaOid = 17;

DbError::Kind KindOf(PGconn* conn, const char* sqlstate) {
  std::string_view state = sqlstate != nullptr ? sqlstate : "";
  if (state == "23505") return DbError::Kind::kUniqueViolation;
  if (state == "23503") return DbError::Kind::kForeignKeyViolation;
  if (state == "23514" || state == "23502") return DbError::Kind::kCheckViolation;
  if (state == "40001" || state == "40P01" || state == "55P03") return DbError::Kind::kBusy;
  if (state == "57014") return DbError::Kind::kTimeout;
  // 25006 read_only_sql_transaction: this server is (now) a standby.
  if (state.starts_with("08") || state.starts_with("57P") || state == "25006" ||
      PQstatus(conn) != CONNECTION_OK) {
    return DbError::Kind::kConnection;
  }
  return DbError::Kind::kOther;
}

void IgnoreNotice(void*, const char*) {}

}  // namespace

DbError MakeError(PGconn* conn, PGresult* result, std::string_view context) {
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  DbError::Kind kind = KindOf(conn, sqlstate);
  std::string message = result != nullptr && *PQresultErrorMessage(result) != '\0'
                            ? PQresultErrorMessage(result)
                            : PQerrorMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  std::string error = fmt::format("postgres: {} [{}]: {}", message,
                                  sqlstate != nullptr ? sqlstate : "-", context.substr(0, 200));
  PQclear(result);
  return DbError(kind, error);
}

void ThrowError(PGconn* conn, PGresult* result, std::string_view context) {
  throw MakeError(conn, result, context);
}

// ---- PgStatement ----

PgStatement::PgStatement(PgConnection& owner, PGconn* conn, std::string name, int parameters)
    : owner_(owner),
      conn_(conn),
      name_(std::move(name)),
      values_(parameters),
      lengths_(parameters),
      formats_(parameters),
      null_(parameters, true) {}

// Cached statements die with their connection, which takes the server-side statement along.
PgStatement::~PgStatement() { ClearResult(); }

void PgStatement::Bind(int index, const Value& value) {
  if (index < 0 || index >= static_cast<int>(values_.size())) {
    throw DbError(DbError::Kind::kOther,
                  fmt::format("postgres: bind index {} out of range", index));
  }
  ClearResult();
  auto i = static_cast<std::size_t>(index);
  null_[i] = std::holds_alternative<Null>(value);
  formats_[i] = std::holds_alternative<Blob>(value) ? 1 : 0;
  if (const auto* n = std::get_if<std::int64_t>(&value)) values_[i] = std::to_string(*n);
  if (const auto* d = std::get_if<double>(&value)) values_[i] = FormatDouble(*d);
  if (const auto* s = std::get_if<std::string>(&value)) {
    // Text parameters travel as C strings: a NUL would silently cut the value short.
    if (s->find('\0') != std::string::npos) {
      throw DbError(DbError::Kind::kCheckViolation,
                    fmt::format("postgres: text parameter {} contains a NUL character", index));
    }
    values_[i] = *s;
  }
  if (const auto* b = std::get_if<Blob>(&value)) values_[i] = b->bytes;
  lengths_[i] = static_cast<int>(values_[i].size());
}

void PgStatement::Run() {
  std::vector<const char*> pointers(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) {
    pointers[i] = null_[i] ? nullptr : values_[i].c_str();
  }
  PGresult* result = PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values_.size()),
                                    pointers.data(), lengths_.data(), formats_.data(), 0);
  ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) owner_.Fail(result, name_);
  result_ = result;
  row_ = -1;
}

bool PgStatement::Next() {
  if (result_ == nullptr) Run();
  if (row_ < PQntuples(result_)) ++row_;
  return row_ < PQntuples(result_);
}

std::int64_t PgStatement::Execute() {
  if (result_ == nullptr) Run();
  row_ = PQntuples(result_);
  const char* tuples = PQcmdTuples(result_);
  return *tuples == '\0' ? 0 : std::strtoll(tuples, nullptr, 10);
}

void PgStatement::Reset() noexcept {
  ClearResult();
  std::fill(null_.begin(), null_.end(), true);
  std::fill(formats_.begin(), formats_.end(), 0);
}

void PgStatement::ClearResult() noexcept {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
}

bool PgStatement::IsNull(int col) const { return PQgetisnull(result_, row_, col) == 1; }

std::int64_t PgStatement::Int(int col) const {
  const char* text = PQgetvalue(result_, row_, col);
  const char* end = text + PQgetlength(result_, row_, col);
  if (std::strcmp(text, "t") == 0) return 1;  // boolean expressions such as EXISTS (...)
  std::int64_t value = 0;
  auto parsed = std::from_chars(text, end, value);
  if (parsed.ec == std::errc() && parsed.ptr == end) return value;
  return static_cast<std::int64_t>(Real(col));  // numeric or float text; "f" and "" give 0
}

double PgStatement::Real(int col) const {
  const char* text = PQgetvalue(result_, row_, col);
  const char* end = text + PQgetlength(result_, row_, col);
  double value = 0;
  auto parsed = std::from_chars(text, end, value);
  if (parsed.ec == std::errc() && parsed.ptr == end) return value;
  return std::strtod(text, nullptr);  // "Infinity", "-Infinity", "NaN"
}

std::string PgStatement::Text(int col) const {
  return std::string(PQgetvalue(result_, row_, col),
                     static_cast<std::size_t>(PQgetlength(result_, row_, col)));
}

std::string PgStatement::Bytes(int col) const {
  if (PQftype(result_, col) != kByteaOid) return Text(col);
  std::size_t length = 0;
  const auto* escaped = reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, col));
  unsigned char* raw = PQunescapeBytea(escaped, &length);
  if (raw == nullptr) throw DbError(DbError::Kind::kOther, "postgres: cannot decode bytea");
  std::string bytes(reinterpret_cast<const char*>(raw), length);
  PQfreemem(raw);
  return bytes;
}

int PgStatement::ColumnCount() const { return result_ == nullptr ? 0 : PQnfields(result_); }

// ---- PgConnection ----

PgConnection::PgConnection(const std::string& conninfo, const SessionSettings& settings)
    : conn_(PQconnectdb(conninfo.c_str())) {
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
    PQfinish(conn_);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw DbError(DbError::Kind::kConnection, "postgres: cannot connect: " + message);
  }
  PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    PQfinish(conn_);
    throw DbError(DbError::Kind::kConnection, "postgres: cannot set client encoding UTF8");
  }
  try {
    ExecuteScript(fmt::format("SET statement_timeout = {}; SET lock_timeout = {}",
                              settings.statement_timeout_ms, settings.lock_timeout_ms));
  } catch (...) {
    PQfinish(conn_);
    throw;
  }
}

void PgConnection::Fail(PGresult* result, std::string_view context) {
  DbError error = MakeError(conn_, result, context);
  if (error.kind() == DbError::Kind::kConnection) broken_ = true;
  throw error;
}

PgConnection::~PgConnection() {
  ClearStatementCache();
  PQfinish(conn_);
}

void PgConnection::ExecuteScript(std::string_view sql) {
  std::string text(sql);
  PGresult* result = PQexec(conn_, text.c_str());
  ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    Fail(result, text);
  }
  PQclear(result);
}

std::unique_ptr<BulkLoader> PgConnection::Load(std::string_view table,
                                               const std::vector<std::string>& columns) {
  return std::make_unique<CopyLoader>(conn_, detail::TableWithColumns(table, columns),
                                      columns.size());
}

bool PgConnection::Reusable() {
  // An idle connection has nothing to read unless the server said goodbye (a FATAL message,
  // then end of file); libpq notices the end only on a read after the message.
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  for (int reads = 0; reads < 4 && PQstatus(conn_) == CONNECTION_OK && poll(&socket, 1, 0) > 0;
       ++reads) {
    if (PQconsumeInput(conn_) != 1) break;
  }
  // A server that went into hot standby (demoted after a failover) reports it (PostgreSQL 14+).
  const char* standby = PQparameterStatus(conn_, "in_hot_standby");
  const bool read_only = standby != nullptr && std::strcmp(standby, "on") == 0;
  return !broken_ && !read_only && PQstatus(conn_) == CONNECTION_OK &&
         PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

std::unique_ptr<detail::StatementImpl> PgConnection::PrepareNew(std::string_view sql) {
  NumberedSql numbered = NumberPlaceholders(sql);
  std::string name = fmt::format("lianyin_{}", ++prepared_);
  PGresult* result = PQprepare(conn_, name.c_str(), numbered.text.c_str(), 0, nullptr);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) Fail(result, sql);
  PQclear(result);
  return std::make_unique<PgStatement>(*this, conn_, std::move(name), numbered.parameters);
}

void PgConnection::ExecuteBegin(TxMode mode) {
  switch (mode) {
    case TxMode::kRead:
      ExecuteCommand("BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY");
      break;
    case TxMode::kWrite:
      ExecuteCommand("BEGIN");
      break;
    case TxMode::kWriteIfFree:
      ExecuteScript("BEGIN; SET LOCAL lock_timeout = 50");
      break;
  }
}

void PgConnection::ExecuteCommand(const char* sql) {
  PGresult* result = PQexec(conn_, sql);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) Fail(result, sql);
  // COMMIT of a transaction that an earlier error aborted "succeeds" as ROLLBACK.
  bool rolled_back =
      std::strcmp(sql, "COMMIT") == 0 && std::strcmp(PQcmdStatus(result), "ROLLBACK") == 0;
  PQclear(result);
  if (rolled_back) {
    throw DbError(DbError::Kind::kOther, "postgres: COMMIT of an aborted transaction rolled back");
  }
}

}  // namespace lianyin::store::postgres
