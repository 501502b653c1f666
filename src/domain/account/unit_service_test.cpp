#include "domain/account/unit_service.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "domain/account/account_test_fixture.hpp"

namespace lianyin::domain::account {
namespace {

class UnitServiceTest : public AccountFixture {
 protected:
  void SetUp() override {
    AccountFixture::SetUp();
    if (IsSkipped()) return;
    acftu_ = MakeUnit("中华全国总工会", UnitKind::kUnion, "100000", root_);
    beijing_ = MakeUnit("北京市总工会", UnitKind::kUnion, "110000", acftu_);
    dongcheng_ = MakeUnit("东城区总工会", UnitKind::kUnion, "110101", beijing_);
    shaanxi_ = MakeUnit("陕西省总工会", UnitKind::kUnion, "610000", acftu_);
    mca_ = MakeUnit("民政部", UnitKind::kCivilAffairs, "100000", root_);
    recorder_.Clear();
  }

  core::ErrorCode Code(const core::Error& e) { return e.code; }
  std::string Field(const core::Error& e) {
    return e.details.empty() ? std::string() : e.details.front().field;
  }

  // (ancestor, descendant, depth) from unit_closure, and the same computed by walking parent_id.
  using Triples = std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>>;
  std::pair<Triples, Triples> ClosureAndWalk() {
    store::Session session = db().Acquire();
    Triples stored, walked;
    auto closure = session.Prepare("SELECT ancestor, descendant, depth FROM unit_closure");
    while (closure.Next()) {
      stored.insert({closure.row().Int(0), closure.row().Int(1), closure.row().Int(2)});
    }
    std::map<std::int64_t, std::optional<std::int64_t>> parent;
    auto units = session.Prepare("SELECT id, parent_id FROM units");
    while (units.Next()) parent[units.row().Int(0)] = units.row().OptInt(1);
    for (const auto& [id, unused] : parent) {
      std::int64_t depth = 0;
      for (std::optional<std::int64_t> at = id; at; at = parent.at(*at), ++depth) {
        walked.insert({*at, id, depth});
      }
    }
    return {stored, walked};
  }

  std::int64_t acftu_ = 0, beijing_ = 0, dongcheng_ = 0, shaanxi_ = 0, mca_ = 0;
};

TEST_P(UnitServiceTest, CreateChecksKindRegionDateAndAudits) {
  auto ok = units_->Create(
      admin_, {"朝阳区总工会", UnitKind::kUnion, "110100", beijing_, std::string("2023-01-05")});
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->region_name, "北京市");
  EXPECT_FALSE(ok->has_children);
  ASSERT_EQ(Changes().size(), 1u);
  EXPECT_EQ(Changes()[0].action, "create");
  EXPECT_EQ(Changes()[0].entity, "unit");
  EXPECT_TRUE(Changes()[0].before.is_null());
  EXPECT_EQ(Changes()[0].after.at("name").as_string(), "朝阳区总工会");
  EXPECT_EQ(Changes()[0].after.at("leading_group_established_on").as_string(), "2023-01-05");

