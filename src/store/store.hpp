#pragma once
// The store: our thin interface over the sqlite3 and libpq C APIs.
//
//   Database  one per process; owns connections (SQLite: one per thread; PostgreSQL: a pool).
//   Session   a connection checked out for one unit of work; returned when destroyed.
//   Transaction  RAII: rolls back unless Commit() was called.
//   Statement a prepared statement ('?' placeholders in both dialects), cached per connection.
//
// SQL is written once in the portable subset both engines accept; `Session::dialect()` lets a
// repository pick a dialect-specific text where it must. Infrastructure faults (connection lost,
// disk full, syntax errors) throw DbError; constraint violations throw DbError with a kind, so a
// service can turn a lost race on a unique key into a 409.
//
// Thread-safety: Database is thread-safe. A Session, and the Statements and Transactions made from
// it, belong to one thread at a time.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace lianyin::store {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter. Booleans are bound and stored as integers 0/1 in both dialects.
struct Null {};
struct Blob {
  std::string bytes;
};
using Value = std::variant<Null, std::int64_t, double, std::string, Blob>;

class DbError : public core::InfrastructureError {
 public:
  // kBusy: the write lock, a row lock (lock_timeout), a serialisation failure or deadlock
  // (PostgreSQL 40001 / 40P01) or an exhausted pool — worth retrying the whole transaction.
  // kConnection: the server is gone or became read-only (a demoted primary); the connection is
  // not reused. kTimeout: a statement ran past statement_timeout — retrying would not help.
  enum class Kind {
    kUniqueViolation,
    kForeignKeyViolation,
    kCheckViolation,
    kBusy,
    kConnection,
    kTimeout,
    kOther
  };
  DbError(Kind kind, const std::string& message)
      : core::InfrastructureError(
            message, kind == Kind::kBusy || kind == Kind::kConnection || kind == Kind::kTimeout),
        kind_(kind) {}
  Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

namespace detail {
class StatementImpl;
class ConnectionImpl;
class DatabaseImpl;
}  // namespace detail

// The current row of a Statement; valid until the next Next() or the Statement's destruction.
// Columns are 0-based. Reading a NULL as Int/Real gives 0 and as Text gives "": use IsNull or the
// Opt* readers where NULL means something.
class Row {
 public:
  explicit Row(detail::StatementImpl* impl) : impl_(impl) {}
  bool IsNull(int col) const;
  std::int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;
  std::string Bytes(int col) const;  // BLOB / BYTEA content
  bool Bool(int col) const { return Int(col) != 0; }
  std::optional<std::int64_t> OptInt(int col) const;
  std::optional<std::string> OptText(int col) const;
  int ColumnCount() const;

 private:
  detail::StatementImpl* impl_;
};

class Statement {
 public:
  explicit Statement(detail::StatementImpl* impl) : impl_(impl) {}
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();  // resets the cached statement (bindings cleared) for its next use

  // Binds the parameter at 0-based `index`; binding restarts a statement that was run.
  Statement& Bind(int index, Value value);
  Statement& BindAll(const std::vector<Value>& values);

  // Runs (on the first call) and advances; true while a row is available through row().
  bool Next();
  Row row() const { return Row(impl_); }
  // Runs to completion, discarding rows; returns the number of rows changed.
  std::int64_t Execute();

 private:
  detail::StatementImpl* impl_;
};

enum class TxMode {
  kRead,   // SQLite: BEGIN (deferred); PostgreSQL: BEGIN READ ONLY
  kWrite,  // SQLite: BEGIN IMMEDIATE (takes the write lock now, so no upgrade deadlock); PG: BEGIN
  // For writes that may be skipped (refreshing a session's last_seen_at): like kWrite, but
  // throws DbError kBusy at once instead of waiting for another writer (SQLite: the write turn
  // and lock; PostgreSQL: row locks, lock_timeout 50 ms).
  kWriteIfFree,
};

class Session;

class Transaction {
 public:
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();  // rolls back if neither Commit nor Rollback ran (never throws)
  void Commit();
  void Rollback();

