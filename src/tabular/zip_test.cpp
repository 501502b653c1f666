#include "tabular/zip.hpp"

#include <gtest/gtest.h>

#include "tabular/test_zip.hpp"

namespace lianyin::tabular {
namespace {

using testing::BuildZip;
using testing::TestEntry;

core::Result<std::string> ReadEntry(const std::string& zip, std::string_view name,
                                    ZipLimits limits = {}) {
  core::Result<ZipArchive> archive = ZipArchive::Open(zip, limits);
  if (!archive) return archive.error();
  const ZipEntry* entry = archive->Find(name);
  if (entry == nullptr) return core::Error::NotFound();
  return archive->ReadAll(*entry);
}

std::string Message(const core::Result<std::string>& result) {
  return result ? "(no error)" : result.error().message;
}

TEST(Zip, ReadsStoredAndDeflatedEntries) {
  const std::string big(300'000, 'x');  // several 64 KiB chunks
  const std::string zip =
      BuildZip({{"a.txt", "stored 内容", false}, {"b.txt", big, true}, {"empty", "", true}});
  core::Result<ZipArchive> archive = ZipArchive::Open(zip);
  ASSERT_TRUE(archive);
  EXPECT_EQ(archive->entries().size(), 3u);
  EXPECT_EQ(ReadEntry(zip, "a.txt").value(), "stored 内容");
  EXPECT_EQ(ReadEntry(zip, "b.txt").value(), big);
  EXPECT_EQ(ReadEntry(zip, "empty").value(), "");
  EXPECT_EQ(archive->Find("missing"), nullptr);
}

TEST(Zip, RejectsWhatIsNotAZip) {
  const std::string_view cases[] = {"", "PK\x03\x04", "hello, world", "a,b\n1,2\n"};
  for (std::string_view bytes : cases) {
    core::Result<ZipArchive> archive = ZipArchive::Open(bytes);
    ASSERT_FALSE(archive);
    EXPECT_EQ(archive.error().code, core::ErrorCode::kBadRequest);
  }
}

TEST(Zip, RejectsTruncatedFilesAtEveryLength) {
  const std::string zip = BuildZip({{"a.txt", std::string(5000, 'y') + "z", true}});
  for (std::size_t size = 0; size < zip.size(); ++size) {
    const std::string cut = zip.substr(0, size);
    core::Result<ZipArchive> archive = ZipArchive::Open(cut);
    if (!archive) continue;
    const ZipEntry* entry = archive->Find("a.txt");
    if (entry != nullptr) {
      EXPECT_FALSE(archive->ReadAll(*entry)) << size;
    }
  }
}

TEST(Zip, DetectsABadCrc) {
  std::string zip = BuildZip({{"a.txt", "some data", false}});
  zip[30 + 5] ^= 0x01;  // flip a bit of the stored data after the local header and name
  const core::Result<std::string> data = ReadEntry(zip, "a.txt");
  EXPECT_NE(Message(data).find("CRC-32 mismatch"), std::string::npos) << Message(data);

  core::Result<ZipArchive> archive = ZipArchive::Open(zip);
  ASSERT_TRUE(archive);
  core::Result<ZipEntryStream> stream = archive->OpenEntry(*archive->Find("a.txt"));
  ASSERT_TRUE(stream);
  EXPECT_FALSE(stream->Next());
  EXPECT_FALSE(stream->Next()) << "a failed stream must not report a clean end later";
}

TEST(Zip, DetectsCorruptDeflateData) {
  std::string zip = BuildZip({{"a.txt", std::string(100'000, 'q'), true}});
  for (std::size_t i = 40; i < 60; ++i) zip[i] = '\xFF';
  EXPECT_FALSE(ReadEntry(zip, "a.txt"));
}

TEST(Zip, RefusesAZipBombByRatio) {
  const std::string zip = BuildZip({{"bomb", std::string(20 << 20, '\0'), true}});
  const core::Result<std::string> data = ReadEntry(zip, "bomb");
  EXPECT_NE(Message(data).find("zip bomb"), std::string::npos) << Message(data);
}

TEST(Zip, RefusesEntriesOverTheSizeCap) {
  const std::string zip = BuildZip({{"a.txt", std::string(2000, 'a'), false}});
  const core::Result<std::string> data =
      ReadEntry(zip, "a.txt", ZipLimits{.max_entry_bytes = 1000});
  EXPECT_NE(Message(data).find("zip bomb"), std::string::npos) << Message(data);
}

TEST(Zip, RefusesAnEntryThatGrowsBeyondItsDeclaredSize) {
  std::string zip = BuildZip({{"a.txt", std::string(10'000, 'a'), true}});
  // The uncompressed size in the central directory: 22 (EOCD) + 46 + 5 (name) from the end.
  const std::size_t field = zip.size() - 22 - 46 - 5 + 24;
  zip[field] = 100;
  zip[field + 1] = 0;
  const core::Result<std::string> data = ReadEntry(zip, "a.txt");
  EXPECT_NE(Message(data).find("larger than its declared size"), std::string::npos)
      << Message(data);
}

TEST(Zip, RefusesEncryptedAndZip64Entries) {
  std::string encrypted = BuildZip({{"a.txt", "x", false}});
  encrypted[encrypted.size() - 22 - 46 - 5 + 8] = 1;  // general-purpose flag bit 0
  core::Result<ZipArchive> archive = ZipArchive::Open(encrypted);
  ASSERT_FALSE(archive);
  EXPECT_NE(archive.error().message.find("encrypted"), std::string::npos);

  std::string zip64 = BuildZip({{"a.txt", "x", false}});
  for (std::size_t i = 0; i < 4; ++i) zip64[zip64.size() - 22 - 46 - 5 + 20 + i] = '\xFF';
  archive = ZipArchive::Open(zip64);
  ASSERT_FALSE(archive);
  EXPECT_NE(archive.error().message.find("ZIP64"), std::string::npos);
}

TEST(Zip, RefusesUnsupportedCompressionMethods) {
  std::string zip = BuildZip({{"a.txt", "x", false}});
  zip[zip.size() - 22 - 46 - 5 + 10] = 14;  // LZMA
  EXPECT_NE(Message(ReadEntry(zip, "a.txt")).find("method 14"), std::string::npos);
}

}  // namespace
}  // namespace lianyin::tabular
