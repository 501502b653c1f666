#include "domain/org/org.hpp"

#include <algorithm>
#include <array>

namespace lianyin::domain::org {
namespace {

constexpr std::array<std::pair<OrgStatus, std::string_view>, 6> kStatusNames = {{
    {OrgStatus::kApplying, "applying"},
    {OrgStatus::kRegistered, "registered"},
    {OrgStatus::kAbnormal, "abnormal"},
    {OrgStatus::kDeregistering, "deregistering"},
    {OrgStatus::kDeregistered, "deregistered"},
    {OrgStatus::kRejected, "rejected"},
}};

}  // namespace

std::string_view OrgStatusName(OrgStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "registered";
}

std::optional<OrgStatus> ParseOrgStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

const std::vector<std::string>& OrgStatusNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [s, name] : kStatusNames) out.emplace_back(name);
    return out;
  }();
  return names;
}

const std::vector<std::string>& ServiceCategories() {
  static const std::vector<std::string> categories = {
      "skills",   "health",         "children",          "culture_sports",
      "stations", "new_employment", "common_prosperity", "volunteer"};
  return categories;
}

bool IsServiceCategory(std::string_view code) {
  const auto& all = ServiceCategories();
  return std::find(all.begin(), all.end(), code) != all.end();
}

}  // namespace lianyin::domain::org
