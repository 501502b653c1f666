#pragma once
// Deployment configuration: defaults < config file (JSON) < environment < command-line flags.

#include <filesystem>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace lianyin::app {

struct Config {
  std::string db = "data/lianyin.db";  // SQLite path or postgresql:// URL
  std::string address = "127.0.0.1";
  int port = 8080;
  int io_threads = 1;
  int worker_threads = 8;              // handlers block on the database
  int db_pool_size = 8;                // PostgreSQL connections
  std::filesystem::path web_root;      // default: <directory of the binary>/web
  std::filesystem::path regions_file;  // default: <directory of the binary>/share/regions.json
  std::string platform_name = "联引平台";
  bool tls = false;  // served behind a TLS-terminating proxy: Secure cookies, HSTS
  std::string log_level = "info";
  std::filesystem::path key_file;  // default: see app::DefaultKeyFile
  // GET /metrics: when set, requests must carry `Authorization: Bearer <metrics_token>`; when
  // empty, only direct loopback clients are served.
  std::string metrics_token;
  int db_statement_timeout_ms = 30000;  // PostgreSQL statement_timeout
  int db_lock_timeout_ms = 5000;        // PostgreSQL lock_timeout
};

// Applies, in order, the JSON object in `file` (if given; unknown keys → 422 naming the key)
// and the environment variables LIANYIN_DB, LIANYIN_ADDRESS, LIANYIN_PORT, LIANYIN_IO_THREADS,
// LIANYIN_WORKER_THREADS, LIANYIN_DB_POOL_SIZE, LIANYIN_WEB_ROOT, LIANYIN_REGIONS_FILE,
// LIANYIN_PLATFORM_NAME, LIANYIN_TLS (true/false), LIANYIN_LOG_LEVEL, LIANYIN_KEY_FILE,
// LIANYIN_METRICS_TOKEN, LIANYIN_DB_STATEMENT_TIMEOUT_MS, LIANYIN_DB_LOCK_TIMEOUT_MS. Keys in the
// file are the field names above. Fills web_root and regions_file from `binary_dir` when still
// empty.
core::Result<Config> LoadConfig(const std::optional<std::filesystem::path>& file,
                                const std::filesystem::path& binary_dir);

}  // namespace lianyin::app
