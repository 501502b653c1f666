#include "domain/credit/credit_rule_entry.hpp"

#include "domain/credit/credit_audit.hpp"
#include "domain/credit/credit_repo.hpp"

namespace lianyin::domain::credit {

std::optional<CreditEntry> EnterByRule(common::WriteTx& tx, const RuleEntry& entry,
                                       const std::string& now) {
  CreditRepo repo(tx.session());
  const OrgRef org{entry.org_id, "", entry.registration_unit_id, "", true};
  auto id = repo.InsertRuleEntry(org, entry.list, entry.reason, entry.entered_on, entry.rule, now);
  if (!id) return std::nullopt;
  const common::Scope everything{.unit_id = entry.registration_unit_id, .platform = true};
  CreditEntry created = repo.FindInScope(everything, *id).value();
  tx.Record(EntryChange("create", created, nullptr, AuditJson(created)));
  return created;
}

}  // namespace lianyin::domain::credit
