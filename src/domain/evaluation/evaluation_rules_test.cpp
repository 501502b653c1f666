#include "domain/evaluation/evaluation_rules.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace lianyin::domain::evaluation {
namespace {

namespace json = boost::json;

constexpr std::array<Tenths, 5> kNational = {9000, 8000, 7000, 6000, 5000};

json::object Body(std::string_view text) { return json::parse(text).as_object(); }

constexpr const char* kValid = R"({"name":"百分制","max_score":100,
  "thresholds":{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50},
  "indicators":[{"code":"1","name":"基础条件","max_score":40.5,"children":[
                  {"code":"1.1","name":"法人资格","max_score":20},
                  {"code":"1.2","name":"章程","max_score":20.5}]},
                {"code":"2","name":"工作绩效","max_score":59.5}]})";

std::vector<std::string> Fields(const core::Error& e) {
  std::vector<std::string> out;
  for (const core::FieldError& f : e.details) out.push_back(f.field);
  return out;
}

TEST(ReadPoints, TakesIntegersAndOneDecimalOnly) {
  EXPECT_EQ(ReadPoints(json::value(85)), 850);
  EXPECT_EQ(ReadPoints(json::parse("85.5")), 855);
  EXPECT_EQ(ReadPoints(json::parse("0.3")), 3);
  EXPECT_EQ(ReadPoints(json::parse("0.1")), 1);
  EXPECT_EQ(ReadPoints(json::parse("85.55")), std::nullopt);
  EXPECT_EQ(ReadPoints(json::parse("0.05")), std::nullopt);
  EXPECT_EQ(ReadPoints(json::parse("\"85\"")), std::nullopt);
  EXPECT_EQ(ReadPoints(json::parse("1e300")), std::nullopt);
  EXPECT_EQ(FormatPoints(855), "85.5");
  EXPECT_EQ(FormatPoints(9000), "900");
  EXPECT_EQ(json::serialize(PointsJson(9000)), "900");
  EXPECT_EQ(PointsJson(855).as_double(), 85.5);
}

TEST(ReadTemplate, ReadsAValidTreeAndItsLeavesInOrder) {
  auto t = ReadTemplate(Body(kValid));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->max, 1000);
  EXPECT_EQ(t->thresholds[0], 900);
  const std::vector<Leaf> leaves = Leaves(t->indicators);
  ASSERT_EQ(leaves.size(), 3U);
  EXPECT_EQ(leaves[0].code, "1.1");
  EXPECT_EQ(leaves[1].max, 205);
  EXPECT_EQ(leaves[2].code, "2");
  // What is written reads back the same.
  json::object again{{"name", t->name},
                     {"max_score", PointsJson(t->max)},
                     {"thresholds", ThresholdsJson(*t)},
                     {"indicators", IndicatorsJson(t->indicators)}};
  auto back = ReadTemplate(again);
  ASSERT_TRUE(back);
  EXPECT_EQ(json::serialize(IndicatorsJson(back->indicators)),
            json::serialize(IndicatorsJson(t->indicators)));
}

