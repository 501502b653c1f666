#include "store/store.hpp"

#include <utility>

#include "store/detail.hpp"
#include "store/postgres/pg_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace lianyin::store {

// ---- Row ----

bool Row::IsNull(int col) const { return impl_->IsNull(col); }
std::int64_t Row::Int(int col) const { return impl_->Int(col); }
double Row::Real(int col) const { return impl_->Real(col); }
std::string Row::Text(int col) const { return impl_->Text(col); }
std::string Row::Bytes(int col) const { return impl_->Bytes(col); }
int Row::ColumnCount() const { return impl_->ColumnCount(); }

std::optional<std::int64_t> Row::OptInt(int col) const {
  if (impl_->IsNull(col)) return std::nullopt;
  return impl_->Int(col);
}

std::optional<std::string> Row::OptText(int col) const {
  if (impl_->IsNull(col)) return std::nullopt;
  return impl_->Text(col);
}

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept : impl_(std::exchange(other.impl_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    Statement released(std::exchange(impl_, std::exchange(other.impl_, nullptr)));
  }
  return *this;
}

Statement::~Statement() {
  if (impl_ == nullptr) return;
  impl_->Reset();
  impl_->in_use = false;
}

Statement& Statement::Bind(int index, Value value) {
  impl_->Bind(index, value);
  return *this;
}

Statement& Statement::BindAll(const std::vector<Value>& values) {
  for (int i = 0; i < static_cast<int>(values.size()); ++i) impl_->Bind(i, values[i]);
  return *this;
}

bool Statement::Next() { return impl_->Next(); }
std::int64_t Statement::Execute() { return impl_->Execute(); }

// ---- Transaction ----

Transaction::Transaction(Transaction&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)) {}

Transaction::~Transaction() {
  if (conn_ != nullptr) conn_->RollbackQuietly();
}

void Transaction::Commit() {
  if (conn_ == nullptr) throw std::logic_error("transaction already finished");
  // Whatever COMMIT does, the transaction is over: a failed COMMIT has rolled back.
  std::exchange(conn_, nullptr)->Commit();
}

void Transaction::Rollback() {
  if (conn_ == nullptr) throw std::logic_error("transaction already finished");
  std::exchange(conn_, nullptr)->Rollback();
}

// ---- Session ----

Session::Session(detail::ConnectionImpl* conn, Releaser release)
    : conn_(conn), release_(std::move(release)) {}

Session::Session(Session&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)), release_(std::move(other.release_)) {}

Session& Session::operator=(Session&& other) noexcept {
  if (this != &other) {
    Session released(std::move(*this));
    conn_ = std::exchange(other.conn_, nullptr);
    release_ = std::move(other.release_);
  }
  return *this;
}

Session::~Session() {
  if (conn_ != nullptr && release_) release_(conn_);
}

Dialect Session::dialect() const { return conn_->dialect(); }

Statement Session::Prepare(std::string_view sql) { return Statement(conn_->Prepare(sql)); }

std::int64_t Session::Execute(std::string_view sql, const std::vector<Value>& params) {
  Statement statement = Prepare(sql);
  statement.BindAll(params);
  return statement.Execute();
}

void Session::ExecuteScript(std::string_view sql) { conn_->ExecuteScript(sql); }

Transaction Session::Begin(TxMode mode) {
  conn_->Begin(mode);
  return Transaction(conn_);
}

std::unique_ptr<BulkLoader> Session::Load(std::string_view table,
                                          const std::vector<std::string>& columns) {
  return conn_->Load(table, columns);
}

std::optional<std::int64_t> InsertOrConflict(Session& session, std::string_view insert_sql,
                                             const std::vector<Value>& params) {
  Statement insert =
      session.Prepare(std::string(insert_sql) + " ON CONFLICT DO NOTHING RETURNING id");
  insert.BindAll(params);
  if (!insert.Next()) return std::nullopt;
  return insert.row().Int(0);
}

bool IsTransient(const DbError& error) {
  return error.kind() == DbError::Kind::kBusy || error.kind() == DbError::Kind::kConnection;
}

// ---- Database ----

std::unique_ptr<Database> Database::Open(const std::string& url, const DatabaseOptions& options) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return std::make_unique<postgres::PgDatabase>(url, options);
  }
  return std::make_unique<sqlite::SqliteDatabase>(url, options);
}

}  // namespace lianyin::store
