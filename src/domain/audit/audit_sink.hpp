#pragma once
// The audit chain as a change sink: every change a write transaction records becomes one entry
// of the hash-chained log, in that transaction (SPEC §4 "Audit", SECURITY.md "Audit").

#include <functional>

#include "core/date.hpp"
#include "domain/common/change_sink.hpp"

namespace lianyin::domain::audit {

class AuditChangeSink final : public common::ChangeSink {
 public:
  explicit AuditChangeSink(std::function<core::DateTime()> clock = core::Now)
      : clock_(std::move(clock)) {}
  // Appends one entry per change (AppendAll), stamped now, with the origin's user, IP and
  // request id and the change's owner unit.
  void Apply(store::Session& session, const common::Origin& origin,
             const std::vector<common::Change>& changes) override;

 private:
  std::function<core::DateTime()> clock_;
};

}  // namespace lianyin::domain::audit
