#pragma once
// Internal: one libpq connection, its prepared statements and COPY loader.

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "store/detail.hpp"

namespace lianyin::store::postgres {

// The DbError of a failed `result` (cleared here) or, when it is null, of the connection.
DbError MakeError(PGconn* conn, PGresult* result, std::string_view context);
[[noreturn]] void ThrowError(PGconn* conn, PGresult* result, std::string_view context);

class PgConnection;

// A statement prepared with PQprepare under a per-connection name. Parameters go as text, Blobs
// as binary; results come back as text (bytea decoded by Bytes). Unbound parameters are NULL.
class PgStatement final : public detail::StatementImpl {
 public:
  PgStatement(PgConnection& owner, PGconn* conn, std::string name, int parameters);
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

  PgConnection& owner_;
  PGconn* conn_;
  std::string name_;
  std::vector<std::string> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
  std::vector<bool> null_;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

// Applied to every connection right after it opens (SET); 0 = the server's default.
struct SessionSettings {
  int statement_timeout_ms = 0;
  int lock_timeout_ms = 0;
};

class PgConnection final : public detail::ConnectionImpl {
 public:
  // Connects and applies `settings`; throws DbError kConnection.
  PgConnection(const std::string& conninfo, const SessionSettings& settings);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  void ExecuteScript(std::string_view sql) override;
  std::unique_ptr<BulkLoader> Load(std::string_view table,
                                   const std::vector<std::string>& columns) override;

  // Connected to a primary, not inside a transaction or COPY and never failed with a connection
  // error: fit to go back into the pool. Reads what the server sent meanwhile (without
  // blocking), so a backend that was terminated, or a server now in hot standby, shows here.
  bool Reusable();
  // Throws the error of `result`, first marking the connection unusable when it is a
  // connection error (so the pool replaces it).
  [[noreturn]] void Fail(PGresult* result, std::string_view context);

 protected:
  std::unique_ptr<detail::StatementImpl> PrepareNew(std::string_view sql) override;
  void ExecuteBegin(TxMode mode) override;
  void ExecuteCommand(const char* sql) override;

 private:
  PGconn* conn_ = nullptr;
  int prepared_ = 0;
  bool broken_ = false;
};

}  // namespace lianyin::store::postgres
