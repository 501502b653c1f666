#include "domain/inspection/inspection_rules.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "core/uscc.hpp"
#include "domain/org/org.hpp"
#include "domain/region/region_rules.hpp"

namespace lianyin::domain::inspection {
namespace {

std::size_t Chars(const std::string& utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void CheckFilter(const OrgFilter& f, std::vector<core::FieldError>& errors) {
  if (f.region_code && !region::IsRegionCode(*f.region_code)) {
    errors.push_back({"org_filter.region_code", "must be a six-digit region code", {}});
  }
  if (f.org_type && !core::ParseOrgType(*f.org_type, "org_filter.org_type")) {
    errors.push_back(
        {"org_filter.org_type", "must be social_group, social_service, foundation or other", {}});
  }
  if (f.category && !org::IsServiceCategory(*f.category)) {
    errors.push_back({"org_filter.category", "not a service_category code", {}});
  }
}

}  // namespace

const std::vector<std::string>& PlanStatusNames() {
  static const std::vector<std::string> names = {"planned", "drawn", "published"};
  return names;
}

const std::vector<std::string>& ResultNames() {
  static const std::vector<std::string> names = {"no_issue", "rectify", "case_opened",
                                                 "unreachable"};
  return names;
}

bool IsResult(std::string_view code) {
  const auto& all = ResultNames();
  return std::find(all.begin(), all.end(), code) != all.end();
}

core::Result<NewPlan> CheckNewPlan(NewPlan plan) {
  std::vector<core::FieldError> errors;
  if (plan.name.empty() || Chars(plan.name) > kMaxNameChars) {
    errors.push_back(
        {"name", plan.name.empty() ? "is required" : "must be at most 200 characters", {}});
  }
  if (plan.sample_size < 1 || plan.sample_size > kMaxSampleSize) {
    errors.push_back({"sample_size", "must be between 1 and 100000", {}});
  }
  if (plan.inspectors_per_team < 1 || plan.inspectors_per_team > kMaxTeamSize) {
    errors.push_back({"inspectors_per_team", "must be between 1 and 20", {}});
  }
  CheckFilter(plan.org_filter, errors);
  if (plan.conflicts.size() > kMaxPlanConflicts) {
    errors.push_back({"conflicts", "must hold at most 10000 conflicts", {}});
  }
  for (std::size_t i = 0; i < plan.conflicts.size() && errors.size() < 50; ++i) {
    auto uscc = core::ParseUscc(plan.conflicts[i].uscc);
    if (!uscc) {
      errors.push_back(
          {"conflicts[" + std::to_string(i) + "].uscc", "must be a valid credit code", {}});
    } else {
      plan.conflicts[i].uscc = std::string(uscc->code());
    }
    if (plan.conflicts[i].inspector_id < 1) {
      errors.push_back(
          {"conflicts[" + std::to_string(i) + "].inspector_id", "must be a positive integer", {}});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return plan;
}

SamplingHint HintFor(int region_level, std::int64_t pool_size) {
  static constexpr std::array<const char*, 4> kLevels = {"nation", "province", "city", "county"};
  static constexpr std::array<std::int64_t, 4> kPercent = {10, 5, 4, 3};
  const auto level = static_cast<std::size_t>(std::clamp(region_level, 0, 3));
  const std::int64_t percent = kPercent[level];
  return {kLevels[level], percent, (pool_size * percent + 99) / 100};
}

core::Result<void> CheckResult(const std::string& result, const std::string& findings) {
  std::vector<core::FieldError> errors;
  if (!IsResult(result)) {
    errors.push_back({"result", "must be no_issue, rectify, case_opened or unreachable", {}});
  }
  if (Chars(findings) > kMaxFindingsChars) {
    errors.push_back({"findings", "must be at most 4000 characters", {}});
  } else if (findings.empty() && IsResult(result) && result != "no_issue") {
    errors.push_back({"findings", "is required unless no issue was found", {}});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

std::vector<Conflict> MergeConflicts(std::vector<Conflict> plan, std::vector<Conflict> standing) {
  plan.insert(plan.end(), std::make_move_iterator(standing.begin()),
              std::make_move_iterator(standing.end()));
  const auto key = [](const Conflict& c) { return std::tie(c.inspector_id, c.uscc); };
  std::sort(plan.begin(), plan.end(),
            [&](const Conflict& a, const Conflict& b) { return key(a) < key(b); });
  plan.erase(std::unique(plan.begin(), plan.end()), plan.end());
  return plan;
}

}  // namespace lianyin::domain::inspection
