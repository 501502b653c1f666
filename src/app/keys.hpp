#pragma once
// The deployment key: 32 random bytes that seal secrets stored in the database (TOTP secrets,
// later workers' personal data). It lives in a file beside the database, never in it.

#include <filesystem>
#include <string>

#include "core/crypto.hpp"

namespace lianyin::app {

// Where the key of `db` lives when no key_file is configured: "<db>.key" for a SQLite file,
// "data/lianyin.key" for PostgreSQL, "" (an ephemeral key) for ":memory:".
std::filesystem::path DefaultKeyFile(const std::string& db);

// Reads the key (64 hex characters) from `file`, creating it (mode 0600) when absent; an empty
// path gives a fresh ephemeral key. A malformed file throws std::runtime_error: silently
// replacing a key would make every sealed secret unreadable.
core::Bytes LoadOrCreateKey(const std::filesystem::path& file);

}  // namespace lianyin::app
