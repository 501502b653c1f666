#include "domain/worker/worker_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <latch>
#include <thread>

#include "core/resident_id.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/session_cache.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/common/recording_sink.hpp"
#include "domain/region/region_service.hpp"
#include "store/migration_script.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::worker {
namespace {

using account::Actor;
using account::UnitKind;

constexpr const char* kPhone = "13912345678";
constexpr const char* kIdNumber = "11010519491231002X";
constexpr const char* kPassword = "Worker-Passw0rd-1";

class WorkerServiceTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import({"test",
                                                    "1",
                                                    {{"350000", "福建省", "100000"},
                                                     {"350100", "福州市", "350000"},
                                                     {"350102", "鼓楼区", "350100"},
                                                     {"610000", "陕西省", "100000"}}}));
    writer_ = std::make_unique<common::Writer>(
        db(), std::vector<common::ChangeSink*>{&cache_, &recorder_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Worker-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    root_ = ActorAt(admin->unit_id);
    root_.platform_level = true;
    fujian_ = Unit("福建省总工会", "350000", admin->unit_id);
    fuzhou_ = Unit("福州市总工会", "350100", fujian_);
    shaanxi_ = Unit("陕西省总工会", "610000", admin->unit_id);
    const core::Bytes key = core::RandomBytes(32);
    keys_ = std::make_unique<WorkerKeys>(key);
    auth_ = std::make_unique<account::AuthService>(
        *writer_, key, cache_, core::Now,
        [this](std::string_view typed) { return keys_->LoginNameOf(typed); });
    service_ = std::make_unique<WorkerService>(*writer_, *keys_, *auth_);
    recorder_.Clear();
  }

  static Actor ActorAt(std::int64_t unit_id) {
    Actor a;
    a.user_id = 1;
    a.username = "officer";
    a.unit_id = unit_id;
    return a;
  }
  std::int64_t Unit(const std::string& name, const std::string& region, std::int64_t parent) {
    auto u =
        account::UnitService(*writer_).Create(root_, {name, UnitKind::kUnion, region, parent, {}});
    EXPECT_TRUE(u) << name;
    return u ? u->unit.id : 0;
  }
  static NewWorker Sample(const std::string& phone = kPhone) {
    return {"王小明", phone, kIdNumber, "福州市环卫服务中心", "350102", {"sanitation_workers"}, {}};
  }
  WorkerService& svc() { return *service_; }
  account::ClientInfo Client() {
    return {"10.0.0." + std::to_string(++clients_ % 250), "test", ""};
  }

  // Every audit document recorded so far, serialised.
  std::string AuditText() {
    std::string out;
    for (const common::Change& c : recorder_.changes()) {
      out += boost::json::serialize(c.before) + boost::json::serialize(c.after);
    }
    return out;
  }

  account::SessionCache cache_;
  common::RecordingSink recorder_;
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<WorkerKeys> keys_;
  std::unique_ptr<account::AuthService> auth_;
  std::unique_ptr<WorkerService> service_;
  Actor root_;
  std::int64_t fujian_ = 0, fuzhou_ = 0, shaanxi_ = 0;
  int clients_ = 0;
};

TEST_P(WorkerServiceTest, CreatesMaskedAndFindsByExactPhoneAndIdNumber) {
  auto w = svc().Create(ActorAt(fuzhou_), Sample());
  ASSERT_TRUE(w) << w.error().message;
  EXPECT_EQ(w->unit_id, fuzhou_);
  EXPECT_EQ(w->phone_masked, "139****5678");
  EXPECT_EQ(w->id_number_masked, "1101**********002X");
  EXPECT_EQ(w->region_name, "鼓楼区");
  EXPECT_EQ(w->groups, std::vector<std::string>{"sanitation_workers"});
  ASSERT_TRUE(svc().Create(ActorAt(fuzhou_), Sample("13912345679")));

  const auto find = [&](WorkerFilter f) {
    auto page = svc().List(ActorAt(fujian_), f, {});
    EXPECT_TRUE(page);
    return page ? page->total : -1;
  };
  EXPECT_EQ(find({}), 2);
  EXPECT_EQ(find({.phone = "139 1234 5678"}), 1);
  EXPECT_EQ(find({.phone = "13800000000"}), 0);
  EXPECT_EQ(find({.id_number = "11010519491231002x"}), 2);
  EXPECT_EQ(find({.region_code = "350000"}), 2);
  EXPECT_EQ(find({.region_code = "610000"}), 0);
  EXPECT_EQ(find({.group = "sanitation_workers"}), 2);
  EXPECT_EQ(find({.group = "model_workers"}), 0);
  EXPECT_EQ(find({.q = "小明"}), 2);
  auto bad = svc().List(ActorAt(fujian_), {.phone = "139", .id_number = "110105194912310021"}, {});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.size(), 2u);

  // Another province's officer sees none of them.
  EXPECT_EQ(svc().List(ActorAt(shaanxi_), {}, {})->total, 0);
  EXPECT_EQ(svc().Get(ActorAt(shaanxi_), w->id).error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(AuditText().find(kPhone), std::string::npos);
  EXPECT_EQ(AuditText().find("11010519491231002X"), std::string::npos);
  EXPECT_EQ(AuditText().find("王小明"), std::string::npos);
}

