// Workers (issue #11, docs/api.md "Workers (issue #11)") over HTTP on both engines: the roster
// (masked answers, a bad ID check character → 422 on id_number, a phone taken → 409, exact
// lookups, scope), the roster import with Chinese headers and its template, a worker's
// activation and login by phone, its own profile, the PIPL deletion, the masked export — and a
// scan of every answer and of the audit log for a planted clear phone and ID number.

#include <gtest/gtest.h>

#include <set>

#include "api/api_fixture.hpp"
#include "tabular/table_reader.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

constexpr const char* kPhone = "13912345678";
constexpr const char* kIdNumber = "11010519491231002X";
constexpr const char* kWorkerPassword = "Worker-Passw0rd-9";

class WorkerApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    admin_ = Login("admin", kPassword);
    const std::int64_t root = units_->RootUnit().value().id;
    bj_ = MakeUnit(admin_, "北京市总工会", "union", "110000", root);
    dc_ = MakeUnit(admin_, "东城区总工会", "union", "110101", bj_);
    sx_ = MakeUnit(admin_, "陕西省总工会", "union", "610000", root);
    officer_ = MakeUser("bj.officer", bj_);
    foreign_ = MakeUser("sx.officer", sx_);
  }

  Session MakeUser(const std::string& username, std::int64_t unit) {
    auto r = Call(admin_, "POST", "/api/v1/users",
                  json::serialize(json::object{{"username", username},
                                               {"password", kPassword},
                                               {"display_name", "王伟"},
                                               {"unit_id", unit},
                                               {"roles", {"union_officer"}}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return Login(username, kPassword);
  }

  static json::object Body(const std::string& phone = kPhone) {
    return {{"name", "王小明"},        {"phone", phone},
            {"id_number", kIdNumber},  {"employer", "东城区环卫服务中心"},
            {"region_code", "110101"}, {"groups", {"sanitation_workers", "migrant_workers"}}};
  }

  HttpResult Anonymous(const std::string& method, const std::string& target,
                       const std::string& body) {
    return Send(port_, method, target, {{"Content-Type", "application/json"}}, body);
  }

  HttpResult Upload(const Session& s, const std::string& csv) {
    const std::string boundary = "lianyinBoundary7MA4YWxk";
    const std::string body = "--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"file\"; "
                             "filename=\"roster.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
                             csv + "\r\n--" + boundary + "--\r\n";
    return Send(port_, "POST", "/api/v1/workers/import",
                {{"Cookie", s.cookie},
                 {"X-CSRF-Token", s.csrf},
                 {"Content-Type", "multipart/form-data; boundary=" + boundary}},
                body);
  }

  static std::string Field(const HttpResult& r) {
    return std::string(Json(r).at("error").at("details").at(0).at("field").as_string());
  }

  json::object Activation(const std::string& name = "王小明") {
    return {
        {"name", name}, {"id_number", kIdNumber}, {"phone", kPhone}, {"password", kWorkerPassword}};
  }

  Session admin_, officer_, foreign_;
  std::int64_t bj_ = 0, dc_ = 0, sx_ = 0;
};

TEST_P(WorkerApiTest, TheRosterIsMaskedCheckedAndScoped) {
  json::object body = Body();
  body["unit_id"] = dc_;
  auto created = Call(officer_, "POST", "/api/v1/workers", json::serialize(body));
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object w = Json(created);
  const std::int64_t id = w.at("id").as_int64();
  EXPECT_EQ(w.at("phone").as_string(), "139****5678");
  EXPECT_EQ(w.at("id_number").as_string(), "1101**********002X");
  EXPECT_EQ(w.at("unit_name").as_string(), "东城区总工会");
  EXPECT_EQ(w.at("region_name").as_string(), "东城区");
  EXPECT_EQ(w.at("groups").as_array().size(), 2u);
  EXPECT_FALSE(w.at("has_account").as_bool());

  json::object bad = Body("13912345679");
  bad["id_number"] = "110105194912310021";
  auto wrong = Call(officer_, "POST", "/api/v1/workers", json::serialize(bad));
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(Field(wrong), "id_number");
  EXPECT_EQ(Json(wrong).at("error").at("details").at(0).at("message").as_string(),
            "身份证号码校验位不正确");

  auto taken = Call(foreign_, "POST", "/api/v1/workers", json::serialize(Body()));
  EXPECT_EQ(taken.status, 409) << taken.body;

  const std::string base = "/api/v1/workers/" + std::to_string(id);
  EXPECT_EQ(Call(officer_, "GET", base).status, 200);
  EXPECT_EQ(Call(foreign_, "GET", base).status, 404);
  EXPECT_EQ(Call(foreign_, "PATCH", base, R"({"employer":"x"})").status, 404);
  auto patched = Call(officer_, "PATCH", base, R"({"employer":"","groups":["model_workers"]})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_TRUE(Json(patched).at("employer").is_null());

  const auto total = [&](const Session& s, const std::string& query) {
    auto r = Call(s, "GET", "/api/v1/workers" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? Json(r).at("total").as_int64() : -1;
  };
  EXPECT_EQ(total(officer_, "?phone=13912345678"), 1);
  EXPECT_EQ(total(officer_, "?phone=13912345670"), 0);
  EXPECT_EQ(total(officer_, "?id_number=11010519491231002x"), 1);
  EXPECT_EQ(total(officer_, "?group=model_workers&region_code=110000"), 1);
  EXPECT_EQ(total(officer_, "?group=sanitation_workers"), 0);
  EXPECT_EQ(total(foreign_, "?phone=13912345678"), 0);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/workers?phone=139").status, 422);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/workers?group=astronaut").status, 422);
}

TEST_P(WorkerApiTest, ARosterWithChineseHeadersImportsAllOrNothing) {
  auto tmpl = Call(officer_, "GET", "/api/v1/workers/import/template?format=csv");
  ASSERT_EQ(tmpl.status, 200);
  EXPECT_NE(tmpl.body.find("姓名,手机号,身份证号,工作单位,所在地区,职工群体"), std::string::npos);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/workers/import/template").status, 200);

  const std::string bad =
      "姓名,手机号,身份证号,所在地区,职工群体\n"
      "王小明,13912345678,11010519491231002X,北京市东城区,环卫职工、农民工\n"
      "李四,13912345678,,东城区,\n"
      "赵六,13912345670,110105194912310021,火星,宇航员\n";
  auto refused = Upload(officer_, bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  std::set<std::string> where;
  const json::object answer = Json(refused);
  for (const auto& d : answer.at("error").at("details").as_array()) {
    where.insert(std::to_string(d.at("row").as_int64()) + ":" +
                 std::string(d.at("field").as_string()));
  }
  EXPECT_EQ(where, (std::set<std::string>{"3:phone", "4:id_number", "4:region_code", "4:groups"}));
  EXPECT_EQ(Json(Call(officer_, "GET", "/api/v1/workers")).at("total").as_int64(), 0);

  const std::string good =
      "姓名,手机号,身份证号,工作单位,所在地区,职工群体\n"
      "王小明,13912345678,11010519491231002X,东城区环卫所,北京市东城区,环卫职工、农民工\n"
      "李四,139-1234-5670,,,110000,劳模工匠\n";
  auto imported = Upload(officer_, good);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(Json(imported).at("imported").as_int64(), 2);
  auto again = Upload(officer_, good);
  ASSERT_EQ(again.status, 422);
  EXPECT_EQ(Json(again).at("error").at("details").as_array().size(), 2u);
  EXPECT_EQ(Json(again).at("error").at("details").at(0).at("message").as_string(),
            "该手机号已登记为职工");
}

TEST_P(WorkerApiTest, AWorkerActivatesThenLogsInByPhoneAndSeesItself) {
  auto created = Call(officer_, "POST", "/api/v1/workers", json::serialize(Body()));
  ASSERT_EQ(created.status, 201);
  const std::int64_t id = Json(created).at("id").as_int64();

  auto mismatch = Anonymous("POST", "/api/v1/auth/activate", json::serialize(Activation("王小红")));
  ASSERT_EQ(mismatch.status, 422) << mismatch.body;
  EXPECT_TRUE(Json(mismatch).at("error").at("details").as_array().empty());
  EXPECT_EQ(Json(mismatch).at("error").at("message").as_string(),
            "姓名、身份证号码和手机号与职工名册不符");

  auto activated = Anonymous("POST", "/api/v1/auth/activate", json::serialize(Activation()));
  ASSERT_EQ(activated.status, 201) << activated.body;
  EXPECT_EQ(Json(activated).at("user").at("worker_id").as_int64(), id);
  EXPECT_EQ(Anonymous("POST", "/api/v1/auth/activate", json::serialize(Activation())).status, 409);

  const Session worker = Login(kPhone, kWorkerPassword);
  auto me = Call(worker, "GET", "/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Json(me).at("user").at("worker_id").as_int64(), id);
  auto mine = Call(worker, "GET", "/api/v1/me/worker");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(Json(mine).at("phone").as_string(), "139****5678");
  auto changed = Call(worker, "PATCH", "/api/v1/me/worker",
                      R"({"employer":"东城区环卫所","groups":["model_workers"]})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(Json(changed).at("employer").as_string(), "东城区环卫所");
  EXPECT_EQ(Call(worker, "PATCH", "/api/v1/me/worker", R"({"name":"王大明"})").status, 422);
  EXPECT_EQ(Call(worker, "GET", "/api/v1/workers").status, 403);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/me/worker").status, 404);
  EXPECT_TRUE(Json(Call(officer_, "GET", "/api/v1/workers/" + std::to_string(id)))
                  .at("has_account")
                  .as_bool());
}

TEST_P(WorkerApiTest, DeletionRemovesThePersonOnlyAndFreesThePhone) {
  auto created = Call(officer_, "POST", "/api/v1/workers", json::serialize(Body()));
  ASSERT_EQ(created.status, 201);
  const std::string base = "/api/v1/workers/" + std::to_string(Json(created).at("id").as_int64());
  ASSERT_EQ(Anonymous("POST", "/api/v1/auth/activate", json::serialize(Activation())).status, 201);
  const Session worker = Login(kPhone, kWorkerPassword);

  EXPECT_EQ(Call(foreign_, "DELETE", base).status, 404);
  ASSERT_EQ(Call(officer_, "DELETE", base).status, 200);
  EXPECT_EQ(Call(officer_, "GET", base).status, 404);
  EXPECT_EQ(Call(officer_, "DELETE", base).status, 404);
  EXPECT_EQ(Call(worker, "GET", "/api/v1/me/worker").status, 401);  // its sessions ended
  auto login =
      Send(port_, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
           json::serialize(json::object{{"username", kPhone}, {"password", kWorkerPassword}}));
  EXPECT_EQ(login.status, 401);
  EXPECT_EQ(Call(officer_, "POST", "/api/v1/workers", json::serialize(Body())).status, 201);
}

// The roster export: the import's Chinese headers and labels, the caller's scope and the list's
// filters, and the planted phone and ID number masked in the bytes of the CSV and in the cells
// of the XLSX — never in clear.
TEST_P(WorkerApiTest, TheRosterExportIsMaskedInChineseAndScoped) {
  json::object planted = Body();
  planted["unit_id"] = dc_;
  ASSERT_EQ(Call(officer_, "POST", "/api/v1/workers", json::serialize(planted)).status, 201);
  json::object other{{"name", "李四"},
                     {"phone", "13912345670"},
                     {"region_code", "110000"},
                     {"groups", {"model_workers"}}};
  ASSERT_EQ(Call(officer_, "POST", "/api/v1/workers", json::serialize(other)).status, 201);
  json::object foreign{{"name", "赵六"}, {"phone", "13812345678"}, {"region_code", "610000"}};
  ASSERT_EQ(Call(foreign_, "POST", "/api/v1/workers", json::serialize(foreign)).status, 201);

  using Table = std::vector<std::vector<std::string>>;
  const auto rows = [](const HttpResult& r, std::string_view type) {
    Table out;
    auto table = tabular::OpenTable(r.body, type);
    EXPECT_TRUE(table);
    if (!table) return out;
    while (auto row = (*table)->Next()) {
      row->resize(8);
      out.push_back(std::move(*row));
    }
    return out;
  };
  const std::vector<std::string> headers = {"姓名",     "手机号",   "身份证号", "工作单位",
                                            "所在地区", "职工群体", "登记单位", "账号已激活"};

  auto csv = Call(officer_, "GET", "/api/v1/workers/export?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  const std::string disposition = csv.Header("content-disposition");
  EXPECT_TRUE(disposition.starts_with("attachment; filename=\"workers_")) << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''%E8%81%8C%E5%B7%A5%E5%90%8D%E5%86%8C_"),
            std::string::npos)
      << disposition;
  EXPECT_EQ(csv.body.find(kPhone), std::string::npos);
  EXPECT_EQ(csv.body.find(kIdNumber), std::string::npos);
  EXPECT_EQ(csv.body.find("13912345670"), std::string::npos);
  EXPECT_NE(csv.body.find("139****5678"), std::string::npos);
  EXPECT_NE(csv.body.find("1101**********002X"), std::string::npos);
  const Table from_csv = rows(csv, "text/csv");
  ASSERT_EQ(from_csv.size(), 3u) << "the header and the officer's two workers, not 赵六";
  EXPECT_EQ(from_csv[0], headers);
  const std::vector<std::string>& first = from_csv[1];
  EXPECT_EQ(first[0], "王小明");
  EXPECT_EQ(first[1], "139****5678");
  EXPECT_EQ(first[2], "1101**********002X");
  EXPECT_EQ(first[3], "东城区环卫服务中心");
  EXPECT_TRUE(first[4].starts_with("北京市") && first[4].ends_with("东城区")) << first[4];
  EXPECT_EQ(first[5], "农民工、环卫职工") << "in code order";
  EXPECT_EQ(first[6], "东城区总工会");
  EXPECT_EQ(first[7], "否");
  EXPECT_EQ(from_csv[2][0], "李四");
  EXPECT_EQ(from_csv[2][2], "");
  EXPECT_EQ(from_csv[2][5], "劳模工匠");

  auto xlsx = Call(officer_, "GET", "/api/v1/workers/export?format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_NE(xlsx.Header("content-disposition").find(".xlsx\"; filename*=UTF-8''"),
            std::string::npos);
  EXPECT_EQ(xlsx.body.find(kPhone), std::string::npos);
  const Table from_xlsx = rows(xlsx, tabular::kXlsxMediaType);
  EXPECT_EQ(from_xlsx, from_csv) << "the same rows, masked alike";
  std::string cells;
  for (const auto& row : from_xlsx) {
    for (const std::string& cell : row) cells += cell + "|";
  }
  EXPECT_EQ(cells.find(kPhone), std::string::npos);
  EXPECT_EQ(cells.find(kIdNumber), std::string::npos);
  EXPECT_NE(cells.find("139****5678|1101**********002X|"), std::string::npos);

  // The list's filters and the caller's scope.
  const auto exported = [&](const Session& s, const std::string& query) {
    auto r = Call(s, "GET", "/api/v1/workers/export?format=csv" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return rows(r, "text/csv");
  };
  EXPECT_EQ(exported(officer_, "&q=%E6%9D%8E").size(), 2u);  // 李
  EXPECT_EQ(exported(officer_, "&phone=13912345678").at(1).at(0), "王小明");
  EXPECT_EQ(exported(officer_, "&group=model_workers&region_code=110000").size(), 2u);
  EXPECT_EQ(exported(officer_, "&region_code=610000").size(), 1u) << "the header only";
  const Table theirs = exported(foreign_, "");
  ASSERT_EQ(theirs.size(), 2u);
  EXPECT_EQ(theirs[1][0], "赵六");
  EXPECT_EQ(exported(admin_, "").size(), 4u) << "the platform sees all three";
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/workers/export?phone=139").status, 422);
  EXPECT_EQ(Call(officer_, "GET", "/api/v1/workers/export?format=pdf").status, 422);
}

// The clear phone and ID number planted here never appear in any answer or audit entry.
TEST_P(WorkerApiTest, PersonalDataNeverLeavesTheServiceInClear) {
  std::string seen;
  const auto keep = [&](const HttpResult& r) {
    seen += r.body;
    for (const auto& [name, value] : r.headers) seen += value;
    return r;
  };
  auto created = keep(Call(officer_, "POST", "/api/v1/workers", json::serialize(Body())));
  ASSERT_EQ(created.status, 201);
  const std::string base = "/api/v1/workers/" + std::to_string(Json(created).at("id").as_int64());
  keep(Call(officer_, "POST", "/api/v1/workers", json::serialize(Body())));  // 409
  keep(Call(officer_, "GET", base));
  keep(Call(officer_, "GET", "/api/v1/workers?phone=13912345678"));
  keep(Call(officer_, "GET", "/api/v1/workers?id_number=11010519491231002X"));
  keep(Call(officer_, "PATCH", base, R"({"phone":"139 1234 5678","employer":"环卫所"})"));
  keep(Upload(officer_,
              "姓名,手机号,身份证号,所在地区\n王小明,13912345678,11010519491231002X,110101\n"));
  keep(Anonymous("POST", "/api/v1/auth/activate", json::serialize(Activation("王小红"))));
  keep(Anonymous("POST", "/api/v1/auth/activate", json::serialize(Activation())));
  const Session worker = Login(kPhone, kWorkerPassword);
  keep(Call(worker, "GET", "/api/v1/auth/me"));
  keep(Call(worker, "GET", "/api/v1/me/worker"));
  keep(Call(admin_, "GET", "/api/v1/users?page_size=200"));
  keep(Call(admin_, "GET", "/api/v1/login-log?page_size=200"));
  keep(Call(officer_, "GET", "/api/v1/workers/export?format=csv"));
  keep(Call(officer_, "DELETE", base));
  for (int page = 1; page <= 3; ++page) {
    keep(Call(admin_, "GET", "/api/v1/audit?page_size=200&page=" + std::to_string(page)));
  }
  EXPECT_NE(seen.find("139****5678"), std::string::npos);  // the scan saw the worker
  for (const char* clear : {kPhone, kIdNumber, "11010519491231002x", "1391234567"}) {
    EXPECT_EQ(seen.find(clear), std::string::npos) << clear;
  }
  // Nor does the database hold them in clear.
  store::Session session = db().Acquire();
  for (const char* sql :
       {"SELECT COALESCE(before_json, '') || COALESCE(after_json, '') || actor_username "
        "FROM audit_log",
        "SELECT username || COALESCE(reason, '') FROM login_log",
        "SELECT username || display_name FROM users",
        "SELECT COALESCE(phone_sealed, '') || COALESCE(id_number_sealed, '') || "
        "COALESCE(phone_index, '') FROM workers"}) {
    auto stmt = session.Prepare(sql);
    while (stmt.Next()) {
      const std::string text = stmt.row().Text(0);
      EXPECT_EQ(text.find(kPhone), std::string::npos) << sql;
      EXPECT_EQ(text.find(kIdNumber), std::string::npos) << sql;
    }
  }
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(WorkerApiTest);

}  // namespace
}  // namespace lianyin::test
