#include "domain/org/org_service.hpp"

#include <gtest/gtest.h>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/common/data_versions.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;
using account::UnitKind;

class OrgServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"110000", "北京市", "100000"},
                                                     {"610000", "陕西省", "100000"},
                                                     {"610100", "西安市", "610000"}}}));
    writer_ = std::make_unique<common::Writer>(
        db(), std::vector<common::ChangeSink*>{&versions_, &recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Org-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    shaanxi_ = Unit("陕西省民政厅", UnitKind::kCivilAffairs, "610000", admin->unit_id);
    xian_ = Unit("西安市民政局", UnitKind::kCivilAffairs, "610100", shaanxi_);
    beijing_ = Unit("北京市民政局", UnitKind::kCivilAffairs, "110000", admin->unit_id);
    union_ = Unit("陕西省总工会", UnitKind::kUnion, "610000", admin->unit_id);
  }

  std::vector<std::string> Audited() {
    std::vector<std::string> out;
    for (const common::Change& c : recorder_.changes()) {
      if (c.entity != "unit" && c.entity != "user") out.push_back(c.action + ":" + c.entity);
    }
    return out;
  }
  static Actor ActorAt(std::int64_t unit_id) {
    Actor a;
    a.user_id = 1;
    a.username = "officer";
    a.unit_id = unit_id;
    return a;
  }
  std::int64_t Unit(const std::string& name, UnitKind kind, const std::string& region,
                    std::int64_t parent) {
    auto u = account::UnitService(*writer_).Create(root_, {name, kind, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  NewOrg Org(const std::string& name, const std::string& uscc, std::int64_t unit,
             const std::string& region = "610100", const std::string& type = "social_service") {
    NewOrg o;
    o.name = name;
    o.uscc = uscc;
    o.org_type = type;
    o.region_code = region;
    o.registration_unit_id = unit;
    o.legal_rep = "王伟";
    o.phone = "13912345678";
    o.founded_on = "2015-06-01";
    o.business_scope = "职工服务";
    o.service_categories = {"skills"};
    o.labour_field = true;
    return o;
  }

  Actor root_;
  std::int64_t shaanxi_ = 0, xian_ = 0, beijing_ = 0, union_ = 0;
  common::RecordingSink recorder_;
  common::DataVersionSink versions_{"org", "unit", "region"};
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<OrgService> service_ = nullptr;
  OrgService& svc() {
    if (!service_) service_ = std::make_unique<OrgService>(*writer_);
    return *service_;
  }
};

TEST_P(OrgServiceTest, CreateValidatesTheRegistrationUnitRegionAndDuplicates) {
  const Actor xian = ActorAt(xian_);
  auto created = svc().Create(xian, Org("西安市职工服务中心", "52610100mj0000001w", xian_));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->org.uscc, "52610100MJ0000001W");
  EXPECT_EQ(created->org.status, OrgStatus::kRegistered);
  EXPECT_EQ(svc().Create(xian, Org("另一个", "52610100MJ0000001W", xian_)).error().code,
            core::ErrorCode::kConflict);
  EXPECT_EQ(
      svc().Create(root_, Org("工会下", "52610100MJ00000020", union_)).error().details.at(0).field,
      "registration_unit_id");
  EXPECT_EQ(svc()
                .Create(root_, Org("北京的", "52610100MJ00000020", xian_, "110000"))
                .error()
                .details.at(0)
                .field,
            "region_code");
  EXPECT_EQ(svc()
                .Create(ActorAt(beijing_), Org("越权", "52610100MJ00000020", xian_))
                .error()
                .details.at(0)
                .field,
            "registration_unit_id");
  EXPECT_EQ(Audited(), std::vector<std::string>{"create:org"});
}

TEST_P(OrgServiceTest, EveryoneReadsPublicFieldsOnlyTheScopeChangesThem) {
  auto created =
      svc().Create(ActorAt(xian_), Org("西安市职工服务中心", "52610100MJ0000001W", xian_));
  ASSERT_TRUE(created);
  const std::int64_t id = created->org.id;
  EXPECT_TRUE(svc().Get(ActorAt(shaanxi_), id)->full);
  EXPECT_FALSE(svc().Get(ActorAt(beijing_), id)->full);
  EXPECT_EQ(svc().Update(ActorAt(beijing_), id, {.name = "改名"}).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(svc().History(ActorAt(beijing_), id).error().code, core::ErrorCode::kNotFound);
  auto renamed = svc().Update(ActorAt(shaanxi_), id, {.name = "西安市职工公益服务中心"});
  ASSERT_TRUE(renamed) << renamed.error().message;
  EXPECT_EQ(svc().Get(root_, 999999).error().code, core::ErrorCode::kNotFound);
  // The new name is searchable, the old one is not.
  EXPECT_EQ(svc().List(root_, {.q = "公益"}, {}).total, 1);
  EXPECT_EQ(svc().List(root_, {.q = "心理"}, {}).total, 0);
}

TEST_P(OrgServiceTest, SearchFindsAnyPartOfTheNameAndFilters) {
  const Actor xian = ActorAt(xian_);
  ASSERT_TRUE(svc().Create(xian, Org("西安市职工服务中心", "52610100MJ0000001W", xian_)));
  ASSERT_TRUE(svc().Create(xian, Org("碑林区工会志愿者协会", "52610100MJ00000020", xian_)));
  auto group = Org("陕西省社会工作协会", "51610000MJ00000044", shaanxi_, "610000", "social_group");
  group.service_categories = {"volunteer"};
  group.labour_field = false;
  ASSERT_TRUE(svc().Create(ActorAt(shaanxi_), group));
  const auto total = [&](OrgFilter f) { return svc().List(root_, f, {}).total; };
  EXPECT_EQ(total({.q = "工"}), 3);
  EXPECT_EQ(total({.q = "协会"}), 2);
  EXPECT_EQ(total({.q = "职工服务"}), 1);
  EXPECT_EQ(total({.q = "服务职工"}), 0);  // all bigrams present elsewhere is not enough
  EXPECT_EQ(total({.q = "务中"}), 1);
  EXPECT_EQ(total({.q = "%"}), 0);  // wildcards of LIKE mean themselves
  EXPECT_EQ(total({.q = "_"}), 0);
  EXPECT_EQ(total({.q = "!"}), 0);
  EXPECT_EQ(total({.region_code = "610000"}), 3);  // by coverage
  EXPECT_EQ(total({.region_code = "610100"}), 2);
  EXPECT_EQ(total({.category = "volunteer"}), 1);
  EXPECT_EQ(total({.labour_field = true}), 2);
  EXPECT_EQ(total({.q = "协会", .labour_field = false}), 1);
  EXPECT_EQ(svc().List(ActorAt(xian_), {.in_scope_only = true}, {}).total, 2);
  auto by_name = svc().List(root_, {.q = "协会", .sort = OrgFilter::Sort::kName}, {});
  ASSERT_EQ(by_name.items.size(), 2u);
  EXPECT_EQ(by_name.items[0].org.name, "碑林区工会志愿者协会");  // 碑 < 陕 in code point order
  auto page = svc().List(root_, {}, {.page = 2, .page_size = 2});
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 1u);
}

// The workbench counts what the actor's scope manages: a province sees its city's registry too,
// a sibling province nothing of it; "this month" follows the clock.
TEST_P(OrgServiceTest, SummaryCountsTheManagedRegistryByStatusAndCategory) {
  const auto uscc = [](int n) {
    const std::string first17 =
        "5261010" + std::string(9 - std::to_string(n).size(), '0') + std::to_string(n) + "M";
    return first17 + core::UsccCheckCharacter(first17).value();
  };
  const Actor xian = ActorAt(xian_);
  for (int i = 1; i <= 3; ++i) {
    NewOrg o = Org("西安服务中心" + std::to_string(i), uscc(i), xian_);
    if (i == 3) o.service_categories = {"skills", "health"};
    ASSERT_TRUE(svc().Create(xian, o));
  }
  auto abnormal = svc().List(root_, {}, {1, 1}).items.at(0).org.id;
  ASSERT_TRUE(svc().Transition(xian, abnormal, OrgStatus::kAbnormal, "年报未报送"));

  const OrgSummary province = svc().Summary(ActorAt(shaanxi_));
  EXPECT_EQ(province.total, 3);
  const auto count = [](const auto& rows, const std::string& code) {
    for (const auto& [c, n] : rows) {
      if (c == code) return n;
    }
    return std::int64_t{-1};
  };
  EXPECT_EQ(count(province.by_status, "registered"), 2);
  EXPECT_EQ(count(province.by_status, "abnormal"), 1);
  EXPECT_EQ(count(province.by_status, "applying"), 0);
  EXPECT_EQ(province.by_status.size(), 6u);
  EXPECT_EQ(count(province.by_category, "skills"), 3);
  EXPECT_EQ(count(province.by_category, "health"), 1);
  EXPECT_EQ(count(province.by_category, "volunteer"), 0);
  EXPECT_EQ(province.by_category.size(), 8u);
  EXPECT_EQ(province.created_since, 3);

  EXPECT_EQ(svc().Summary(ActorAt(beijing_)).total, 0) << "another province manages none";
  EXPECT_EQ(svc().Summary(root_).total, 3);

  OrgService next_month(*writer_,
                        [] { return core::DateTime{core::Now().unix_seconds + 32 * 86400}; });
  EXPECT_EQ(next_month.Summary(root_).created_since, 0);
  EXPECT_EQ(next_month.Summary(root_).total, 3);
}

TEST_P(OrgServiceTest, LifecycleTransitionsAndIllegalOnes) {
  auto org = svc().Create(ActorAt(xian_), Org("西安市职工服务中心", "52610100MJ0000001W", xian_));
  const std::int64_t id = org->org.id;
  const Actor officer = ActorAt(xian_);
  EXPECT_EQ(svc().Transition(officer, id, OrgStatus::kAbnormal, "").error().code,
            core::ErrorCode::kValidationFailed);
  ASSERT_TRUE(svc().Transition(officer, id, OrgStatus::kAbnormal, "未按时年检"));
  ASSERT_TRUE(svc().Transition(officer, id, OrgStatus::kRegistered, "已整改"));
  EXPECT_EQ(svc().Transition(officer, id, OrgStatus::kDeregistered, "x").error().code,
            core::ErrorCode::kConflict);
  ASSERT_TRUE(svc().Transition(officer, id, OrgStatus::kDeregistering, "自行解散，清算中"));
  auto done = svc().Transition(officer, id, OrgStatus::kDeregistered, "清算完成");
  ASSERT_TRUE(done);
  EXPECT_EQ(done->org.status, OrgStatus::kDeregistered);
  EXPECT_EQ(svc().Transition(ActorAt(beijing_), id, OrgStatus::kRegistered, "x").error().code,
            core::ErrorCode::kForbidden);
  auto history = svc().History(officer, id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 5u);  // create + four transitions
  EXPECT_EQ((*history)[1].to_status.value_or(""), "abnormal");
  EXPECT_EQ((*history)[1].reason, "未按时年检");
}

TEST_P(OrgServiceTest, ReviewOfAnApplication) {
  auto application = Org("西安市职工服务中心", "52610100MJ0000001W", xian_);
  application.status = "applying";
  auto org = svc().Create(ActorAt(xian_), application);
  ASSERT_TRUE(org);
  const std::int64_t id = org->org.id;
  EXPECT_EQ(svc().PublicLookup("52610100MJ0000001W").error().code, core::ErrorCode::kNotFound);
  auto unchecked = svc().ReviewApplication(ActorAt(xian_), id, {.approve = true});
  EXPECT_EQ(unchecked.error().details.size(), 4u);
  EXPECT_EQ(
      svc().ReviewApplication(ActorAt(xian_), id, {.approve = false}).error().details.at(0).field,
      "comment");
  auto approved =
      svc().ReviewApplication(ActorAt(xian_), id, {true, true, true, true, true, "材料齐全"});
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(approved->org.status, OrgStatus::kRegistered);
  EXPECT_EQ(
      svc().ReviewApplication(ActorAt(xian_), id, {true, true, true, true, true, ""}).error().code,
      core::ErrorCode::kConflict);
  EXPECT_EQ(svc().PublicLookup("52610100MJ0000001W")->name, "西安市职工服务中心");
}

TEST_P(OrgServiceTest, UnionUnitsLinkRegisteredOrganisations) {
  auto org = svc().Create(ActorAt(xian_), Org("西安市职工服务中心", "52610100MJ0000001W", xian_));
  const std::int64_t id = org->org.id;
  const Actor union_officer = ActorAt(union_);
  auto link = svc().LinkOrg(union_officer, union_, id, "2022-03-01");
  ASSERT_TRUE(link) << link.error().message;
  EXPECT_EQ(link->since, "2022-03-01");
  EXPECT_EQ(svc().LinkOrg(union_officer, union_, id, std::nullopt).error().code,
            core::ErrorCode::kConflict);
  EXPECT_EQ(svc().LinkOrg(ActorAt(xian_), xian_, id, std::nullopt).error().code,
            core::ErrorCode::kValidationFailed);  // not a union unit
  EXPECT_EQ(svc().LinkOrg(ActorAt(beijing_), union_, id, std::nullopt).error().code,
            core::ErrorCode::kNotFound);  // outside scope
  EXPECT_EQ(svc().LinkOrg(union_officer, union_, 999999, std::nullopt).error().code,
            core::ErrorCode::kValidationFailed);
  EXPECT_EQ(svc().Links(union_officer, union_, {})->total, 1);
  ASSERT_TRUE(svc().Unlink(union_officer, union_, id));
  EXPECT_TRUE(svc().Links(union_officer, union_, {})->items.empty());
  EXPECT_EQ(svc().Unlink(union_officer, union_, id).error().code, core::ErrorCode::kNotFound);
  ASSERT_TRUE(svc().LinkOrg(union_officer, union_, id, std::nullopt));  // linked anew
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(OrgServiceTest);

}  // namespace
}  // namespace lianyin::domain::org