// Migration 0023 renames the first worker_group codes to the target_group ones (craftsman and
// model_worker both become model_workers) and rebuilds the row's code list in code order.
TEST_P(WorkerServiceTest, MigrationRenamesTheFirstGroupCodes) {
  auto w = svc().Create(ActorAt(fuzhou_), Sample());
  ASSERT_TRUE(w);
  {
    store::Session s = db().Acquire();
    const store::Value id{w->id};
    s.Execute("DELETE FROM worker_groups WHERE worker_id = ?", {id});
    for (const char* old : {"young_worker", "model_worker", "craftsman"}) {
      s.Execute("INSERT INTO worker_groups (worker_id, group_code) VALUES (?, ?)",
                {id, store::Value{std::string(old)}});
    }
    s.Execute("UPDATE workers SET group_codes = 'craftsman,model_worker,young_worker' WHERE id = ?",
              {id});
    store::RunMigrationScript(s, 23);
  }
  auto again = svc().Get(ActorAt(fuzhou_), w->id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->groups, (std::vector<std::string>{"model_workers", "young_workers"}));
  EXPECT_EQ(svc().List(ActorAt(fuzhou_), {.group = "model_workers"}, {})->total, 1);
  EXPECT_FALSE(svc().List(ActorAt(fuzhou_), {.group = "craftsman"}, {}));  // no longer a code
}

TEST_P(WorkerServiceTest, APhoneIdentifiesOneLiveWorker) {
  ASSERT_TRUE(svc().Create(ActorAt(fuzhou_), Sample()));
  auto again = svc().Create(ActorAt(shaanxi_), Sample("+86 139-1234-5678"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  auto other = svc().Create(ActorAt(fuzhou_), Sample("13912345679"));
  ASSERT_TRUE(other);
  WorkerPatch p;
  p.phone = kPhone;
  EXPECT_EQ(svc().Update(ActorAt(fuzhou_), other->id, p).error().code, core::ErrorCode::kConflict);
  p.phone = "13700000000";
  auto moved = svc().Update(ActorAt(fuzhou_), other->id, p);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->phone_masked, "137****0000");
  EXPECT_EQ(moved->id_number_masked, "1101**********002X");
}

TEST_P(WorkerServiceTest, RefusesBadFieldsUnknownRegionsAndForeignUnits) {
  NewWorker w = Sample();
  w.id_number = "110105194912310021";
  auto bad = svc().Create(ActorAt(fuzhou_), w);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.at(0).field, "id_number");
  w = Sample();
  w.region_code = "350199";
  EXPECT_EQ(svc().Create(ActorAt(fuzhou_), w).error().details.at(0).field, "region_code");
  w = Sample();
  w.unit_id = shaanxi_;
  EXPECT_EQ(svc().Create(ActorAt(fuzhou_), w).error().details.at(0).field, "unit_id");
}

