#include "domain/credit/credit_rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lianyin::domain::credit {
namespace {

const core::Date kToday{2024, 5, 20};

std::vector<std::string> Fields(const core::Error& error) {
  std::vector<std::string> out;
  for (const core::FieldError& d : error.details) out.push_back(d.field);
  return out;
}

TEST(CreditRules, NewEntryNeedsAKnownListAReasonAndAPastDate) {
  auto ok = CheckNewEntry({"dishonest", "受到限期停止活动行政处罚", "2024-05-20"}, kToday);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, CreditList::kDishonest);
  auto bad = CheckNewEntry({"blacklist", "", "2024-05-21"}, kToday);
  ASSERT_FALSE(bad);
  EXPECT_EQ(Fields(bad.error()), (std::vector<std::string>{"list", "reason", "entered_on"}));
  EXPECT_EQ(bad.error().details[2].message, "must not be in the future");
  EXPECT_EQ(CheckNewEntry({"abnormal", "x", "2024-02-30"}, kToday).error().details[0].message,
            "must be a date like 2023-04-01");
  EXPECT_FALSE(CheckNewEntry({"abnormal", std::string(501, 'x'), "2024-01-01"}, kToday));
}

TEST(CreditRules, RemovalIsDatedBetweenTheEntryAndToday) {
  EXPECT_TRUE(CheckRemoval({"已整改", "2024-03-01"}, "2024-03-01", kToday));
  EXPECT_TRUE(CheckRemoval({"已整改", "2024-05-20"}, "2024-03-01", kToday));
  auto early = CheckRemoval({"已整改", "2024-02-29"}, "2024-03-01", kToday);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().details.at(0).field, "removed_on");
  EXPECT_EQ(early.error().details.at(0).message, "must not be before the entry date 2024-03-01");
  EXPECT_EQ(CheckRemoval({"已整改", "2024-05-21"}, "2024-03-01", kToday).error().details[0].message,
            "must not be in the future");
  EXPECT_EQ(Fields(CheckRemoval({"", "2024-04-01"}, "2024-03-01", kToday).error()),
            std::vector<std::string>{"reason"});
}

TEST(CreditRules, ObjectionsAndAnswersNeedText) {
  EXPECT_TRUE(CheckObjection("我会已于 3 月补报年报"));
  EXPECT_EQ(CheckObjection("").error().details.at(0).field, "text");
  EXPECT_FALSE(CheckObjection(std::string(2001, 'x')));
  EXPECT_TRUE(CheckAnswer({true, "经核实，情况属实"}));
  EXPECT_EQ(CheckAnswer({false, ""}).error().details.at(0).field, "reply");
}

TEST(CreditRules, NamesRoundTrip) {
  for (const std::string& name : CreditListNames()) {
    EXPECT_EQ(CreditListName(ParseCreditList(name).value()), name);
  }
  for (const std::string& name : ObjectionStatusNames()) {
    EXPECT_EQ(ObjectionStatusName(ParseObjectionStatus(name).value()), name);
  }
  EXPECT_FALSE(ParseCreditList("black"));
}

}  // namespace
}  // namespace lianyin::domain::credit
