#include "domain/mechanism/mechanism.hpp"

#include <algorithm>
#include <array>

namespace lianyin::domain::mechanism {
namespace {

template <std::size_t N>
std::optional<std::size_t> IndexOf(const std::array<std::string_view, N>& names,
                                   std::string_view name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

constexpr std::array<std::string_view, 3> kTaskStatuses = {"open", "in_progress", "done"};
constexpr std::array<std::string_view, 4> kRecurrences = {"monthly", "quarterly", "half_yearly",
                                                          "yearly"};

}  // namespace

const std::vector<std::string>& MeetingKindNames() {
  static const std::vector<std::string> names = {"consultation",      "dispatch",
                                                 "half_year_summary", "year_end_summary",
                                                 "joint_meeting",     "other"};
  return names;
}

bool IsMeetingKind(std::string_view code) {
  const auto& names = MeetingKindNames();
  return std::find(names.begin(), names.end(), code) != names.end();
}

std::string_view TaskStatusName(TaskStatus status) {
  return kTaskStatuses[static_cast<std::size_t>(status)];
}

std::optional<TaskStatus> ParseTaskStatus(std::string_view name) {
  const auto i = IndexOf(kTaskStatuses, name);
  if (!i) return std::nullopt;
  return static_cast<TaskStatus>(*i);
}

const std::vector<std::string>& TaskStatusNames() {
  static const std::vector<std::string> names(kTaskStatuses.begin(), kTaskStatuses.end());
  return names;
}

const std::vector<std::string>& TaskDisplayStatusNames() {
  static const std::vector<std::string> names = {"open", "in_progress", "done", "overdue"};
  return names;
}

std::string_view RecurrenceName(Recurrence recurrence) {
  return kRecurrences[static_cast<std::size_t>(recurrence)];
}

std::optional<Recurrence> ParseRecurrence(std::string_view name) {
  const auto i = IndexOf(kRecurrences, name);
  if (!i) return std::nullopt;
  return static_cast<Recurrence>(*i);
}

const std::vector<std::string>& RecurrenceNames() {
  static const std::vector<std::string> names(kRecurrences.begin(), kRecurrences.end());
  return names;
}

const std::vector<std::string>& TemplateKindNames() {
  static const std::vector<std::string> names = {"meeting", "report_task"};
  return names;
}

}  // namespace lianyin::domain::mechanism
