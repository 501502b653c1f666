#pragma once
// Internal: one libpq connection, its prepared statements and COPY loader.

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "store/detail.hpp"

namespace lianyin::store::postgres {

// Throws DbError for a failed `result` (cleared here) or, when it is null, for the connection.
[[noreturn]] void ThrowError(PGconn* conn, PGresult* result, std::string_view context);

// A statement prepared with PQprepare under a per-connection name. Parameters go as text, Blobs
// as binary; results come back as text (bytea decoded by Bytes). Unbound parameters are NULL.
class PgStatement final : public detail::StatementImpl {
 public:
  PgStatement(PGconn* conn, std::string name, int parameters);
  ~PgStatement() override;
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  void Bind(int index, const Value& value) override;
  bool Next() override;
  std::int64_t Execute() override;
  void Reset() noexcept override;

  bool IsNull(int col) const override;
  std::int64_t Int(int col) const override;
  double Real(int col) const override;
  std::string Text(int col) const override;
  std::string Bytes(int col) const override;
  int ColumnCount() const override;

 private:
  void Run();
  void ClearResult() noexcept;

  PGconn* conn_;
  std::string name_;
  std::vector<std::string> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
  std::vector<bool> null_;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

class PgConnection final : public detail::ConnectionImpl {
 public:
  // Connects; throws DbError kConnection.
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  void ExecuteScript(std::string_view sql) override;
  std::unique_ptr<BulkLoader> Load(std::string_view table,
                                   const std::vector<std::string>& columns) override;

  // Connected, and not inside a transaction or COPY: fit to go back into the pool. Reads what
  // the server sent meanwhile (without blocking), so a backend that was terminated shows here.
  bool Reusable();

 protected:
  std::unique_ptr<detail::StatementImpl> PrepareNew(std::string_view sql) override;
  void ExecuteBegin(TxMode mode) override;
  void ExecuteCommand(const char* sql) override;

 private:
  PGconn* conn_ = nullptr;
  int prepared_ = 0;
};

}  // namespace lianyin::store::postgres
