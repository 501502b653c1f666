#pragma once
// Internal: the SQLite Database — one connection per (Database, thread).

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "store/sqlite/sqlite_connection.hpp"

namespace lianyin::store::sqlite {

// Connections live in a registry owned by this object, keyed by thread id, so they are all closed
// when it is destroyed, even those of threads that outlive it. A thread_local map keyed by a
// process-unique instance number (never by address, which can be reused) skips the registry lock
// on the fast path. A thread that Acquires twice gets the same connection both times.
class SqliteDatabase final : public Database {
 public:
  // `path`: a file path or ":memory:". Opens the first connection now, so a bad path throws here.
  SqliteDatabase(std::string path, const DatabaseOptions& options);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Session Acquire() override;
  PoolStats Stats() const override;
  std::string Describe() const override { return "sqlite:" + path_; }

 private:
  SqliteConnection* ThisThreadConnection();

  const std::uint64_t instance_;
  const std::string path_;
  WriteGate write_gate_;  // before the connections, which point at it
  ConnectionOptions connection_options_;
  mutable std::mutex mutex_;
  std::map<std::thread::id, std::unique_ptr<SqliteConnection>> connections_;
};

}  // namespace lianyin::store::sqlite
