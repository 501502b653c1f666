// The authorisation matrix (authz_matrix.hpp) over HTTP on every backend: each route of the
// route table, as every role, on an object of its own scope and on a foreign one. A route with
// no row, or a row naming no route, fails the test: every new route needs its rows.
//
// Units: 联引平台 (root) ⊃ 北京市总工会 ⊃ 东城区总工会; 陕西省总工会 (foreign); 北京市民政局 ⊃
// 东城区民政局; 陕西省民政厅. The role users sit at 北京市总工会, the civil-affairs officer at
// 北京市民政局, whose "own" unit and user are 东城区民政局's; organisations are registered at
// 东城区民政局 (own) and 陕西省民政厅 (foreign).

#include "api/authz_matrix.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "api/api_fixture.hpp"
#include "core/date.hpp"
#include "core/uscc.hpp"
#include "domain/account/worker_repo.hpp"
#include "domain/selection/booklet_runner.hpp"

namespace lianyin::test {
namespace {

class AuthzMatrixTest : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    if (IsSkipped()) return;
    platform_ = Login("admin", kPassword);
    // Every role logs in several times from 127.0.0.1 here.
    Expect(Call(platform_, "PATCH", "/api/v1/settings", R"({"login_rate_per_minute":1000})"), 200);
    const std::int64_t root = units_->RootUnit().value().id;
    ids_["union_unit"] = MakeUnit("北京市总工会", "110000", root, "union");
    ids_["own_unit"] = MakeUnit("东城区总工会", "110101", ids_["union_unit"], "union");
    ids_["foreign_unit"] = MakeUnit("陕西省总工会", "610000", root, "union");
    const std::int64_t bj_civil = MakeUnit("北京市民政局", "110000", root, "civil_affairs");
    ids_["own_civil"] = MakeUnit("东城区民政局", "110101", bj_civil, "civil_affairs");
    ids_["foreign_civil"] = MakeUnit("陕西省民政厅", "610000", root, "civil_affairs");
    ids_["own_org"] = MakeOrg("110101", ids_["own_civil"]);
    ids_["foreign_org"] = MakeOrg("610000", ids_["foreign_civil"]);
    // Contracted before their providers are entered on a credit list below (the gate).
    ids_["own_project"] = MakeProject(ids_["union_unit"], ids_["own_org"], "110000", true);
    ids_["foreign_project"] =
        MakeProject(ids_["foreign_unit"], ids_["foreign_org"], "610000", true);
    for (const char* side : {"own", "foreign"}) {
      const std::string project = std::string(side) + "_project";
      ids_[std::string(side) + "_milestone"] = MakePart(project, "milestone");
      ids_[std::string(side) + "_payment"] = MakePart(project, "payment");
      ids_[std::string(side) + "_document"] = MakePart(project, "document");
    }
    SetUpMatching();
    SetUpVenues();
    ids_["own_worker"] = MakeWorker(true);
    ids_["foreign_worker"] = MakeWorker(false);
    ids_["own_entry"] = MakeEntry(ids_["own_org"]);
    ids_["foreign_entry"] = MakeEntry(ids_["foreign_org"]);
    ids_["own_user"] = MakeUser("dc.officer", ids_["own_unit"], "union_officer");
    ids_["foreign_user"] = MakeUser("sx.officer", ids_["foreign_unit"], "union_officer");
    civil_ids_["own_unit"] = ids_["own_civil"];
    civil_ids_["own_user"] = MakeUser("dc.civil", ids_["own_civil"], "civil_affairs_officer");
    // Sessions are ended as objects of their users' scope; these users keep their password
    // (the rows reset own_user's).
    session_users_["own"] = MakeUser("dc.session", ids_["own_unit"], "union_officer");
    session_users_["foreign"] = MakeUser("sx.session", ids_["foreign_unit"], "union_officer");
    session_users_["civil"] = MakeUser("dc.civil.session", ids_["own_civil"], "expert");
    usernames_[session_users_["own"]] = "dc.session";
    usernames_[session_users_["foreign"]] = "sx.session";
    usernames_[session_users_["civil"]] = "dc.civil.session";
    {
      store::Session session = db().Acquire();
      worker_ = domain::account::WorkerRepo(session).Insert(ids_["union_unit"], "张三",
                                                            "2026-01-01T00:00:00+08:00");
      ids_["worker"] = worker_;
      ids_["foreign_worker"] = domain::account::WorkerRepo(session).Insert(
          ids_["foreign_unit"], "李四", "2026-01-01T00:00:00+08:00");
    }
    SetUpEvents();
    for (const std::string& role : kMatrixRoles) {
      if (role == "platform" || role == "anon") continue;
      const std::int64_t unit = role == "civil_affairs_officer" ? bj_civil : ids_["union_unit"];
      const std::int64_t user = MakeUser("bj." + role, unit, role);
      if (role == "expert") ids_["bj_expert"] = user;
      self_ids_[role] = user;
      sessions_[role] = Login("bj." + role, kPassword);
    }
    sessions_["platform"] = platform_;
    ids_["worker_demand"] = MakeWorkerDemand();
    SetUpSelection();
    SetUpAnnual();
    SetUpEvaluations();
    SetUpInspections(bj_civil);
    SetUpTeams();
    SetUpMechanism(bj_civil);
  }

  // Teams (issue #13) led by own_org of 北京市总工会 (by its union officer) and of 北京市民政局
  // (the civil-affairs officer's own), and one of 陕西省总工会 led by foreign_org; each with a
  // 2022 plan and a help project.
  void SetUpTeams() {
    const auto make = [&](const Session& by, std::int64_t lead) {
      auto r = Call(by, "POST", "/api/v1/teams",
                    fmt::format(R"({{"name":"合力团","domain":"industry","lead_org_id":{},)"
                                R"("member_org_ids":[],"county_codes":["110101"]}})",
                                lead));
      Expect(r, 201);
      const std::int64_t team = Json(r).at("id").as_int64();
      const std::string base = "/api/v1/teams/" + std::to_string(team);
      Expect(Call(by, "POST", base + "/plans",
                  R"({"year":2022,"projects_planned":1,"funds_planned_fen":1})"),
             201);
      r = Call(by, "POST", base + "/help-projects",
               R"({"title":"帮扶","county_code":"110101","funds_fen":1,"beneficiaries":1,)"
               R"("started_on":"2022-03-01"})");
      Expect(r, 201);
      return std::make_pair(team, Json(r).at("id").as_int64());
    };
    std::tie(ids_["own_team"], ids_["own_help"]) =
        make(sessions_.at("union_officer"), ids_["own_org"]);
    std::tie(civil_ids_["own_team"], civil_ids_["own_help"]) =
        make(sessions_.at("civil_affairs_officer"), ids_["own_org"]);
    std::tie(ids_["foreign_team"], ids_["foreign_help"]) =
        make(foreign_organiser_, ids_["foreign_org"]);
  }

