#include "domain/project/project_internal.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>

#include "domain/account/unit_repo.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::project {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : nullptr; }
json::value Opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : nullptr; }

}  // namespace

core::Result<Project> LoadVisible(ProjectRepo& repo, const common::Scope& scope, std::int64_t id) {
  auto project = repo.FindInScope(scope, id);
  if (!project) return common::OutOfScope();
  return std::move(*project);
}

core::Result<Project> LoadManaged(ProjectRepo& repo, const account::Actor& actor,
                                  const common::Scope& scope, std::int64_t id) {
  auto project = LoadVisible(repo, scope, id);
  if (project && actor.org_id) {
    return core::Error::Forbidden("a provider reports on its projects but does not manage them");
  }
  return project;
}

NewProject FieldsOf(const Project& p) {
  return {p.title,         p.category,      p.funding_unit_id, p.mode,
          p.ProviderIds(), p.budget_fen,    p.region_code,     p.start_on,
          p.end_on,        p.target_groups, p.description};
}

json::value AuditJson(const Project& p) {
  json::array providers(p.providers.size());
  for (std::size_t i = 0; i < p.providers.size(); ++i) providers[i] = p.providers[i].id;
  json::array groups(p.target_groups.begin(), p.target_groups.end());
  return json::object{{"id", p.id},
                      {"title", p.title},
                      {"category", p.category},
                      {"funding_unit_id", p.funding_unit_id},
                      {"mode", p.mode},
                      {"provider_org_ids", std::move(providers)},
                      {"budget_fen", p.budget_fen},
                      {"contract_fen", Opt(p.contract_fen)},
                      {"contracted_on", Opt(p.contracted_on)},
                      {"region_code", p.region_code},
                      {"start_on", p.start_on},
                      {"end_on", p.end_on},
                      {"target_groups", std::move(groups)},
                      {"description", Opt(p.description)},
                      {"status", StatusName(p.status)}};
}

json::value AuditJson(const Output& o) {
  return json::object{{"id", o.id},
                      {"on", o.on},
                      {"person_times", o.person_times},
                      {"events", o.events},
                      {"spent_fen", o.spent_fen},
                      {"note", Opt(o.note)},
                      {"reverses_id", Opt(o.reverses_id)},
                      {"reason", Opt(o.reason)}};
}

json::value AuditJson(const Milestone& m) {
  return json::object{{"id", m.id},
                      {"title", m.title},
                      {"due_on", m.due_on},
                      {"done_on", Opt(m.done_on)},
                      {"note", Opt(m.note)}};
}

json::value AuditJson(const Payment& p) {
  return json::object{{"id", p.id},
                      {"due_on", p.due_on},
                      {"amount_fen", p.amount_fen},
                      {"paid_on", Opt(p.paid_on)},
                      {"note", Opt(p.note)}};
}

json::value AuditJson(const Document& d) {
  return json::object{{"id", d.id},
                      {"kind", d.kind},
                      {"file_name", d.file_name},
                      {"media_type", d.media_type},
                      {"size", d.size},
                      {"sha256", d.sha256}};
}

void Log(common::WriteTx& tx, ProjectRepo& repo, const account::Actor& actor,
         const Project& project, const std::string& at, LogEntry e) {
  HistoryEvent event;
  event.at = at;
  event.action = e.entity == "project" ? e.action : e.entity.substr(8) + "_" + e.action;
  event.from_status = e.from_status;
  event.to_status = e.to_status;
  event.reason = e.reason;
  event.by_user_id = actor.user_id;
  event.detail = e.detail;
  repo.AddEvent(project.id, event);
  tx.Record({e.action, e.entity, std::to_string(e.entity_id), std::move(e.before),
             std::move(e.after), true, project.funding_unit_id});
}

core::Result<void> CheckReferences(store::Session& session, const common::Scope& scope,
                                   const NewProject& p) {
  auto unit = account::UnitRepo(session).FindInScope(scope, p.funding_unit_id);
  if (!unit) return core::Error::Invalid("funding_unit_id", "no such unit");
  if (unit->kind != account::UnitKind::kUnion) {
    return core::Error::Invalid("funding_unit_id", "must be a trade-union unit");
  }
  region::RegionRepo regions(session);
  if (!regions.Find(p.region_code)) return core::Error::Invalid("region_code", "unknown region");
  if (!regions.Covers(unit->region_code, p.region_code)) {
    return core::Error::Invalid("region_code", "must be covered by the funding unit's region");
  }
  std::map<std::int64_t, ProviderRef> found;
  for (ProviderRef& ref : ProjectRepo(session).FindProviders(p.provider_org_ids)) {
    found[ref.id] = std::move(ref);
  }
  std::vector<core::FieldError> errors;
  for (std::size_t i = 0; i < p.provider_org_ids.size(); ++i) {
    const auto it = found.find(p.provider_org_ids[i]);
    const std::string field = fmt::format("provider_org_ids[{}]", i);
    if (it == found.end()) {
      errors.push_back({field, "no such organisation", std::nullopt});
    } else if (it->second.status != "registered") {
      errors.push_back({field, "must be a registered organisation", std::nullopt});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

}  // namespace lianyin::domain::project
