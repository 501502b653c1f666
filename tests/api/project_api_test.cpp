// Service projects (购买服务, issue #9) over HTTP on both engines: creation and its 422s, the
// lifecycle and its 409s, the contract gate naming a credit entry, outputs and their
// reversals, milestones and the payment schedule within the contract, documents with their
// SHA-256, the timeline, scope (404 across units, a provider's members on their own projects),
// and exact limits under parallel requests.

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "api/api_fixture.hpp"
#include "core/crypto.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

class ProjectApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    bj_civil_ = MakeUnit(admin_, "北京市民政局", "civil_affairs", "110000", root);
    bj_union_ = MakeUnit(admin_, "北京市总工会", "union", "110000", root);
    sx_union_ = MakeUnit(admin_, "陕西省总工会", "union", "610000", root);
    provider_ = MakeOrg("北京市职工服务中心", "52110000MJ0000001", "110000");
    other_org_ = MakeOrg("北京市社会工作协会", "52110000MJ0000002", "110000");
    MakeUser("bj.union", bj_union_, "union_officer");
    MakeUser("sx.union", sx_union_, "union_officer");
    MakeUser("bj.civil", bj_civil_, "civil_affairs_officer");
    MakeUser("bj.member", bj_union_, "org_member", provider_);
    MakeUser("other.member", bj_union_, "org_member", other_org_);
    union_ = Login("bj.union");
    foreign_ = Login("sx.union");
    civil_ = Login("bj.civil");
    member_ = Login("bj.member");
    other_member_ = Login("other.member");
  }

  std::int64_t MakeOrg(const std::string& name, const std::string& first17,
                       const std::string& region) {
    auto r = Call(admin_, "POST", "/api/v1/orgs", OrgJson(name, Uscc(first17), bj_civil_, region));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  void MakeUser(const std::string& username, std::int64_t unit, const std::string& role,
                std::int64_t org = 0) {
    json::object body{{"username", username},
                      {"password", kPassword},
                      {"display_name", "韩梅梅"},
                      {"unit_id", unit},
                      {"roles", {role}}};
    if (org) body["org_id"] = org;
    auto r = Call(admin_, "POST", "/api/v1/users", json::serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
  }

  json::object ProjectBody() const {
    return {{"title", "新就业形态劳动者暖心驿站服务"},
            {"category", "new_employment"},
            {"funding_unit_id", bj_union_},
            {"mode", "purchase"},
            {"provider_org_ids", {provider_}},
            {"budget_fen", 30'000'000},
            {"region_code", "110000"},
            {"start_on", "2024-03-01"},
            {"end_on", "2024-12-31"},
            {"target_groups", {"new_employment_workers", "sanitation_workers"}},
            {"description", "为快递员、外卖配送员提供休息、饮水、充电服务"}};
  }

  static std::string P(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/projects/" + std::to_string(id) + rest;
  }

  std::int64_t Create(const Session& as) {
    auto r = Call(as, "POST", "/api/v1/projects", json::serialize(ProjectBody()));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  HttpResult Move(std::int64_t id, const std::string& to, const std::string& extra = "") {
    return Call(union_, "POST", P(id, "/transitions"),
                "{\"to\":\"" + to + "\"" + (extra.empty() ? "" : "," + extra) + "}");
  }

  // A project of bj_union_ moved to contracted with a contract of `contract_fen`.
  std::int64_t Contracted(std::int64_t contract_fen = 20'000'000) {
    const std::int64_t id = Create(union_);
    EXPECT_EQ(Move(id, "published").status, 200);
    auto r = Move(
        id, "contracted",
        "\"contract_fen\":" + std::to_string(contract_fen) + ",\"contracted_on\":\"2024-03-10\"");
    EXPECT_EQ(r.status, 200) << r.body;
    return id;
  }

  HttpResult Output(const Session& as, std::int64_t id, std::int64_t person_times,
                    std::int64_t spent_fen, const std::string& on = "2024-04-01") {
    return Call(as, "POST", P(id, "/outputs"),
                json::serialize(json::object{{"on", on},
                                             {"person_times", person_times},
                                             {"events", 1},
                                             {"spent_fen", spent_fen},
                                             {"note", "驿站服务"}}));
  }

  json::object Get(std::int64_t id) {
    auto r = Call(union_, "GET", P(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r);
  }

  static std::string Field(const HttpResult& r, std::size_t i = 0) {
    return std::string(Json(r).at("error").at("details").at(i).at("field").as_string());
  }

  Session admin_, union_, foreign_, civil_, member_, other_member_;
  std::int64_t bj_civil_ = 0, bj_union_ = 0, sx_union_ = 0, provider_ = 0, other_org_ = 0;
};

TEST_P(ProjectApiTest, ADraftIsCreatedWithItsProvidersAndChecked) {
  auto created = Call(union_, "POST", "/api/v1/projects", json::serialize(ProjectBody()));
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object p = Json(created);
  EXPECT_EQ(p.at("status").as_string(), "draft");
  EXPECT_EQ(p.at("funding_unit_name").as_string(), "北京市总工会");
  EXPECT_EQ(p.at("providers").at(0).at("name").as_string(), "北京市职工服务中心");
  EXPECT_EQ(p.at("provider_org_ids").at(0).as_int64(), provider_);
  EXPECT_EQ(p.at("target_groups").as_array().size(), 2u);
  EXPECT_TRUE(p.at("contract_fen").is_null());
  EXPECT_EQ(p.at("person_times").as_int64(), 0);

  json::object bad = ProjectBody();
  bad["category"] = "sports";
  bad["end_on"] = "2024-01-01";
  bad["provider_org_ids"] = {provider_, provider_};
  auto refused = Call(union_, "POST", "/api/v1/projects", json::serialize(bad));
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(Json(refused).at("error").at("details").as_array().size(), 3u);

  json::object civil_funded = ProjectBody();
  civil_funded["funding_unit_id"] = bj_civil_;
  auto not_union = Call(admin_, "POST", "/api/v1/projects", json::serialize(civil_funded));
  ASSERT_EQ(not_union.status, 422);
  EXPECT_EQ(Field(not_union), "funding_unit_id");
  EXPECT_EQ(Json(not_union).at("error").at("details").at(0).at("message").as_string(),
            "必须是工会单位");

  json::object outside = ProjectBody();
  outside["region_code"] = "610000";
  auto uncovered = Call(union_, "POST", "/api/v1/projects", json::serialize(outside));
  ASSERT_EQ(uncovered.status, 422);
  EXPECT_EQ(Field(uncovered), "region_code");

  json::object foreign_unit = ProjectBody();
  foreign_unit["funding_unit_id"] = sx_union_;
  auto not_mine = Call(union_, "POST", "/api/v1/projects", json::serialize(foreign_unit));
  ASSERT_EQ(not_mine.status, 422);
  EXPECT_EQ(Field(not_mine), "funding_unit_id");

  json::object unknown_org = ProjectBody();
  unknown_org["provider_org_ids"] = {provider_, 999999};
  auto no_org = Call(union_, "POST", "/api/v1/projects", json::serialize(unknown_org));
  ASSERT_EQ(no_org.status, 422);
  EXPECT_EQ(Field(no_org), "provider_org_ids[1]");
}

TEST_P(ProjectApiTest, TheLifecycleMovesOneStepAtATimeAndRefusesTheRest) {
  const std::int64_t id = Create(union_);
  auto skip = Move(id, "accepted");
  ASSERT_EQ(skip.status, 409) << skip.body;
  EXPECT_EQ(Json(skip).at("error").at("message").as_string(), "不能从“草稿”变更为“已验收”");
  ASSERT_EQ(Move(id, "published").status, 200);
  EXPECT_EQ(Move(id, "published").status, 409);
  auto incomplete = Move(id, "contracted");
  ASSERT_EQ(incomplete.status, 422);
  EXPECT_EQ(Json(incomplete).at("error").at("details").as_array().size(), 2u);
  EXPECT_EQ(Move(id, "contracted", R"("contract_fen":100,"contracted_on":"2999-01-01")").status,
            422);
  auto contracted =
      Move(id, "contracted", R"("contract_fen":25000000,"contracted_on":"2024-03-10")");
  ASSERT_EQ(contracted.status, 200) << contracted.body;
  EXPECT_EQ(Json(contracted).at("contract_fen").as_int64(), 25'000'000);
  EXPECT_EQ(Json(contracted).at("contracted_on").as_string(), "2024-03-10");
  ASSERT_EQ(Move(id, "in_progress").status, 200);
  ASSERT_EQ(Move(id, "accepted", R"("reason":"验收合格")").status, 200);
  EXPECT_EQ(Move(id, "cancelled", R"("reason":"x")").status, 409) << "not after acceptance";
  ASSERT_EQ(Move(id, "closed").status, 200);
  EXPECT_EQ(Move(id, "draft").status, 409);

  const std::int64_t other = Create(union_);
  EXPECT_EQ(Move(other, "cancelled").status, 422) << "a reason is required";
  ASSERT_EQ(Move(other, "cancelled", R"("reason":"预算调整")").status, 200);

  auto history = Call(union_, "GET", P(id, "/history"));
  ASSERT_EQ(history.status, 200);
  const json::array events = Json(history).at("items").as_array();
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events[0].at("action").as_string(), "create");
  EXPECT_EQ(events[4].at("from_status").as_string(), "in_progress");
  EXPECT_EQ(events[4].at("to_status").as_string(), "accepted");
  EXPECT_EQ(events[4].at("reason").as_string(), "验收合格");
  EXPECT_EQ(events[4].at("by_name").as_string(), "韩梅梅");
}

TEST_P(ProjectApiTest, AProviderOnACreditListCannotBeContracted) {
  const std::int64_t id = Create(union_);
  ASSERT_EQ(Move(id, "published").status, 200);
  auto listed =
      Call(civil_, "POST", "/api/v1/orgs/" + std::to_string(provider_) + "/credit-entries",
           R"({"list":"abnormal","reason":"未按规定报送年度工作报告","entered_on":"2024-01-15"})");
  ASSERT_EQ(listed.status, 201) << listed.body;
  auto refused = Move(id, "contracted", R"("contract_fen":100,"contracted_on":"2024-03-10")");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Field(refused), "provider_org_ids");
  EXPECT_EQ(Json(refused).at("error").at("message").as_string(),
            "“北京市职工服务中心”已于2024-01-15列入活动异常名录：未按规定报送年度工作报告");
  EXPECT_EQ(Get(id).at("status").as_string(), "published") << "nothing changed";
  const std::int64_t entry = Json(listed).at("id").as_int64();
  ASSERT_EQ(Call(civil_, "POST", "/api/v1/credit-entries/" + std::to_string(entry) + "/remove",
                 R"({"reason":"已补报","removed_on":"2024-02-01"})")
                .status,
            200);
  EXPECT_EQ(Move(id, "contracted", R"("contract_fen":100,"contracted_on":"2024-03-10")").status,
            200);
}

TEST_P(ProjectApiTest, EditsFollowTheStatus) {
  const std::int64_t id = Create(union_);
  auto edited = Call(union_, "PATCH", P(id), R"({"budget_fen":40000000,"description":null})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Json(edited).at("budget_fen").as_int64(), 40'000'000);
  EXPECT_TRUE(Json(edited).at("description").is_null());
  ASSERT_EQ(Move(id, "published").status, 200);
  ASSERT_EQ(Move(id, "contracted", R"("contract_fen":100,"contracted_on":"2024-03-10")").status,
            200);
  auto locked = Call(union_, "PATCH", P(id), R"({"budget_fen":1})");
  ASSERT_EQ(locked.status, 422);
  EXPECT_EQ(Field(locked), "budget_fen");
  EXPECT_EQ(Call(union_, "PATCH", P(id), R"({"end_on":"2025-03-31"})").status, 200);
  EXPECT_EQ(Call(member_, "PATCH", P(id), R"({"title":"x"})").status, 403);
}

TEST_P(ProjectApiTest, OutputsAddUpAndCorrectionsAreReversals) {
  const std::int64_t draft = Create(union_);
  EXPECT_EQ(Output(union_, draft, 10, 0).status, 409) << "not before the contract";
  const std::int64_t id = Contracted(1'000'000);
  auto first = Output(member_, id, 120, 300'000);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(Json(first).at("by_name").as_string(), "韩梅梅");
  ASSERT_EQ(Output(union_, id, 80, 200'000, "2024-05-01").status, 201);
  EXPECT_EQ(Output(union_, id, 1, 0, "2999-01-01").status, 422);
  EXPECT_EQ(Output(union_, id, 1, 0, "2024-03-01").status, 422) << "before the contract date";
  EXPECT_EQ(Output(union_, id, -1, 0).status, 422);
  auto over = Output(union_, id, 1, 500'001);
  ASSERT_EQ(over.status, 422) << over.body;
  EXPECT_EQ(Field(over), "spent_fen");
  EXPECT_EQ(Json(over).at("error").at("details").at(0).at("message").as_string(),
            "支出将超过合同金额：剩余 5,000.00 元");
  json::object totals = Get(id);
  EXPECT_EQ(totals.at("person_times").as_int64(), 200);
  EXPECT_EQ(totals.at("events_held").as_int64(), 2);
  EXPECT_EQ(totals.at("spent_fen").as_int64(), 500'000);

  const std::int64_t out = Json(first).at("id").as_int64();
  const std::string reverse = P(id, "/outputs/" + std::to_string(out) + "/reverse");
  auto corrected = Call(union_, "POST", reverse,
                        R"({"reason":"人次填报有误","replacement":{"on":"2024-04-01",)"
                        R"("person_times":100,"events":1,"spent_fen":300000}})");
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  const json::object both = Json(corrected);
  EXPECT_EQ(both.at("reversal").at("person_times").as_int64(), -120);
  EXPECT_EQ(both.at("reversal").at("reverses_id").as_int64(), out);
  EXPECT_EQ(both.at("replacement").at("person_times").as_int64(), 100);
  totals = Get(id);
  EXPECT_EQ(totals.at("person_times").as_int64(), 180);
  EXPECT_EQ(totals.at("spent_fen").as_int64(), 500'000);
  EXPECT_EQ(Call(union_, "POST", reverse, R"({"reason":"again"})").status, 409);
  const std::int64_t reversal = both.at("reversal").at("id").as_int64();
  EXPECT_EQ(Call(union_, "POST", P(id, "/outputs/" + std::to_string(reversal) + "/reverse"),
                 R"({"reason":"x"})")
                .status,
            409);
  auto bad_replacement = Call(
      union_, "POST",
      P(id, "/outputs/" + std::to_string(both.at("replacement").at("id").as_int64()) + "/reverse"),
      R"({"reason":"x","replacement":{"on":"2999-01-01","person_times":1}})");
  ASSERT_EQ(bad_replacement.status, 422);
  EXPECT_EQ(Field(bad_replacement), "replacement.on");

  auto listed = Call(member_, "GET", P(id, "/outputs"));
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(Json(listed).at("total").as_int64(), 4);
  const json::object original = Json(listed).at("items").at(3).as_object();
  EXPECT_EQ(original.at("reversed_by_id").as_int64(), reversal);
  auto summary = Call(union_, "GET", "/api/v1/projects/summary");
  ASSERT_EQ(summary.status, 200);
  EXPECT_EQ(Json(summary).at("by_status").at("contracted").as_int64(), 1);
  EXPECT_EQ(Json(summary).at("by_status").at("draft").as_int64(), 1);
}

TEST_P(ProjectApiTest, MilestonesAndPaymentsStayWithinTheContract) {
  const std::int64_t id = Create(union_);  // budget 30 000 000 fen
  auto m =
      Call(union_, "POST", P(id, "/milestones"), R"({"title":"驿站挂牌","due_on":"2024-04-30"})");
  ASSERT_EQ(m.status, 201) << m.body;
  const std::string milestone = P(id, "/milestones/" + std::to_string(Json(m).at("id").as_int64()));
  auto done = Call(union_, "PATCH", milestone, R"({"done_on":"2024-04-28"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(Json(done).at("done_on").as_string(), "2024-04-28");
  EXPECT_TRUE(
      Json(Call(union_, "PATCH", milestone, R"({"done_on":null})")).at("done_on").is_null());

  auto pay =
      Call(union_, "POST", P(id, "/payments"), R"({"due_on":"2024-04-01","amount_fen":20000000})");
  ASSERT_EQ(pay.status, 201) << pay.body;
  auto over =
      Call(union_, "POST", P(id, "/payments"), R"({"due_on":"2024-09-01","amount_fen":10000001})");
  ASSERT_EQ(over.status, 422);
  EXPECT_EQ(Field(over), "amount_fen");
  ASSERT_EQ(Move(id, "published").status, 200);
  auto short_contract =
      Move(id, "contracted", R"("contract_fen":10000000,"contracted_on":"2024-03-10")");
  ASSERT_EQ(short_contract.status, 422) << "the contract must cover the schedule";
  EXPECT_EQ(Field(short_contract), "contract_fen");
  ASSERT_EQ(
      Move(id, "contracted", R"("contract_fen":25000000,"contracted_on":"2024-03-10")").status,
      200);
  const std::string payment = P(id, "/payments/" + std::to_string(Json(pay).at("id").as_int64()));
  ASSERT_EQ(Call(union_, "PATCH", payment, R"({"paid_on":"2024-04-02"})").status, 200);
  auto schedule = Call(member_, "GET", P(id, "/payments"));
  ASSERT_EQ(schedule.status, 200);
  EXPECT_EQ(Json(schedule).at("scheduled_fen").as_int64(), 20'000'000);
  EXPECT_EQ(Json(schedule).at("limit_fen").as_int64(), 25'000'000);
  EXPECT_EQ(Get(id).at("paid_fen").as_int64(), 20'000'000);
  EXPECT_EQ(Call(union_, "PATCH", payment, R"({"amount_fen":25000001})").status, 422);
  EXPECT_EQ(
      Call(member_, "POST", P(id, "/payments"), R"({"due_on":"2024-09-01","amount_fen":1})").status,
      403);
  ASSERT_EQ(Call(union_, "DELETE", payment).status, 200);
  EXPECT_EQ(Get(id).at("scheduled_fen").as_int64(), 0);
  EXPECT_EQ(Get(id).at("paid_fen").as_int64(), 0);
  ASSERT_EQ(Call(union_, "DELETE", milestone).status, 200);
  EXPECT_EQ(Json(Call(union_, "GET", P(id, "/milestones"))).at("items").as_array().size(), 0u);
}

TEST_P(ProjectApiTest, DocumentsAreStoredWithTheirHashAndTyped) {
  const std::int64_t id = Create(union_);
  const std::string pdf = "%PDF-1.4\n合同正文\n%%EOF\n";
  auto raw = Send(port_, "POST", P(id, "/documents?kind=contract&file_name=%E5%90%88%E5%90%8C.pdf"),
                  {{"Cookie", member_.cookie},
                   {"X-CSRF-Token", member_.csrf},
                   {"Content-Type", "application/pdf"}},
                  pdf);
  ASSERT_EQ(raw.status, 201) << raw.body;
  const json::object doc = Json(raw);
  EXPECT_EQ(doc.at("file_name").as_string(), "合同.pdf");
  EXPECT_EQ(doc.at("media_type").as_string(), "application/pdf");
  EXPECT_EQ(doc.at("sha256").as_string(), core::Sha256Hex(core::AsBytes(pdf)));
  EXPECT_EQ(doc.at("size").as_int64(), static_cast<std::int64_t>(pdf.size()));

  const std::string boundary = "lianyinboundary";
  const std::string body =
      "--" + boundary +
      "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"验收报告.png\""
      "\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1A\nxyz\r\n--" +
      boundary + "--\r\n";
  auto multipart = Send(port_, "POST", P(id, "/documents?kind=acceptance"),
                        {{"Cookie", union_.cookie},
                         {"X-CSRF-Token", union_.csrf},
                         {"Content-Type", "multipart/form-data; boundary=" + boundary}},
                        body);
  ASSERT_EQ(multipart.status, 201) << multipart.body;
  EXPECT_EQ(Json(multipart).at("media_type").as_string(), "image/png");

  auto disguised = Send(port_, "POST", P(id, "/documents?file_name=a.pdf"),
                        {{"Cookie", union_.cookie}, {"X-CSRF-Token", union_.csrf}}, "MZ\x90\x00");
  ASSERT_EQ(disguised.status, 422);
  EXPECT_EQ(Field(disguised), "file");
  auto big = Send(port_, "POST", P(id, "/documents?file_name=big.pdf"),
                  {{"Cookie", union_.cookie}, {"X-CSRF-Token", union_.csrf}},
                  "%PDF-" + std::string(10u << 20, 'x'));
  EXPECT_EQ(big.status, 413);

  const std::string one = P(id, "/documents/" + std::to_string(doc.at("id").as_int64()));
  auto download = Call(member_, "GET", one);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.Header("x-content-sha256"), doc.at("sha256").as_string());
  EXPECT_NE(download.Header("content-disposition").find("filename*=UTF-8''%E5%90%88%E5%90%8C.pdf"),
            std::string::npos);
  EXPECT_EQ(Call(foreign_, "GET", one).status, 404);
  EXPECT_EQ(Json(Call(union_, "GET", P(id, "/documents"))).at("items").as_array().size(), 2u);
  EXPECT_EQ(Call(member_, "DELETE", one).status, 403);
  ASSERT_EQ(Call(union_, "DELETE", one).status, 200);
  EXPECT_EQ(Call(union_, "GET", one).status, 404);
}

TEST_P(ProjectApiTest, ScopeIsTheFundingUnitAndTheProvidersOwnProjects) {
  const std::int64_t id = Contracted();
  EXPECT_EQ(Call(foreign_, "GET", P(id)).status, 404);
  EXPECT_EQ(Call(foreign_, "POST", P(id, "/transitions"), R"({"to":"in_progress"})").status, 404);
  EXPECT_EQ(Output(foreign_, id, 1, 0).status, 404);
  EXPECT_EQ(Call(foreign_, "GET", P(id, "/history")).status, 404);
  EXPECT_EQ(Call(other_member_, "GET", P(id)).status, 404) << "not its organisation's project";
  EXPECT_EQ(Output(other_member_, id, 1, 0).status, 404);
  EXPECT_EQ(Call(member_, "GET", P(id)).status, 200);
  EXPECT_EQ(Call(member_, "POST", P(id, "/transitions"), R"({"to":"in_progress"})").status, 403);
  const auto total = [&](const Session& as, const std::string& query = "") {
    auto r = Call(as, "GET", "/api/v1/projects" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r).at("total").as_int64() : -1;
  };
  EXPECT_EQ(total(union_), 1);
  EXPECT_EQ(total(member_), 1);
  EXPECT_EQ(total(other_member_), 0);
  EXPECT_EQ(total(foreign_), 0);
  EXPECT_EQ(total(admin_, "?status=contracted&category=new_employment&year=2024"), 1);
  EXPECT_EQ(total(admin_, "?year=2023"), 0);
  EXPECT_EQ(total(admin_, "?region_code=110000&funding_unit_id=" + std::to_string(bj_union_)), 1);
  EXPECT_EQ(total(admin_, "?funding_unit_id=" + std::to_string(sx_union_)), 0);
  EXPECT_EQ(total(admin_, "?provider_org_id=" + std::to_string(other_org_)), 0);
  EXPECT_EQ(total(admin_, "?q=%E6%9A%96%E5%BF%83"), 1);  // 暖心
  auto bad = Call(admin_, "GET", "/api/v1/projects?status=done&year=20x4");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(Json(bad).at("error").at("details").as_array().size(), 2u);
  EXPECT_EQ(Call(union_, "GET", P(999999)).status, 404);
}

TEST_P(ProjectApiTest, ParallelOutputsNeverPassTheContract) {
  const std::int64_t id = Contracted(1'000'000);
  std::vector<int> statuses(12);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = Output(union_, id, 10, 100'000).status; });
  }
  for (auto& t : threads) t.join();
  std::map<int, int> counted;
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[201], 10);
  EXPECT_EQ(counted[422], 2);
  const json::object p = Get(id);
  EXPECT_EQ(p.at("spent_fen").as_int64(), 1'000'000);
  EXPECT_EQ(p.at("person_times").as_int64(), 100);
}

TEST_P(ProjectApiTest, ParallelReversalsOfOneOutputGiveOne) {
  const std::int64_t id = Contracted();
  auto out = Output(union_, id, 50, 1000);
  ASSERT_EQ(out.status, 201);
  const std::string reverse =
      P(id, "/outputs/" + std::to_string(Json(out).at("id").as_int64()) + "/reverse");
  std::vector<int> statuses(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back(
        [&, i] { statuses[i] = Call(union_, "POST", reverse, R"({"reason":"重复填报"})").status; });
  }
  for (auto& t : threads) t.join();
  std::map<int, int> counted;
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[201], 1);
  EXPECT_EQ(counted[409], 7);
  EXPECT_EQ(Get(id).at("person_times").as_int64(), 0);
}

TEST_P(ProjectApiTest, ParallelPaymentsNeverPassTheLimit) {
  const std::int64_t id = Contracted(1'000'000);
  std::vector<int> statuses(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] {
      statuses[i] =
          Call(union_, "POST", P(id, "/payments"), R"({"due_on":"2024-06-01","amount_fen":300000})")
              .status;
    });
  }
  for (auto& t : threads) t.join();
  std::map<int, int> counted;
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[201], 3);
  EXPECT_EQ(counted[422], 5);
  EXPECT_EQ(Get(id).at("scheduled_fen").as_int64(), 900'000);
}

TEST_P(ProjectApiTest, ParallelTransitionsMoveOnce) {
  const std::int64_t id = Create(union_);
  std::vector<int> statuses(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = Move(id, "published").status; });
  }
  for (auto& t : threads) t.join();
  std::map<int, int> counted;
  for (int s : statuses) ++counted[s];
  EXPECT_EQ(counted[200], 1);
  EXPECT_EQ(counted[409], 7);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(ProjectApiTest);

}  // namespace
}  // namespace lianyin::test