  auto union_under_mca = units_->Create(admin_, {"x", UnitKind::kUnion, "110000", mca_, {}});
  EXPECT_EQ(Field(union_under_mca.error()), "kind");
  auto civil_under_union =
      units_->Create(admin_, {"x", UnitKind::kCivilAffairs, "110000", beijing_, {}});
  EXPECT_EQ(Field(civil_under_union.error()), "kind");
  EXPECT_TRUE(units_->Create(admin_, {"联络站", UnitKind::kOther, "110000", beijing_, {}}));
  auto region = units_->Create(admin_, {"x", UnitKind::kUnion, "610000", beijing_, {}});
  EXPECT_EQ(Field(region.error()), "region_code");
  auto future = units_->Create(
      admin_, {"x", UnitKind::kUnion, "110000", beijing_, std::string("2023-11-16")});
  EXPECT_EQ(Field(future.error()), "leading_group_established_on");
  auto bad_date = units_->Create(
      admin_, {"x", UnitKind::kUnion, "110000", beijing_, std::string("2023-02-30")});
  EXPECT_EQ(Field(bad_date.error()), "leading_group_established_on");
  auto no_parent = units_->Create(admin_, {"x", UnitKind::kUnion, "110000", 9999, {}});
  EXPECT_EQ(Field(no_parent.error()), "parent_id");
  EXPECT_EQ(Changes().size(), 2u);  // failures write nothing
}

TEST_P(UnitServiceTest, AProvincialOfficerSeesOnlyItsSubtree) {
  Actor officer = MakeUser("bj.officer", beijing_, {"union_officer"});
  auto own = units_->List(officer, {}, {});
  ASSERT_EQ(own.total, 1);
  EXPECT_EQ(own.items[0].unit.id, beijing_);
  EXPECT_TRUE(own.items[0].has_children);

  auto all = units_->List(officer, {.q = std::string("总工会")}, {});
  EXPECT_EQ(all.total, 2);  // 北京市总工会 and 东城区总工会, not 陕西 or 全总
  auto children = units_->List(officer, {.parent_id = beijing_}, {});
  ASSERT_EQ(children.total, 1);
  EXPECT_EQ(children.items[0].unit.id, dongcheng_);
  auto above = units_->List(officer, {.parent_id = acftu_}, {});  // 陕西 is out of scope
  ASSERT_EQ(above.total, 1);
  EXPECT_EQ(above.items[0].unit.id, beijing_);

  auto sibling = units_->Get(officer, shaanxi_);
  auto missing = units_->Get(officer, 999999);
  ASSERT_FALSE(sibling);
  EXPECT_EQ(Code(sibling.error()), core::ErrorCode::kNotFound);
  EXPECT_EQ(sibling.error().message, missing.error().message);
  EXPECT_TRUE(units_->Get(officer, dongcheng_));

  auto under_sibling = units_->Create(officer, {"x", UnitKind::kUnion, "610100", shaanxi_, {}});
  EXPECT_EQ(Code(under_sibling.error()), core::ErrorCode::kValidationFailed);
  EXPECT_EQ(Field(under_sibling.error()), "parent_id");
}

TEST_P(UnitServiceTest, ListFiltersByKindAndPages) {
  auto civil = units_->List(admin_, {.q = std::string(""), .kind = UnitKind::kCivilAffairs}, {});
  ASSERT_EQ(civil.total, 1);
  EXPECT_EQ(civil.items[0].unit.name, "民政部");
  auto page = units_->List(admin_, {.q = std::string("总工会")}, {.page = 2, .page_size = 2});
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].unit.id, dongcheng_);
  EXPECT_EQ(units_->List(admin_, {.q = std::string("%")}, {}).total, 0);  // literal, not a wildcard
}

TEST_P(UnitServiceTest, UpdateKeepsRegionsNested) {
  auto parent_breach = units_->Update(admin_, dongcheng_, {.region_code = std::string("610100")});
  EXPECT_EQ(Field(parent_breach.error()), "region_code");
  auto child_breach = units_->Update(admin_, beijing_, {.region_code = std::string("110100")});
  ASSERT_TRUE(child_breach);  // 110100 still covers 东城区 110101
  auto uncovered = units_->Update(admin_, beijing_, {.region_code = std::string("610000")});
  EXPECT_EQ(Field(uncovered.error()), "region_code");

  recorder_.Clear();
  auto renamed = units_->Update(
      admin_, beijing_,
      {.name = std::string("北京市总工会（新）"),
       .leading_group_established_on = std::optional<std::string>(std::string("2022-06-01"))});
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->unit.leading_group_established_on, "2022-06-01");
  ASSERT_EQ(Changes().size(), 1u);
  EXPECT_EQ(Changes()[0].before.at("name").as_string(), "北京市总工会");
  EXPECT_EQ(Changes()[0].after.at("name").as_string(), "北京市总工会（新）");
  auto cleared = units_->Update(admin_, beijing_,
                                {.leading_group_established_on = std::optional<std::string>()});
  ASSERT_TRUE(cleared);
  EXPECT_FALSE(cleared->unit.leading_group_established_on);
}

