#pragma once
// A read-only ZIP archive over bytes in memory, enough for XLSX files (APPNOTE 6.3: stored and
// deflated entries, no ZIP64, no encryption, one disk). Used by XlsxReader; zlib stays in the
// .cpp file.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace lianyin::tabular {

struct ZipLimits {
  std::uint64_t max_entry_bytes = std::uint64_t{512} << 20;  // uncompressed, per entry
  std::uint64_t max_ratio = 1000;                            // uncompressed : compressed
  std::size_t max_entries = 10'000;
};

struct ZipEntry {
  std::string name;
  std::uint16_t method = 0;  // 0 stored, 8 deflate
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t uncompressed_size = 0;
  std::uint64_t local_header_offset = 0;
};

// Streams one entry's uncompressed bytes in chunks, checking as it goes that the entry does not
// grow beyond its declared size, and at the end its size and CRC-32. Not thread-safe; the
// archive bytes must outlive it.
class ZipEntryStream {
 public:
  ZipEntryStream(ZipEntryStream&&) noexcept;
  ZipEntryStream& operator=(ZipEntryStream&&) noexcept;
  ~ZipEntryStream();

  // The next chunk (valid until the next call); empty once the entry is complete and verified.
  // Errors (Error::BadRequest naming the entry): corrupt deflate data, truncated data, more or
  // fewer bytes than declared, CRC-32 mismatch.
  core::Result<std::string_view> Next();

 private:
  friend class ZipArchive;
  struct State;
  explicit ZipEntryStream(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// The central directory of a ZIP file held in memory. `bytes` must outlive the archive and every
// stream it opens. Thread-compatible: const methods may run concurrently.
class ZipArchive {
 public:
  // Reads the end-of-central-directory record and the directory. Errors (Error::BadRequest):
  // not a ZIP file, truncated or inconsistent directory, ZIP64, multi-disk, encrypted entries,
  // more than max_entries entries.
  static core::Result<ZipArchive> Open(std::string_view bytes, ZipLimits limits = {});

  // The entry called `name` (exact, case-sensitive), or nullptr.
  const ZipEntry* Find(std::string_view name) const;
  const std::vector<ZipEntry>& entries() const { return entries_; }

  // Starts streaming `entry`. Errors (Error::BadRequest): a compression method other than stored
  // or deflate, an uncompressed size above max_entry_bytes or a ratio above max_ratio (zip-bomb
  // defence), a local header that does not fit the file.
  core::Result<ZipEntryStream> OpenEntry(const ZipEntry& entry) const;
  // The whole entry, for small parts. Errors: as OpenEntry and ZipEntryStream::Next.
  core::Result<std::string> ReadAll(const ZipEntry& entry) const;

 private:
  ZipArchive(std::string_view bytes, ZipLimits limits) : bytes_(bytes), limits_(limits) {}
  core::Result<std::string_view> EntryData(const ZipEntry& entry) const;

  std::string_view bytes_;
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
};

}  // namespace lianyin::tabular
