#include "store/postgres/pg_database.hpp"

#include <chrono>

#include "store/postgres/pg_connection.hpp"
#include "store/postgres/url.hpp"

namespace lianyin::store::postgres {

PgDatabase::PgDatabase(std::string url, const DatabaseOptions& options)
    : url_(std::move(url)),
      conninfo_(WithConnectionDefaults(url_, options.connect_timeout_s)),
      options_(options) {
  if (options_.pool_size < 1) throw std::invalid_argument("pool_size must be at least 1");
}

PgDatabase::~PgDatabase() {
  std::lock_guard lock(mutex_);
  idle_.clear();
  open_.clear();
}

Session PgDatabase::Acquire() {
  return MakeSession(Checkout(), [this](detail::ConnectionImpl* conn) {
    Release(static_cast<PgConnection*>(conn));
  });
}

PgConnection* PgDatabase::Checkout() {
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.busy_timeout_ms);
  std::unique_lock lock(mutex_);
  bool waited = false;
  while (true) {
    while (!idle_.empty()) {
      PgConnection* conn = idle_.back();
      idle_.pop_back();
      if (conn->Reusable()) {
        ++in_use_;
        return conn;
      }
      open_.erase(conn);
    }
    bool slot_free = static_cast<int>(open_.size()) + opening_ < options_.pool_size;
    if (slot_free) return OpenReserved(lock);
    if (!waited) ++waits_;
    waited = true;
    if (returned_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        static_cast<int>(open_.size()) + opening_ >= options_.pool_size) {
      throw DbError(DbError::Kind::kBusy, "postgres: no pooled connection free within " +
                                              std::to_string(options_.busy_timeout_ms) + " ms");
    }
  }
}

PgConnection* PgDatabase::OpenReserved(std::unique_lock<std::mutex>& lock) {
  ++opening_;
  lock.unlock();
  std::unique_ptr<PgConnection> conn;
  try {
    conn = std::make_unique<PgConnection>(
        conninfo_, SessionSettings{options_.statement_timeout_ms, options_.lock_timeout_ms});
  } catch (...) {
    lock.lock();
    --opening_;
    returned_.notify_one();  // the slot is free again for a waiter to try
    throw;
  }
  lock.lock();
  --opening_;
  ++in_use_;
  PgConnection* raw = conn.get();
  open_.emplace(raw, std::move(conn));
  return raw;
}

void PgDatabase::Release(PgConnection* conn) {
  if (conn->in_transaction()) conn->RollbackQuietly();
  bool reusable = conn->Reusable();
  std::lock_guard lock(mutex_);
  --in_use_;
  if (reusable) {
    idle_.push_back(conn);
  } else {
    open_.erase(conn);
  }
  returned_.notify_one();
}

PoolStats PgDatabase::Stats() const {
  std::lock_guard lock(mutex_);
  PoolStats stats;
  stats.size = static_cast<int>(open_.size());
  stats.in_use = in_use_;
  stats.waits = waits_;
  return stats;
}

std::string PgDatabase::Describe() const { return RedactPassword(url_); }

}  // namespace lianyin::store::postgres