TEST_P(UnitServiceTest, MoveRewritesTheClosureOfTheWholeSubtree) {
  const std::int64_t league = MakeUnit("北京市产业工会", UnitKind::kUnion, "110000", beijing_);
  const std::int64_t deep = MakeUnit("东城区街道工会", UnitKind::kUnion, "110101", dongcheng_);
  auto moved = units_->Move(admin_, dongcheng_, league);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->unit.parent_id, league);
  auto [stored, walked] = ClosureAndWalk();
  EXPECT_EQ(stored, walked);
  EXPECT_TRUE(stored.contains({league, deep, 2}));
  ASSERT_FALSE(Changes().empty());
  EXPECT_EQ(Changes().back().action, "move");
  EXPECT_EQ(Changes().back().before.at("parent_id").as_int64(), beijing_);
  EXPECT_EQ(Changes().back().after.at("parent_id").as_int64(), league);

  ASSERT_TRUE(units_->Move(admin_, league, acftu_));  // a subtree of three levels
  std::tie(stored, walked) = ClosureAndWalk();
  EXPECT_EQ(stored, walked);
}

TEST_P(UnitServiceTest, MoveRefusesCyclesTheRootOwnUnitAndBadPlacement) {
  auto into_child = units_->Move(admin_, beijing_, dongcheng_);
  EXPECT_EQ(Code(into_child.error()), core::ErrorCode::kConflict);
  auto into_itself = units_->Move(admin_, beijing_, beijing_);
  EXPECT_EQ(Code(into_itself.error()), core::ErrorCode::kConflict);
  EXPECT_EQ(Code(units_->Move(admin_, root_, acftu_).error()), core::ErrorCode::kConflict);
  auto kind = units_->Move(admin_, beijing_, mca_);
  EXPECT_EQ(Field(kind.error()), "parent_id");
  auto region = units_->Move(admin_, dongcheng_, shaanxi_);
  EXPECT_EQ(Field(region.error()), "parent_id");

  Actor officer = MakeUser("bj.officer", beijing_, {"admin"});
  EXPECT_EQ(Code(units_->Move(officer, beijing_, acftu_).error()), core::ErrorCode::kForbidden);
  const std::int64_t spare = MakeUnit("北京市备用", UnitKind::kUnion, "110000", beijing_);
  EXPECT_EQ(Code(units_->Move(officer, dongcheng_, shaanxi_).error()),
            core::ErrorCode::kValidationFailed);
  EXPECT_TRUE(units_->Move(officer, dongcheng_, spare));
  auto [stored, walked] = ClosureAndWalk();
  EXPECT_EQ(stored, walked);
}

TEST_P(UnitServiceTest, ConcurrentCrossedMovesNeverBuildACycle) {
  for (int round = 0; round < 10; ++round) {
    const std::int64_t x = MakeUnit("甲", UnitKind::kUnion, "110000", beijing_);
    const std::int64_t y = MakeUnit("乙", UnitKind::kUnion, "110000", beijing_);
    bool x_moved = false, y_moved = false;
    std::thread a([&] { x_moved = static_cast<bool>(units_->Move(admin_, x, y)); });
    std::thread b([&] { y_moved = static_cast<bool>(units_->Move(admin_, y, x)); });
    a.join();
    b.join();
    EXPECT_NE(x_moved, y_moved) << "round " << round;
  }
  auto [stored, walked] = ClosureAndWalk();
  EXPECT_EQ(stored, walked);
}

TEST_P(UnitServiceTest, DeleteOnlyEmptyLeavesOutsideOneself) {
  EXPECT_EQ(Code(units_->Delete(admin_, beijing_).error()), core::ErrorCode::kConflict);
  EXPECT_EQ(Code(units_->Delete(admin_, root_).error()), core::ErrorCode::kConflict);
  Actor officer = MakeUser("dc.officer", dongcheng_, {"admin"});
  EXPECT_EQ(Code(units_->Delete(officer, dongcheng_).error()), core::ErrorCode::kForbidden);
  EXPECT_EQ(Code(units_->Delete(admin_, dongcheng_).error()), core::ErrorCode::kConflict);  // users
  EXPECT_EQ(Code(units_->Delete(officer, shaanxi_).error()), core::ErrorCode::kNotFound);

  recorder_.Clear();
  ASSERT_TRUE(units_->Delete(admin_, shaanxi_));
  EXPECT_EQ(Code(units_->Get(admin_, shaanxi_).error()), core::ErrorCode::kNotFound);
  ASSERT_EQ(Changes().size(), 1u);
  EXPECT_EQ(Changes()[0].action, "delete");
  EXPECT_TRUE(Changes()[0].after.is_null());
  auto [stored, walked] = ClosureAndWalk();
  EXPECT_EQ(stored, walked);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(UnitServiceTest);

}  // namespace
}  // namespace lianyin::domain::account
