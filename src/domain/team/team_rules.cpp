#include "domain/team/team_rules.hpp"

#include <string>
#include <vector>

#include "core/date.hpp"

namespace lianyin::domain::team {
namespace {

using Errors = std::vector<core::FieldError>;

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), {}});
}

core::Result<void> Done(Errors errors) {
  if (errors.empty()) return {};
  return core::Error::Invalid(std::move(errors));
}

bool SixDigits(const std::string& code) {
  return code.size() == 6 && code.find_first_not_of("0123456789") == std::string::npos;
}

void CheckName(Errors& errors, const std::string& name) {
  if (name.empty()) Fail(errors, "name", "must not be empty");
}
void CheckDomain(Errors& errors, const std::string& domain) {
  if (!IsDomain(domain)) {
    Fail(errors, "domain", "must be industry, organization, talent, consumption or charity");
  }
}
void CheckMembers(Errors& errors, const std::vector<std::int64_t>& ids) {
  if (static_cast<std::int64_t>(ids.size()) > kMaxMembers) {
    Fail(errors, "member_org_ids", "too many organisations");
  }
  for (std::int64_t id : ids) {
    if (id <= 0) return Fail(errors, "member_org_ids", "must be organisation ids");
  }
}
void CheckCounties(Errors& errors, const std::vector<std::string>& codes) {
  if (static_cast<std::int64_t>(codes.size()) > kMaxCounties) {
    Fail(errors, "county_codes", "too many counties");
  }
  for (const std::string& code : codes) {
    if (!SixDigits(code)) return Fail(errors, "county_codes", "must be six-digit region codes");
  }
}
void CheckRange(Errors& errors, const char* field, std::int64_t value, std::int64_t min,
                std::int64_t max) {
  if (value < min || value > max) {
    Fail(errors, field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
}
void CheckDate(Errors& errors, const char* field, const std::string& text) {
  const auto date = core::ParseDate(text);
  if (!date || date->year < kMinYear || date->year > kMaxYear) {
    Fail(errors, field, "must be a date (YYYY-MM-DD) between 2000 and 2100");
  }
}

}  // namespace

core::Result<void> CheckNewTeam(const NewTeam& t) {
  Errors errors;
  CheckName(errors, t.name);
  CheckDomain(errors, t.domain);
  if (t.lead_org_id <= 0) Fail(errors, "lead_org_id", "must be an organisation id");
  CheckMembers(errors, t.member_org_ids);
  CheckCounties(errors, t.county_codes);
  return Done(std::move(errors));
}

core::Result<void> CheckTeamPatch(const TeamPatch& p) {
  Errors errors;
  if (p.name) CheckName(errors, *p.name);
  if (p.domain) CheckDomain(errors, *p.domain);
  if (p.lead_org_id && *p.lead_org_id <= 0) {
    Fail(errors, "lead_org_id", "must be an organisation id");
  }
  if (p.member_org_ids) CheckMembers(errors, *p.member_org_ids);
  if (p.county_codes) CheckCounties(errors, *p.county_codes);
  return Done(std::move(errors));
}

core::Result<void> CheckPlan(const NewPlan& p) {
  Errors errors;
  CheckRange(errors, "year", p.year, kMinYear, kMaxYear);
  CheckRange(errors, "projects_planned", p.projects_planned, 0, kMaxCount);
  CheckRange(errors, "funds_planned_fen", p.funds_planned_fen, 0, kMaxFen);
  return Done(std::move(errors));
}

core::Result<void> CheckPlanPatch(const PlanPatch& p) {
  Errors errors;
  if (p.projects_planned) CheckRange(errors, "projects_planned", *p.projects_planned, 0, kMaxCount);
  if (p.funds_planned_fen)
    CheckRange(errors, "funds_planned_fen", *p.funds_planned_fen, 0, kMaxFen);
  return Done(std::move(errors));
}

core::Result<void> CheckHelpProject(const NewHelpProject& p) {
  Errors errors;
  if (p.title.empty()) Fail(errors, "title", "must not be empty");
  if (!SixDigits(p.county_code)) Fail(errors, "county_code", "must be a six-digit region code");
  CheckRange(errors, "funds_fen", p.funds_fen, 0, kMaxFen);
  CheckRange(errors, "beneficiaries", p.beneficiaries, 0, kMaxCount);
  CheckDate(errors, "started_on", p.started_on);
  CheckMembers(errors, p.member_org_ids);
  return Done(std::move(errors));
}

core::Result<void> CheckConsumption(const NewConsumption& c) {
  Errors errors;
  CheckDate(errors, "on", c.on);
  if (!IsConsumptionKind(c.kind)) Fail(errors, "kind", "must be direct_purchase or sales_helped");
  CheckRange(errors, "amount_fen", c.amount_fen, 1, kMaxFen);
  if (!SixDigits(c.county_code)) Fail(errors, "county_code", "must be a six-digit region code");
  return Done(std::move(errors));
}

}  // namespace lianyin::domain::team