TEST_P(WorkerServiceTest, ActivationMatchesTheRosterThenTheWorkerLogsInByPhone) {
  auto w = svc().Create(ActorAt(fuzhou_), Sample());
  ASSERT_TRUE(w);
  // Wrong name, another (valid) ID number, unknown phone: one answer, no details.
  const std::string other_id =
      std::string("11010519800101001") + core::ResidentIdCheckCharacter("11010519800101001");
  for (const Activation& a : {Activation{"王小红", kIdNumber, kPhone, kPassword},
                              Activation{"王小明", other_id, kPhone, kPassword},
                              Activation{"王小明", kIdNumber, "13800000000", kPassword}}) {
    auto r = svc().Activate(a, Client());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kValidationFailed);
    EXPECT_TRUE(r.error().details.empty());
    EXPECT_EQ(r.error().message,
              "the name, ID number and phone do not match a worker on the roster");
  }
  auto weak = svc().Activate({"王小明", kIdNumber, kPhone, "short"}, Client());
  EXPECT_EQ(weak.error().details.at(0).field, "password");

  auto user =
      svc().Activate({" 王小明 ", "11010519491231002x", "139 1234 5678", kPassword}, Client());
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_EQ(user->worker_id, w->id);
  EXPECT_EQ(user->roles, std::vector<std::string>{"worker"});
  EXPECT_EQ(user->username.find(kPhone), std::string::npos);
  EXPECT_EQ(svc().Activate({"王小明", kIdNumber, kPhone, kPassword}, Client()).error().code,
            core::ErrorCode::kConflict);

  auto login = auth_->Login("139 1234 5678", kPassword, Client());
  ASSERT_TRUE(login) << login.error().message;
  const Actor& me = std::get<account::LoginResult>(*login).actor;
  EXPECT_EQ(me.worker_id, w->id);
  auto mine = svc().Me(me);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->phone_masked, "139****5678");
  auto changed = svc().UpdateMe(me, {std::optional<std::string>("鼓楼区环卫所"), "350100", {}});
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->employer, "鼓楼区环卫所");
  // Every bad field at once: an unknown region (read from the database) beside a bad group.
  auto bad = svc().UpdateMe(me, {{}, "350199", std::vector<std::string>{"nobody"}});
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().details.size(), 2u);
  EXPECT_EQ(bad.error().details[1].field, "region_code");
  EXPECT_EQ(svc().Me(ActorAt(fuzhou_)).error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(AuditText().find(kPhone), std::string::npos);
}

TEST_P(WorkerServiceTest, FailedActivationsLockLikeFailedLogins) {
  ASSERT_TRUE(svc().Create(ActorAt(fuzhou_), Sample()));
  core::ErrorCode last = core::ErrorCode::kValidationFailed;
  for (int i = 0; i < 6; ++i) {
    last = svc().Activate({"王小红", kIdNumber, kPhone, kPassword}, Client()).error().code;
  }
  EXPECT_EQ(last, core::ErrorCode::kLocked);
  // Locked: even the right details wait.
  EXPECT_EQ(svc().Activate({"王小明", kIdNumber, kPhone, kPassword}, Client()).error().code,
            core::ErrorCode::kLocked);
}

TEST_P(WorkerServiceTest, DeletionRemovesPersonalFieldsKeepsTheRowAndRetiresTheAccount) {
  auto w = svc().Create(ActorAt(fuzhou_), Sample());
  ASSERT_TRUE(w);
  ASSERT_TRUE(svc().Activate({"王小明", kIdNumber, kPhone, kPassword}, Client()));
  EXPECT_EQ(svc().Delete(ActorAt(shaanxi_), w->id).error().code, core::ErrorCode::kNotFound);
  ASSERT_TRUE(svc().Delete(ActorAt(fuzhou_), w->id));
  EXPECT_EQ(svc().Get(ActorAt(fuzhou_), w->id).error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(svc().Delete(ActorAt(fuzhou_), w->id).error().code, core::ErrorCode::kNotFound);
  {
    store::Session session = db().Acquire();
    auto row = session.Prepare(
        "SELECT name, phone_sealed, phone_index, id_number_sealed, id_number_index, employer, "
        "seal_id, group_codes, deleted_at FROM workers WHERE id = ?");
    row.Bind(0, w->id);
    ASSERT_TRUE(row.Next());
    EXPECT_EQ(row.row().Text(0), std::string(kDeletedName));
    for (int i = 1; i <= 6; ++i) EXPECT_FALSE(row.row().OptText(i)) << i;
    EXPECT_EQ(row.row().Text(7), "");
    EXPECT_TRUE(row.row().OptText(8));
    auto user =
        session.Prepare("SELECT username, display_name, disabled FROM users WHERE worker_id = ?");
    user.Bind(0, w->id);
    ASSERT_TRUE(user.Next());
    EXPECT_TRUE(user.row().Text(0).starts_with("deleted-"));
    EXPECT_EQ(user.row().Text(1), std::string(kDeletedName));
    EXPECT_TRUE(user.row().Bool(2));
  }
  EXPECT_FALSE(auth_->Login(kPhone, kPassword, Client()));
  // The phone is free again: a new worker, and a new account.
  auto again = svc().Create(ActorAt(fuzhou_), Sample());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_NE(again->id, w->id);
  EXPECT_TRUE(svc().Activate({"王小明", kIdNumber, kPhone, kPassword}, Client()));
  EXPECT_EQ(AuditText().find("王小明"), std::string::npos);
}

TEST_P(WorkerServiceTest, ImportIsAllOrNothing) {
  ASSERT_TRUE(svc().Create(ActorAt(fuzhou_), Sample()));
  const std::vector<std::vector<std::string>> clash = {
      {"姓名", "手机号", "身份证号", "所在地区", "职工群体"},
      {"李四", "13912345670", "", "鼓楼区", "劳模工匠"},
      {"王小明", kPhone, kIdNumber, "350102", ""}};
  auto refused = svc().Import(ActorAt(fuzhou_), clash);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().details.size(), 1u);
  EXPECT_EQ(refused.error().details[0].row, 3);
  EXPECT_EQ(refused.error().details[0].field, "phone");
  EXPECT_EQ(svc().List(ActorAt(fuzhou_), {}, {})->total, 1);

  const std::vector<std::vector<std::string>> good = {
      {"姓名", "手机号", "所在地区", "职工群体"},
      {"李四", "13912345670", "鼓楼区", "劳模工匠、女职工"},
      {"赵六", "13912345671", "福州市", ""}};
  auto imported = svc().Import(ActorAt(fuzhou_), good);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->imported, 2);
  EXPECT_EQ(svc().List(ActorAt(fuzhou_), {.group = "women_workers"}, {})->total, 1);
  EXPECT_EQ(AuditText().find("13912345670"), std::string::npos);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(WorkerServiceTest);

