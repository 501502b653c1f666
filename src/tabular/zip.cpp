#include "tabular/zip.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

namespace lianyin::tabular {
namespace {

constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr std::uint32_t kEndOfDirectorySignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kMaxCommentSize = 0xFFFF;
constexpr std::size_t kChunkSize = 64 * 1024;

// Little-endian fields; callers have checked that `at + N` is within `bytes`.
std::uint16_t U16(std::string_view bytes, std::size_t at) {
  const auto b = [&](std::size_t i) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at + i]));
  };
  return static_cast<std::uint16_t>(b(0) | (b(1) << 8));
}
std::uint32_t U32(std::string_view bytes, std::size_t at) {
  return U16(bytes, at) | (static_cast<std::uint32_t>(U16(bytes, at + 2)) << 16);
}

core::Error Corrupt(std::string_view what) {
  return core::Error::BadRequest(fmt::format("not a valid XLSX (ZIP) file: {}", what));
}

// The offset of the end-of-central-directory record: the last signature whose comment length
// reaches exactly to the end of the file.
std::optional<std::size_t> FindEndOfDirectory(std::string_view bytes) {
  if (bytes.size() < kEndOfDirectorySize) return std::nullopt;
  const std::size_t last = bytes.size() - kEndOfDirectorySize;
  const std::size_t first = last > kMaxCommentSize ? last - kMaxCommentSize : 0;
  for (std::size_t at = last + 1; at-- > first;) {
    if (U32(bytes, at) == kEndOfDirectorySignature &&
        at + kEndOfDirectorySize + U16(bytes, at + 20) == bytes.size()) {
      return at;
    }
  }
  return std::nullopt;
}

// Parses the central-directory entry at `at`, advancing `at` past it.
core::Result<ZipEntry> ReadCentralEntry(std::string_view dir, std::size_t& at) {
  if (at + kCentralHeaderSize > dir.size() || U32(dir, at) != kCentralHeaderSignature) {
    return Corrupt("central directory entry is truncated");
  }
  const std::size_t name_size = U16(dir, at + 28);
  const std::size_t extra_size = U16(dir, at + 30);
  const std::size_t comment_size = U16(dir, at + 32);
  const std::size_t total = kCentralHeaderSize + name_size + extra_size + comment_size;
  if (at + total > dir.size()) return Corrupt("central directory entry is truncated");
  ZipEntry entry{
      .name = std::string(dir.substr(at + kCentralHeaderSize, name_size)),
      .method = U16(dir, at + 10),
      .crc32 = U32(dir, at + 16),
      .compressed_size = U32(dir, at + 20),
      .uncompressed_size = U32(dir, at + 24),
      .local_header_offset = U32(dir, at + 42),
  };
  if ((U16(dir, at + 8) & 0x0001) != 0) {
    return core::Error::BadRequest(
        fmt::format("encrypted ZIP entries are not supported ({})", entry.name));
  }
  constexpr std::uint64_t kZip64Marker = 0xFFFFFFFF;
  if (entry.compressed_size == kZip64Marker || entry.uncompressed_size == kZip64Marker ||
      entry.local_header_offset == kZip64Marker) {
    return core::Error::BadRequest(fmt::format("ZIP64 entries are not supported ({})", entry.name));
  }
  at += total;
  return entry;
}

}  // namespace

core::Result<ZipArchive> ZipArchive::Open(std::string_view bytes, ZipLimits limits) {
  const std::optional<std::size_t> eocd = FindEndOfDirectory(bytes);
  if (!eocd) return Corrupt("no end-of-central-directory record");
  if (*eocd >= 20 && U32(bytes, *eocd - 20) == kZip64LocatorSignature) {
    return core::Error::BadRequest("ZIP64 archives are not supported");
  }
  if (U16(bytes, *eocd + 4) != 0 || U16(bytes, *eocd + 6) != 0) {
    return core::Error::BadRequest("multi-disk ZIP archives are not supported");
  }
  const std::size_t count = U16(bytes, *eocd + 10);
  const std::uint64_t dir_size = U32(bytes, *eocd + 12);
  const std::uint64_t dir_offset = U32(bytes, *eocd + 16);
  if (count == 0xFFFF || dir_offset == 0xFFFFFFFF) {
    return core::Error::BadRequest("ZIP64 archives are not supported");
  }
  if (count > limits.max_entries) return Corrupt("too many entries");
  if (dir_offset + dir_size > *eocd) return Corrupt("central directory is out of bounds");
  const std::string_view dir = bytes.substr(dir_offset, dir_size);
  ZipArchive archive(bytes, limits);
  archive.entries_.reserve(count);
  std::size_t at = 0;
  for (std::size_t i = 0; i < count; ++i) {
    core::Result<ZipEntry> entry = ReadCentralEntry(dir, at);
    if (!entry) return entry.error();
    archive.entries_.push_back(std::move(*entry));
  }
  return archive;
}