  // Work-mechanism meetings, their supervised tasks (owned by own_org / foreign_org) and
  // templates: of 北京市总工会 (own), of 北京市民政局 (the civil-affairs officer's own) and of
  // 陕西省总工会 (foreign), all made by the platform.
  void SetUpMechanism(std::int64_t bj_civil) {
    ids_["mech_unit"] = ids_["union_unit"];
    civil_ids_["mech_unit"] = bj_civil;
    ids_["own_meeting"] = MakeMeeting(ids_["union_unit"]);
    civil_ids_["own_meeting"] = MakeMeeting(bj_civil);
    ids_["foreign_meeting"] = MakeMeeting(ids_["foreign_unit"]);
    ids_["own_task"] = MakeDecision(ids_["own_meeting"], ids_["own_org"]);
    civil_ids_["own_task"] = MakeDecision(civil_ids_["own_meeting"], ids_["own_org"]);
    ids_["foreign_task"] = MakeDecision(ids_["foreign_meeting"], ids_["foreign_org"]);
    ids_["own_mtemplate"] = MakeMechanismTemplate(ids_["union_unit"]);
    civil_ids_["own_mtemplate"] = MakeMechanismTemplate(bj_civil);
    ids_["foreign_mtemplate"] = MakeMechanismTemplate(ids_["foreign_unit"]);
  }
  std::int64_t MakeMeeting(std::int64_t unit) {
    auto r = Call(platform_, "POST", "/api/v1/meetings",
                  fmt::format(R"({{"title":"定期会商","kind":"consultation","unit_id":{},)"
                              R"("starts_at":"2026-03-10T09:00:00+08:00","attendees":[]}})",
                              unit));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  std::int64_t MakeDecision(std::int64_t meeting, std::int64_t owner_org) {
    auto r = Call(platform_, "POST", "/api/v1/meetings/" + std::to_string(meeting) + "/decisions",
                  fmt::format(R"({{"text":"报送台账","owner_org_id":{},"deadline":"2026-12-31"}})",
                              owner_org));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  std::int64_t MakeMechanismTemplate(std::int64_t unit) {
    auto r =
        Call(platform_, "POST", "/api/v1/mechanism-templates",
             fmt::format(R"({{"name":"季度调度","kind":"meeting","recurrence":"quarterly",)"
                         R"("unit_id":{},"starts_on":"2026-01-01","lead_days":10,)"
                         R"("meeting":{{"kind":"dispatch","title_pattern":"{{period}}调度会"}}}})",
                         unit));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // Inspection plans (issue #12) of 北京市民政局 (own, by the civil-affairs officer there, its
  // inspector at 东城区民政局) and of 陕西省民政厅 (foreign); a drawn plan of the platform whose
  // only inspector is the matrix's inspector at 北京市总工会, and a drawn foreign one.
  void SetUpInspections(std::int64_t bj_civil) {
    self_ids_["platform"] =
        Json(Call(platform_, "GET", "/api/v1/auth/me")).at("user").at("id").as_int64();
    ids_["insp_unit"] = ids_["union_unit"];
    civil_ids_["insp_unit"] = bj_civil;
    MakeUser("dc.inspector", ids_["own_civil"], "inspector");
    MakeUser("sx.civil", ids_["foreign_civil"], "civil_affairs_officer");
    MakeUser("sx.inspector", ids_["foreign_civil"], "inspector");
    planners_["own"] = sessions_.at("civil_affairs_officer");
    planners_["foreign"] = Login("sx.civil", kPassword);
    teams_["own"] = Login("dc.inspector", kPassword);
    teams_["foreign"] = Login("sx.inspector", kPassword);
    ids_["own_plan"] = MakePlan("own", bj_civil);
    ids_["foreign_plan"] = MakePlan("foreign", ids_["foreign_civil"]);
    const std::int64_t assigned = MakePlan("platform", ids_["union_unit"]);
    assigned_result_ = std::to_string(assigned) + "/results/" + Drawn(assigned);
    const std::int64_t foreign = MakePlan("foreign", ids_["foreign_civil"]);
    foreign_result_ = std::to_string(foreign) + "/results/" + Drawn(foreign);
  }

  // A plan of one organisation and one inspector made by the side's planner (or the platform).
  std::int64_t MakePlan(const std::string& side, std::int64_t inspector_unit) {
    auto r = Call(side == "platform" ? platform_ : planners_.at(side), "POST",
                  "/api/v1/inspections/plans",
                  fmt::format(R"({{"name":"抽查","sample_size":1,"inspectors_per_team":1,)"
                              R"("inspector_unit_id":{}}})",
                              inspector_unit));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }
  // Draws plan `id` as the platform: the USCC drawn.
  std::string Drawn(std::int64_t id) {
    auto r =
        Call(platform_, "POST", "/api/v1/inspections/plans/" + std::to_string(id) + "/draw", "{}");
    Expect(r, 200);
    return r.status == 200 ? std::string(Json(r).at("selections").at(0).at("uscc").as_string())
                           : std::string();
  }
  // A drawn plan of the side whose one result its inspector has recorded.
  std::int64_t RecordedPlan(const std::string& side) {
    const std::int64_t id =
        MakePlan(side, side == "own" ? civil_ids_.at("insp_unit") : ids_.at("foreign_civil"));
    const std::string uscc = Drawn(id);
    Expect(Call(teams_.at(side), "PUT",
                "/api/v1/inspections/" + std::to_string(id) + "/results/" + uscc,
                R"({"result":"no_issue"})"),
           200);
    return id;
  }

  static void Expect(const HttpResult& r, int status) { EXPECT_EQ(r.status, status) << r.body; }

  std::int64_t MakeUnit(const std::string& name, const std::string& region, std::int64_t parent,
                        const std::string& kind) {
    auto r =
        Call(platform_, "POST", "/api/v1/units",
             boost::json::serialize(boost::json::object{
                 {"name", name}, {"kind", kind}, {"region_code", region}, {"parent_id", parent}}));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // A valid USCC of a social-service organisation in `region`, new on every call.
  std::string NewUscc(const std::string& region) {
    const std::string first17 = fmt::format("52{}MJ{:07d}", region, ++serial_);
    return first17 + core::UsccCheckCharacter(first17).value_or('0');
  }

  std::int64_t MakeOrg(const std::string& region, std::int64_t unit,
                       const std::string& status = "registered") {
    const std::string uscc = NewUscc(region);
    boost::json::object body{{"name", "测试服务中心" + std::to_string(serial_)},
                             {"uscc", uscc},
                             {"org_type", "social_service"},
                             {"region_code", region},
                             {"registration_unit_id", unit},
                             {"legal_rep", "王伟"},
                             {"phone", "13912345678"},
                             {"founded_on", "2015-06-01"},
                             {"business_scope", "职工服务"},
                             {"service_categories", {"skills"}},
                             {"labour_field", true},
                             {"status", status}};
    auto r = Call(platform_, "POST", "/api/v1/orgs", boost::json::serialize(body));
    Expect(r, 201);
    if (r.status != 201) return 0;
    usccs_[Json(r).at("id").as_int64()] = uscc;
    return Json(r).at("id").as_int64();
  }

  // An active abnormal-list entry of `org`, entered by the platform administrator.
  std::int64_t MakeEntry(std::int64_t org) {
    auto r = Call(
        platform_, "POST", "/api/v1/orgs/" + std::to_string(org) + "/credit-entries",
        R"({"list":"abnormal","reason":"未按规定报送年度工作报告","entered_on":"2024-01-15"})");
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // An open objection to a fresh entry of a fresh organisation of `unit`.
  std::int64_t MakeObjection(const std::string& region, std::int64_t unit) {
    const std::int64_t entry = MakeEntry(MakeOrg(region, unit));
    auto r =
        Call(platform_, "POST", "/api/v1/credit-entries/" + std::to_string(entry) + "/objections",
             R"({"text":"我会已按时报送"})");
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // Annual reports (issue #12): own_org's and foreign_org's for 2015, their founding year (later
  // years are left for the org member's fresh reports of its own organisation).
  void SetUpAnnual() {
    ids_["own_report"] = MakeReport(ids_["own_org"], 2015, false);
    ids_["foreign_report"] = MakeReport(ids_["foreign_org"], 2015, false);
  }
  // A submitted (or, `returned`, a returned) report of `org` for `year`, by the platform.
  std::int64_t MakeReport(std::int64_t org, int year, bool returned) {
    auto r = Call(platform_, "POST", "/api/v1/orgs/" + std::to_string(org) + "/annual-reports",
                  fmt::format(R"({{"year":{},"income_fen":100,"expense_fen":80,)"
                              R"("net_assets_fen":50,"gov_purchase_income_fen":0,)"
                              R"("activities":"开展职工服务"}})",
                              year));
    Expect(r, 201);
    if (r.status != 201) return 0;
    const std::int64_t id = Json(r).at("id").as_int64();
    if (returned) {
      Expect(Call(platform_, "POST", "/api/v1/annual-reports/" + std::to_string(id) + "/return",
                  R"({"comment":"请补充"})"),
             200);
    }
    return id;
  }
  // Annual-report placeholders: fresh reports are of fresh organisations, except the org
  // member's own, which are of its organisation for a year not used before.
  std::optional<std::string> ResolveAnnual(const std::string& name, const std::string& role) {
    const bool member = role == "org_member";
    const auto own_org = [&] {
      return member ? ids_["own_org"] : MakeOrg("110101", ids_["own_civil"]);
    };
    const auto year = [&] { return member ? ++report_year_ : 2024; };
    if (name == "report_org") return std::to_string(member ? ids_["own_org"] : own_org());
    if (name == "report_year") return std::to_string(year());
    if (name == "fresh_report") return std::to_string(MakeReport(own_org(), year(), false));
    if (name == "own_returned_report") {
      return std::to_string(MakeReport(own_org(), year(), true));
    }
    const auto foreign_org = [&] { return MakeOrg("610000", ids_["foreign_civil"]); };
    if (name == "foreign_fresh_report")
      return std::to_string(MakeReport(foreign_org(), 2024, false));
    if (name == "foreign_returned_report") {
      return std::to_string(MakeReport(foreign_org(), 2024, true));
    }
    return std::nullopt;
  }

  // `entry` with no objection awaiting an answer (an open one is rejected first).
  std::int64_t Unopposed(std::int64_t entry) {
    auto r = Call(platform_, "GET", "/api/v1/credit-entries/" + std::to_string(entry));
    Expect(r, 200);
    if (r.status != 200) return entry;
    const boost::json::object detail = Json(r);
    for (const auto& o : detail.at("objections").as_array()) {
      if (o.at("status").as_string() != "open") continue;
      Expect(Call(platform_, "POST",
                  "/api/v1/credit-objections/" + std::to_string(o.at("id").as_int64()) + "/answer",
                  R"({"decision":"reject","reply":"经核实未报送"})"),
             200);
    }
    return entry;
  }

  // A project of `unit` provided by `org`, contracted (taking outputs) when `contract`.
  std::int64_t MakeProject(std::int64_t unit, std::int64_t org, const std::string& region,
                           bool contract) {
    auto r = Call(platform_, "POST", "/api/v1/projects",
                  boost::json::serialize(boost::json::object{{"title", "职工服务项目"},
                                                             {"category", "health"},
                                                             {"funding_unit_id", unit},
                                                             {"mode", "purchase"},
                                                             {"provider_org_ids", {org}},
                                                             {"budget_fen", 100'000'000},
                                                             {"region_code", region},
                                                             {"start_on", "2024-03-01"},
                                                             {"end_on", "2024-12-31"}}));
    Expect(r, 201);
    if (r.status != 201) return 0;
    const std::int64_t id = Json(r).at("id").as_int64();
    if (contract) {
      const std::string to = "/api/v1/projects/" + std::to_string(id) + "/transitions";
      Expect(Call(platform_, "POST", to, R"({"to":"published"})"), 200);
      Expect(Call(platform_, "POST", to,
                  R"({"to":"contracted","contract_fen":100000000,"contracted_on":"2024-03-01"})"),
             200);
    }
    return id;
  }

  // A new milestone, payment, document or output of the project `project` names.
  std::int64_t MakePart(const std::string& project, const std::string& part) {
    const std::string base = "/api/v1/projects/" + std::to_string(ids_.at(project));
    HttpResult r;
    if (part == "milestone") {
      r = Call(platform_, "POST", base + "/milestones",
               R"({"title":"中期评估","due_on":"2024-06-30"})");
    } else if (part == "payment") {
      r = Call(platform_, "POST", base + "/payments", R"({"due_on":"2024-06-30","amount_fen":1})");
    } else if (part == "output") {
      r = Call(platform_, "POST", base + "/outputs", R"({"on":"2024-04-01","person_times":5})");
    } else {
      r = Send(port_, "POST", base + "/documents?kind=contract&file_name=a.pdf",
               {{"Cookie", platform_.cookie},
                {"X-CSRF-Token", platform_.csrf},
                {"Content-Type", "application/pdf"}},
               "%PDF-1.4 contract");
    }
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // Selection rounds organised by 北京市总工会 (own) and 陕西省总工会 (foreign) in each state the
  // rows need, with projects funded by the units below (东城区总工会; 西安市总工会) and
  // nominated by the platform, so that the experts at 北京市总工会 / 陕西省总工会 have no conflict.
  void SetUpSelection() {
    ids_["sx_expert"] = MakeUser("sx.expert", ids_["foreign_unit"], "expert");
    // Foreign projects are funded below 陕西省总工会, where the foreign expert sits.
    ids_["foreign_child_unit"] = MakeUnit("西安市总工会", "610000", ids_["foreign_unit"], "union");
    // Providers on no credit list (own_org and foreign_org are listed above: no contracts).
    ids_["provider_org"] = MakeOrg("110101", ids_["own_civil"]);
    ids_["foreign_provider_org"] = MakeOrg("610000", ids_["foreign_civil"]);
    MakeUser("sx.organiser", ids_["foreign_unit"], "union_officer");
    foreign_organiser_ = Login("sx.organiser", kPassword);
    foreign_expert_ = Login("sx.expert", kPassword);
    for (const bool own : {true, false}) {
      const std::string side = own ? "own" : "foreign";
      ids_[side + "_nominating_round"] = MakeRound(own, "nominating");
      ids_[side + "_scoring_round"] = MakeRound(own, "scoring");
      ids_[side + "_scoring_nomination"] = last_nomination_;
      ids_[side + "_published_round"] = MakeRound(own, "published");
    }
    domain::selection::BookletRunner runner(
        services_->selection,
        std::filesystem::temp_directory_path() / ("lianyin-matrix-" + std::string(GetParam())));
    for (const char* round : {"own_published_round", "foreign_published_round"}) {
      Expect(Call(platform_, "POST",
                  "/api/v1/selection-rounds/" + std::to_string(ids_[round]) + "/booklet", "{}"),
             202);
      EXPECT_TRUE(runner.RunOne());
    }
  }

  // Grade evaluations: templates of 北京市民政局 (the matrix's civil-affairs officer) and of
  // 陕西省民政厅 (changed by the rows), a platform template the evaluations use, and evaluations
  // (by the platform) of organisations of 东城区民政局 (own) and 陕西省民政厅 with the matrix's
  // expert or 陕西省总工会's assigned.
  void SetUpEvaluations() {
    MakeUser("sx.evaluator", ids_["foreign_civil"], "civil_affairs_officer");
    const Session foreign_evaluator = Login("sx.evaluator", kPassword);
    ids_["own_template"] = MakeTemplate(sessions_.at("civil_affairs_officer"));
    ids_["foreign_template"] = MakeTemplate(foreign_evaluator);
    ids_["eval_template"] = MakeTemplate(platform_);
    ids_["eval_expert"] = MakeUser("dc.evaluator", ids_["own_civil"], "expert");
    ids_["own_evaluation"] = MakeEvaluation(true, false);
    ids_["foreign_evaluation"] = MakeEvaluation(false, false);
  }

  std::int64_t MakeTemplate(const Session& as) {
    auto r = Call(as, "POST", "/api/v1/evaluation-templates",
                  R"({"name":"单项百分制","max_score":100,)"
                  R"("thresholds":{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50},)"
                  R"("indicators":[{"code":"1.1","name":"综合评价","max_score":100}]})");
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // An evaluation of a new organisation, scored by its expert when `scored`.
  std::int64_t MakeEvaluation(bool own, bool scored) {
    const std::int64_t org =
        own ? MakeOrg("110101", ids_["own_civil"]) : MakeOrg("610000", ids_["foreign_civil"]);
    const std::int64_t expert = ids_.at(own ? "bj_expert" : "sx_expert");
    auto r = Call(
        platform_, "POST", "/api/v1/evaluations",
        boost::json::serialize(boost::json::object{
            {"org_id", org}, {"template_id", ids_["eval_template"]}, {"expert_ids", {expert}}}));
    Expect(r, 201);
    if (r.status != 201) return 0;
    const std::int64_t id = Json(r).at("id").as_int64();
    if (scored) {
      Expect(Call(own ? sessions_.at("expert") : foreign_expert_, "PUT",
                  "/api/v1/evaluations/" + std::to_string(id) + "/scores/" + std::to_string(expert),
                  R"({"scores":{"1.1":80}})"),
             200);
    }
    return id;
  }

  // Demands, resources, runs and matches (issue #10) of 北京市总工会 (own) and 陕西省总工会, on
  // resources of own_org and foreign_org. Made before those are entered on a credit list (runs
  // leave listed organisations out): pools of proposals and of runs that the fresh_… placeholders
  // take from, one per use.
  static constexpr int kMatchPool = 110;  // proposals per side: 8 rows × 12 roles, and some
  static constexpr int kRunPool = 30;     // runs with one proposal per side: 2 rows × 12 roles

  void SetUpMatching() {
    for (const bool own : {true, false}) {
      const std::string side = own ? "own" : "foreign";
      const std::int64_t unit = ids_[own ? "union_unit" : "foreign_unit"];
      MakeUser(own ? "bj.matcher" : "sx.matcher", unit, "union_officer");
      matchers_[side] = Login(own ? "bj.matcher" : "sx.matcher", kPassword);
      ids_[side + "_demand"] = MakeDemand(own);
      ids_[side + "_resource"] = MakeResource(own);
      const std::string resource = std::to_string(ids_[side + "_resource"]);
      std::string demands;
      for (int i = 0; i < kMatchPool + 1; ++i) {
        demands += (i ? "," : "") + std::to_string(MakeDemand(own));
      }
      const boost::json::object run = MakeRun(side, demands, resource);
      ids_[side + "_run"] = run.at("id").as_int64();
      for (const auto& a : run.at("assignments").as_array()) {
        proposals_[side].push_back(a.at("id").as_int64());
      }
      EXPECT_EQ(proposals_[side].size(), static_cast<std::size_t>(kMatchPool + 1));
      ids_[side + "_match"] = FreshMatch(side, "accepted");
      for (int i = 0; i < kRunPool; ++i) {
        runs_[side].push_back(
            MakeRun(side, std::to_string(MakeDemand(own)), resource).at("id").as_int64());
      }
    }
  }

  // An open demand of 北京市总工会 (own) or 陕西省总工会 for one person, made by the platform.
  // Venues of 北京市总工会 and 陕西省总工会 with a booking and a photo each, by own_org and
  // foreign_org.
  void SetUpVenues() {
    for (const bool own : {true, false}) {
      const std::string side = own ? "own" : "foreign";
      ids_[side + "_venue"] = MakeVenue(own);
      ids_[side + "_booking"] = MakeBooking(own, ids_[side + "_venue"]);
      ids_[side + "_photo"] = MakePhoto(ids_[side + "_venue"]);
    }
  }

  // A PNG photo of `venue`, uploaded by the platform.
  std::int64_t MakePhoto(std::int64_t venue) {
    auto r =
        Send(port_, "POST", "/api/v1/venues/" + std::to_string(venue) + "/photos?file_name=a.png",
             {{"Cookie", platform_.cookie},
              {"X-CSRF-Token", platform_.csrf},
              {"Content-Type", "image/png"}},
             std::string("\x89PNG\r\n\x1A\nIHDR", 12));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // A worker of 北京市总工会 (own) or 陕西省总工会 with a new phone, registered by the platform.
  std::int64_t MakeWorker(bool own) {
    auto r = Call(platform_, "POST", "/api/v1/workers",
                  fmt::format(R"({{"name":"李四","phone":"1380{:07d}","region_code":"{}",)"
                              R"("unit_id":{}}})",
                              ++serial_, own ? "110000" : "610000",
                              ids_[own ? "union_unit" : "foreign_unit"]));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // "{venue}/photos/{photo}" of a new venue with one photo.
  std::string FreshVenuePhoto(bool own) {
    const std::int64_t venue = MakeVenue(own);
    return std::to_string(venue) + "/photos/" + std::to_string(MakePhoto(venue));
  }

  std::int64_t MakeVenue(bool own) {
    auto r =
        Call(platform_, "POST", "/api/v1/venues",
             fmt::format(R"({{"name":"职工之家","unit_id":{},"region_code":"{}",)"
                         R"("address":"人民路 1 号","capacity":100}})",
                         ids_[own ? "union_unit" : "foreign_unit"], own ? "110000" : "610000"));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // A pending booking of `venue` (0: a new one) by own_org or foreign_org.
  std::int64_t MakeBooking(bool own, std::int64_t venue = 0) {
    if (!venue) venue = MakeVenue(own);
    auto r = Call(platform_, "POST", "/api/v1/venues/" + std::to_string(venue) + "/bookings",
                  fmt::format(R"({{"org_id":{},"start":"2030-06-03T09:00:00+08:00",)"
                              R"("end":"2030-06-03T10:00:00+08:00","purpose":"职工技能培训"}})",
                              ids_[own ? "own_org" : "foreign_org"]));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("items").at(0).at("id").as_int64() : 0;
  }

  // Events (issue #11) of own_org at a venue of 北京市总工会 (own) and of foreign_org at one of
  // 陕西省总工会, each at its approved booking. Every event starts 25 minutes after it is made:
  // its sign-ups are open, and so is its check-in window (from 30 minutes before the start).
  void SetUpEvents() {
    for (const bool own : {true, false}) {
      const std::string side = own ? "own" : "foreign";
      ids_[side + "_event"] = MakeEvent(own, true);
      ids_[side + "_event_booking"] = last_booking_;
      if (own) {
        event_start_ = last_start_;
        event_end_ = last_end_;
      }
    }
  }

  // An event of own_org or foreign_org at a new approved booking (last_booking_) of a new venue,
  // [now + 25 min, now + 3 h) (last_start_, last_end_), published when `publish`; with
  // `signed_up`, the side's worker (worker or foreign_worker) signed up.
  std::int64_t MakeEvent(bool own, bool publish, bool signed_up = false) {
    const std::int64_t now = core::Now().unix_seconds;
    const std::string org = std::to_string(ids_[own ? "own_org" : "foreign_org"]);
    auto r = Call(
        platform_, "POST", "/api/v1/venues/" + std::to_string(MakeVenue(own)) + "/bookings",
        fmt::format(R"({{"org_id":{},"start":"{}","end":"{}","purpose":"职工讲座"}})", org,
                    core::FormatDateTime({now + 600}), core::FormatDateTime({now + 4 * 3600})));
    Expect(r, 201);
    if (r.status != 201) return 0;
    last_booking_ = Json(r).at("items").at(0).at("id").as_int64();
    Expect(Call(platform_, "POST", "/api/v1/bookings/" + std::to_string(last_booking_) + "/review",
                R"({"action":"approve"})"),
           200);
    last_start_ = core::FormatDateTime({now + 25 * 60});
    last_end_ = core::FormatDateTime({now + 3 * 3600});
    r = Call(platform_, "POST", "/api/v1/events",
             fmt::format(R"({{"org_id":{},"title":"职工健康讲座","category":"health",)"
                         R"("start":"{}","end":"{}","capacity":100,"booking_id":{}}})",
                         org, last_start_, last_end_, last_booking_));
    Expect(r, 201);
    if (r.status != 201) return 0;
    const std::string id = std::to_string(Json(r).at("id").as_int64());
    if (publish) {
      Expect(
          Call(platform_, "POST", "/api/v1/events/" + id + "/transitions", R"({"to":"published"})"),
          200);
    }
    if (signed_up) {
      const std::string worker = std::to_string(ids_[own ? "worker" : "foreign_worker"]);
      Expect(Call(platform_, "POST", "/api/v1/events/" + id + "/signups",
                  "{\"worker_id\":" + worker + "}"),
             201);
    }
    return std::stoll(id);
  }

  std::int64_t MakeDemand(bool own) {
    auto r =
        Call(platform_, "POST", "/api/v1/demands",
             fmt::format(R"({{"title":"职工健康体检","category":"health","region_code":"{}",)"
                         R"("headcount":1,"window_start":"2024-06-01",)"
                         R"("window_end":"2024-06-30","unit_id":{}}})",
                         own ? "110000" : "610000", ids_[own ? "union_unit" : "foreign_unit"]));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // An open demand the worker posted from the phone pages (its worker record's unit, 北京市总工会):
  // the worker's own_demand and fresh_demand; the unit's demands are not its own.
  std::int64_t MakeWorkerDemand() {
    auto r = Call(sessions_.at("worker"), "POST", "/api/v1/demands",
                  R"({"title":"职工健康讲座","category":"health","region_code":"110000",)"
                  R"("headcount":1,"window_start":"2024-06-01","window_end":"2024-06-30"})");
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // An open resource of own_org or foreign_org, with room for everyone the pools need.
  std::int64_t MakeResource(bool own) {
    auto r = Call(platform_, "POST", "/api/v1/resources",
                  fmt::format(R"({{"org_id":{},"title":"职工健康体检服务","category":"health",)"
                              R"("region_codes":["{}"],"capacity":1000000,)"
                              R"("window_start":"2024-01-01","window_end":"2024-12-31",)"
                              R"("cost_per_person_fen":100}})",
                              ids_[own ? "own_org" : "foreign_org"], own ? "110000" : "610000"));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // A run of the side's union officer over `demands` (ids, comma-separated) and `resource`.
  boost::json::object MakeRun(const std::string& side, const std::string& demands,
                              const std::string& resource) {
    auto r = Call(matchers_.at(side), "POST", "/api/v1/matching/runs",
                  "{\"demand_ids\":[" + demands + "],\"resource_ids\":[" + resource + "]}");
    Expect(r, 201);
    return r.status == 201 ? Json(r) : boost::json::object{{"id", 0}, {"assignments", {}}};
  }

  // A proposal of the side's pool, moved by the platform to `status` (proposed, accepted,
  // in_service or done).
  std::int64_t FreshMatch(const std::string& side, const std::string& status) {
    auto& pool = proposals_[side];
    if (pool.empty()) {
      ADD_FAILURE() << "the " << side << " pool of proposals is used up: raise kMatchPool";
      return 0;
    }
    const std::int64_t id = pool.back();
    pool.pop_back();
    const std::string base = "/api/v1/matches/" + std::to_string(id);
    for (const auto& [step, reached] :
         {std::pair{"accept", "accepted"}, std::pair{"start", "in_service"},
          std::pair{"complete", "done"}}) {
      if (status == "proposed") break;
      Expect(Call(platform_, "POST", base + "/" + step), 200);
      if (status == reached) break;
    }
    return id;
  }

  std::int64_t FreshRun(const std::string& side) {
    auto& pool = runs_[side];
    if (pool.empty()) {
      ADD_FAILURE() << "the " << side << " pool of runs is used up: raise kRunPool";
      return 0;
    }
    const std::int64_t id = pool.back();
    pool.pop_back();
    return id;
  }

  // Rounds of one unit differ in year and batch: the n-th round made here gets these.
  static int RoundYear(int n) { return 2000 + n / 90; }
  static int RoundBatch(int n) { return n % 90 + 1; }

  // An accepted project funded by `unit`.
  std::int64_t AcceptedProject(std::int64_t unit, std::int64_t org, const std::string& region) {
    const std::int64_t id = MakeProject(unit, org, region, true);
    const std::string to = "/api/v1/projects/" + std::to_string(id) + "/transitions";
    Expect(Call(platform_, "POST", to, R"({"to":"in_progress"})"), 200);
    Expect(Call(platform_, "POST", to, R"({"to":"accepted"})"), 200);
    return id;
  }

  // A round organised by 北京市总工会 (own) or 陕西省总工会, moved up to `status`: nominating,
  // scoring (with one nomination and its expert: last_nomination_) or published.
  std::int64_t MakeRound(bool own, const std::string& status) {
    const Session& organiser = own ? sessions_.at("union_officer") : foreign_organiser_;
    auto r = Call(
        organiser, "POST", "/api/v1/selection-rounds",
        boost::json::serialize(boost::json::object{
            {"title", "优秀项目评选"},
            {"year", RoundYear(++batch_)},
            {"batch", RoundBatch(batch_)},
            {"experts_per_project", 1},
            {"rubric",
             {boost::json::object{{"code", "effect"}, {"name", "服务成效"}, {"max_score", 100}}}},
            {"quotas", {boost::json::object{{"category", "health"}, {"quota", 5}}}}}));
    Expect(r, 201);
    if (r.status != 201) return 0;
    const std::int64_t id = Json(r).at("id").as_int64();
    const std::string base = "/api/v1/selection-rounds/" + std::to_string(id);
    const auto move = [&](const char* to) {
      Expect(Call(organiser, "POST", base + "/transitions", std::string("{\"to\":\"") + to + "\"}"),
             200);
    };
    if (status == "draft") return id;
    move("nominating");
    if (status == "nominating") return id;
    last_nomination_ = MakeNomination(id, own);
    move("scoring");
    const std::string nomination = base + "/nominations/" + std::to_string(last_nomination_);
    Expect(Call(organiser, "PUT", nomination + "/experts",
                "{\"expert_ids\":[" + std::to_string(ids_[own ? "bj_expert" : "sx_expert"]) + "]}"),
           200);
    if (status == "scoring") return id;
    Expect(Call(own ? sessions_.at("expert") : foreign_expert_, "PUT", nomination + "/scores",
                R"({"scores":{"effect":90}})"),
           200);
    move("published");
    return id;
  }

  // A nomination (by the platform) to `round` of a new accepted project of 东城区总工会 (own) or
  // 西安市总工会.
  std::int64_t MakeNomination(std::int64_t round, bool own) {
    const std::int64_t project =
        own ? AcceptedProject(ids_["own_unit"], ids_["provider_org"], "110101")
            : AcceptedProject(ids_["foreign_child_unit"], ids_["foreign_provider_org"], "610000");
    auto r = Call(platform_, "POST",
                  "/api/v1/selection-rounds/" + std::to_string(round) + "/nominations",
                  "{\"project_id\":" + std::to_string(project) + ",\"story\":\"服务职工\"}");
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  std::int64_t LinkedOrg(std::int64_t unit) {
    const std::int64_t org = MakeOrg("110101", ids_["own_civil"]);
    Expect(Call(platform_, "POST", "/api/v1/units/" + std::to_string(unit) + "/org-links",
                "{\"org_id\":" + std::to_string(org) + "}"),
           201);
    return org;
  }

  std::int64_t MakeUser(const std::string& username, std::int64_t unit, const std::string& role) {
    boost::json::object body{{"username", username},
                             {"password", kPassword},
                             {"display_name", "王伟"},
                             {"unit_id", unit},
                             {"roles", {role}}};
    if (role == "worker") body["worker_id"] = worker_;
    if (role == "org_member") body["org_id"] = ids_["own_org"];
    auto r = Call(platform_, "POST", "/api/v1/users", boost::json::serialize(body));
    Expect(r, 201);
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  // The session id of a fresh login of the user `user_id`.
  std::int64_t FreshSessionOf(std::int64_t user_id) {
    const Session s = Login(usernames_.at(user_id), kPassword);
    const boost::json::object sessions =
        Json(Call(platform_, "GET", "/api/v1/sessions?user_id=" + std::to_string(user_id)));
    std::int64_t newest = 0;
    for (const auto& item : sessions.at("items").as_array()) {
      newest = std::max(newest, item.at("id").as_int64());
    }
    (void)s;
    return newest;
  }

  // The value of one placeholder for `role` (fresh objects are made on each use).
  std::string Resolve(const std::string& name, const std::string& role) {
    if (role == "civil_affairs_officer" && civil_ids_.contains(name)) {
      return std::to_string(civil_ids_.at(name));
    }
    if (auto annual = ResolveAnnual(name, role)) return *annual;
    if (name == "n") return std::to_string(++serial_);
    if (name == "team_year") return std::to_string(++team_year_);
    if (name == "uscc") return NewUscc("110101");
    if (name == "sx_uscc") return NewUscc("610000");
    if (name == "own_uscc") return usccs_.at(ids_.at("own_org"));
    if (name == "fresh_session") return "";
    if (name == "fresh_unit")
      return std::to_string(MakeUnit("新建街道工会" + std::to_string(++serial_), "110101",
                                     ids_["own_unit"], "union"));
    if (name == "fresh_org") return std::to_string(MakeOrg("110101", ids_["own_civil"]));
    if (name == "foreign_fresh_org") {
      return std::to_string(MakeOrg("610000", ids_["foreign_civil"]));
    }
    if (name == "fresh_application") {
      return std::to_string(MakeOrg("110101", ids_["own_civil"], "applying"));
    }
    if (name == "fresh_entry")
      return std::to_string(MakeEntry(MakeOrg("110101", ids_["own_civil"])));
    if (name == "foreign_fresh_entry") {
      return std::to_string(MakeEntry(MakeOrg("610000", ids_["foreign_civil"])));
    }
    if (name == "own_entry_unopposed") return std::to_string(Unopposed(ids_["own_entry"]));
    if (name == "foreign_entry_unopposed") return std::to_string(Unopposed(ids_["foreign_entry"]));
    if (name == "fresh_objection")
      return std::to_string(MakeObjection("110101", ids_["own_civil"]));
    if (name == "foreign_fresh_objection") {
      return std::to_string(MakeObjection("610000", ids_["foreign_civil"]));
    }
    if (name == "fresh_project") {
      return std::to_string(MakeProject(ids_["union_unit"], ids_["own_org"], "110000", false));
    }
    if (name == "foreign_fresh_project") {
      return std::to_string(
          MakeProject(ids_["foreign_unit"], ids_["foreign_org"], "610000", false));
    }
    // A round's year and batch, new on every round body ("year" comes first in it).
    if (name == "round_year") return std::to_string(RoundYear(++batch_));
    if (name == "round_batch") return std::to_string(RoundBatch(batch_));
    if (name == "fresh_round") return std::to_string(MakeRound(true, "draft"));
    if (name == "foreign_fresh_round") return std::to_string(MakeRound(false, "draft"));
    if (name == "fresh_published_round") return std::to_string(MakeRound(true, "published"));
    if (name == "foreign_fresh_published_round") {
      return std::to_string(MakeRound(false, "published"));
    }
    if (name == "fresh_accepted") {
      return std::to_string(AcceptedProject(ids_["own_unit"], ids_["provider_org"], "110101"));
    }
    if (name == "fresh_nomination") {
      return std::to_string(MakeNomination(ids_["own_nominating_round"], true));
    }
    if (name == "foreign_fresh_nomination") {
      return std::to_string(MakeNomination(ids_["foreign_nominating_round"], false));
    }
    if (name == "fresh_scored_evaluation") return std::to_string(MakeEvaluation(true, true));
    if (name == "foreign_fresh_scored_evaluation") {
      return std::to_string(MakeEvaluation(false, true));
    }
    if (name == "phone") return fmt::format("1390{:07d}", ++serial_);
    if (name == "fresh_worker") return std::to_string(MakeWorker(true));
    if (name == "foreign_fresh_worker") return std::to_string(MakeWorker(false));
    if (name == "fresh_venue") return std::to_string(MakeVenue(true));
    if (name == "foreign_fresh_venue") return std::to_string(MakeVenue(false));
    if (name == "fresh_venue_photo") return FreshVenuePhoto(true);
    if (name == "foreign_fresh_venue_photo") return FreshVenuePhoto(false);
    if (name == "fresh_booking") return std::to_string(MakeBooking(true));
    if (name == "foreign_fresh_booking") return std::to_string(MakeBooking(false));
    if (name == "event_start") return event_start_;
    if (name == "event_end") return event_end_;
    if (name == "fresh_event") return std::to_string(MakeEvent(true, true));
    if (name == "foreign_fresh_event") return std::to_string(MakeEvent(false, true));
    if (name == "fresh_draft_event") return std::to_string(MakeEvent(true, false));
    if (name == "foreign_fresh_draft_event") return std::to_string(MakeEvent(false, false));
    if (name == "fresh_signed_event") return std::to_string(MakeEvent(true, true, true));
    if (name == "foreign_fresh_signed_event") {
      return std::to_string(MakeEvent(false, true, true));
    }
    if (role == "worker" && name == "own_demand") return std::to_string(ids_.at("worker_demand"));
    if (role == "worker" && name == "fresh_demand") return std::to_string(MakeWorkerDemand());
    if (name == "fresh_demand") return std::to_string(MakeDemand(true));
    if (name == "foreign_fresh_demand") return std::to_string(MakeDemand(false));
    if (name == "fresh_resource") return std::to_string(MakeResource(true));
    if (name == "foreign_fresh_resource") return std::to_string(MakeResource(false));
    if (name == "fresh_run") return std::to_string(FreshRun("own"));
    if (name == "foreign_fresh_run") return std::to_string(FreshRun("foreign"));
    for (const char* status : {"proposed", "accepted", "in_service", "done"}) {
      const std::string match = std::string("fresh_") + status + "_match";
      if (name == match) return std::to_string(FreshMatch("own", status));
      if (name == "foreign_" + match) return std::to_string(FreshMatch("foreign", status));
    }
    for (const char* part : {"milestone", "payment", "document", "output"}) {
      if (name == std::string("fresh_") + part)
        return std::to_string(MakePart("own_project", part));
      if (name == std::string("foreign_fresh_") + part) {
        return std::to_string(MakePart("foreign_project", part));
      }
    }
    if (name == "self") {  // anon has no user of its own: the platform's stands in
      return std::to_string(self_ids_.at(self_ids_.contains(role) ? role : "platform"));
    }
    if (name == "assigned_result") return assigned_result_;
    if (name == "foreign_result") return foreign_result_;
    if (name == "fresh_plan") return std::to_string(MakePlan("own", civil_ids_.at("insp_unit")));
    if (name == "foreign_fresh_plan") {
      return std::to_string(MakePlan("foreign", ids_.at("foreign_civil")));
    }
    if (name == "fresh_recorded_plan") return std::to_string(RecordedPlan("own"));
    if (name == "foreign_fresh_recorded_plan") return std::to_string(RecordedPlan("foreign"));
    if (name == "org_linked_here") return std::to_string(LinkedOrg(ids_["union_unit"]));
    if (name == "org_linked_there") return std::to_string(LinkedOrg(ids_["foreign_unit"]));
    if (name == "own_session" || name == "foreign_session") {
      const bool own = name == "own_session";
      const std::string whose = !own                              ? "foreign"
                                : role == "civil_affairs_officer" ? "civil"
                                                                  : "own";
      return std::to_string(FreshSessionOf(session_users_.at(whose)));
    }
    return std::to_string(ids_.at(name));
  }

  std::string Fill(const std::string& text, const std::string& role) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t close = text.find('}', i);
      if (text[i] == '{' && close != std::string::npos && close > i + 1 &&
          text.find_first_of("{\":,", i + 1) > close) {
        out += Resolve(text.substr(i + 1, close - i - 1), role);
        i = close + 1;
      } else {
        out += text[i++];
      }
    }
    return out;
  }

  HttpResult Request(const std::string& role, const MatrixRow& row, const std::string& target,
                     const std::string& body) {
    const std::string method = row.route.substr(0, row.route.find(' '));
    std::vector<std::pair<std::string, std::string>> headers;
    if (role != "anon") {
      const Session s = row.own.find("{fresh_session}") != std::string::npos
                            ? Login(role == "platform" ? "admin" : "bj." + role, kPassword)
                            : sessions_.at(role);
      headers.emplace_back("Cookie", s.cookie);
      if (method != "GET") headers.emplace_back("X-CSRF-Token", s.csrf);
    }
    if (!body.empty()) headers.emplace_back("Content-Type", row.content_type);
    return Send(port_, method, target, headers, body);
  }

  Session platform_;
  Session foreign_organiser_;  // a union officer at 陕西省总工会 (organises the foreign rounds)
  Session foreign_expert_;
  int batch_ = 0;
  int report_year_ = 2015;  // the org member's last report year of own_org
  std::int64_t last_nomination_ = 0;
  std::map<std::string, std::int64_t> ids_;
  std::map<std::string, std::int64_t> civil_ids_;  // the civil-affairs officer's "own" objects
  std::map<std::string, std::int64_t> session_users_;
  std::map<std::int64_t, std::string> usernames_;
  std::map<std::int64_t, std::string> usccs_;
  std::map<std::string, Session> sessions_;
  std::map<std::string, Session> matchers_;       // union officers making the runs, by side
  std::map<std::string, std::int64_t> self_ids_;  // each role's own user
  std::map<std::string, Session> planners_;       // civil-affairs officers planning, by side
  std::map<std::string, Session> teams_;          // the sides' inspectors
  std::string assigned_result_, foreign_result_;  // "{plan}/results/{uscc}"
  std::map<std::string, std::vector<std::int64_t>> proposals_;  // pools, by side
  std::map<std::string, std::vector<std::int64_t>> runs_;
  std::int64_t worker_ = 0;
  std::string event_start_, event_end_;  // own_event's [start, end), inside its booking
  std::int64_t last_booking_ = 0;        // of the last event MakeEvent made
  std::string last_start_, last_end_;
  int serial_ = 100;
  int team_year_ = 2030;  // a new plan year on every plan body
};

// "role=200/404 ..." → role → {own, foreign}; later entries win.
std::map<std::string, std::pair<int, int>> Parse(const MatrixRow& row) {
  std::map<std::string, std::pair<int, int>> out;
  const int others = std::stoi(row.others);
  for (const std::string& role : kMatrixRoles) out[role] = {others, others};
  out["anon"] = {401, 401};
  std::istringstream in(row.expect);
  std::string entry;
  while (in >> entry) {
    const auto eq = entry.find('=');
    const auto slash = entry.find('/', eq);
    const int own = std::stoi(entry.substr(eq + 1, slash - eq - 1));
    const int foreign = slash == std::string::npos ? own : std::stoi(entry.substr(slash + 1));
    out[entry.substr(0, eq)] = {own, foreign};
  }
  return out;
}

TEST_P(AuthzMatrixTest, EveryRouteHasRowsAndEveryRoleGetsItsStatus) {
  std::set<std::string> routes;
  for (const http::Route& route : api_->router().routes()) {
    routes.insert(route.method + " " + route.pattern);
  }
  std::set<std::string> covered;
  for (const MatrixRow& row : MatrixRows()) {
    EXPECT_TRUE(routes.contains(row.route)) << "a row names no route: " << row.route;
    covered.insert(row.route);
  }
  for (const std::string& route : routes) {
    EXPECT_TRUE(covered.contains(route)) << "no authorisation matrix rows for " << route;
  }
  for (const MatrixRow& row : MatrixRows()) {
    for (const auto& [role, expected] : Parse(row)) {
      const std::string own = Fill(row.own, role);
      auto r = Request(role, row, own, Fill(row.body, role));
      EXPECT_EQ(r.status, expected.first)
          << row.route << " own (" << own << ") as " << role << ": " << r.body;
      if (row.foreign.empty()) continue;
      const std::string foreign = Fill(row.foreign, role);
      const std::string body = Fill(row.foreign_body.empty() ? row.body : row.foreign_body, role);
      r = Request(role, row, foreign, body);
      EXPECT_EQ(r.status, expected.second)
          << row.route << " foreign (" << foreign << ") as " << role << ": " << r.body;
    }
  }
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(AuthzMatrixTest);

}  // namespace
}  // namespace lianyin::test
