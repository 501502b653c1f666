#include "domain/credit/credit_gate.hpp"

#include <fmt/format.h>

#include "domain/credit/credit_repo.hpp"

namespace lianyin::domain::credit {

std::optional<CreditEntry> FirstActiveEntry(store::Session& session,
                                            const std::vector<std::int64_t>& org_ids) {
  if (org_ids.empty()) return std::nullopt;
  return CreditRepo(session).FirstActive(org_ids);
}

std::map<std::int64_t, CreditEntry> ActiveEntries(store::Session& session,
                                                  const std::vector<std::int64_t>& org_ids) {
  std::map<std::int64_t, CreditEntry> out;
  if (org_ids.empty()) return out;
  for (CreditEntry& e : CreditRepo(session).ActiveOf(org_ids)) {
    out.try_emplace(e.org_id, std::move(e));  // the first per organisation is the earliest
  }
  return out;
}

core::Error CreditListed(const CreditEntry& entry, std::string_view field) {
  // The English message id of the catalogue: "{} is on the {} list since {}: {}".
  std::string message = fmt::format("{} is on the {} list since {}: {}", entry.org_name,
                                    CreditListName(entry.list), entry.entered_on, entry.reason);
  return {core::ErrorCode::kValidationFailed,
          message,
          {core::FieldError{std::string(field), message, std::nullopt}}};
}

}  // namespace lianyin::domain::credit
