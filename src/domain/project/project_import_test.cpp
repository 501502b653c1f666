#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/credit/credit_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/project/project_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::project {
namespace {

using account::Actor;
using account::UnitKind;
using core::ErrorCode;

// ImportHistorical: a Shaanxi union funding projects in Xi'an, provided by two organisations.
class ProjectImportTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"110000", "北京市", "100000"},
                                                     {"610000", "陕西省", "100000"},
                                                     {"610100", "西安市", "610000"}}}));
    writer_ = std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Import-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    union_ = Unit("陕西省总工会", UnitKind::kUnion, "610000", admin->unit_id);
    beijing_union_ = Unit("北京市总工会", UnitKind::kUnion, "110000", admin->unit_id);
    civil_ = Unit("陕西省民政厅", UnitKind::kCivilAffairs, "610000", admin->unit_id);
    orgs_ = std::make_unique<org::OrgService>(*writer_);
    org_ = Org("西安市职工服务中心", "52610100MJ0000001");
    other_org_ = Org("西安市社会工作协会", "52610100MJ0000002");
    projects_ = std::make_unique<ProjectService>(*writer_);
    recorder_.Clear();
  }

  static Actor ActorAt(std::int64_t unit_id) {
    Actor a;
    a.user_id = 1;
    a.username = "officer";
    a.unit_id = unit_id;
    a.permissions = {"*"};
    return a;
  }
  std::int64_t Unit(const std::string& name, UnitKind kind, const std::string& region,
                    std::int64_t parent) {
    auto u = account::UnitService(*writer_).Create(root_, {name, kind, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  std::int64_t Org(const std::string& name, const std::string& first17) {
    org::NewOrg o;
    o.name = name;
    o.uscc = first17 + core::UsccCheckCharacter(first17).value();
    o.org_type = "social_service";
    o.region_code = "610100";
    o.registration_unit_id = civil_;
    o.legal_rep = "王伟";
    o.phone = "13912345678";
    o.founded_on = "2015-06-01";
    o.business_scope = "职工服务";
    auto created = orgs_->Create(root_, o);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->org.id : 0;
  }
  // A closed 2021 project of the Shaanxi union with two outputs.
  HistoricalProject Past(const std::string& title) const {
    HistoricalProject h;
    h.project = {title,
                 "new_employment",
                 union_,
                 "purchase",
                 {org_},
                 1'200'000,
                 "610100",
                 "2021-04-01",
                 "2021-12-31",
                 {"new_employment_workers"},
                 std::string("暖心驿站")};
    h.status = ProjectStatus::kClosed;
    h.contract_fen = 1'000'000;
    h.contracted_on = "2021-03-20";
    h.outputs = {{"2021-06-30", 1200, 30, 400'000, std::nullopt},
                 {"2021-12-31", 1800, 45, 590'000, std::string("全年")}};
    return h;
  }
  std::int64_t Scalar(const std::string& sql) {
    store::Session s = db().Acquire();
    auto stmt = s.Prepare(sql);
    stmt.Next();
    return stmt.row().Int(0);
  }

  Actor root_;
  std::int64_t union_ = 0, beijing_union_ = 0, civil_ = 0, org_ = 0, other_org_ = 0;
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<org::OrgService> orgs_;
  std::unique_ptr<ProjectService> projects_;
};

TEST_P(ProjectImportTest, ImportsProjectsWithTheirStatusContractOutputsAndTotals) {
  HistoricalProject second = Past("2022年西安市职工心理健康关爱服务项目");
  second.status = ProjectStatus::kInProgress;
  second.project.provider_org_ids = {other_org_, org_};
  second.outputs.resize(1);
  auto imported = projects_->ImportHistorical(
      ActorAt(union_), {Past("2021年西安市新就业形态劳动者暖心驿站服务项目"), second});
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->projects, 2);
  EXPECT_EQ(imported->outputs, 3);
  EXPECT_EQ(imported->contract_fen, 2'000'000);
  EXPECT_EQ(imported->person_times, 4200);
  EXPECT_EQ(imported->events, 105);
  EXPECT_EQ(imported->spent_fen, 1'390'000);

  const auto page = projects_->List(ActorAt(union_), {}, {1, 20});
  ASSERT_EQ(page.total, 2);
  const Project& first = page.items.at(1);  // newest first
  EXPECT_EQ(first.title, "2021年西安市新就业形态劳动者暖心驿站服务项目");
  EXPECT_EQ(first.status, ProjectStatus::kClosed);
  EXPECT_EQ(first.contract_fen, 1'000'000);
  EXPECT_EQ(first.contracted_on, "2021-03-20");
  EXPECT_EQ(first.person_times, 3000);
  EXPECT_EQ(first.events_held, 75);
  EXPECT_EQ(first.spent_fen, 990'000);
  EXPECT_EQ(first.region_name, "西安市");
  EXPECT_EQ(first.target_groups, std::vector<std::string>{"new_employment_workers"});
  EXPECT_EQ(page.items.at(0).ProviderIds(), (std::vector<std::int64_t>{other_org_, org_}));
  EXPECT_EQ(page.items.at(0).status, ProjectStatus::kInProgress);

  auto outputs = projects_->Outputs(ActorAt(union_), first.id, {1, 20});
  ASSERT_TRUE(outputs);
  ASSERT_EQ(outputs->total, 2);
  EXPECT_EQ(outputs->items.at(0).on, "2021-12-31");
  EXPECT_EQ(outputs->items.at(0).note, "全年");
  auto history = projects_->History(ActorAt(union_), first.id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->at(0).action, "import");
  EXPECT_EQ(history->at(0).to_status, "closed");

  // One Change per project, owned by the funding unit, with its totals.
  const std::vector<common::Change> changes = recorder_.changes();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].action, "import");
  EXPECT_EQ(changes[0].entity, "project");
  EXPECT_EQ(changes[0].entity_id, std::to_string(first.id));
  EXPECT_EQ(changes[0].owner_unit_id, union_);
  EXPECT_EQ(changes[0].after.at("status").as_string(), "closed");
  EXPECT_EQ(changes[0].after.at("person_times").as_int64(), 3000);

  // The running totals go on from the imported ones: the in-progress project takes outputs up to
  // its contract.
  auto more = projects_->AddOutput(ActorAt(union_), page.items.at(0).id,
                                   {"2022-08-01", 10, 1, 600'001, std::nullopt});
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().details.at(0).message,
            "spending would pass the contract: 6,000.00 yuan are left");
}

TEST_P(ProjectImportTest, AnyFailingProjectWritesNothingAndEveryErrorNamesItsRow) {
  HistoricalProject draft = Past("草稿");
  draft.status = ProjectStatus::kDraft;
  HistoricalProject overspent = Past("超支");
  overspent.outputs[1].spent_fen = 600'001;
  HistoricalProject early = Past("早于签约");
  early.outputs[0].on = "2021-03-19";
  HistoricalProject unsigned_ = Past("未签约");
  unsigned_.contract_fen = 0;
  unsigned_.project.provider_org_ids.clear();
  auto refused = projects_->ImportHistorical(ActorAt(union_),
                                             {Past("好的"), draft, overspent, early, unsigned_});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kValidationFailed);
  std::vector<std::string> got;
  for (const core::FieldError& e : refused.error().details) {
    got.push_back(std::to_string(e.row.value_or(0)) + " " + e.field + ": " + e.message);
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "2 status: must be contracted, in_progress, accepted or closed",
                "3 outputs[1].spent_fen: spending would pass the contract: 6,000.00 yuan are left",
                "4 outputs[0].on: must not be before the contract date 2021-03-20",
                "5 contract_fen: must be positive",
                "5 provider_org_ids: a project needs a provider before it is contracted"}));
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM projects"), 0);
  EXPECT_TRUE(recorder_.changes().empty());
}

TEST_P(ProjectImportTest, ReferencesAreCheckedAsCreateChecksThemAndTheCreditGateHolds) {
  HistoricalProject elsewhere = Past("北京的单位");
  elsewhere.project.funding_unit_id = beijing_union_;
  HistoricalProject civil = Past("民政部门出资");
  civil.project.funding_unit_id = civil_;
  HistoricalProject unknown = Past("不存在的组织");
  unknown.project.provider_org_ids = {org_, 999999};
  // The Shaanxi union does not see the Beijing union: "no such unit", like Create.
  auto refused = projects_->ImportHistorical(ActorAt(union_), {elsewhere, civil, unknown});
  ASSERT_FALSE(refused);
  std::vector<std::string> got;
  for (const core::FieldError& e : refused.error().details) {
    got.push_back(std::to_string(e.row.value_or(0)) + " " + e.field + ": " + e.message);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"1 funding_unit_id: no such unit",
                                           "2 funding_unit_id: no such unit",
                                           "3 provider_org_ids[1]: no such organisation"}));
  // At the root: the Beijing union's region does not cover Xi'an, the civil-affairs unit is no
  // union.
  refused = projects_->ImportHistorical(root_, {elsewhere, civil});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().details.at(0).message, "must be covered by the funding unit's region");
  EXPECT_EQ(refused.error().details.at(1).message, "must be a trade-union unit");

  credit::CreditService credit(*writer_);
  ASSERT_TRUE(
      credit.Enter(root_, other_org_, {"abnormal", "未按规定报送年度工作报告", "2020-05-01"}));
  HistoricalProject listed = Past("失信组织承接");
  listed.project.provider_org_ids = {org_, other_org_};
  refused = projects_->ImportHistorical(ActorAt(union_), {Past("好的"), listed});
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().details.size(), 1u);
  EXPECT_EQ(refused.error().details[0].row, 2);
  EXPECT_EQ(refused.error().details[0].field, "provider_org_ids");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM projects"), 0);
}