// Concurrent requests: SQLite as deployed (a WAL file), PostgreSQL with its pool.
class WorkerConcurrencyTest : public WorkerServiceTest {
 protected:
  void SetUp() override {
    sqlite_file_ = true;
    WorkerServiceTest::SetUp();
  }

  // Runs `threads` calls of `call(i)` at once; the number that succeeded (the rest must fail
  // with `refusal`).
  template <class Call>
  int AtOnce(int threads, core::ErrorCode refusal, Call call) {
    std::latch start(threads);
    std::atomic<int> ok{0}, refused{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) {
      pool.emplace_back([&, i] {
        start.arrive_and_wait();
        core::Result<void> r = call(i);
        if (r) {
          ++ok;
        } else if (r.error().code == refusal) {
          ++refused;
        } else {
          ADD_FAILURE() << r.error().message;
        }
      });
    }
    for (std::thread& t : pool) t.join();
    EXPECT_EQ(ok + refused, threads);
    return ok;
  }
};

TEST_P(WorkerConcurrencyTest, ParallelCreatesOfOnePhoneExactlyOneWins) {
  for (int round = 0; round < 3; ++round) {
    const std::string phone = "1391234560" + std::to_string(round);
    const int ok = AtOnce(8, core::ErrorCode::kConflict, [&](int) -> core::Result<void> {
      auto r = svc().Create(ActorAt(fuzhou_), Sample(phone));
      if (!r) return r.error();
      return {};
    });
    EXPECT_EQ(ok, 1) << round;
  }
  EXPECT_EQ(svc().List(ActorAt(fuzhou_), {}, {})->total, 3);
}

TEST_P(WorkerConcurrencyTest, ParallelImportsOfOnePhoneExactlyOneWins) {
  const int ok = AtOnce(6, core::ErrorCode::kValidationFailed, [&](int i) -> core::Result<void> {
    const std::vector<std::vector<std::string>> rows = {
        {"姓名", "手机号", "所在地区"},
        {"李四", "1371234560" + std::to_string(i), "350102"},  // each its own
        {"王小明", kPhone, "350102"}};                         // shared by all
    auto r = svc().Import(ActorAt(fuzhou_), rows);
    if (!r) {
      EXPECT_EQ(r.error().details.at(0).row, 3);
      return r.error();
    }
    return {};
  });
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(svc().List(ActorAt(fuzhou_), {}, {})->total, 2);
  EXPECT_EQ(svc().List(ActorAt(fuzhou_), {.phone = kPhone}, {})->total, 1);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(WorkerConcurrencyTest);

}  // namespace
}  // namespace lianyin::domain::worker
