// Demands, resources and recommendations (issue #10, docs/api.md "Demands, resources and
// matching") over HTTP on both engines: creation and its 422s, edits, list filters and paging,
// the listing lifecycle and its 409s, scope (404 for demands, 403 for changing a resource,
// resources readable by every role), and the recommendation score checked against the formula.
// Runs, decisions and matches: matching_run_api_test.cpp.

#include <gtest/gtest.h>

#include <set>

#include "api/matching_fixture.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

class MatchingApiTest : public MatchingApiFixture {};

TEST_P(MatchingApiTest, ADemandIsCreatedOpenAndItsFieldsAreChecked) {
  auto created = Call(union_, "POST", "/api/v1/demands", json::serialize(DemandBody({})));
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object d = Json(created);
  EXPECT_EQ(d.at("status").as_string(), "open");
  EXPECT_EQ(d.at("headcount").as_int64(), 10);
  EXPECT_EQ(d.at("matched").as_int64(), 0);
  EXPECT_EQ(d.at("remaining").as_int64(), 10);
  EXPECT_EQ(d.at("region_name").as_string(), "东城区");
  EXPECT_EQ(d.at("unit_id").as_int64(), bj_union_);
  EXPECT_EQ(d.at("unit_name").as_string(), "北京市总工会");
  EXPECT_EQ(d.at("target_group").as_string(), "new_employment_workers");
  EXPECT_EQ(Get(D(d.at("id").as_int64()), &union_).at("title").as_string(), "职工技能培训");

  json::object untitled = DemandBody({});
  untitled["title"] = "";
  auto no_title = Call(union_, "POST", "/api/v1/demands", json::serialize(untitled));
  ASSERT_EQ(no_title.status, 422);
  EXPECT_EQ(Field(no_title), "title");
  // A field the reader refuses and the rules' errors on the others come together.
  untitled["headcount"] = 0;
  untitled["window_end"] = "2020-01-01";
  const std::vector<std::string> together =
      Fields(Call(union_, "POST", "/api/v1/demands", json::serialize(untitled)));
  EXPECT_EQ(std::set<std::string>(together.begin(), together.end()),
            (std::set<std::string>{"title", "headcount", "window_end"}));
  // The rules' errors at once.
  json::object bad = DemandBody({});
  bad["headcount"] = 0;
  bad["window_start"] = "2024-05-10";
  bad["window_end"] = "2024-05-01";
  bad["category"] = "sports";
  auto refused = Call(union_, "POST", "/api/v1/demands", json::serialize(bad));
  ASSERT_EQ(refused.status, 422) << refused.body;
  const std::vector<std::string> fields = Fields(refused);
  EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()),
            (std::set<std::string>{"headcount", "window_end", "category"}));

  json::object uncovered = DemandBody({});
  uncovered["region_code"] = "610000";
  auto outside = Call(union_, "POST", "/api/v1/demands", json::serialize(uncovered));
  ASSERT_EQ(outside.status, 422);
  EXPECT_EQ(Field(outside), "region_code");
  EXPECT_EQ(Json(outside).at("error").at("details").at(0).at("message").as_string(),
            "必须在所属单位的区域范围内");

  json::object civil = DemandBody({});
  civil["unit_id"] = bj_civil_;
  civil["region_code"] = "110000";
  auto not_union = Call(admin_, "POST", "/api/v1/demands", json::serialize(civil));
  ASSERT_EQ(not_union.status, 422);
  EXPECT_EQ(Field(not_union), "unit_id");
  EXPECT_EQ(Json(not_union).at("error").at("details").at(0).at("message").as_string(),
            "必须是工会单位");

  json::object foreign_unit = DemandBody({});
  foreign_unit["unit_id"] = sx_union_;
  auto not_mine = Call(union_, "POST", "/api/v1/demands", json::serialize(foreign_unit));
  ASSERT_EQ(not_mine.status, 422);
  EXPECT_EQ(Field(not_mine), "unit_id");

  json::object big = DemandBody({});
  big["headcount"] = 1'000'001;
  EXPECT_EQ(Field(Call(union_, "POST", "/api/v1/demands", json::serialize(big))), "headcount");
  EXPECT_EQ(Call(member_, "POST", "/api/v1/demands", json::serialize(DemandBody({}))).status, 403);
  // A worker reads only the demands it posted (worker_demand_api_test.cpp): none of these.
  EXPECT_EQ(Total(worker_, "/api/v1/demands"), 0);
}

