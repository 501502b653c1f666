// Plans, the draw and results through the service on both engines: frozen, sorted pools with
// standing declarations, a seed that no change carries before the draw, a draw that re-computes
// from its public answer, exactly one draw under concurrency, and who records results.

#include "domain/inspection/inspection_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <latch>
#include <thread>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/account/user_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/inspection/draw_verify.hpp"
#include "domain/inspection/inspection_codec.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::inspection {
namespace {

using account::Actor;
using account::UnitKind;
using core::ErrorCode;

class InspectionServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;  // several connections, as deployed (the parallel draws)
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import(
        {"test", "1", {{"150000", "内蒙古自治区", "100000"}, {"150200", "包头市", "150000"}}}));
    writer_ = std::make_unique<common::Writer>(db(), std::vector<common::ChangeSink*>{&recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Inspect-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id, admin->id);
    root_.permissions = {"*"};
    baotou_ = Unit("包头市民政局", "150200", admin->unit_id);
    team_unit_ = Unit("包头市执法检查队", "150200", baotou_);
    other_ = Unit("内蒙古自治区民政厅", "150000", admin->unit_id);
    orgs_ = std::make_unique<org::OrgService>(*writer_);
    for (const char* first17 : {"52150200MJ0000003", "52150200MJ0000002", "52150200MJ0000001"}) {
      usccs_.push_back(first17 + std::string(1, core::UsccCheckCharacter(first17).value()));
      Org(usccs_.back());
    }
    for (int i = 0; i < 3; ++i) inspectors_.push_back(Inspector("inspector" + std::to_string(i)));
    svc_ = std::make_unique<InspectionService>(*writer_, core::Bytes(32, 7));
  }

  static Actor ActorAt(std::int64_t unit_id, std::int64_t user_id = 1) {
    Actor a;
    a.user_id = user_id;
    a.unit_id = unit_id;
    a.permissions = {"inspection:plan:edit"};
    return a;
  }
  std::int64_t Unit(const std::string& name, const std::string& region, std::int64_t parent) {
    auto u = account::UnitService(*writer_).Create(
        root_, {name, UnitKind::kCivilAffairs, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  void Org(const std::string& uscc) {
    org::NewOrg o{};
    o.name = "组织" + uscc.substr(14);
    o.uscc = uscc;
    o.org_type = "social_service";
    o.region_code = "150200";
    o.registration_unit_id = baotou_;
    o.legal_rep = "王伟";
    o.phone = "13912345678";
    o.founded_on = "2015-06-01";
    o.business_scope = "职工服务";
    o.status = "registered";
    ASSERT_TRUE(orgs_->Create(ActorAt(baotou_), o));
  }
  std::int64_t Inspector(const std::string& name) {
    account::NewUser u{name, "Inspect-Test-Passw0rd", name, team_unit_, {"inspector"}, {}, {},
                       false};
    auto created = account::UserService(*writer_).Create(root_, u);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->user.id : 0;
  }
  Actor InspectorActor(std::int64_t id) {
    Actor a = ActorAt(team_unit_, id);
    a.permissions = {"inspection:result:edit"};
    return a;
  }
  NewPlan Plan(std::int64_t sample, std::int64_t team) {
    return {"2024年度双随机抽查", sample, team, {"150200", {}, {}}, team_unit_, {}};
  }
  bool ChangesMention(const std::string& text) {
    for (const common::Change& c : recorder_.changes()) {
      if (boost::json::serialize(c.after).find(text) != std::string::npos) return true;
    }
    return false;
  }

  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<org::OrgService> orgs_;
  std::unique_ptr<InspectionService> svc_;
  Actor root_;
  std::int64_t baotou_ = 0, team_unit_ = 0, other_ = 0;
  std::vector<std::int64_t> inspectors_;
  std::vector<std::string> usccs_;  // in creation order: 3, 2, 1
};

TEST_P(InspectionServiceTest, PlanFreezesSortedPoolsWithStandingDeclarations) {
  std::string lower = usccs_[1];
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_TRUE(svc_->Declare(InspectorActor(inspectors_[1]), inspectors_[1], lower));
  EXPECT_EQ(svc_->Declare(InspectorActor(inspectors_[1]), inspectors_[1], usccs_[1]).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(svc_->Declare(InspectorActor(inspectors_[0]), inspectors_[1], usccs_[2]).error().code,
            ErrorCode::kForbidden);
  NewPlan input = Plan(2, 1);
  input.conflicts = {{inspectors_[2], usccs_[2]}};
  auto created = svc_->CreatePlan(ActorAt(baotou_), input);
  ASSERT_TRUE(created) << created.error().message;
  const inspection::Plan& p = created->plan;
  EXPECT_EQ(p.org_pool, (std::vector<std::string>{usccs_[2], usccs_[1], usccs_[0]}));
  EXPECT_EQ(p.inspector_pool, inspectors_);
  EXPECT_EQ(p.conflicts,
            (std::vector<Conflict>{{inspectors_[1], usccs_[1]}, {inspectors_[2], usccs_[2]}}));
  EXPECT_EQ(p.seed_commitment.size(), 64u);
  EXPECT_FALSE(p.seed);
  EXPECT_EQ(created->hint.percent, 4);  // a city unit
  EXPECT_EQ(created->hint.suggested_sample_size, 1);
  // Out of the creator's scope: 404; an inspector unit outside it: 422.
  EXPECT_EQ(svc_->Get(ActorAt(other_), p.id).error().code, ErrorCode::kNotFound);
  NewPlan foreign = Plan(1, 1);
  foreign.inspector_unit_id = other_;
  EXPECT_EQ(svc_->CreatePlan(ActorAt(baotou_), foreign).error().details.at(0).field,
            "inspector_unit_id");
}

TEST_P(InspectionServiceTest, DrawRevealsTheSeedOnceAndReComputesFromThePublicAnswer) {
  auto created = svc_->CreatePlan(ActorAt(baotou_), Plan(2, 2));
  ASSERT_TRUE(created);
  const std::int64_t id = created->plan.id;
  auto drawn = svc_->DrawPlan(ActorAt(baotou_), id);
  ASSERT_TRUE(drawn) << drawn.error().message;
  ASSERT_TRUE(drawn->plan.seed);
  // No change recorded before the draw carried the seed; the draw's does.
  const auto changes = recorder_.changes();
  for (std::size_t i = 0; i + 1 < changes.size(); ++i) {
    EXPECT_EQ(boost::json::serialize(changes[i].after).find(*drawn->plan.seed), std::string::npos);
  }
  EXPECT_TRUE(ChangesMention(*drawn->plan.seed));
  EXPECT_EQ(drawn->plan.selections.size(), 2u);
  EXPECT_EQ(drawn->outcomes.size(), 2u);
  auto pub = svc_->Public(id);
  ASSERT_TRUE(pub);
  const auto verdict =
      VerifyPublicDraw(boost::json::parse(boost::json::serialize(PublicAnswer(*pub))));
  EXPECT_TRUE(verdict.ok) << verdict.message;
  EXPECT_EQ(svc_->DrawPlan(ActorAt(baotou_), id).error().code, ErrorCode::kConflict);
}

TEST_P(InspectionServiceTest, TooFewInspectorsDrawsNothing) {
  auto created = svc_->CreatePlan(ActorAt(baotou_), Plan(1, 4));
  ASSERT_TRUE(created);
  EXPECT_EQ(svc_->DrawPlan(ActorAt(baotou_), created->plan.id).error().code,
            ErrorCode::kValidationFailed);
  EXPECT_EQ(svc_->Get(ActorAt(baotou_), created->plan.id).value().plan.status, "planned");
  auto orgs = svc_->CreatePlan(ActorAt(baotou_), Plan(4, 1));
  EXPECT_EQ(svc_->DrawPlan(ActorAt(baotou_), orgs->plan.id).error().details.at(0).field,
            "sample_size");
}

// A database served with another deployment key cannot open a plan's sealed seed: the draw
// says so (409) and draws nothing, instead of failing the request.
TEST_P(InspectionServiceTest, ASeedSealedUnderAnotherKeyIsRefusedNotAnInternalError) {
  auto created = svc_->CreatePlan(ActorAt(baotou_), Plan(1, 1));
  ASSERT_TRUE(created);
  InspectionService elsewhere(*writer_, core::Bytes(32, 8));
  auto drawn = elsewhere.DrawPlan(ActorAt(baotou_), created->plan.id);
  ASSERT_FALSE(drawn);
  EXPECT_EQ(drawn.error().code, ErrorCode::kConflict);
  EXPECT_EQ(svc_->Get(ActorAt(baotou_), created->plan.id).value().plan.status, "planned");
  EXPECT_TRUE(svc_->DrawPlan(ActorAt(baotou_), created->plan.id));
}

TEST_P(InspectionServiceTest, ParallelDrawsDrawExactlyOnce) {
  auto created = svc_->CreatePlan(ActorAt(baotou_), Plan(3, 1));
  ASSERT_TRUE(created);
  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::latch start(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      auto r = svc_->DrawPlan(ActorAt(baotou_), created->plan.id);
      (r ? ok : r.error().code == ErrorCode::kConflict ? conflict : other)++;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 7);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(svc_->Get(ActorAt(baotou_), created->plan.id).value().outcomes.size(), 3u);
}

TEST_P(InspectionServiceTest, OnlyTheTeamRecordsResultsThenThePlanPublishes) {
  auto created = svc_->CreatePlan(ActorAt(baotou_), Plan(1, 1));
  auto drawn = svc_->DrawPlan(ActorAt(baotou_), created->plan.id).value();
  const Selection& s = drawn.plan.selections.at(0);
  const std::int64_t member = s.inspector_ids.at(0);
  std::int64_t outsider = 0;
  for (std::int64_t i : inspectors_) outsider = i == member ? outsider : i;
  const std::int64_t id = drawn.plan.id;
  EXPECT_EQ(svc_->Publish(ActorAt(baotou_), id).error().code, ErrorCode::kValidationFailed);
  // Another inspector does not see the plan (its unit is above): 404; the officer sees it but
  // is on no team: 403.
  EXPECT_EQ(svc_->RecordResult(InspectorActor(outsider), id, s.uscc, "no_issue", "").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(svc_->RecordResult(ActorAt(baotou_), id, s.uscc, "no_issue", "").error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(svc_->PendingCount(InspectorActor(member)), 1);
  auto recorded = svc_->RecordResult(InspectorActor(member), id, s.uscc, "rectify", "账目不清");
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(recorded->result, "rectify");
  EXPECT_EQ(svc_->PendingCount(InspectorActor(member)), 0);
  auto published = svc_->Publish(ActorAt(baotou_), id);
  ASSERT_TRUE(published);
  EXPECT_EQ(published->plan.status, "published");
  EXPECT_EQ(svc_->RecordResult(InspectorActor(member), id, s.uscc, "no_issue", "").error().code,
            ErrorCode::kConflict);
  auto answer = PublicAnswer(svc_->Public(id).value());
  EXPECT_EQ(answer.at("results").as_array().at(0).at("result").as_string(), "rectify");
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(InspectionServiceTest);

}  // namespace
}  // namespace lianyin::domain::inspection
