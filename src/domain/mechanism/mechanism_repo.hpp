#pragma once
// The work mechanism's SQL for meetings, templates and their occurrences (supervised tasks:
// task_repo.hpp), and the units and organisations a meeting names.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/scope.hpp"
#include "domain/mechanism/mechanism.hpp"
#include "store/store.hpp"

namespace lianyin::domain::mechanism {

// Meetings (alias m) and templates (alias mt) are owned by their unit; org members and workers
// see none.
inline constexpr common::Ownership kMeetingRows{"m.unit_id"};
inline constexpr common::Ownership kTemplateRows{"mt.unit_id"};

class MechanismRepo {
 public:
  explicit MechanismRepo(store::Session& session) : session_(session) {}

  // The unit's name when `scope` sees unit `id`; one query.
  std::optional<std::string> UnitNameInScope(const common::Scope& scope, std::int64_t id);
  // The name of the published organisation `id` (organisations' names are public, SPEC §1).
  std::optional<std::string> OrgName(std::int64_t id);

  // A new meeting (attendees stored as JSON); its id. `by_user_id` empty for the daily job.
  std::int64_t InsertMeeting(const MeetingInput& m, std::optional<std::int64_t> template_id,
                             std::optional<std::int64_t> by_user_id, std::string_view now);
  // Writes the fields `m` holds; other fields stay.
  void UpdateMeeting(std::int64_t id, const MeetingInput& m, std::string_view now);
  void SetMinutes(std::int64_t id, const std::string& minutes, std::string_view now);
  std::optional<Meeting> FindMeetingInScope(const common::Scope& scope, std::int64_t id);
  // One page of the meetings `scope` sees, latest start first, and how many match.
  std::vector<Meeting> ListMeetings(const MeetingFilter& filter, const common::Scope& scope,
                                    std::int64_t limit, std::int64_t offset);
  std::int64_t CountMeetings(const MeetingFilter& filter, const common::Scope& scope);

  std::int64_t InsertTemplate(const NewTemplate& t, std::int64_t by_user_id, std::string_view now);
  void SetTemplateActive(std::int64_t id, bool active, std::string_view now);
  std::optional<MechanismTemplate> FindTemplateInScope(const common::Scope& scope, std::int64_t id);
  std::vector<MechanismTemplate> ListTemplates(const common::Scope& scope, std::int64_t limit,
                                               std::int64_t offset);
  std::int64_t CountTemplates(const common::Scope& scope);
  // Every active template `scope` sees (the calendar), or of the whole platform (the job).
  std::vector<MechanismTemplate> ActiveTemplates(const common::Scope& scope);
  std::vector<MechanismTemplate> AllActiveTemplates();

  // The periods (SPEC form) the template has occurrences of.
  std::vector<std::string> OccurrencePeriods(std::int64_t template_id);
  // The occurrence of (template, period), or nullopt when it exists already (committed before or
  // meanwhile: the unique key decides).
  std::optional<std::int64_t> InsertOccurrence(const MechanismTemplate& t,
                                               const std::string& period, std::string_view now);
  void SetOccurrenceTarget(std::int64_t occurrence_id, std::optional<std::int64_t> meeting_id,
                           std::optional<std::int64_t> report_task_id);

  // The meetings `scope` sees starting on a day in [from, to], by start; one query.
  std::vector<Meeting> MeetingsBetween(const common::Scope& scope, const std::string& from,
                                       const std::string& to);

 private:
  struct Query {
    std::string from_where;
    std::vector<store::Value> params;
  };
  Query MeetingWhere(const MeetingFilter& filter, const common::Scope& scope) const;
  std::vector<MechanismTemplate> Templates(const std::string& where,
                                           const std::vector<store::Value>& params);
  store::Session& session_;
};

}  // namespace lianyin::domain::mechanism
