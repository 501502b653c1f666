#include "domain/credit/credit_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <tuple>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/credit/credit_gate.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::credit {
namespace {

using account::Actor;
using account::UnitKind;
using core::ErrorCode;

class CreditServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;  // several connections, as deployed (the parallel test)
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"110000", "北京市", "100000"},
                                                     {"610000", "陕西省", "100000"},
                                                     {"610100", "西安市", "610000"}}}));
    writer_ = std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Credit-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    shaanxi_ = Unit("陕西省民政厅", UnitKind::kCivilAffairs, "610000", admin->unit_id);
    xian_ = Unit("西安市民政局", UnitKind::kCivilAffairs, "610100", shaanxi_);
    beijing_ = Unit("北京市民政局", UnitKind::kCivilAffairs, "110000", admin->unit_id);
    union_ = Unit("陕西省总工会", UnitKind::kUnion, "610000", admin->unit_id);
    orgs_ = std::make_unique<org::OrgService>(*writer_);
    org_ = Org("西安市职工服务中心", "52610100MJ0000001W");
    other_org_ = Org("西安市社会工作协会", "52610100MJ00000020");
    credit_ = std::make_unique<CreditService>(*writer_);
  }

  static Actor ActorAt(std::int64_t unit_id, std::optional<std::int64_t> org_id = {}) {
    Actor a;
    a.user_id = 1;
    a.username = "officer";
    a.unit_id = unit_id;
    a.org_id = org_id;
    return a;
  }
  std::int64_t Unit(const std::string& name, UnitKind kind, const std::string& region,
                    std::int64_t parent) {
    auto u = account::UnitService(*writer_).Create(root_, {name, kind, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  std::int64_t Org(const std::string& name, const std::string& uscc,
                   const std::string& status = "registered") {
    org::NewOrg o;
    o.name = name;
    o.uscc = uscc;
    o.org_type = "social_service";
    o.region_code = "610100";
    o.registration_unit_id = xian_;
    o.legal_rep = "王伟";
    o.phone = "13912345678";
    o.founded_on = "2015-06-01";
    o.business_scope = "职工服务";
    o.status = status;
    auto created = orgs_->Create(ActorAt(xian_), o);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->org.id : 0;
  }
  std::vector<std::string> Audited() {
    std::vector<std::string> out;
    for (const common::Change& c : recorder_.changes()) {
      if (c.entity.starts_with("credit")) out.push_back(c.action + ":" + c.entity);
    }
    return out;
  }
  CreditService& svc() { return *credit_; }
  // An entry of org_ on `list`, entered by the Xi'an authority.
  CreditEntry Entered(const std::string& list = "abnormal", std::int64_t org = 0) {
    auto e = svc().Enter(ActorAt(xian_), org ? org : org_,
                         {list, "未按规定报送年度工作报告", "2024-01-15"});
    EXPECT_TRUE(e) << e.error().message;
    return e ? *e : CreditEntry{};
  }

  Actor root_;
  std::int64_t shaanxi_ = 0, xian_ = 0, beijing_ = 0, union_ = 0, org_ = 0, other_org_ = 0;
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<org::OrgService> orgs_;
  std::unique_ptr<CreditService> credit_;
};

TEST_P(CreditServiceTest, EnterChecksTheOrganisationItsScopeAndDuplicates) {
  const CreditEntry e = Entered();
  EXPECT_EQ(e.org_name, "西安市职工服务中心");
  EXPECT_EQ(e.unit_id, xian_) << "owned by the registration unit";
  EXPECT_EQ(e.unit_name, "西安市民政局");
  EXPECT_TRUE(e.active());
  EXPECT_EQ(e.entered_by_user_id, 1);
  // The province above the authority may enter too; the same list again is a conflict.
  auto again = svc().Enter(ActorAt(shaanxi_), org_, {"abnormal", "再次列入", "2024-02-01"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message, "already on the abnormal list since 2024-01-15");
  EXPECT_EQ(again.error().details.at(0).field, "list");
  EXPECT_TRUE(svc().Enter(ActorAt(shaanxi_), org_, {"dishonest", "严重违法", "2024-02-01"}));
  // Another province reads the organisation but may not list it; unknown ones are 404.
  EXPECT_EQ(svc().Enter(ActorAt(beijing_), org_, {"abnormal", "x", "2024-02-01"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(svc().Enter(root_, 999999, {"abnormal", "x", "2024-02-01"}).error().code,
            ErrorCode::kNotFound);
  const std::string first17 = "52610100MJ0000003";
  const std::int64_t application =
      Org("申请中的中心", first17 + core::UsccCheckCharacter(first17).value(), "applying");
  auto refused = svc().Enter(ActorAt(xian_), application, {"abnormal", "x", "2024-02-01"});
  EXPECT_EQ(refused.error().details.at(0).field, "org_id");
  EXPECT_EQ(svc().Enter(ActorAt(xian_), org_, {"grey", "", "2999-01-01"}).error().details.size(),
            3u);
  EXPECT_EQ(Audited(), (std::vector<std::string>{"create:credit_entry", "create:credit_entry"}));
}

TEST_P(CreditServiceTest, RemovalKeepsTheEntryAndAllowsANewOne) {
  const CreditEntry e = Entered();
  const Actor xian = ActorAt(xian_);
  auto early = svc().Remove(xian, e.id, {"已补报", "2024-01-14"});
  EXPECT_EQ(early.error().details.at(0).field, "removed_on");
  auto removed = svc().Remove(xian, e.id, {"已补报年度工作报告", "2024-03-01"});
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_FALSE(removed->active());
  EXPECT_EQ(removed->removed_on, "2024-03-01");
  EXPECT_EQ(removed->removal_reason, "已补报年度工作报告");
  EXPECT_EQ(svc().Remove(xian, e.id, {"again", "2024-03-02"}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(svc().Remove(ActorAt(beijing_), e.id, {"x", "2024-03-02"}).error().code,
            ErrorCode::kNotFound);
  const CreditEntry anew = Entered();  // listed anew: only one *active* entry per list
  EXPECT_NE(anew.id, e.id);
  EXPECT_EQ(svc().OrgEntries(xian, org_, {})->total, 2);
  const auto disclosed = svc().PublicEntries(org_);
  ASSERT_EQ(disclosed.size(), 2u);
  EXPECT_EQ(disclosed[1].removed_on, "2024-03-01");
  EXPECT_EQ(disclosed[1].unit_name, "西安市民政局");
  EXPECT_EQ(Audited(), (std::vector<std::string>{"create:credit_entry", "remove:credit_entry",
                                                 "create:credit_entry"}));
}

TEST_P(CreditServiceTest, ReadsKeepToTheScopeAndOrgMembersToTheirOwn) {
  const CreditEntry mine = Entered("abnormal", org_);
  const CreditEntry theirs = Entered("dishonest", other_org_);
  const Actor member = ActorAt(union_, org_);  // an org member, wherever its unit
  EXPECT_TRUE(svc().Get(member, mine.id));
  EXPECT_EQ(svc().Get(member, theirs.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().OrgEntries(member, other_org_, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().List(member, {}, {}).total, 1);
  EXPECT_EQ(svc().Get(ActorAt(beijing_), mine.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().OrgEntries(ActorAt(union_), org_, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().List(ActorAt(beijing_), {}, {}).total, 0);
  const Actor province = ActorAt(shaanxi_);
  const auto total = [&](EntryFilter f) { return svc().List(province, f, {}).total; };
  EXPECT_EQ(total({}), 2);
  EXPECT_EQ(total({.list = CreditList::kDishonest}), 1);
  EXPECT_EQ(total({.org_id = org_}), 1);
  EXPECT_EQ(total({.q = "社会工作"}), 1);
  EXPECT_EQ(total({.q = "52610100mj00000020"}), 1) << "USCC, any letter case";
  EXPECT_EQ(total({.q = "%"}), 0);
  ASSERT_TRUE(svc().Remove(province, mine.id, {"已整改", "2024-02-01"}));
  EXPECT_EQ(total({.active = true}), 1);
  EXPECT_EQ(total({.active = false}), 1);
  auto page = svc().List(province, {}, {.page = 2, .page_size = 1});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, mine.id) << "newest first";
}

TEST_P(CreditServiceTest, AnObjectionIsAnsweredAndAnAcceptedOneRemovesTheEntry) {
  const CreditEntry e = Entered();
  const Actor member = ActorAt(union_, org_);
  const Actor xian = ActorAt(xian_);
  EXPECT_EQ(svc().FileObjection(member, e.id, "").error().details.at(0).field, "text");
  auto first = svc().FileObjection(member, e.id, "我会已于 2023 年 12 月报送年报");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->status, ObjectionStatus::kOpen);
  EXPECT_EQ(svc().FileObjection(member, e.id, "再次提出").error().code, ErrorCode::kConflict);
  EXPECT_EQ(svc().List(xian, {.open_objection = true}, {}).total, 1);
  EXPECT_EQ(svc().Get(xian, e.id)->entry.open_objections, 1);
  EXPECT_EQ(svc().AnswerObjection(ActorAt(beijing_), first->id, {false, "x"}).error().code,
            ErrorCode::kNotFound);
  auto rejected = svc().AnswerObjection(xian, first->id, {false, "经核实未报送"});
  ASSERT_TRUE(rejected) << rejected.error().message;
  EXPECT_EQ(rejected->status, ObjectionStatus::kRejected);
  EXPECT_EQ(rejected->reply, "经核实未报送");
  EXPECT_EQ(svc().AnswerObjection(xian, first->id, {true, "改判"}).error().code,
            ErrorCode::kConflict);
  EXPECT_TRUE(svc().Get(xian, e.id)->entry.active());
  auto second = svc().FileObjection(member, e.id, "补充材料：报送回执");
  ASSERT_TRUE(second);
  auto accepted = svc().AnswerObjection(xian, second->id, {true, "异议成立，予以移出"});
  ASSERT_TRUE(accepted);
  const EntryDetail detail = svc().Get(member, e.id).value();
  EXPECT_FALSE(detail.entry.active());
  EXPECT_EQ(detail.entry.removal_reason, "异议成立，予以移出");
  ASSERT_EQ(detail.objections.size(), 2u);
  EXPECT_EQ(detail.objections[1].status, ObjectionStatus::kAccepted);
  EXPECT_EQ(svc().FileObjection(member, e.id, "again").error().code, ErrorCode::kConflict);
  EXPECT_EQ(Audited(),
            (std::vector<std::string>{"create:credit_entry", "create:credit_objection",
                                      "answer:credit_objection", "create:credit_objection",
                                      "remove:credit_entry", "answer:credit_objection"}));
}

TEST_P(CreditServiceTest, TheGateNamesTheEarliestActiveEntryAndLinkingIsRefused) {
  store::Session session = db().Acquire();
  EXPECT_FALSE(FirstActiveEntry(session, {}));
  EXPECT_FALSE(FirstActiveEntry(session, {org_, other_org_}));
  ASSERT_TRUE(svc().Enter(ActorAt(xian_), other_org_, {"dishonest", "严重违法", "2024-03-01"}));
  ASSERT_TRUE(svc().Enter(ActorAt(xian_), org_, {"abnormal", "未报年报", "2023-07-01"}));
  auto first = FirstActiveEntry(session, {other_org_, org_, 999999});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->org_id, org_);
  const core::Error refusal = CreditListed(*first, "provider_org_ids");
  EXPECT_EQ(refusal.code, ErrorCode::kValidationFailed);
  EXPECT_EQ(refusal.message,
            "西安市职工服务中心 is on the abnormal list since 2023-07-01: 未报年报");
  EXPECT_EQ(refusal.details.at(0).field, "provider_org_ids");

  auto link = orgs_->LinkOrg(ActorAt(union_), union_, org_, std::nullopt);
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(link.error().details.at(0).field, "org_id");
  EXPECT_NE(link.error().message.find("2023-07-01"), std::string::npos);
  const std::int64_t entry = svc().List(root_, {.org_id = org_}, {}).items.at(0).id;
  ASSERT_TRUE(svc().Remove(ActorAt(xian_), entry, {"已补报", "2024-04-01"}));
  EXPECT_TRUE(orgs_->LinkOrg(ActorAt(union_), union_, org_, std::nullopt));
}

// Of 8 parallel entries of one organisation on one list exactly one succeeds, the others are
// conflicts (the partial unique index decides); the same for objections to one entry.
TEST_P(CreditServiceTest, ParallelEntriesAndObjectionsGiveExactlyOne) {
  const auto race = [](int n, auto attempt) {
    std::atomic<int> ok = 0, conflict = 0, other = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&] {
        auto r = attempt();
        if (r) {
          ++ok;
        } else if (r.error().code == ErrorCode::kConflict) {
          ++conflict;
        } else {
          ++other;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    return std::tuple{ok.load(), conflict.load(), other.load()};
  };
  EXPECT_EQ(race(8,
                 [&] {
                   return svc().Enter(ActorAt(xian_), org_, {"abnormal", "未报年报", "2024-01-15"});
                 }),
            std::tuple(1, 7, 0));
  const std::int64_t entry = svc().List(root_, {}, {}).items.at(0).id;
  EXPECT_EQ(race(8, [&] { return svc().FileObjection(ActorAt(union_, org_), entry, "异议"); }),
            std::tuple(1, 7, 0));
  EXPECT_EQ(svc().List(root_, {}, {}).total, 1);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(CreditServiceTest);

}  // namespace
}  // namespace lianyin::domain::credit
