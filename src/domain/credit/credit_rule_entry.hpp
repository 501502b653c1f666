#pragma once
// Entries made by the dated credit rules (SPEC §4 "Credit lists": no annual report by 30 June of
// the following year → abnormal; two years on the abnormal list → dishonest). The rules
// themselves live with the annual reports (domain/annual/credit_rules_job.hpp); this is the
// credit area's part: the entry, made once per rule, with its Change.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/common/writer.hpp"
#include "domain/credit/credit.hpp"

namespace lianyin::domain::credit {

struct RuleEntry {
  std::int64_t org_id = 0;
  std::int64_t registration_unit_id = 0;  // the entry's owner
  CreditList list = CreditList::kAbnormal;
  std::string reason;
  std::string entered_on;  // the rule's date, not the day the job ran
  std::string rule;        // the key that makes the rule act once per organisation
};

// Enters the organisation inside the caller's transaction, entered_by NULL (the system), and
// records its Change (credit_entry create). nullopt — nothing written — when the organisation
// has an active entry on that list, or `rule` entered it before (even if removed since): exact
// under concurrency (unique indexes decide).
std::optional<CreditEntry> EnterByRule(common::WriteTx& tx, const RuleEntry& entry,
                                       const std::string& now);

}  // namespace lianyin::domain::credit