TEST_P(ProjectImportTest, NeedsThePermissionsToCreateAndMoveProjects) {
  Actor officer = ActorAt(union_);
  officer.permissions = {"project:project:create"};
  auto refused = projects_->ImportHistorical(officer, {Past("无权限")});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(refused.error().message, "missing permission project:project:transition");
  officer.permissions.insert("project:project:transition");
  EXPECT_TRUE(projects_->ImportHistorical(officer, {Past("有权限")}));
  auto none = projects_->ImportHistorical(officer, {});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->projects, 0);
}

// The list's SQL (a subtree as an IN list, planner hints on SQLite, the page's ids first, the
// title match without lower() where it cannot matter) against a plain filter of what was
// imported, in every kind of scope, with single and combined filters and two pages.
TEST_P(ProjectImportTest, ListsAgreeWithAPlainFilterInEveryScope) {
  const std::int64_t xian_union = Unit("西安市总工会", UnitKind::kUnion, "610100", union_);
  const std::int64_t funders[] = {union_, xian_union, beijing_union_};
  const char* categories[] = {"skills", "health", "new_employment"};
  const ProjectStatus statuses[] = {ProjectStatus::kContracted, ProjectStatus::kInProgress,
                                    ProjectStatus::kAccepted, ProjectStatus::kClosed};
  std::vector<HistoricalProject> all;
  for (int i = 0; i < 60; ++i) {
    HistoricalProject h = Past(
        fmt::format("项目{}{}{}", i, i % 5 == 0 ? "职工EAP心理" : "", i % 7 == 0 ? "援助eap" : ""));
    h.project.category = categories[i % 3];
    h.project.funding_unit_id = funders[(i / 3) % 3];
    h.project.region_code = h.project.funding_unit_id == beijing_union_ ? "110000" : "610100";
    h.project.provider_org_ids =
        i % 2 == 0 ? std::vector<std::int64_t>{org_} : std::vector<std::int64_t>{other_org_, org_};
    if (i % 6 == 1) h.project.provider_org_ids = {other_org_};
    h.status = statuses[i % 4];
    const int year = 2019 + i % 4;
    h.contracted_on = fmt::format("{}-03-01", year);
    h.project.start_on = fmt::format("{}-03-15", year);
    h.project.end_on = fmt::format("{}-12-31", year);
    h.outputs = {{fmt::format("{}-06-30", year), 10 + i, 1, 1000, std::nullopt}};
    all.push_back(std::move(h));
  }
  ASSERT_TRUE(projects_->ImportHistorical(root_, all));
  std::vector<std::int64_t> ids;  // of all[i]
  for (const Project& p : projects_->List(root_, {}, {1, 200}).items) ids.push_back(p.id);
  std::reverse(ids.begin(), ids.end());  // the list is newest first
  ASSERT_EQ(ids.size(), all.size());

  Actor shaanxi = ActorAt(union_), xian = ActorAt(xian_union), member = ActorAt(xian_union);
  member.org_id = other_org_;
  const std::pair<const Actor*, std::function<bool(const HistoricalProject&)>> scopes[] = {
      {&root_, [](const HistoricalProject&) { return true; }},
      {&shaanxi,
       [&](const HistoricalProject& h) {
         return h.project.funding_unit_id == union_ || h.project.funding_unit_id == xian_union;
       }},
      {&xian, [&](const HistoricalProject& h) { return h.project.funding_unit_id == xian_union; }},
      {&member, [&](const HistoricalProject& h) {
         const auto& p = h.project.provider_org_ids;
         return std::find(p.begin(), p.end(), other_org_) != p.end();
       }}};
  std::vector<ProjectFilter> filters(12);
  filters[1].category = "health";
  filters[2].status = ProjectStatus::kClosed;
  filters[3].category = "skills";
  filters[3].status = ProjectStatus::kContracted;
  filters[3].year = 2019;
  filters[4].funding_unit_id = union_;
  filters[5].funding_unit_id = xian_union;
  filters[5].status = ProjectStatus::kInProgress;
  filters[6].q = "eap";  // matches EAP and eap
  filters[7].q = "EAP";
  filters[7].category = "new_employment";
  filters[8].q = "心理";
  filters[8].funding_unit_id = union_;
  filters[9].year = 2021;
  filters[10].region_code = "110000";
  filters[11].provider_org_id = org_;
  filters[11].category = "health";
  const auto matches = [&](const ProjectFilter& f, const HistoricalProject& h) {
    const NewProject& p = h.project;
    std::string title = p.title;
    for (char& c : title) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string q = f.q.value_or("");
    for (char& c : q) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto& providers = p.provider_org_ids;
    return (!f.category || p.category == *f.category) && (!f.status || h.status == *f.status) &&
           (!f.funding_unit_id || p.funding_unit_id == *f.funding_unit_id ||
            (*f.funding_unit_id == union_ && p.funding_unit_id == xian_union)) &&
           (!f.year || p.start_on.starts_with(std::to_string(*f.year))) &&
           (!f.region_code || p.region_code == *f.region_code) &&
           (!f.provider_org_id ||
            std::find(providers.begin(), providers.end(), *f.provider_org_id) != providers.end()) &&
           title.find(q) != std::string::npos;
  };
  for (const auto& [actor, sees] : scopes) {
    for (std::size_t k = 0; k < filters.size(); ++k) {
      std::vector<std::int64_t> expected;
      for (std::size_t i = all.size(); i-- > 0;) {
        if (sees(all[i]) && matches(filters[k], all[i])) expected.push_back(ids[i]);
      }
      std::vector<std::int64_t> got;
      std::int64_t total = -1;
      for (std::int64_t page = 1; page <= 9; ++page) {
        const auto listed = projects_->List(*actor, filters[k], {page, 7});
        total = listed.total;
        for (const Project& p : listed.items) got.push_back(p.id);
      }
      EXPECT_EQ(got, expected) << "scope unit " << actor->unit_id << ", filter " << k;
      EXPECT_EQ(total, static_cast<std::int64_t>(expected.size()));
    }
  }
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(ProjectImportTest);

}  // namespace
}  // namespace lianyin::domain::project