TEST_P(MatchingApiTest, ADemandIsEditedUntilItEnds) {
  const std::int64_t id = MakeDemand({});
  auto edited = Call(union_, "PATCH", D(id),
                     R"({"title":"新就业形态劳动者技能培训","headcount":12,)"
                     R"("window_end":"2024-05-20","description":null})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  const json::object d = Json(edited);
  EXPECT_EQ(d.at("title").as_string(), "新就业形态劳动者技能培训");
  EXPECT_EQ(d.at("headcount").as_int64(), 12);
  EXPECT_EQ(d.at("remaining").as_int64(), 12);
  EXPECT_EQ(d.at("window_end").as_string(), "2024-05-20");
  EXPECT_TRUE(d.at("description").is_null());
  EXPECT_EQ(d.at("status").as_string(), "open");

  auto bad = Call(union_, "PATCH", D(id), R"({"headcount":0,"window_end":"2024-04-01"})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Fields(bad).size(), 2u);
  EXPECT_EQ(Field(Call(union_, "PATCH", D(id), "{\"unit_id\":" + std::to_string(dc_union_) + "}")),
            "unit_id");
  EXPECT_EQ(Field(Call(union_, "PATCH", D(id), R"({"region_code":"610000"})")), "region_code");
  EXPECT_EQ(Get(D(id)).at("headcount").as_int64(), 12) << "nothing changed";

  EXPECT_EQ(Call(foreign_, "PATCH", D(id), R"({"title":"x"})").status, 404);
  ASSERT_EQ(Call(union_, "POST", D(id, "/transitions"), R"({"to":"withdrawn"})").status, 200);
  auto ended = Call(union_, "PATCH", D(id), R"({"title":"x"})");
  EXPECT_EQ(ended.status, 409) << ended.body;
}

TEST_P(MatchingApiTest, ListsFilterAndPageDemandsInScope) {
  const std::int64_t d1 = MakeDemand({.title = "职工技能培训"});
  const std::int64_t d2 =
      MakeDemand({.title = "职工健康体检", .category = "health", .region = "110000"});
  const std::int64_t d3 =
      MakeDemand({.title = "快递员技能提升", .region = "110101", .unit = dc_union_});
  MakeDemand({.title = "陕西职工技能培训", .region = "610000", .unit = sx_union_}, &foreign_);
  ASSERT_EQ(Call(union_, "POST", D(d2, "/transitions"), R"({"to":"closed"})").status, 200);

  const auto ids = [&](const std::string& query) {
    std::vector<std::int64_t> out;
    const json::object page = Get("/api/v1/demands" + query, &union_);
    for (const auto& item : page.at("items").as_array()) {
      out.push_back(item.at("id").as_int64());
    }
    return out;
  };
  EXPECT_EQ(ids(""), (std::vector<std::int64_t>{d3, d2, d1})) << "newest first, in scope only";
  EXPECT_EQ(ids("?category=skills"), (std::vector<std::int64_t>{d3, d1}));
  EXPECT_EQ(ids("?status=closed"), (std::vector<std::int64_t>{d2}));
  EXPECT_EQ(ids("?open=true"), (std::vector<std::int64_t>{d3, d1}));
  EXPECT_EQ(ids("?region_code=110100"), (std::vector<std::int64_t>{d3, d1})) << "covered by it";
  EXPECT_EQ(ids("?region_code=110000"), (std::vector<std::int64_t>{d3, d2, d1}));
  EXPECT_EQ(ids("?region_code=610000"), (std::vector<std::int64_t>{}));
  EXPECT_EQ(ids("?q=%E5%BF%AB%E9%80%92"), (std::vector<std::int64_t>{d3}));  // 快递
  EXPECT_EQ(ids("?unit_id=" + std::to_string(dc_union_)), (std::vector<std::int64_t>{d3}));

  const json::object page1 = Get("/api/v1/demands?page=1&page_size=2", &union_);
  EXPECT_EQ(page1.at("total").as_int64(), 3);
  EXPECT_EQ(page1.at("items").as_array().size(), 2u);
  const json::object page2 = Get("/api/v1/demands?page=2&page_size=2", &union_);
  ASSERT_EQ(page2.at("items").as_array().size(), 1u);
  EXPECT_EQ(page2.at("items").at(0).at("id").as_int64(), d1);

  EXPECT_EQ(Total(foreign_, "/api/v1/demands"), 1);
  EXPECT_EQ(Total(admin_, "/api/v1/demands"), 4);
  auto bad = Call(union_, "GET", "/api/v1/demands?status=done&open=maybe");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(Fields(bad).size(), 2u);
}

TEST_P(MatchingApiTest, DemandsCloseReopenAndWithdrawOnly) {
  const std::int64_t id = MakeDemand({});
  const auto move = [&](const std::string& to) {
    return Call(union_, "POST", D(id, "/transitions"), "{\"to\":\"" + to + "\"}");
  };
  auto closed = move("closed");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Json(closed).at("status").as_string(), "closed");
  EXPECT_EQ(move("closed").status, 409);
  auto reopened = move("open");
  ASSERT_EQ(reopened.status, 200);
  EXPECT_EQ(Json(reopened).at("status").as_string(), "open");
  EXPECT_EQ(move("open").status, 409) << "open only from closed";
  EXPECT_EQ(move("matched").status, 422) << "not a move a user makes";
  auto withdrawn =
      Call(union_, "POST", D(id, "/transitions"), R"({"to":"withdrawn","reason":"需求取消"})");
  ASSERT_EQ(withdrawn.status, 200);
  EXPECT_EQ(Json(withdrawn).at("status").as_string(), "withdrawn");
  auto final_ = move("open");
  ASSERT_EQ(final_.status, 409) << final_.body;
  EXPECT_EQ(Message(final_), "不能从“已撤回”变更为“待对接”");
  EXPECT_EQ(move("withdrawn").status, 409);
  EXPECT_EQ(move("closed").status, 409);

  // Another province's officer cannot see it: 404 everywhere.
  const std::int64_t other = MakeDemand({});
  EXPECT_EQ(Call(foreign_, "GET", D(other)).status, 404);
  EXPECT_EQ(Call(foreign_, "POST", D(other, "/transitions"), R"({"to":"closed"})").status, 404);
  EXPECT_EQ(Call(foreign_, "GET", D(other, "/recommendations")).status, 404);
  EXPECT_EQ(Get(D(other), &union_).at("status").as_string(), "open");
  EXPECT_EQ(Call(union_, "GET", D(999999)).status, 404);
}

TEST_P(MatchingApiTest, ResourcesAreOfferedForOrganisationsInScope) {
  // An officer (admin role at 北京市民政局) for an organisation registered there.
  auto by_officer =
      Call(officer_, "POST", "/api/v1/resources", json::serialize(ResourceBody({.org = org_b_})));
  ASSERT_EQ(by_officer.status, 201) << by_officer.body;
  const json::object r = Json(by_officer);
  EXPECT_EQ(r.at("status").as_string(), "open");
  EXPECT_EQ(r.at("org_name").as_string(), "北京市社会工作协会");
  EXPECT_TRUE(r.at("org_grade").is_null());
  EXPECT_EQ(r.at("capacity").as_int64(), 10);
  EXPECT_EQ(r.at("reserved").as_int64(), 0);
  EXPECT_EQ(r.at("remaining").as_int64(), 10);
  EXPECT_EQ(r.at("region_codes").as_array(), (json::array{"110000"}));
  EXPECT_EQ(r.at("cost_per_person_fen").as_int64(), 1000);

  // An org member for its own organisation only.
  auto own = Call(member_, "POST", "/api/v1/resources", json::serialize(ResourceBody({})));
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(Json(own).at("org_id").as_int64(), org_a_);
  auto other_org =
      Call(member_, "POST", "/api/v1/resources", json::serialize(ResourceBody({.org = org_b_})));
  ASSERT_EQ(other_org.status, 422);
  EXPECT_EQ(Field(other_org), "org_id");
  auto foreign_org =
      Call(officer_, "POST", "/api/v1/resources", json::serialize(ResourceBody({.org = sx_org_})));
  ASSERT_EQ(foreign_org.status, 422);
  EXPECT_EQ(Field(foreign_org), "org_id");

  json::object bad = ResourceBody({});
  bad["region_codes"] = {"110000", "999999", "110000"};
  bad["capacity"] = 0;
  bad["cost_per_person_fen"] = -1;
  auto refused = Call(member_, "POST", "/api/v1/resources", json::serialize(bad));
  ASSERT_EQ(refused.status, 422) << refused.body;
  const std::vector<std::string> fields = Fields(refused);
  EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()),
            (std::set<std::string>{"region_codes[2]", "capacity", "cost_per_person_fen"}));
  json::object untitled = ResourceBody({});
  untitled["title"] = "";
  EXPECT_EQ(Field(Call(member_, "POST", "/api/v1/resources", json::serialize(untitled))), "title");
  json::object unknown = ResourceBody({});
  unknown["region_codes"] = {"110000", "999999"};
  auto no_region = Call(member_, "POST", "/api/v1/resources", json::serialize(unknown));
  ASSERT_EQ(no_region.status, 422);
  EXPECT_EQ(Field(no_region), "region_codes[1]");
  EXPECT_EQ(Call(union_, "POST", "/api/v1/resources", json::serialize(ResourceBody({}))).status,
            403)
      << "union officers do not publish resources";
}