TEST(ReadTemplate, NamesEveryBadFieldByItsPath) {
  auto t = ReadTemplate(Body(R"({"name":"","max_score":100,
    "thresholds":{"5A":90,"4A":95,"3A":70,"2A":0,"1A":150,"6A":1},
    "indicators":[{"code":"1","name":"甲","max_score":50,"children":[
                    {"code":"1.1","name":"乙","max_score":20},
                    {"code":"1","name":"丙","max_score":20.55}]},
                  {"code":"a b","name":"丁","max_score":-1},
                  {"code":"3","name":"戊","max_score":10,"children":[]}]})"));
  ASSERT_FALSE(t);
  const std::vector<std::string> fields = Fields(t.error());
  for (const char* f :
       {"name", "thresholds.4A", "thresholds.2A", "thresholds.1A", "thresholds.6A",
        "indicators[0].children[1].code", "indicators[0].children[1].max_score",
        "indicators[1].code", "indicators[1].max_score", "indicators[2].children"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
}

TEST(ReadTemplate, InnerMaximaAndTheLeafSumMustAgree) {
  auto inner = ReadTemplate(Body(R"({"name":"x","max_score":100,
    "thresholds":{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50},
    "indicators":[{"code":"1","name":"a","max_score":60,"children":[
                    {"code":"1.1","name":"b","max_score":50}]},
                  {"code":"2","name":"c","max_score":50}]})"));
  ASSERT_FALSE(inner);
  EXPECT_EQ(Fields(inner.error()), std::vector<std::string>{"indicators[0].max_score"});
  auto sum = ReadTemplate(Body(R"({"name":"x","max_score":100,
    "thresholds":{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50},
    "indicators":[{"code":"1","name":"a","max_score":60}]})"));
  ASSERT_FALSE(sum);
  EXPECT_EQ(Fields(sum.error()), std::vector<std::string>{"indicators"});
}

TEST(ReadScores, EveryLeafWithinItsMaximumAndNothingElse) {
  const std::vector<Leaf> leaves = {{"1.1", "a", 200}, {"1.2", "b", 205}, {"2", "c", 595}};
  const json::value good = json::parse(R"({"2":59.5,"1.1":0,"1.2":20.5})");
  auto ok = ReadScores(leaves, &good);
  ASSERT_TRUE(ok);
  EXPECT_EQ((*ok)[0], (std::pair<std::string, Tenths>{"1.1", 0}));  // leaf order
  EXPECT_EQ(TotalOf(*ok), 800);
  const json::value bad = json::parse(R"({"1.1":20.1,"1.2":-1,"9":1,"2":3.25})");
  auto refused = ReadScores(leaves, &bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(Fields(refused.error()),
            (std::vector<std::string>{"scores.1.1", "scores.1.2", "scores.2", "scores.9"}));
  const json::value missing = json::parse(R"({"1.1":1})");
  EXPECT_EQ(Fields(ReadScores(leaves, &missing).error()),
            (std::vector<std::string>{"scores.1.2", "scores.2"}));
  EXPECT_FALSE(ReadScores(leaves, nullptr));
}

TEST(Aggregate, FewerThanFiveExpertsKeepEveryTotal) {
  const Outcome o = Aggregate({8500, 8510}, kNational);
  EXPECT_EQ(o.score, 8505);  // 850.5 points exactly
  EXPECT_EQ(o.dropped, (std::vector<bool>{false, false}));
  EXPECT_EQ(o.grade, "4A");
  // x.x5 exactly: 85.0 and 85.1 average 85.05, which rounds up to 85.1.
  EXPECT_EQ(Aggregate({850, 851}, kNational).score, 851);
  EXPECT_EQ(Aggregate({850, 851, 851, 850}, kNational).score, 851);  // 85.05 again
  EXPECT_EQ(Aggregate({850, 850, 851}, kNational).score, 850);       // 85.033…
  EXPECT_EQ(Aggregate({850, 851, 851}, kNational).score, 851);       // 85.066…
  EXPECT_EQ(Aggregate({1, 2}, kNational).score, 2);                  // 0.15 → 0.2
  EXPECT_EQ(Aggregate({0, 1}, kNational).score, 1);                  // 0.05 → 0.1
}

TEST(Aggregate, FiveOrMoreDropExactlyOneHighestAndOneLowest) {
  const Outcome o = Aggregate({9000, 9500, 8000, 9500, 8000, 8800}, kNational);
  // The first of the highest (index 1) and the last of the lowest (index 4) are dropped.
  EXPECT_EQ(o.dropped, (std::vector<bool>{false, true, false, false, true, false}));
  EXPECT_EQ(o.score, (9000 + 8000 + 9500 + 8800 + 2) / 4);  // 8825: 882.5 exactly
  EXPECT_EQ(o.grade, "4A");
  const Outcome same = Aggregate({7000, 7000, 7000, 7000, 7000}, kNational);
  EXPECT_EQ(same.dropped, (std::vector<bool>{true, false, false, false, true}));
  EXPECT_EQ(same.score, 7000);
  EXPECT_EQ(same.grade, "3A");
  EXPECT_EQ(Aggregate({8995, 9000, 8990, 10000, 0}, kNational).grade, "4A");  // 899.5 points
  // The rest average 899.95 points, which rounds half up to 900.0: 5A.
  EXPECT_EQ(Aggregate({8999, 9000, 9000, 8999, 10000, 0}, kNational).score, 9000);
  EXPECT_EQ(Aggregate({8999, 9000, 9000, 8999, 10000, 0}, kNational).grade, "5A");
}

TEST(GradeOf, TheHighestThresholdReachedAndNoneBelow1A) {
  EXPECT_EQ(GradeOf(9000, kNational), "5A");
  EXPECT_EQ(GradeOf(8999, kNational), "4A");
  EXPECT_EQ(GradeOf(5000, kNational), "1A");
  EXPECT_EQ(GradeOf(4999, kNational), std::nullopt);
}

TEST(ValidUntil, FiveYearsLessADay) {
  EXPECT_EQ(core::FormatDate(ValidUntil({2026, 12, 4})), "2031-12-03");
  EXPECT_EQ(core::FormatDate(ValidUntil({2026, 1, 1})), "2030-12-31");
  EXPECT_EQ(core::FormatDate(ValidUntil({2028, 2, 29})), "2033-02-28");
}

}  // namespace
}  // namespace lianyin::domain::evaluation
