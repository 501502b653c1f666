#include "domain/common/data_versions.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "domain/common/writer.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::common {
namespace {

Change Of(std::string entity) { return {"update", std::move(entity), "1", nullptr, nullptr}; }

class DataVersionTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;  // several connections, as deployed
    BackendTest::SetUp();
    writer_ = std::make_unique<Writer>(db(), std::vector<ChangeSink*>{&sink_});
  }

  // Commits (or, when `fail`, rolls back) one transaction recording `changes`.
  void Write(std::vector<Change> changes, bool fail = false) {
    auto done = writer_->Run({}, [&](WriteTx& tx) -> core::Result<void> {
      for (Change& change : changes) tx.Record(change);
      if (fail) return core::Error::Invalid("x", "refused");
      return {};
    });
    EXPECT_EQ(static_cast<bool>(done), !fail);
  }

  std::int64_t Version(std::initializer_list<std::string_view> entities) {
    store::Session session = db().Acquire();
    return ReadDataVersion(session, entities);
  }

  DataVersionSink sink_{"org", "unit"};
  std::unique_ptr<Writer> writer_;
};

TEST_P(DataVersionTest, ACommittedChangeOfATrackedEntityRaisesItsVersionOnce) {
  EXPECT_EQ(Version({"org", "unit"}), 0);
  Write({Of("org"), Of("org"), Of("org")});  // one transaction: one step
  EXPECT_EQ(Version({"org"}), 1);
  EXPECT_EQ(Version({"unit"}), 0);
  Write({Of("unit"), Of("org")});
  EXPECT_EQ(Version({"org"}), 2);
  EXPECT_EQ(Version({"org", "unit"}), 3);
}

TEST_P(DataVersionTest, UntrackedEntitiesAndRolledBackTransactionsLeaveItAlone) {
  Write({Of("session"), Of("user")});
  Write({Of("org")}, /*fail=*/true);
  EXPECT_EQ(Version({"org", "unit", "session", "user"}), 0);
}

TEST_P(DataVersionTest, WritesOutsideAWriterRaiseItInTheirTransaction) {
  {
    store::Session session = db().Acquire();
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    RaiseDataVersions(session, {"region", "org", "region"});
    // not committed: dropped with the transaction
  }
  EXPECT_EQ(Version({"org", "region"}), 0);
  store::Session session = db().Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  RaiseDataVersions(session, {"region", "org", "region"});
  tx.Commit();
  EXPECT_EQ(Version({"region"}), 1);
  EXPECT_EQ(Version({"org", "region"}), 2);
}

// Every one of 8 × 25 parallel transactions counts: the version is exact under contention.
TEST_P(DataVersionTest, ParallelWritersAreEachCountedExactlyOnce) {
  std::atomic<int> failed = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto done = writer_->Run({}, [&](WriteTx& tx) -> core::Result<void> {
          tx.Record(Of("org"));
          tx.Record(Of("unit"));
          return {};
        });
        if (!done) ++failed;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(Version({"org"}), 200);
  EXPECT_EQ(Version({"unit"}), 200);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(DataVersionTest);

}  // namespace
}  // namespace lianyin::domain::common
