#pragma once
// Shared steps of the project use cases (internal to the area).

#include <boost/json/value.hpp>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/scope.hpp"
#include "domain/common/writer.hpp"
#include "domain/project/project.hpp"
#include "domain/project/project_repo.hpp"

namespace lianyin::domain::project {

// The project when `scope` sees it, else 404.
core::Result<Project> LoadVisible(ProjectRepo& repo, const common::Scope& scope, std::int64_t id);
// The project when the actor may manage it: 404 outside scope, 403 for an org member (who
// reads its organisation's projects and reports on them, but does not manage them).
core::Result<Project> LoadManaged(ProjectRepo& repo, const account::Actor& actor,
                                  const common::Scope& scope, std::int64_t id);

// The fields of `p` as a NewProject (the base a patch applies to).
NewProject FieldsOf(const Project& p);
boost::json::value AuditJson(const Project& p);
boost::json::value AuditJson(const Output& o);
boost::json::value AuditJson(const Milestone& m);
boost::json::value AuditJson(const Payment& p);
boost::json::value AuditJson(const Document& d);

// What the timeline and the change sink record of one change to the project or its parts.
struct LogEntry {
  std::string action;  // the timeline's and the audit's action
  std::string entity;  // "project", "project_output", ...
  std::int64_t entity_id = 0;
  boost::json::value before;
  boost::json::value after;
  std::optional<std::string> from_status;
  std::optional<std::string> to_status;
  std::optional<std::string> reason;
  std::string detail;  // e.g. the fields an edit changed
};
// Adds the timeline event and records the Change (owned by the funding unit).
void Log(common::WriteTx& tx, ProjectRepo& repo, const account::Actor& actor,
         const Project& project, const std::string& at, LogEntry entry);

// 422 unless the funding unit is a union unit in scope, the providers are registered
// organisations and the region is known and covered by the funding unit's region.
core::Result<void> CheckReferences(store::Session& session, const common::Scope& scope,
                                   const NewProject& p);

}  // namespace lianyin::domain::project
