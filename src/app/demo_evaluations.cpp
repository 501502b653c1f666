#include "app/demo_evaluations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>

#include "app/services.hpp"
#include "domain/account/roles.hpp"
#include "domain/evaluation/evaluation_rules.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace ev = domain::evaluation;
namespace json = boost::json;

// Per mille of each leaf's maximum the experts give, by target grade (5A … 1A): well inside the
// national scale's bands (900, 800, 700, 600, 500), so the experts' spread keeps the grade.
constexpr std::array<int, 5> kTargets = {940, 850, 750, 650, 550};
constexpr int kPerGrade = 2;

account::Actor ActorOf(const account::UserView& u, std::vector<std::string> permissions) {
  account::Actor a;
  a.user_id = u.user.id;
  a.username = u.user.username;
  a.display_name = u.user.display_name;
  a.unit_id = u.user.unit_id;
  a.roles = u.user.roles;
  a.permissions = {permissions.begin(), permissions.end()};
  return a;
}

core::Result<account::UserView> MakeUser(Services& services, const account::Actor& admin,
                                         const std::string& username, const std::string& name,
                                         std::int64_t unit, const std::string& role,
                                         const std::string& password) {
  return services.users.Create(
      admin, {username, password, name, unit, {role}, std::nullopt, std::nullopt, false});
}

// Expert `e`'s scores: `per_mille` of each leaf's maximum, shifted by (e − 2) % of it, in tenths.
json::object Scores(const std::vector<ev::Leaf>& leaves, int per_mille, int e) {
  json::object out;
  const int share = std::clamp(per_mille + (e - 2) * 10, 0, 1000);
  for (const ev::Leaf& leaf : leaves) out[leaf.code] = ev::PointsJson(leaf.max * share / 1000);
  return out;
}

// The national 1000-point template (the first built-in one on that scale).
core::Result<ev::Template> NationalTemplate(ev::EvaluationService& evaluations,
                                            const account::Actor& officer) {
  for (ev::Template& t : evaluations.ListTemplates(officer, {1, 200}).items) {
    if (t.builtin() && t.body.max == 10000) return std::move(t);
  }
  return core::Error::NotFound();
}

// The gates' refusal of an organisation (422 on org_id), not a failure of the demo.
bool IsIneligible(const core::Error& e) {
  return e.code == core::ErrorCode::kValidationFailed && !e.details.empty() &&
         e.details.front().field == "org_id";
}

}  // namespace

core::Result<DemoEvaluationsReport> BuildDemoEvaluations(Services& services,
                                                         const account::Actor& admin,
                                                         const std::vector<std::int64_t>& org_ids,
                                                         const std::string& password) {
  DemoEvaluationsReport report;
  if (org_ids.empty()) return report;
  auto first = services.orgs.Get(admin, org_ids.front());
  if (!first) return first.error();
  const std::int64_t unit = first->org.registration_unit_id;
  auto officer_user = MakeUser(services, admin, kDemoEvaluationOfficer, "陈评估", unit,
                               "civil_affairs_officer", password);
  if (!officer_user) return officer_user.error();
  report.officer_user_id = officer_user->user.id;
  const account::Actor officer =
      ActorOf(*officer_user, account::DefaultPermissions("civil_affairs_officer"));
  std::vector<account::Actor> experts;
  std::vector<std::int64_t> expert_ids;
  for (int e = 1; e <= kDemoEvaluators; ++e) {
    auto u = MakeUser(services, admin, fmt::format("demo.evaluator{}", e),
                      fmt::format("评估专家{:02d}", e), unit, "expert", password);
    if (!u) return u.error();
    experts.push_back(ActorOf(*u, account::DefaultPermissions("expert")));
    expert_ids.push_back(u->user.id);
  }
  auto tmpl = NationalTemplate(services.evaluations, officer);
  if (!tmpl) return tmpl.error();
  const std::vector<ev::Leaf> leaves = ev::Leaves(tmpl->body.indicators);
  const std::size_t graded = std::min(org_ids.size(), kTargets.size() * kPerGrade);
  std::size_t i = 0;  // evaluations made
  for (std::size_t next = 0; i <= graded && next < org_ids.size(); ++next) {
    auto created = services.evaluations.Create(officer, {org_ids[next], tmpl->id, expert_ids});
    // An organisation the gates refuse (the demo's credit rules listed it, its last annual
    // report failed) is passed over, as an officer would.
    if (!created && IsIneligible(created.error())) continue;
    if (!created) return created.error();
    const std::int64_t id = created->evaluation.id;
    const bool last = i++ == graded;  // left being scored: only the first two experts have
    const int per_mille = last ? 800 : kTargets[(i - 1) / kPerGrade];
    for (std::size_t e = 0; e < experts.size() && (!last || e < 2); ++e) {
      const json::value scores = Scores(leaves, per_mille, static_cast<int>(e));
      auto scored = services.evaluations.Score(experts[e], id, expert_ids[e], &scores);
      if (!scored) return scored.error();
    }
    if (last) {
      ++report.scoring;
      continue;
    }
    auto done = services.evaluations.Finalize(officer, id);
    if (!done) return done.error();
    ++report.finalized;
    if (done->evaluation.grade) ++report.by_grade[*done->evaluation.grade];
  }
  return report;
}

}  // namespace lianyin::app
