#pragma once
// Test-only: a migrated database on each backend with 陕西省民政厅 › 西安市民政局 and
// 北京市民政局, two organisations registered at Xi'an, and the annual service on a clock the
// test sets.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/annual/annual_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::annual {

class AnnualTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;  // several connections, as deployed (the parallel tests)
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"110000", "北京市", "100000"},
                                                     {"610000", "陕西省", "100000"},
                                                     {"610100", "西安市", "610000"}}}));
    writer_ = std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Annual-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    shaanxi_ = Unit("陕西省民政厅", "610000", admin->unit_id);
    xian_ = Unit("西安市民政局", "610100", shaanxi_);
    beijing_ = Unit("北京市民政局", "110000", admin->unit_id);
    orgs_ = std::make_unique<org::OrgService>(*writer_);
    org_ = Org("西安市职工服务中心", "52610100MJ0000001", "2015-06-01");
    other_org_ = Org("西安市社会工作协会", "52610100MJ0000002", "2015-06-01");
    annual_ = std::make_unique<AnnualService>(*writer_, [this] { return now_; });
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
  std::int64_t Org(const std::string& name, const std::string& first17,
                   const std::string& founded_on, const std::string& status = "registered") {
    org::NewOrg o;
    o.name = name;
    o.uscc = first17 + core::UsccCheckCharacter(first17).value();
    o.org_type = "social_service";
    o.region_code = "610100";
    o.registration_unit_id = xian_;
    o.legal_rep = "王伟";
    o.phone = "13912345678";
    o.founded_on = founded_on;
    o.business_scope = "职工服务";
    o.status = status;
    auto created = orgs_->Create(ActorAt(xian_), o);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->org.id : 0;
  }
  static NewReport Report(std::int64_t year) {
    return {year, {1000000, 800000, 500000, 300000, "开展职工心理健康讲座 12 场"}};
  }
  void SetToday(const std::string& date) {
    now_ = core::StartOfDay(core::ParseDate(date).value());
    now_.unix_seconds += 10 * 3600;
  }
  AnnualService& svc() { return *annual_; }

  account::Actor root_;
  std::int64_t shaanxi_ = 0, xian_ = 0, beijing_ = 0, org_ = 0, other_org_ = 0;
  core::DateTime now_ = core::Now();
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<org::OrgService> orgs_;
  std::unique_ptr<AnnualService> annual_;
};

}  // namespace lianyin::domain::annual