const ZipEntry* ZipArchive::Find(std::string_view name) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(),
                               [&](const ZipEntry& entry) { return entry.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

core::Result<std::string_view> ZipArchive::EntryData(const ZipEntry& entry) const {
  if (entry.method != 0 && entry.method != 8) {
    return core::Error::BadRequest(fmt::format(
        "ZIP entry {} uses compression method {}; only stored and deflate are supported",
        entry.name, entry.method));
  }
  if (entry.uncompressed_size > limits_.max_entry_bytes ||
      entry.uncompressed_size >
          std::max<std::uint64_t>(entry.compressed_size, 1) * limits_.max_ratio) {
    return core::Error::BadRequest(
        fmt::format("ZIP entry {} expands to {} bytes from {}: refused as a possible zip bomb",
                    entry.name, entry.uncompressed_size, entry.compressed_size));
  }
  if (entry.method == 0 && entry.compressed_size != entry.uncompressed_size) {
    return Corrupt("stored entry sizes differ");
  }
  const std::uint64_t at = entry.local_header_offset;
  if (at + kLocalHeaderSize > bytes_.size() || U32(bytes_, at) != kLocalHeaderSignature) {
    return Corrupt(fmt::format("local header of {} is missing", entry.name));
  }
  const std::uint64_t data = at + kLocalHeaderSize + U16(bytes_, at + 26) + U16(bytes_, at + 28);
  if (data + entry.compressed_size > bytes_.size()) {
    return Corrupt(fmt::format("entry {} is truncated", entry.name));
  }
  return bytes_.substr(data, entry.compressed_size);
}

struct ZipEntryStream::State {
  ZipEntry entry;
  std::string_view input;  // compressed (or stored) bytes not yet consumed
  z_stream z{};
  bool inflating = false;
  bool finished = false;
  std::uint64_t produced = 0;
  uLong crc = crc32(0, nullptr, 0);
  std::string buffer = std::string(kChunkSize, '\0');
  std::optional<core::Error> error;  // sticky: a failed stream never reports success later

  ~State() {
    if (inflating) inflateEnd(&z);
  }
  core::Error Fail(std::string_view what) const {
    return core::Error::BadRequest(fmt::format("ZIP entry {} is corrupt: {}", entry.name, what));
  }
  std::string_view Stored();
  core::Result<std::string_view> Inflate();
  core::Result<std::string_view> Take(std::string_view chunk);
};

// Accounts for `chunk` (size bound and CRC) and, at the end, checks the totals.
core::Result<std::string_view> ZipEntryStream::State::Take(std::string_view chunk) {
  produced += chunk.size();
  if (produced > entry.uncompressed_size) return Fail("larger than its declared size");
  crc = crc32(crc, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
  if (chunk.empty() && !finished) return Fail("data ends early");
  if (finished) {
    if (produced != entry.uncompressed_size) return Fail("smaller than its declared size");
    if (crc != entry.crc32) return Fail("CRC-32 mismatch");
  }
  return chunk;
}

std::string_view ZipEntryStream::State::Stored() {
  const std::string_view chunk = input.substr(0, kChunkSize);
  input.remove_prefix(chunk.size());
  finished = input.empty();
  return chunk;
}

core::Result<std::string_view> ZipEntryStream::State::Inflate() {
  z.next_out = reinterpret_cast<Bytef*>(buffer.data());
  z.avail_out = static_cast<uInt>(buffer.size());
  while (z.avail_out > 0 && !finished) {
    if (z.avail_in == 0) {
      const std::size_t take = std::min<std::size_t>(input.size(), kChunkSize);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
      z.avail_in = static_cast<uInt>(take);
      input.remove_prefix(take);
    }
    const uInt before = z.avail_out;
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      finished = true;
    } else if (rc == Z_BUF_ERROR && z.avail_in == 0 && input.empty()) {
      return Fail("deflate data ends early");
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return Fail(z.msg != nullptr ? z.msg : "invalid deflate data");
    } else if (before == z.avail_out && z.avail_in == 0 && input.empty()) {
      return Fail("deflate data ends early");
    }
  }
  return std::string_view(buffer.data(), buffer.size() - z.avail_out);
}

ZipEntryStream::ZipEntryStream(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipEntryStream::ZipEntryStream(ZipEntryStream&&) noexcept = default;
ZipEntryStream& ZipEntryStream::operator=(ZipEntryStream&&) noexcept = default;
ZipEntryStream::~ZipEntryStream() = default;

core::Result<std::string_view> ZipEntryStream::Next() {
  State& s = *state_;
  if (s.error) return *s.error;
  if (s.finished) return std::string_view();
  core::Result<std::string_view> chunk =
      s.entry.method == 0 ? core::Result<std::string_view>(s.Stored()) : s.Inflate();
  if (chunk) chunk = s.Take(*chunk);
  if (!chunk) s.error = chunk.error();
  return chunk;
}

core::Result<ZipEntryStream> ZipArchive::OpenEntry(const ZipEntry& entry) const {
  core::Result<std::string_view> data = EntryData(entry);
  if (!data) return data.error();
  auto state = std::make_unique<ZipEntryStream::State>();
  state->entry = entry;
  state->input = *data;
  if (entry.method == 8) {
    if (inflateInit2(&state->z, -MAX_WBITS) != Z_OK) throw std::bad_alloc();
    state->inflating = true;
  }
  return ZipEntryStream(std::move(state));
}

core::Result<std::string> ZipArchive::ReadAll(const ZipEntry& entry) const {
  core::Result<ZipEntryStream> stream = OpenEntry(entry);
  if (!stream) return stream.error();
  std::string out;
  for (;;) {
    core::Result<std::string_view> chunk = stream->Next();
    if (!chunk) return chunk.error();
    if (chunk->empty()) return out;
    out.append(*chunk);
  }
}

}  // namespace lianyin::tabular
