#include "app/demo_selection.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <map>

#include "domain/selection/booklet_runner.hpp"

namespace lianyin::app {
namespace {

namespace project = domain::project;
namespace selection = domain::selection;

constexpr std::array<const char*, 8> kCategories = {
    "skills",   "health",         "children",          "culture_sports",
    "stations", "new_employment", "common_prosperity", "volunteer"};
// Excellent projects per category in each batch: 68 + 66 = 134.
constexpr std::array<std::array<int, 8>, 2> kQuotas = {
    {{9, 9, 8, 8, 9, 9, 8, 8}, {8, 8, 8, 8, 8, 9, 9, 8}}};
constexpr int kExperts = 5;
constexpr int kExtraNominations = 2;  // per category, ranked below the quota

const std::vector<selection::Criterion>& Rubric() {
  static const std::vector<selection::Criterion> rubric = {
      {"need", "需求导向与职工获得感", 25},
      {"design", "项目设计与组织实施", 20},
      {"effect", "服务成效与覆盖面", 30},
      {"model", "创新性与示范推广价值", 15},
      {"management", "规范管理与资金使用", 10}};
  return rubric;
}

// Deterministic points for (nomination, expert, criterion): 60 %–100 % of the maximum.
std::int64_t Points(std::int64_t nomination, std::int64_t expert, int criterion, int max) {
  const std::uint64_t h = static_cast<std::uint64_t>(nomination) * 2654435761u +
                          static_cast<std::uint64_t>(expert) * 40503u +
                          static_cast<std::uint64_t>(criterion) * 97u;
  const int low = max * 6 / 10;
  return low + static_cast<std::int64_t>(h % static_cast<std::uint64_t>(max - low + 1));
}

std::string Story(const project::Project& p) {
  return fmt::format(
      "{}立足{}职工实际需求，由{}出资、{}承接实施。\n项目累计开展活动{}场次，服务职工{}人次，"
      "建立了需求调研、过程督导和成效评估的闭环机制，形成了可复制、可推广的工作经验。",
      p.title, p.region_name, p.funding_unit_name,
      p.providers.empty() ? std::string("社会组织") : p.providers.front().name, p.events_held,
      p.person_times);
}

// Closed and accepted projects of `category` that started in `year`, funded below
// 中华全国总工会 (whose experts would otherwise have a conflict), newest first.
std::vector<project::Project> Candidates(project::ProjectService& projects,
                                         const domain::account::Actor& admin, const char* category,
                                         int year, std::int64_t organiser_unit_id) {
  std::vector<project::Project> out;
  for (const auto status : {project::ProjectStatus::kClosed, project::ProjectStatus::kAccepted}) {
    project::ProjectFilter filter;
    filter.category = category;
    filter.status = status;
    filter.year = year;
    for (auto& p : projects.List(admin, filter, {1, 40}).items) {
      if (p.funding_unit_id != organiser_unit_id) out.push_back(std::move(p));
    }
  }
  return out;
}

domain::account::Actor ExpertActor(const domain::account::UserView& u) {
  domain::account::Actor a;
  a.user_id = u.user.id;
  a.username = u.user.username;
  a.display_name = u.user.display_name;
  a.unit_id = u.user.unit_id;
  a.roles = {"expert"};
  a.permissions = {"project:selection:list", "project:selection:score"};
  return a;
}

}  // namespace

core::Result<DemoSelectionReport> BuildDemoSelection(domain::account::UserService& users,
                                                     project::ProjectService& projects,
                                                     selection::SelectionService& sel,
                                                     const domain::account::Actor& admin,
                                                     std::int64_t organiser_unit_id,
                                                     const std::string& expert_password) {
  DemoSelectionReport report;
  std::vector<domain::account::Actor> experts;
  for (int i = 1; i <= kExperts; ++i) {
    auto u = users.Create(admin, {fmt::format("demo.expert{}", i),
                                  expert_password,
                                  fmt::format("评审专家{:02d}", i),
                                  organiser_unit_id,
                                  {"expert"},
                                  std::nullopt,
                                  std::nullopt,
                                  false});
    if (!u) return u.error();
    experts.push_back(ExpertActor(*u));
  }
  // The rounds belong to 中华全国总工会, whose subtree holds every demo project.
  domain::account::Actor organiser = admin;
  organiser.unit_id = organiser_unit_id;
  organiser.platform_level = false;
  for (int batch = 1; batch <= 2; ++batch) {
    selection::NewRound round{
        fmt::format("第{}批全国工会联系引导社会组织服务职工优秀项目评选", batch == 1 ? "一" : "二"),
        2020 + batch,
        batch,
        3,
        Rubric(),
        {}};
    for (std::size_t c = 0; c < kCategories.size(); ++c) {
      round.quotas.push_back({kCategories[c], kQuotas[batch - 1][c], 0});
    }
    auto created = sel.CreateRound(organiser, round);
    if (!created) return created.error();
    const std::int64_t id = created->id;
    if (auto ok = sel.MoveRound(organiser, id, "nominating"); !ok) return ok.error();
    for (std::size_t c = 0; c < kCategories.size(); ++c) {
      const int wanted = kQuotas[batch - 1][c] + kExtraNominations;
      const std::vector<project::Project> pool =
          Candidates(projects, admin, kCategories[c], round.year, organiser_unit_id);
      for (int n = 0; n < wanted && static_cast<std::size_t>(n) < pool.size(); ++n) {
        const project::Project& p = pool[static_cast<std::size_t>(n)];
        // Nominated by the platform (not 中华全国总工会, where the experts sit).
        auto nominated = sel.Nominate(admin, id, p.id, Story(p));
        if (!nominated) return nominated.error();
        ++report.nominations;
      }
    }
    if (auto ok = sel.MoveRound(organiser, id, "scoring"); !ok) return ok.error();
    if (auto ok = sel.AutoAssign(organiser, id); !ok) return ok.error();
    for (const domain::account::Actor& expert : experts) {
      for (const auto& [assignment, nomination] : sel.MyAssignments(expert, id)) {
        std::map<std::string, std::int64_t> scores;
        for (std::size_t k = 0; k < Rubric().size(); ++k) {
          scores[Rubric()[k].code] =
              Points(nomination.id, expert.user_id, static_cast<int>(k), Rubric()[k].max_score);
        }
        if (auto ok = sel.Score(expert, id, nomination.id, scores); !ok) return ok.error();
      }
    }
    auto published = sel.MoveRound(organiser, id, "published");
    if (!published) return published.error();
    ++report.rounds;
    report.excellent += static_cast<int>(published->excellent);
    if (auto ok = sel.QueueBooklet(organiser, id); !ok) return ok.error();
  }
  // The booklets now, so that the demo has them before `serve` starts.
  selection::BookletRunner runner(sel, std::filesystem::temp_directory_path() /
                                           fmt::format("lianyin-demo-booklets-{}", ::getpid()));
  while (runner.RunOne()) {
  }
  return report;
}

}  // namespace lianyin::app
