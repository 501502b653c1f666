#include "store/sqlite/sqlite_database.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <unordered_map>

namespace lianyin::store::sqlite {
namespace {

std::atomic<std::uint64_t> next_instance{1};

// This thread's connections by Database instance number. Entries of destroyed Databases are
// never looked up again (instance numbers are not reused).
std::unordered_map<std::uint64_t, SqliteConnection*>& ThreadCache() {
  thread_local std::unordered_map<std::uint64_t, SqliteConnection*> cache;
  return cache;
}

ConnectionOptions MakeConnectionOptions(std::uint64_t instance, const std::string& path,
                                        const DatabaseOptions& options, WriteGate* gate) {
  ConnectionOptions result;
  result.write_gate = gate;
  result.synchronous_full = options.synchronous_full;
  result.busy_timeout_ms = options.busy_timeout_ms;
  if (path == ":memory:") {
    // The memdb VFS shares a named in-memory database between this process's connections, with
    // ordinary locking (so busy_timeout applies), for as long as one of them stays open.
    result.filename = fmt::format("file:/lianyin-mem-{}-{}?vfs=memdb", getpid(), instance);
    result.wal = false;
  } else {
    result.filename = path;
  }
  return result;
}

}  // namespace

SqliteDatabase::SqliteDatabase(std::string path, const DatabaseOptions& options)
    : instance_(next_instance.fetch_add(1)),
      path_(std::move(path)),
      connection_options_(MakeConnectionOptions(instance_, path_, options, &write_gate_)) {
  // Also keeps a :memory: database alive until this object goes.
  ThisThreadConnection();
}

SqliteDatabase::~SqliteDatabase() {
  ThreadCache().erase(instance_);
  std::lock_guard lock(mutex_);
  connections_.clear();
}

SqliteConnection* SqliteDatabase::ThisThreadConnection() {
  auto& cache = ThreadCache();
  if (auto it = cache.find(instance_); it != cache.end()) return it->second;
  std::unique_lock lock(mutex_);
  auto found = connections_.find(std::this_thread::get_id());
  if (found == connections_.end()) {
    lock.unlock();  // opening may wait on the busy timeout; don't hold up other threads
    auto opened = std::make_unique<SqliteConnection>(connection_options_);
    lock.lock();
    found = connections_.emplace(std::this_thread::get_id(), std::move(opened)).first;
  }
  SqliteConnection* conn = found->second.get();
  cache[instance_] = conn;
  return conn;
}

Session SqliteDatabase::Acquire() {
  // The connection stays with the thread (nested sessions share it), so releasing is a no-op;
  // a Transaction rolls itself back.
  return MakeSession(ThisThreadConnection(), nullptr);
}

PoolStats SqliteDatabase::Stats() const {
  std::lock_guard lock(mutex_);
  PoolStats stats;
  stats.size = static_cast<int>(connections_.size());
  return stats;
}

}  // namespace lianyin::store::sqlite