 private:
  friend class Session;
  explicit Transaction(detail::ConnectionImpl* conn) : conn_(conn) {}
  detail::ConnectionImpl* conn_;
};

// Streams rows into one table: PostgreSQL COPY FROM STDIN, SQLite a cached prepared INSERT.
// Call Add once per row (values in `columns` order), then Finish. Runs inside the caller's
// transaction if one is open.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  virtual void Add(const std::vector<Value>& row) = 0;
  virtual std::int64_t Finish() = 0;  // returns rows loaded
};

class Session {
 public:
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  Dialect dialect() const;
  // Prepared and cached on this connection by SQL text. '?' placeholders in both dialects.
  Statement Prepare(std::string_view sql);
  // Prepare + BindAll + Execute; returns rows changed.
  std::int64_t Execute(std::string_view sql, const std::vector<Value>& params = {});
  // Runs several statements without parameters (migrations, pragmas).
  void ExecuteScript(std::string_view sql);
  Transaction Begin(TxMode mode);
  std::unique_ptr<BulkLoader> Load(std::string_view table, const std::vector<std::string>& columns);

 private:
  friend class Database;
  using Releaser = std::function<void(detail::ConnectionImpl*)>;
  Session(detail::ConnectionImpl* conn, Releaser release);
  detail::ConnectionImpl* conn_;
  Releaser release_;
};

// Inserts one row unless that would break a unique constraint or unique index (partial ones
// included): runs `insert_sql` + " ON CONFLICT DO NOTHING RETURNING id". Returns the new row's
// id, or nullopt when a row with the same key exists — committed before, or committed meanwhile
// by a concurrent transaction this one waited for (PostgreSQL waits on the key) — so of N
// concurrent inserts of one key exactly one gets an id, on both engines. Either way the caller's
// transaction stays usable (a caught unique violation would have aborted a PostgreSQL one).
// `insert_sql` is "INSERT INTO t (a, b) VALUES (?, ?)" of a table with an `id` column.
std::optional<std::int64_t> InsertOrConflict(Session& session, std::string_view insert_sql,
                                             const std::vector<Value>& params);

struct PoolStats {
  int size = 0;            // connections open
  int in_use = 0;          // checked out now
  std::int64_t waits = 0;  // acquisitions that had to wait
};

struct DatabaseOptions {
  int pool_size = 8;              // PostgreSQL connections
  int busy_timeout_ms = 5000;     // SQLite busy timeout and write turn / PostgreSQL acquire timeout
  bool synchronous_full = false;  // SQLite synchronous=FULL instead of NORMAL
  // PostgreSQL session settings (0 = the server's default): a statement running longer is
  // cancelled (kTimeout); a row lock not granted in time fails the statement (kBusy).
  int statement_timeout_ms = 30000;
  int lock_timeout_ms = 5000;
  // PostgreSQL: added to the URL unless it names them. connect_timeout (seconds) bounds each
  // connection attempt; target_session_attrs=read-write makes libpq skip standbys among the hosts
  // of a multi-host URL (postgresql://a:5432,b:5432/db), so after a failover new connections
  // reach the new primary.
  int connect_timeout_s = 5;
};

// The statement may be retried as a whole new transaction (kBusy, kConnection).
bool IsTransient(const DbError& error);

class Database {
 public:
  // `url`: a SQLite file path, ":memory:" (one private in-memory database shared by this
  // Database's connections), or a "postgresql://" / "postgres://" URL. Throws DbError.
  static std::unique_ptr<Database> Open(const std::string& url,
                                        const DatabaseOptions& options = {});
  virtual ~Database() = default;

  virtual Dialect dialect() const = 0;
  // SQLite: this thread's connection; PostgreSQL: a pooled one (waits up to busy_timeout_ms).
  virtual Session Acquire() = 0;
  virtual PoolStats Stats() const = 0;
  // A printable form of the url with any password removed.
  virtual std::string Describe() const = 0;

 protected:
  static Session MakeSession(detail::ConnectionImpl* conn, Session::Releaser release) {
    return Session(conn, std::move(release));
  }
};

// Numbered migrations (src/store/migrations/NNNN_name[.sqlite|.pg].sql, compiled into the binary).
// Applies those above the current schema version, each in its own transaction; returns the new
// version. Idempotent.
int Migrate(Database& db);
int SchemaVersion(Database& db);
int LatestSchemaVersion();

}  // namespace lianyin::store
