#pragma once
// Where a write transaction's changes go (ARCHITECTURE.md "Every write path will feed statistics
// and audit in the same transaction").

#include <vector>

#include "domain/common/change.hpp"
#include "store/store.hpp"

namespace lianyin::domain::common {

class ChangeSink {
 public:
  virtual ~ChangeSink() = default;

  // Called inside the write transaction after the use case's own writes, just before COMMIT,
  // with every change it recorded (in order). The Writer calls its sinks in the order they were
  // given, which fixes the order in which transactions lock the rows sinks share (statistics
  // cells first, the audit chain head last): hot rows are taken late and in one order, so they
  // are held briefly and cannot deadlock. Throws like any statement (store::DbError); the
  // transaction then rolls back.
  virtual void Apply(store::Session& session, const Origin& origin,
                     const std::vector<Change>& changes) = 0;

  // Called after COMMIT succeeded (invalidating caches). Must not throw.
  virtual void Committed(const Origin& /*origin*/,
                         const std::vector<Change>& /*changes*/) noexcept {}
};

}  // namespace lianyin::domain::common