TEST_P(MatchingApiTest, EveryoneReadsResourcesAndOnlyTheScopeChangesThem) {
  const std::int64_t id = MakeResource({});
  const std::int64_t health =
      MakeResource({.org = org_b_, .category = "health", .regions = {"110101"}});
  const std::int64_t shaanxi = MakeResource({.org = sx_org_, .regions = {"610000"}});
  for (const Session* s : {&worker_, &expert_, &civil_, &inspector_, &member_, &foreign_}) {
    EXPECT_EQ(Total(*s, "/api/v1/resources"), 3);
    EXPECT_EQ(Get(R(id), s).at("title").as_string(), "职业技能培训课程");
  }
  EXPECT_EQ(Total(worker_, "/api/v1/resources?category=health"), 1);
  EXPECT_EQ(Total(worker_, "/api/v1/resources?org_id=" + std::to_string(org_a_)), 1);
  // region_code: resources with a code covering it.
  EXPECT_EQ(Total(worker_, "/api/v1/resources?region_code=110101"), 2);
  EXPECT_EQ(Total(worker_, "/api/v1/resources?region_code=110000"), 1);
  EXPECT_EQ(Total(worker_, "/api/v1/resources?region_code=610000"), 1);
  EXPECT_EQ(Total(worker_, "/api/v1/resources?q=%E8%AF%BE%E7%A8%8B"), 3);  // 课程
  EXPECT_EQ(Total(worker_, "/api/v1/resources?page_size=1"), 3);
  EXPECT_EQ(
      Get("/api/v1/resources?page_size=1&page=3", &worker_).at("items").at(0).at("id").as_int64(),
      id);
  ASSERT_EQ(Call(admin_, "POST", R(health, "/transitions"), R"({"to":"closed"})").status, 200);
  EXPECT_EQ(Total(worker_, "/api/v1/resources?open=true"), 2);
  EXPECT_EQ(Total(worker_, "/api/v1/resources?status=closed"), 1);

  // Changes: the organisation's members and the registration unit's subtree; 403 elsewhere.
  auto edited = Call(member_, "PATCH", R(id), R"({"capacity":20,"title":"职业技能培训（二期）"})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Json(edited).at("remaining").as_int64(), 20);
  EXPECT_EQ(Call(officer_, "PATCH", R(id), R"({"cost_per_person_fen":1200})").status, 200);
  EXPECT_EQ(Call(foreign_officer_, "PATCH", R(id), R"({"capacity":5})").status, 403);
  EXPECT_EQ(Call(foreign_officer_, "POST", R(id, "/transitions"), R"({"to":"closed"})").status,
            403);
  EXPECT_EQ(Call(other_member_, "PATCH", R(id), R"({"capacity":5})").status, 403);
  EXPECT_EQ(Call(officer_, "PATCH", R(shaanxi), R"({"capacity":5})").status, 403);
  EXPECT_EQ(Call(worker_, "PATCH", R(id), R"({"capacity":5})").status, 403);
  EXPECT_EQ(Call(member_, "PATCH", R(id), "{\"org_id\":" + std::to_string(org_b_) + "}").status,
            422);
  EXPECT_EQ(Call(worker_, "GET", R(999999)).status, 404);
  const json::object after = Get(R(id));
  EXPECT_EQ(after.at("capacity").as_int64(), 20);
  EXPECT_EQ(after.at("cost_per_person_fen").as_int64(), 1200);
  ASSERT_EQ(Call(member_, "POST", R(id, "/transitions"), R"({"to":"withdrawn"})").status, 200);
  auto final_ = Call(member_, "POST", R(id, "/transitions"), R"({"to":"open"})");
  ASSERT_EQ(final_.status, 409);
  EXPECT_EQ(Message(final_), "不能从“已撤回”变更为“待对接”");
}

// The hand-computed case of docs/api.md "Recommendations": a demand at 东城区 for 10 people over
// 2024-05-01..10 (10 days), ungraded organisations never rated (grade 0, ratings 5):
//   A 东城区 (county 20), window 10/10 (20), room 10/10 (25), cheapest ¥10 (15)     → 85
//   C 北京市 city (15), window 3/10 (6), room 10/10 (25), ¥20 of 10..30 (7.5)       → 58.5
//   B 北京市 province (10), window 5/10 (10), room 4/10 (10), dearest ¥30 (0)       → 35
// and a cheaper compatible resource of a listed organisation, left out (and out of the cost
// range), plus incompatible ones (category, window, region) that are not candidates at all.
TEST_P(MatchingApiTest, RecommendationsRankByTheDocumentedScore) {
  const std::int64_t demand = MakeDemand({});
  const std::int64_t a = MakeResource({.regions = {"110101"}, .capacity = 20, .cost = 1000});
  const std::int64_t b = MakeResource({.org = org_b_,
                                       .regions = {"110000"},
                                       .capacity = 4,
                                       .start = "2024-05-06",
                                       .end = "2024-06-30",
                                       .cost = 3000});
  const std::int64_t c = MakeResource({.org = org_b_,
                                       .regions = {"610000", "110100"},
                                       .capacity = 10,
                                       .start = "2024-04-01",
                                       .end = "2024-05-03",
                                       .cost = 2000});
  const std::int64_t listed = MakeResource({.org = org_c_, .regions = {"110101"}, .cost = 100});
  MakeResource({.category = "health", .regions = {"110101"}});
  MakeResource({.regions = {"110101"}, .start = "2024-06-01", .end = "2024-06-30"});
  MakeResource({.org = sx_org_, .regions = {"610000"}});
  ListOnCredit(org_c_);

  const json::object found = Get(D(demand, "/recommendations"), &union_);
  EXPECT_EQ(found.at("demand_id").as_int64(), demand);
  EXPECT_EQ(found.at("candidates").as_int64(), 3);
  const json::array& items = found.at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << json::serialize(found);
  EXPECT_EQ(items[0].at("resource_id").as_int64(), a);
  EXPECT_EQ(items[1].at("resource_id").as_int64(), c);
  EXPECT_EQ(items[2].at("resource_id").as_int64(), b);
  EXPECT_DOUBLE_EQ(Number(items[0].at("score")), 85.0);
  EXPECT_DOUBLE_EQ(Number(items[1].at("score")), 58.5);
  EXPECT_DOUBLE_EQ(Number(items[2].at("score")), 35.0);
  EXPECT_EQ(items[1].at("resource").at("title").as_string(), "职业技能培训课程");

  // C's reasons, in Chinese by default: the category first (no points), then each part.
  const json::array& why = items[1].at("reasons").as_array();
  ASSERT_EQ(why.size(), 7u);
  const auto text = [](const json::value& r) { return std::string(r.at("text").as_string()); };
  EXPECT_EQ(text(why[0]), "服务类别一致：劳动竞赛和技能提升类");
  EXPECT_TRUE(why[0].at("points").is_null());
  EXPECT_EQ(text(why[1]), "服务范围（北京市）覆盖需求所在地区");
  EXPECT_DOUBLE_EQ(Number(why[1].at("points")), 15.0);
  EXPECT_EQ(text(why[2]), "服务时间与需求的 10 天重叠 3 天");
  EXPECT_DOUBLE_EQ(Number(why[2].at("points")), 6.0);
  EXPECT_EQ(text(why[3]), "可提供 10 个名额，需求尚缺 10 人");
  EXPECT_DOUBLE_EQ(Number(why[3].at("points")), 25.0);
  EXPECT_EQ(text(why[4]), "人均费用 ¥20.00");
  EXPECT_DOUBLE_EQ(Number(why[4].at("points")), 7.5);
  EXPECT_EQ(text(why[5]), "尚未评估等级");
  EXPECT_DOUBLE_EQ(Number(why[5].at("points")), 0.0);
  EXPECT_EQ(text(why[6]), "尚无服务评价");
  EXPECT_DOUBLE_EQ(Number(why[6].at("points")), 5.0);
  double sum = 0;
  for (const auto& r : why) {
    if (!r.at("points").is_null()) sum += Number(r.at("points"));
  }
  EXPECT_DOUBLE_EQ(sum, 58.5);
  EXPECT_EQ(text(items[2].at("reasons").at(3)), "可提供 4 个名额，需求尚缺 10 人");

  const json::array& excluded = found.at("excluded").as_array();
  ASSERT_EQ(excluded.size(), 1u);
  EXPECT_EQ(excluded[0].at("resource_id").as_int64(), listed);
  EXPECT_EQ(excluded[0].at("org_id").as_int64(), org_c_);
  EXPECT_EQ(excluded[0].at("org_name").as_string(), "北京市心理健康协会");
  EXPECT_EQ(excluded[0].at("reason").as_string(),
            "“北京市心理健康协会”已于2024-01-15列入活动异常名录：未按规定报送年度工作报告");

  // English on request.
  auto en = Send(port_, "GET", D(demand, "/recommendations?limit=1"),
                 {{"Cookie", union_.cookie}, {"Accept-Language", "en"}});
  ASSERT_EQ(en.status, 200) << en.body;
  const json::object english = Json(en);
  ASSERT_EQ(english.at("items").as_array().size(), 1u) << "limit";
  EXPECT_EQ(english.at("candidates").as_int64(), 3) << "before the limit";
  const json::array& reasons = english.at("items").at(0).at("reasons").as_array();
  EXPECT_EQ(text(reasons[0]), "same category: skills");
  EXPECT_EQ(text(reasons[1]), "covers the demand's region through 东城区");
  EXPECT_EQ(text(reasons[2]), "windows overlap 10 of the demand's 10 days");
  EXPECT_EQ(text(reasons[4]), "costs ¥10.00 a person");
  EXPECT_EQ(text(reasons[6]), "not rated yet");

  for (const char* limit : {"0", "51", "x"}) {
    auto bad = Call(union_, "GET", D(demand, std::string("/recommendations?limit=") + limit));
    ASSERT_EQ(bad.status, 422) << limit;
    EXPECT_EQ(Field(bad), "limit");
  }
  EXPECT_EQ(Call(union_, "GET", D(demand, "/recommendations?limit=50")).status, 200);
  EXPECT_EQ(Call(member_, "GET", D(demand, "/recommendations")).status, 403);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(MatchingApiTest);

}  // namespace
}  // namespace lianyin::test
