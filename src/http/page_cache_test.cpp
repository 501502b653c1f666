#include "http/page_cache.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace lianyin::http {
namespace {

TEST(PageCache, HitsOnlyTheVersionItWasStoredFor) {
  PageCache cache;
  EXPECT_FALSE(cache.Find("orgs?page=1#p", 3));
  cache.Store("orgs?page=1#p", 3, "[1]");
  EXPECT_EQ(cache.Find("orgs?page=1#p", 3), "[1]");
  EXPECT_FALSE(cache.Find("orgs?page=1#u7", 3)) << "another scope is another key";
  EXPECT_FALSE(cache.Find("orgs?page=1#p", 4)) << "a change since makes the entry stale";
  EXPECT_FALSE(cache.Find("orgs?page=1#p", 3)) << "and a stale entry is dropped";
  const PageCache::Stats stats = cache.stats();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.misses, 4u);
  EXPECT_EQ(stats.entries, 0u);
  EXPECT_EQ(stats.bytes, 0u);
}

TEST(PageCache, ANewerVersionIsNotReplacedByAnOlderOne) {
  PageCache cache;
  cache.Store("k", 5, "new");
  cache.Store("k", 4, "old");  // a slower reader that read the version before the change
  EXPECT_EQ(cache.Find("k", 5), "new");
  cache.Store("k", 6, "newer");
  EXPECT_EQ(cache.Find("k", 6), "newer");
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST(PageCache, EvictsTheLeastRecentlyUsedBeyondItsBytes) {
  constexpr std::size_t kEach = 2 + 90 + PageCache::kEntryOverhead;  // key, body, overhead
  PageCache cache(8 * kEach + kEach / 2);                            // room for eight
  const std::string body(90, 'x');
  for (int i = 0; i < 8; ++i) cache.Store("k" + std::to_string(i), 1, body);
  EXPECT_TRUE(cache.Find("k0", 1));  // k0 is now newest
  cache.Store("k8", 1, body);        // evicts k1
  EXPECT_TRUE(cache.Find("k0", 1));
  EXPECT_FALSE(cache.Find("k1", 1));
  EXPECT_TRUE(cache.Find("k8", 1));
  EXPECT_EQ(cache.stats().bytes, 8 * kEach);
  EXPECT_EQ(cache.stats().entries, 8u);
}

TEST(PageCache, KeepsNoBodyLargerThanAnEighthOfItsBytes) {
  PageCache cache(8 * 256);  // entries up to 256 bytes
  cache.Store("big", 1, std::string(256 - 3 - PageCache::kEntryOverhead + 1, 'x'));
  EXPECT_FALSE(cache.Find("big", 1));
  cache.Store("fits", 1, std::string(256 - 4 - PageCache::kEntryOverhead, 'x'));
  EXPECT_TRUE(cache.Find("fits", 1));
}

TEST(PageCache, ParallelReadersAndWritersKeepItConsistent) {
  PageCache cache(64 * 1024);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache] {
      for (int i = 0; i < 5000; ++i) {
        const std::string key = "k" + std::to_string(i % 97);
        const std::int64_t version = i / 500;
        if (auto body = cache.Find(key, version)) {
          EXPECT_EQ(*body, key + "@" + std::to_string(version));
        } else {
          cache.Store(key, version, key + "@" + std::to_string(version));
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const PageCache::Stats stats = cache.stats();
  EXPECT_EQ(stats.hits + stats.misses, 20000u);
  EXPECT_LE(stats.entries, 97u);
}

}  // namespace
}  // namespace lianyin::http
