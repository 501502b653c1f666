#pragma once
// Internal: one sqlite3 connection and its prepared statements.

#include <sqlite3.h>

#include <string>

#include "store/detail.hpp"
#include "store/sqlite/write_gate.hpp"

namespace lianyin::store::sqlite {

// Throws DbError for `rc` (an extended result code), with sqlite3_errmsg(db) in the message.
[[noreturn]] void ThrowError(sqlite3* db, int rc, std::string_view context);

class SqliteStatement final : public detail::StatementImpl {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

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
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool started_ = false;  // stepped since the last reset
  bool done_ = false;     // stepped to SQLITE_DONE
};

struct ConnectionOptions {
  std::string filename;  // passed to sqlite3_open_v2 with SQLITE_OPEN_URI
  bool wal = true;
  bool synchronous_full = false;
  int busy_timeout_ms = 5000;
  // Shared by the connections of one Database; write transactions pass it first. Not owned;
  // null = none (a connection used alone).
  WriteGate* write_gate = nullptr;
};

class SqliteConnection final : public detail::ConnectionImpl {
 public:
  // Opens and configures the connection; throws DbError.
  explicit SqliteConnection(const ConnectionOptions& options);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  void ExecuteScript(std::string_view sql) override;
  std::unique_ptr<BulkLoader> Load(std::string_view table,
                                   const std::vector<std::string>& columns) override;

 protected:
  std::unique_ptr<detail::StatementImpl> PrepareNew(std::string_view sql) override;
  void ExecuteBegin(TxMode mode) override;
  void ExecuteCommand(const char* sql) override;
  void TransactionEnded() noexcept override;

 private:
  sqlite3* db_ = nullptr;
  WriteGate* gate_ = nullptr;
  std::chrono::milliseconds gate_timeout_{0};
  bool in_gate_ = false;
};

}  // namespace lianyin::store::sqlite
