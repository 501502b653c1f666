#include "domain/project/project.hpp"

#include <algorithm>
#include <array>

namespace lianyin::domain::project {
namespace {

constexpr std::array<std::string_view, 7> kStatuses = {
    "draft", "published", "contracted", "in_progress", "accepted", "closed", "cancelled"};

bool Contains(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

std::string_view StatusName(ProjectStatus status) {
  return kStatuses[static_cast<std::size_t>(status)];
}

std::optional<ProjectStatus> ParseStatus(std::string_view name) {
  for (std::size_t i = 0; i < kStatuses.size(); ++i) {
    if (kStatuses[i] == name) return static_cast<ProjectStatus>(i);
  }
  return std::nullopt;
}

const std::vector<std::string>& StatusNames() {
  static const std::vector<std::string> names(kStatuses.begin(), kStatuses.end());
  return names;
}

const std::vector<std::string>& ModeNames() {
  static const std::vector<std::string> names = {"purchase", "cooperation"};
  return names;
}

const std::vector<std::string>& TargetGroupNames() {
  static const std::vector<std::string> names = {
      "new_employment_workers", "sanitation_workers", "model_workers", "needy_workers",
      "workers_children",       "migrant_workers",    "women_workers", "frontline_workers",
      "young_workers",          "retired_workers"};
  return names;
}

const std::vector<std::string>& DocumentKindNames() {
  static const std::vector<std::string> names = {"call", "contract", "acceptance", "other"};
  return names;
}

bool IsMode(std::string_view code) { return Contains(ModeNames(), code); }
bool IsTargetGroup(std::string_view code) { return Contains(TargetGroupNames(), code); }
bool IsDocumentKind(std::string_view code) { return Contains(DocumentKindNames(), code); }

std::vector<std::int64_t> Project::ProviderIds() const {
  std::vector<std::int64_t> ids;
  for (const Provider& p : providers) ids.push_back(p.id);
  return ids;
}

}  // namespace lianyin::domain::project
