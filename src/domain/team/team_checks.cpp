#include "domain/team/team_checks.hpp"

namespace lianyin::domain::team {

core::Result<void> CheckOrgsExist(TeamRepo& repo, std::optional<std::int64_t> lead,
                                  const std::vector<std::int64_t>& members) {
  std::vector<std::int64_t> ids = members;
  if (lead) ids.push_back(*lead);
  const auto found = repo.FindPublicOrgs(ids);
  std::vector<core::FieldError> errors;
  if (lead && !found.contains(*lead)) errors.push_back({"lead_org_id", "no such organisation", {}});
  for (std::int64_t id : members) {
    if (!found.contains(id)) {
      errors.push_back({"member_org_ids", "no such organisation", {}});
      break;
    }
  }
  if (errors.empty()) return {};
  return core::Error::Invalid(std::move(errors));
}

core::Result<void> CheckCountiesExist(TeamRepo& repo, const std::string& field,
                                      const std::vector<std::string>& codes) {
  const auto known = repo.KnownCounties(codes);
  for (const std::string& code : codes) {
    if (!known.contains(code)) return core::Error::Invalid(field, "no such county");
  }
  return {};
}

}  // namespace lianyin::domain::team
