#include "domain/account/user_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/account/account_test_fixture.hpp"
#include "domain/account/worker_repo.hpp"

namespace lianyin::domain::account {
namespace {

class UserServiceTest : public AccountFixture {
 protected:
  void SetUp() override {
    AccountFixture::SetUp();
    if (IsSkipped()) return;
    acftu_ = MakeUnit("中华全国总工会", UnitKind::kUnion, "100000", root_);
    beijing_ = MakeUnit("北京市总工会", UnitKind::kUnion, "110000", acftu_);
    shaanxi_ = MakeUnit("陕西省总工会", UnitKind::kUnion, "610000", acftu_);
    recorder_.Clear();
  }

  std::int64_t Worker(std::int64_t unit) {
    store::Session session = db().Acquire();
    return WorkerRepo(session).Insert(unit, "张三", "2023-11-15T00:00:00+08:00");
  }

  NewUser Body(const std::string& username, std::int64_t unit,
               std::vector<std::string> roles = {"union_officer"}) {
    return {username, kTestPassword, "王伟", unit, std::move(roles)};
  }

  std::int64_t acftu_ = 0, beijing_ = 0, shaanxi_ = 0;
};

std::vector<std::string> Fields(const core::Error& e) {
  std::vector<std::string> out;
  for (const core::FieldError& d : e.details) out.push_back(d.field);
  return out;
}

TEST_P(UserServiceTest, CreateValidatesEveryFieldAtOnce) {
  NewUser bad{"ab", "short", "", 9999, {"pope", "org_member"}};
  auto r = users_->Create(admin_, bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()),
            (std::vector<std::string>{"username", "password", "display_name", "roles", "org_id"}));

  auto no_unit = users_->Create(admin_, Body("wang.wei", 9999));
  EXPECT_EQ(Fields(no_unit.error()), std::vector<std::string>{"unit_id"});
  auto no_roles = users_->Create(admin_, Body("wang.wei", beijing_, {}));
  EXPECT_EQ(Fields(no_roles.error()), std::vector<std::string>{"roles"});
  NewUser worker = Body("worker.1", beijing_, {"worker"});
  EXPECT_EQ(Fields(users_->Create(admin_, worker).error()), std::vector<std::string>{"worker_id"});
  worker.worker_id = Worker(beijing_);
  EXPECT_TRUE(users_->Create(admin_, worker));
}

// What an account refers to must exist and lie in the creator's scope: a provincial
// administrator cannot attach an organisation or a worker of another province (which would then
// act for them), nor place the account outside its subtree.
TEST_P(UserServiceTest, ReferencesMustLieInTheCreatorsScope) {
  Actor bj = MakeUser("bj.admin", beijing_, {"admin"});
  const std::int64_t sx_worker = Worker(shaanxi_);
  NewUser member = Body("bj.member", beijing_, {"org_member"});
  member.org_id = 500;  // not an organisation OrgCheck() knows
  EXPECT_EQ(Fields(users_->Create(bj, member).error()), std::vector<std::string>{"org_id"});
  NewUser worker = Body("bj.worker", beijing_, {"worker"});
  worker.worker_id = sx_worker;
  EXPECT_EQ(Fields(users_->Create(bj, worker).error()), std::vector<std::string>{"worker_id"});
  worker.worker_id = 999999;
  EXPECT_EQ(Fields(users_->Create(bj, worker).error()), std::vector<std::string>{"worker_id"});
  NewUser elsewhere = Body("bj.far", shaanxi_);
  EXPECT_EQ(Fields(users_->Create(bj, elsewhere).error()), std::vector<std::string>{"unit_id"});
  worker.worker_id = Worker(beijing_);
  EXPECT_TRUE(users_->Create(bj, worker));
  member.org_id = 5;
  EXPECT_TRUE(users_->Create(bj, member));
}

TEST_P(UserServiceTest, CreateAuditsWithoutTheHashAndRefusesDuplicates) {
  auto created = users_->Create(admin_, Body("wang.wei", beijing_));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->unit_name, "北京市总工会");
  EXPECT_EQ(created->user.roles, std::vector<std::string>{"union_officer"});
  EXPECT_FALSE(created->mfa_enabled);
  ASSERT_EQ(Changes().size(), 1u);
  const std::string after = boost::json::serialize(Changes()[0].after);
  EXPECT_EQ(after.find("argon2"), std::string::npos);
  EXPECT_EQ(after.find("password_hash"), std::string::npos);
  EXPECT_EQ(Changes()[0].after.at("username").as_string(), "wang.wei");

