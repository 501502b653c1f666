#pragma once
// Data versions: one counter per kind of record (an entity name of common::Change), stored in
// the database (data_versions) and raised in the same transaction as the change. A cache of
// anything derived from some entities' records is valid exactly while the sum of their counters
// is what it was when the cache entry was built: counters only grow, so any change moves the sum,
// whichever process — another server, a command-line import — made it.
//
// Read the version *before* reading the data it labels: a change committed in between then makes
// the entry look older than it is (a needless miss), never newer (a stale hit).

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/change_sink.hpp"

namespace lianyin::domain::common {

// Raises the counter of each of `entities` by one in `session`'s write transaction, in name order
// (the fixed lock order of these rows on PostgreSQL). For writes that do not go through a Writer
// (loading the region table).
void RaiseDataVersions(store::Session& session, const std::vector<std::string_view>& entities);

// The sum of the counters of `entities` (0 for entities never changed). One indexed read.
std::int64_t ReadDataVersion(store::Session& session,
                             std::initializer_list<std::string_view> entities);

// The change sink that raises the counters: once per transaction for each tracked entity it
// changed. Runs before the audit sink (its rows are hot too; taken late, held briefly).
class DataVersionSink final : public ChangeSink {
 public:
  explicit DataVersionSink(std::initializer_list<std::string_view> tracked);

  void Apply(store::Session& session, const Origin& origin,
             const std::vector<Change>& changes) override;

 private:
  std::set<std::string, std::less<>> tracked_;
};

}  // namespace lianyin::domain::common
