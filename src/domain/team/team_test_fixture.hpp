#pragma once
// Test-only: a migrated database on each backend with 陕西省民政厅 (the teams' unit) and
// 北京市民政局 (foreign), three Shaanxi counties, four organisations registered in Shaanxi, and
// the team service.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "domain/team/team_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::team {

class TeamTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;  // several connections, as deployed (the parallel tests)
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"110000", "北京市", "100000"},
                                                     {"610000", "陕西省", "100000"},
                                                     {"610100", "西安市", "610000"},
                                                     {"610800", "榆林市", "610000"},
                                                     {"610115", "临潼区", "610100"},
                                                     {"610822", "府谷县", "610800"},
                                                     {"610828", "佳县", "610800"}}}));
    writer_ = std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Teams-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    shaanxi_ = Unit("陕西省民政厅", "610000", admin->unit_id);
    beijing_ = Unit("北京市民政局", "110000", admin->unit_id);
    orgs_ = std::make_unique<org::OrgService>(*writer_);
    lead_ = Org("陕西省秦商总会", "51610000MJ0000001");
    second_ = Org("陕西省慈善协会", "51610000MJ0000002");
    third_ = Org("陕西省茶叶流通协会", "51610000MJ0000003");
    outsider_ = Org("陕西省江苏徐州商会", "51610000MJ0000004");
    svc_ = std::make_unique<TeamService>(*writer_);
  }

  static account::Actor ActorAt(std::int64_t unit_id, std::optional<std::int64_t> org_id = {}) {
    account::Actor a;
    a.user_id = 1;
    a.username = "officer";
    a.unit_id = unit_id;
    a.org_id = org_id;
    return a;
  }
  std::int64_t Unit(const std::string& name, const std::string& region, std::int64_t parent) {
    auto u = account::UnitService(*writer_).Create(
        root_, {name, account::UnitKind::kCivilAffairs, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  std::int64_t Org(const std::string& name, const std::string& first17) {
    org::NewOrg o;
    o.name = name;
    o.uscc = first17 + core::UsccCheckCharacter(first17).value();
    o.org_type = "social_group";
    o.region_code = "610000";
    o.registration_unit_id = shaanxi_;
    o.legal_rep = "王伟";
    o.phone = "13912345678";
    o.founded_on = "2012-06-01";
    o.business_scope = "乡村振兴";
    o.status = "registered";
    auto created = orgs_->Create(ActorAt(shaanxi_), o);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->org.id : 0;
  }
  // A team of 陕西省民政厅 led by lead_ with second_ and third_, paired with 府谷县 and 佳县.
  Team MakeTeam(const std::string& name = "乡村振兴产业合力团") {
    auto t =
        svc().Create(officer(), {name, "industry", lead_, {second_, third_}, {"610822", "610828"}});
    EXPECT_TRUE(t) << (t ? "" : t.error().message);
    return t ? *t : Team{};
  }
  HelpProject Help(std::int64_t team, const std::string& started_on, std::int64_t funds,
                   std::int64_t beneficiaries, std::vector<std::int64_t> members,
                   const std::string& county = "610822") {
    auto h = svc().CreateHelpProject(
        officer(), team,
        {"帮扶项目", county, funds, beneficiaries, started_on, std::move(members)});
    EXPECT_TRUE(h) << (h ? "" : h.error().message);
    return h ? *h : HelpProject{};
  }
  account::Actor officer() const { return ActorAt(shaanxi_); }
  TeamService& svc() { return *svc_; }

  account::Actor root_;
  std::int64_t shaanxi_ = 0, beijing_ = 0, lead_ = 0, second_ = 0, third_ = 0, outsider_ = 0;
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<org::OrgService> orgs_;
  std::unique_ptr<TeamService> svc_;
};

}  // namespace lianyin::domain::team
