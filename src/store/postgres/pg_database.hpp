#pragma once
// Internal: the PostgreSQL Database — a pool of libpq connections.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "store/store.hpp"

namespace lianyin::store::postgres {

class PgConnection;

// Connections open lazily, up to pool_size. Acquire waits up to busy_timeout_ms for one to come
// back, then throws DbError kBusy. A connection returned broken (or still in a transaction that
// cannot be rolled back) is closed and its slot reopened on demand. Sessions must not outlive
// the Database.
class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, const DatabaseOptions& options);
  ~PgDatabase() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Session Acquire() override;
  PoolStats Stats() const override;
  std::string Describe() const override;

 private:
  PgConnection* Checkout();
  // Opens a connection for a slot reserved by Checkout (lock released meanwhile).
  PgConnection* OpenReserved(std::unique_lock<std::mutex>& lock);
  void Release(PgConnection* conn);

  const std::string url_;
  const std::string conninfo_;  // url_ with the connection defaults
  const DatabaseOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::unordered_map<PgConnection*, std::unique_ptr<PgConnection>> open_;
  std::vector<PgConnection*> idle_;
  int opening_ = 0;
  int in_use_ = 0;
  std::int64_t waits_ = 0;
};

}  // namespace lianyin::store::postgres