  auto again = users_->Create(admin_, Body("wang.wei", shaanxi_));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

TEST_P(UserServiceTest, ScopeHidesUsersOfOtherUnits) {
  Actor bj = MakeUser("bj.admin", beijing_, {"sys_admin"});
  ASSERT_TRUE(users_->Create(admin_, Body("sx.officer", shaanxi_)));
  auto sx = users_->List(admin_, {.q = std::string("sx.")}, {});
  ASSERT_EQ(sx.total, 1);
  const std::int64_t sx_id = sx.items[0].user.id;

  auto listed = users_->List(bj, {}, {});
  ASSERT_EQ(listed.total, 1);
  EXPECT_EQ(listed.items[0].user.username, "bj.admin");
  auto hidden = users_->Get(bj, sx_id);
  EXPECT_EQ(hidden.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(hidden.error().message, users_->Get(bj, 999999).error().message);
  EXPECT_EQ(users_->Update(bj, sx_id, {.display_name = std::string("x")}).error().code,
            core::ErrorCode::kNotFound);
  auto elsewhere = users_->Create(bj, Body("bj.new", shaanxi_));
  EXPECT_EQ(Fields(elsewhere.error()), std::vector<std::string>{"unit_id"});
  auto moved_out = users_->Update(bj, bj.user_id, {.unit_id = shaanxi_});
  EXPECT_EQ(Fields(moved_out.error()), std::vector<std::string>{"unit_id"});
}

TEST_P(UserServiceTest, ListFilters) {
  ASSERT_TRUE(users_->Create(admin_, Body("wang.wei", beijing_)));
  ASSERT_TRUE(users_->Create(admin_, Body("li.na", beijing_, {"civil_affairs_officer"})));
  EXPECT_EQ(users_->List(admin_, {.unit_id = beijing_}, {}).total, 2);
  EXPECT_EQ(users_->List(admin_, {.q = std::string("WANG")}, {}).total, 1);
  EXPECT_EQ(users_->List(admin_, {.q = std::string("王伟")}, {}).total, 2);
  EXPECT_EQ(users_->List(admin_, {.role = std::string("civil_affairs_officer")}, {}).total, 1);
  EXPECT_EQ(users_->List(admin_, {.disabled = true}, {}).total, 0);
  EXPECT_EQ(users_->List(admin_, {.disabled = false}, {}).total, 3);
}

// An actor grants, and manages holders of, only roles whose every permission it holds.
TEST_P(UserServiceTest, NoEscalationOfPrivilege) {
  Actor bj = MakeUser("bj.admin", beijing_, {"sys_admin"});
  auto admin_grant = users_->Create(bj, Body("bj.root", beijing_, {"admin"}));
  EXPECT_EQ(admin_grant.error().code, core::ErrorCode::kForbidden);
  // security_admin carries system:role:edit, which sys_admin does not hold.
  auto security = users_->Create(bj, Body("bj.sec", beijing_, {"security_admin"}));
  EXPECT_EQ(security.error().code, core::ErrorCode::kForbidden);
  // union_officer carries org:link:edit, which sys_admin does not hold either.
  auto officer = users_->Create(bj, Body("bj.officer", beijing_));
  EXPECT_EQ(officer.error().code, core::ErrorCode::kForbidden);
  auto peer = users_->Create(bj, Body("bj.peer", beijing_, {"sys_admin"}));
  ASSERT_TRUE(peer) << peer.error().message;
  auto promote = users_->Update(bj, peer->user.id, {.roles = std::vector<std::string>{"admin"}});
  EXPECT_EQ(promote.error().code, core::ErrorCode::kForbidden);
  auto self = users_->Update(bj, bj.user_id, {.roles = std::vector<std::string>{"admin"}});
  EXPECT_EQ(self.error().code, core::ErrorCode::kForbidden);

  // Managing a user whose roles reach further would let the actor act through them.
  Actor stronger = MakeUser("bj.strong", beijing_, {"admin"});
  Actor worker_officer = MakeUser("bj.union", beijing_, {"union_officer"});
  EXPECT_EQ(users_->ResetPassword(bj, stronger.user_id, "Another-Passw0rd").error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(users_->ResetPassword(bj, worker_officer.user_id, "Another-Passw0rd").error().code,
            core::ErrorCode::kForbidden);
  EXPECT_EQ(users_->Update(bj, stronger.user_id, {.disabled = true}).error().code,
            core::ErrorCode::kForbidden);
  EXPECT_TRUE(users_->ResetPassword(bj, peer->user.id, "Another-Passw0rd"));
  EXPECT_TRUE(users_->Update(admin_, peer->user.id, {.roles = std::vector<std::string>{"admin"}}));
  // A local administrator holding "*" grants anything within its subtree.
  EXPECT_TRUE(users_->Create(stronger, Body("bj.officer2", beijing_)));
}

TEST_P(UserServiceTest, DisablingEndsSessionsButNotForOneself) {
  Actor officer = MakeUser("bj.officer", beijing_, {"union_officer"});
  auto login = SessionOf("bj.officer", kTestPassword);
  ASSERT_TRUE(login);
  EXPECT_EQ(users_->Update(admin_, admin_.user_id, {.disabled = true}).error().code,
            core::ErrorCode::kForbidden);
  recorder_.Clear();
  auto disabled = users_->Update(admin_, officer.user_id, {.disabled = true});
  ASSERT_TRUE(disabled);
  EXPECT_TRUE(disabled->user.disabled);
  EXPECT_FALSE(auth_->Authenticate(login->token));
  store::Session session = db().Acquire();
  auto count = session.Prepare("SELECT count(*) FROM sessions WHERE user_id = ?");
  count.Bind(0, officer.user_id);
  ASSERT_TRUE(count.Next());
  EXPECT_EQ(count.row().Int(0), 0);
  ASSERT_EQ(Changes().size(), 1u);
  EXPECT_FALSE(Changes()[0].before.at("disabled").as_bool());
  EXPECT_TRUE(Changes()[0].after.at("disabled").as_bool());
}

TEST_P(UserServiceTest, ResetPasswordForcesAChangeAndEndsSessions) {
  Actor officer = MakeUser("bj.officer", beijing_, {"union_officer"});
  auto login = SessionOf("bj.officer", kTestPassword);
  ASSERT_TRUE(login);
  auto weak = users_->ResetPassword(admin_, officer.user_id, "password");
  EXPECT_EQ(Fields(weak.error()), std::vector<std::string>{"password"});
  auto reset = users_->ResetPassword(admin_, officer.user_id, "Brand-New-Passw0rd");
  ASSERT_TRUE(reset);
  EXPECT_TRUE(reset->user.must_change_password);
  EXPECT_FALSE(auth_->Authenticate(login->token));
  EXPECT_FALSE(SessionOf("bj.officer", kTestPassword));
  auto fresh = SessionOf("bj.officer", "Brand-New-Passw0rd");
  ASSERT_TRUE(fresh);
  EXPECT_TRUE(fresh->actor.must_change_password);
  ASSERT_FALSE(Changes().empty());
  EXPECT_EQ(Changes().back().action, "reset_password");
  EXPECT_EQ(boost::json::serialize(Changes().back().after).find("argon2"), std::string::npos);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(UserServiceTest);

}  // namespace
}  // namespace lianyin::domain::account
