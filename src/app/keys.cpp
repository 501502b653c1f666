#include "app/keys.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace lianyin::app {

std::filesystem::path DefaultKeyFile(const std::string& db) {
  if (db == ":memory:") return {};
  if (db.starts_with("postgres://") || db.starts_with("postgresql://")) {
    return "data/lianyin.key";
  }
  return db + ".key";
}

core::Bytes LoadOrCreateKey(const std::filesystem::path& file) {
  if (file.empty()) return core::RandomBytes(32);
  if (std::ifstream in{file}) {
    std::string hex;
    in >> hex;
    auto key = core::HexDecode(hex);
    if (!key || key->size() != 32) {
      throw std::runtime_error("malformed key file " + file.string() + " (want 64 hex digits)");
    }
    return *key;
  }
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  core::Bytes key = core::RandomBytes(32);
  const std::string text = core::HexEncode(key) + "\n";
  // O_EXCL: two processes creating the key at once must not end up with different keys.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return LoadOrCreateKey(file);  // another process created it first
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot write key file " + file.string());
  return key;
}

}  // namespace lianyin::app
