#include "domain/worker/worker_rules.hpp"

#include <gtest/gtest.h>

#include "domain/worker/worker_keys.hpp"

namespace lianyin::domain::worker {
namespace {

const core::Date kToday = core::ParseDate("2026-05-01").value();

std::vector<std::string> Fields(const core::Error& e) {
  std::vector<std::string> out;
  for (const core::FieldError& d : e.details) out.push_back(d.field);
  return out;
}

NewWorker Valid() {
  return {
      "  王小明 ",          "139 1234 5678", "11010519491231002x",
      "福州市环卫服务中心", "350102",        {"migrant_workers", "model_workers", "model_workers"},
      std::nullopt};
}

TEST(WorkerRules, NormalisesEveryField) {
  auto w = NormaliseWorker(Valid(), kToday);
  ASSERT_TRUE(w) << w.error().message;
  EXPECT_EQ(w->name, "王小明");
  EXPECT_EQ(w->phone, "13912345678");
  EXPECT_EQ(w->id_number, "11010519491231002X");
  EXPECT_EQ(w->region_code, "350102");
  EXPECT_EQ(w->groups, (std::vector<std::string>{"migrant_workers", "model_workers"}));
}

TEST(WorkerRules, AWrongCheckCharacterIsAnErrorOfIdNumber) {
  NewWorker w = Valid();
  w.id_number = "110105194912310021";
  auto r = NormaliseWorker(w, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::ErrorCode::kValidationFailed);
  EXPECT_EQ(Fields(r.error()), std::vector<std::string>{"id_number"});
}

TEST(WorkerRules, ReportsEveryBadFieldAtOnce) {
  NewWorker w{"", "12345", "abc", std::string(101, 'x'), "35", {"astronaut"}, std::nullopt};
  auto r = NormaliseWorker(w, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()), (std::vector<std::string>{"name", "phone", "id_number", "employer",
                                                         "region_code", "groups"}));
}

TEST(WorkerRules, TheIdNumberAndEmployerAreOptional) {
  NewWorker w = Valid();
  w.id_number = "  ";
  w.employer = "";
  auto r = NormaliseWorker(w, kToday);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->id_number);
  EXPECT_FALSE(r->employer);
}

TEST(WorkerRules, APatchChangesOnlyItsMembersAndEmptyClears) {
  const CleanWorker current = NormaliseWorker(Valid(), kToday).value();
  WorkerPatch p;
  p.employer = std::optional<std::string>("");
  p.id_number = std::optional<std::string>();
  p.groups = std::vector<std::string>{};
  auto r = ApplyPatch(current, p, kToday);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, current.name);
  EXPECT_EQ(r->phone, current.phone);
  EXPECT_FALSE(r->employer);
  EXPECT_FALSE(r->id_number);
  EXPECT_TRUE(r->groups.empty());
  p = {};
  p.phone = "1391234";
  EXPECT_EQ(Fields(ApplyPatch(current, p, kToday).error()), std::vector<std::string>{"phone"});
}

TEST(WorkerRules, AWorkerChangesOnlyEmployerRegionAndGroups) {
  const CleanWorker current = NormaliseWorker(Valid(), kToday).value();
  auto r =
      ApplySelfPatch(current, {std::optional<std::string>("鼓楼区环卫所"), "350100", {}}, kToday);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->employer, "鼓楼区环卫所");
  EXPECT_EQ(r->region_code, "350100");
  EXPECT_EQ(r->phone, current.phone);
}

TEST(WorkerRules, ActivationChecksTheFormOnly) {
  auto ok = CheckActivation({" 王小明", "11010519491231002x", "+86 13912345678", "x"}, kToday);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->name, "王小明");
  EXPECT_EQ(ok->id_number, "11010519491231002X");
  EXPECT_EQ(ok->phone, "13912345678");
  auto bad = CheckActivation({"", "110105194912310021", "123", ""}, kToday);
  ASSERT_FALSE(bad);
  EXPECT_EQ(Fields(bad.error()),
            (std::vector<std::string>{"name", "id_number", "phone", "password"}));
}

TEST(WorkerKeys, SealsBoundToColumnAndRow) {
  const WorkerKeys keys(core::RandomBytes(32));
  const std::string row = WorkerKeys::NewSealId();
  const std::string sealed = keys.Seal(Personal::kPhone, row, "13912345678");
  EXPECT_EQ(sealed.find("13912345678"), std::string::npos);
  EXPECT_EQ(keys.Unseal(Personal::kPhone, row, sealed), "13912345678");
  EXPECT_FALSE(keys.Unseal(Personal::kIdNumber, row, sealed));                   // other column
  EXPECT_FALSE(keys.Unseal(Personal::kPhone, WorkerKeys::NewSealId(), sealed));  // other row
  EXPECT_FALSE(WorkerKeys(core::RandomBytes(32)).Unseal(Personal::kPhone, row, sealed));
}

TEST(WorkerKeys, BlindIndexesAreEqualForEqualValuesAndKeyed) {
  const core::Bytes key = core::RandomBytes(32);
  const WorkerKeys keys(key);
  EXPECT_EQ(keys.Index(Personal::kPhone, "13912345678"),
            WorkerKeys(key).Index(Personal::kPhone, "13912345678"));
  EXPECT_NE(keys.Index(Personal::kPhone, "13912345678"),
            keys.Index(Personal::kPhone, "13912345679"));
  EXPECT_NE(keys.Index(Personal::kPhone, "13912345678"),
            keys.Index(Personal::kIdNumber, "13912345678"));
  EXPECT_NE(keys.Index(Personal::kPhone, "13912345678"),
            WorkerKeys(core::RandomBytes(32)).Index(Personal::kPhone, "13912345678"));
  EXPECT_EQ(keys.Index(Personal::kPhone, "13912345678").size(), 64u);
}

TEST(WorkerKeys, APhoneTypedAtLoginNamesTheWorkersAccount) {
  const WorkerKeys keys(core::RandomBytes(32));
  const std::string account =
      WorkerKeys::AccountUsername(keys.Index(Personal::kPhone, "13912345678"));
  EXPECT_TRUE(account.starts_with("worker-"));
  EXPECT_EQ(account.size(), 39u);
  EXPECT_EQ(keys.LoginNameOf("139 1234 5678"), account);
  EXPECT_EQ(keys.LoginNameOf("+8613912345678"), account);
  EXPECT_FALSE(keys.LoginNameOf("admin"));
}

}  // namespace
}  // namespace lianyin::domain::worker
