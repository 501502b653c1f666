#pragma once
// Internal: the engine-specific side of store.hpp. Session, Statement, Row and Transaction forward
// to these; sqlite/ and postgres/ implement them. Nothing outside src/store includes this.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/store.hpp"

namespace lianyin::store::detail {

// One prepared statement on one connection. Owned by its connection's cache; lent to one
// Statement at a time (in_use).
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;

  // 0-based index. Restarts the statement if it was run.
  virtual void Bind(int index, const Value& value) = 0;
  virtual bool Next() = 0;
  virtual std::int64_t Execute() = 0;
  // Back to the unrun state with all bindings cleared; never throws.
  virtual void Reset() noexcept = 0;

  virtual bool IsNull(int col) const = 0;
  virtual std::int64_t Int(int col) const = 0;
  virtual double Real(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  virtual std::string Bytes(int col) const = 0;
  virtual int ColumnCount() const = 0;

  bool in_use = false;
};

// One connection to the engine, used by one thread at a time.
class ConnectionImpl {
 public:
  virtual ~ConnectionImpl() = default;

  virtual Dialect dialect() const = 0;
  virtual void ExecuteScript(std::string_view sql) = 0;
  virtual std::unique_ptr<BulkLoader> Load(std::string_view table,
                                           const std::vector<std::string>& columns) = 0;

  // A cached statement for `sql`, marked in use; a second copy is prepared when the cached one is
  // lent out already (e.g. the same query nested in its own loop).
  StatementImpl* Prepare(std::string_view sql);

  // Throws std::logic_error when a transaction is already open on this connection.
  void Begin(TxMode mode);
  void Commit();
  void Rollback();
  // Rolls back an open transaction, swallowing errors (destructors, connection release).
  void RollbackQuietly() noexcept;
  bool in_transaction() const { return in_transaction_; }

 protected:
  virtual std::unique_ptr<StatementImpl> PrepareNew(std::string_view sql) = 0;
  virtual void ExecuteBegin(TxMode mode) = 0;
  // Runs a parameterless command such as COMMIT or ROLLBACK.
  virtual void ExecuteCommand(const char* sql) = 0;
  // Called once a transaction has ended, whether by COMMIT or ROLLBACK, and also after a
  // rollback of nothing; engines release what ExecuteBegin took. Never throws.
  virtual void TransactionEnded() noexcept {}
  // Drops every cached statement; engines call it before closing the connection.
  void ClearStatementCache() { statements_.clear(); }

 private:
  std::unordered_map<std::string, std::vector<std::unique_ptr<StatementImpl>>> statements_;
  bool in_transaction_ = false;
};

// Throws std::invalid_argument unless `name` is a plain (optionally schema-qualified) identifier;
// bulk loaders splice table and column names into SQL.
void CheckIdentifier(std::string_view name);

// "table (a, b, c)" for INSERT and COPY, after checking every identifier.
std::string TableWithColumns(std::string_view table, const std::vector<std::string>& columns);

}  // namespace lianyin::store::detail
