// The rows of the authorisation matrix (authz_matrix.hpp). Statuses follow from the default role
// permissions (domain/account/roles.cpp) and the data scope (SPEC §1): a missing permission →
// 403 before anything else; a record by id outside the scope → 404, except organisations, which
// everyone logged in reads, so changing a foreign one → 403; deployment-wide objects (roles,
// settings, the audit chain) change at the platform level only → 403 below it.

#include "api/authz_matrix.hpp"

namespace lianyin::test {
namespace {

// Roles holding a permission, as the rows name them.
// inspection:plan:list / :edit holders, and what they get on a plan of 北京市民政局 (own) and of
// 陕西省民政厅.
constexpr const char* kPlanners = "platform=200 admin=200 civil_affairs_officer=200";
constexpr const char* kPlanReaders = "platform=200/200 admin=404/404 civil_affairs_officer=200/404";
constexpr const char* kUnitReaders =
    "platform=200/200 admin=200/404 sys_admin=200/404 union_officer=200/404 "
    "civil_affairs_officer=200/404";
constexpr const char* kEveryone =
    "platform=200 admin=200 sys_admin=200 security_admin=200 audit_admin=200 union_officer=200 "
    "civil_affairs_officer=200 inspector=200 expert=200 org_member=200 worker=200";
constexpr const char* kOrgReaders =
    "platform=200 admin=200 union_officer=200 civil_affairs_officer=200 inspector=200 expert=200 "
    "org_member=200";

// credit:entry:list holders: the management list answers each its scope's entries.
constexpr const char* kCreditReaders =
    "platform=200 admin=200 union_officer=200 civil_affairs_officer=200 inspector=200 "
    "org_member=200";
// An entry (or an organisation's credit record) of own_org, registered at 东城区民政局, and of
// foreign_org: only the authority's subtree (the civil-affairs officer at 北京市民政局) and the
// org's members see it; the other readers sit at 北京市总工会.
constexpr const char* kCreditRecordReaders =
    "platform=200/200 admin=404/404 union_officer=404/404 civil_affairs_officer=200/404 "
    "inspector=404/404 org_member=200/404";

// team:team:list / :edit holders on a team of 北京市总工会 (own; the civil-affairs officer's own
// is 北京市民政局's) and of 陕西省总工会; the org member's organisation leads the own ones.
constexpr const char* kTeamListers =
    "platform=200 admin=200 union_officer=200 civil_affairs_officer=200 org_member=200";
constexpr const char* kTeamReaders =
    "platform=200/200 admin=200/404 union_officer=200/404 civil_affairs_officer=200/404 "
    "org_member=200/404";
constexpr const char* kTeamEditors =
    "platform=200/200 admin=200/404 union_officer=200/404 civil_affairs_officer=200/404";
constexpr const char* kTeamAdders =
    "platform=201/201 admin=201/404 union_officer=201/404 civil_affairs_officer=201/404";

// Annual reports and penalties (issue #12) of own_org (registered at 东城区民政局) and
// foreign_org: the registration authority's subtree and the org's members; the other readers
// (admin, inspector) sit at 北京市总工会, outside.
constexpr const char* kAnnualListers =
    "platform=200 admin=200 civil_affairs_officer=200 inspector=200 org_member=200";
constexpr const char* kAnnualReaders =
    "platform=200/200 admin=404/404 civil_affairs_officer=200/404 inspector=404/404 "
    "org_member=200/404";
constexpr const char* kAnnualFilers =
    "platform=200/200 admin=404/404 civil_affairs_officer=200/404 org_member=200/404";
constexpr const char* kAnnualReviewers =
    "platform=200/200 admin=404/404 civil_affairs_officer=200/404";

// project:project:list holders: a project of 北京市总工会 (provided by own_org) and one of
// 陕西省总工会 (provided by foreign_org): the funding unit's subtree and the providers' members.
constexpr const char* kProjectListers =
    "platform=200 admin=200 union_officer=200 inspector=200 org_member=200";
constexpr const char* kProjectReaders =
    "platform=200/200 admin=200/404 union_officer=200/404 inspector=200/404 org_member=200/404";
// project:project:edit / :transition holders (org members report but do not manage).
constexpr const char* kProjectEditors = "platform=200/200 admin=200/404 union_officer=200/404";
constexpr const char* kProjectAdders = "platform=201/201 admin=201/404 union_officer=201/404";
// project:output:create and project:document:create holders, org members among them.
constexpr const char* kProjectReporters =
    "platform=201/201 admin=201/404 union_officer=201/404 org_member=201/404";

// Selection rounds: read by every holder of project:selection:list; organised (changed) by the
// organiser's subtree (403 outside it).
constexpr const char* kRoundListers = "platform=200 admin=200 union_officer=200 expert=200";
constexpr const char* kRoundReaders =
    "platform=200/200 admin=200/200 union_officer=200/200 expert=200/200";
constexpr const char* kRoundOrganisers = "platform=200/200 admin=200/403 union_officer=200/403";

// Demands, runs and matches (issue #10) belong to 北京市总工会 (own) or 陕西省总工会; resources,
// read by every holder of match:resource:list, to own_org or foreign_org (registered at
// 东城区民政局 and 陕西省民政厅: outside the admin's subtree at 北京市总工会, so it may not change
// them, 403). Org members see the matches of their organisation's resources and serve them, but
// do not decide (403).
// A worker posts demands for its worker record's unit and reads and changes only those it posted
// (its own_demand); the unit's demands are foreign to it like any other.
constexpr const char* kDemandListers = "platform=200 admin=200 union_officer=200 worker=200";
constexpr const char* kDemandReaders = "platform=200/200 admin=200/404 union_officer=200/404";
constexpr const char* kDemandOwners =
    "platform=200/200 admin=200/404 union_officer=200/404 worker=200/404";
constexpr const char* kResourceReaders =
    "platform=200 admin=200 union_officer=200 civil_affairs_officer=200 inspector=200 expert=200 "
    "org_member=200 worker=200";
constexpr const char* kResourceEditors = "platform=200/200 admin=403/403 org_member=200/403";
constexpr const char* kRunListers = "platform=200 admin=200 union_officer=200 org_member=200";
constexpr const char* kMatchServers =
    "platform=200/200 admin=200/404 union_officer=200/404 org_member=200/404";
constexpr const char* kMatchDeciders =
    "platform=200/200 admin=200/404 union_officer=200/404 org_member=403/404";

// Venues (issue #11) belong to 北京市总工会 (own) or 陕西省总工会 and are read by every holder
// of venue:venue:list; changing a foreign one → 403. Bookings belong to the venue's unit and the
// booking organisation (own_org at own venues, foreign_org at foreign ones): anyone else → 404.
// An officer outside the venue's scope books nothing (403), an org member only for its own
// organisation (422 on org_id).
constexpr const char* kVenueReaders =
    "platform=200/200 admin=200/200 union_officer=200/200 civil_affairs_officer=200/200 "
    "inspector=200/200 expert=200/200 org_member=200/200 worker=200/200";
constexpr const char* kVenueEditors = "platform=200/200 admin=200/403 union_officer=200/403";
constexpr const char* kCalendarReaders =
    "platform=200/200 admin=200/200 union_officer=200/200 org_member=200/200";
constexpr const char* kBookingListers = "platform=200 admin=200 union_officer=200 org_member=200";
constexpr const char* kBookingReaders =
    "platform=200/200 admin=200/404 union_officer=200/404 org_member=200/404";
constexpr const char* kBookingReviewers = "platform=200/200 admin=200/404 union_officer=200/404";
// A venue's photos: read by every reader of venues, changed by the editors of the venue's unit.
const std::string kPngBody("\x89PNG\r\n\x1A\nIHDR", 12);

// Events (issue #11) of own_org at a venue of 北京市总工会 (own) and of foreign_org at one of
// 陕西省总工会, published unless fresh drafts. Every holder of event:event:list reads them;
// their owners (the venue's unit's subtree, the organisation's members) change them and read
// their lists (403 / 404 for others). Sign-ups and check-ins name the matrix's worker (own, a
// worker of 北京市总工会) or one of 陕西省总工会 (foreign): an officer cancels a sign-up when its
// scope holds the event or the worker; a worker only its own. A worker's own check-in needs the
// rotating token (422 without).
constexpr const char* kEventReaders =
    "platform=200/200 admin=200/200 union_officer=200/200 civil_affairs_officer=200/200 "
    "inspector=200/200 expert=200/200 org_member=200/200 worker=200/200";
constexpr const char* kEventEditors =
    "platform=200/200 admin=200/403 union_officer=200/403 org_member=200/403";
constexpr const char* kEventListReaders =
    "platform=200/200 admin=200/404 union_officer=200/404 org_member=200/404";
const std::string kEventBody =
    R"({"org_id":{own_org},"title":"职工健康讲座{n}","category":"health","start":"{event_start}",)"
    R"("end":"{event_end}","capacity":50,"booking_id":{own_event_booking}})";
const std::string kForeignEventBody =
    R"({"org_id":{foreign_org},"title":"职工健康讲座{n}","category":"health",)"
    R"("start":"{event_start}","end":"{event_end}","capacity":50,)"
    R"("booking_id":{foreign_event_booking}})";

// An event made of a match, at the side's event booking (own_org's or foreign_org's).
const std::string kMatchEventBody =
    R"({"start":"{event_start}","end":"{event_end}","booking_id":{own_event_booking}})";
const std::string kForeignMatchEventBody =
    R"({"start":"{event_start}","end":"{event_end}","booking_id":{foreign_event_booking}})";

std::string All(const std::string& status) {
  std::string out;
  for (const std::string& role : kMatrixRoles) out += role + "=" + status + " ";
  return out;
}

// A worker of the caller's unit, or (foreign) of 陕西省总工会.
const std::string kWorkerBody =
    R"({"name":"张三","phone":"{phone}","region_code":"110101","groups":["model_workers"]})";
const std::string kForeignWorkerBody =
    R"({"name":"张三","phone":"{phone}","region_code":"610000","unit_id":{foreign_unit}})";

const std::string kUserBody =
    R"({"username":"new.{n}","password":"Api-Test-Passw0rd","display_name":"王伟",)"
    R"("unit_id":{own_unit},"roles":["sys_admin"]})";
const std::string kForeignUserBody =
    R"({"username":"new.{n}","password":"Api-Test-Passw0rd","display_name":"王伟",)"
    R"("unit_id":{foreign_unit},"roles":["sys_admin"]})";
const std::string kProjectBody =
    R"({"title":"职工心理健康服务{n}","category":"health","funding_unit_id":{union_unit},)"
    R"("mode":"purchase","provider_org_ids":[{own_org}],"budget_fen":1000000,)"
    R"("region_code":"110000","start_on":"2024-03-01","end_on":"2024-12-31"})";
const std::string kForeignProjectBody =
    R"({"title":"职工心理健康服务{n}","category":"health","funding_unit_id":{foreign_unit},)"
    R"("mode":"purchase","provider_org_ids":[{foreign_org}],"budget_fen":1000000,)"
    R"("region_code":"610000","start_on":"2024-03-01","end_on":"2024-12-31"})";
const std::string kOutputBody = R"({"on":"2024-04-01","person_times":10,"events":1,"spent_fen":1})";
const std::string kRoundBody =
    R"({"title":"优秀项目评选","year":{round_year},"batch":{round_batch},"experts_per_project":1,)"
    R"("rubric":[{"code":"effect","name":"服务成效","max_score":100}],)"
    R"("quotas":[{"category":"health","quota":5}]})";
const std::string kDemandBody =
    R"({"title":"职工健康体检{n}","category":"health","region_code":"110000","headcount":5,)"
    R"("window_start":"2024-06-01","window_end":"2024-06-30","unit_id":{union_unit}})";
const std::string kForeignDemandBody =
    R"({"title":"职工健康体检{n}","category":"health","region_code":"610000","headcount":5,)"
    R"("window_start":"2024-06-01","window_end":"2024-06-30","unit_id":{foreign_unit}})";
const std::string kResourceBody =
    R"({"org_id":{own_org},"title":"职工健康体检服务{n}","category":"health",)"
    R"("region_codes":["110000"],"capacity":10,"window_start":"2024-06-01",)"
    R"("window_end":"2024-06-30","cost_per_person_fen":100})";
const std::string kForeignResourceBody =
    R"({"org_id":{foreign_org},"title":"职工健康体检服务{n}","category":"health",)"
    R"("region_codes":["610000"],"capacity":10,"window_start":"2024-06-01",)"
    R"("window_end":"2024-06-30","cost_per_person_fen":100})";
const std::string kVenueBody =
    R"({"name":"职工之家{n}","unit_id":{union_unit},"region_code":"110000",)"
    R"("address":"东城区东直门南大街 1 号","capacity":100})";
const std::string kForeignVenueBody =
    R"({"name":"职工之家{n}","unit_id":{foreign_unit},"region_code":"610000",)"
    R"("address":"西安市新城区 1 号","capacity":100})";
const std::string kBookingBody = R"({"org_id":{own_org},"start":"2030-06-03T09:00:00+08:00",)"
                                 R"("end":"2030-06-03T10:00:00+08:00","purpose":"职工技能培训"})";
const std::string kForeignBookingBody =
    R"({"org_id":{foreign_org},"start":"2030-06-03T09:00:00+08:00",)"
    R"("end":"2030-06-03T10:00:00+08:00","purpose":"职工技能培训"})";
const std::string kOrgBody =
    R"({"name":"新建服务中心{n}","uscc":"{uscc}","org_type":"social_service",)"
    R"("region_code":"110101","registration_unit_id":{own_civil},"legal_rep":"王伟",)"
    R"("phone":"13912345678","founded_on":"2015-06-01","business_scope":"职工服务",)"
    R"("service_categories":["skills"],"labour_field":true})";
const std::string kForeignOrgBody =
    R"({"name":"陕西新建中心{n}","uscc":"{sx_uscc}","org_type":"social_service",)"
    R"("region_code":"610000","registration_unit_id":{foreign_civil},"legal_rep":"王伟",)"
    R"("phone":"13912345678","founded_on":"2015-06-01","business_scope":"职工服务",)"
    R"("service_categories":["skills"],"labour_field":true})";

// Grade evaluations: templates are read by every holder of evaluation:template:list and changed
// in their creator's subtree (own: the civil-affairs officer's 北京市民政局; foreign:
// 陕西省民政厅). Evaluations of organisations registered at 东城区民政局 (own) and 陕西省民政厅 are
// read by the managers of that subtree and by their assigned expert (the matrix's expert on the own
// one); scores are the assigned expert's alone (anyone else holding the permission: 404).
constexpr const char* kTemplateListers = "platform=200 admin=200 civil_affairs_officer=200";
constexpr const char* kTemplateReaders =
    "platform=200/200 admin=200/200 civil_affairs_officer=200/200";
constexpr const char* kTemplateEditors =
    "platform=200/200 admin=403/403 civil_affairs_officer=200/403";
constexpr const char* kTemplateBody =
    R"({"name":"单项百分制","max_score":100,"thresholds":{"5A":90,"4A":80,"3A":70,"2A":60,"1A":50},)"
    R"("indicators":[{"code":"1.1","name":"综合评价","max_score":100}]})";
constexpr const char* kEvaluationListers =
    "platform=200 admin=200 civil_affairs_officer=200 expert=200";
constexpr const char* kEvaluationReaders =
    "platform=200/200 admin=404/404 civil_affairs_officer=200/404 expert=200/404";
constexpr const char* kEvaluationManagers =
    "platform=200/200 admin=404/404 civil_affairs_officer=200/404";

// The work mechanism: meetings and templates of 北京市总工会 (own; the civil-affairs officer's
// own are 北京市民政局's) and of 陕西省总工会, read and changed by the officers of that subtree;
// supervised tasks are seen by the meeting's unit's subtree and by the owner organisation's
// members (own_org owns the own tasks).
constexpr const char* kMeetingListers =
    "platform=200 admin=200 union_officer=200 civil_affairs_officer=200";
constexpr const char* kMeetingReaders =
    "platform=200/200 admin=200/404 union_officer=200/404 civil_affairs_officer=200/404";
constexpr const char* kMeetingAdders =
    "platform=201/201 admin=201/404 union_officer=201/404 civil_affairs_officer=201/404";
constexpr const char* kMeetingCreators =
    "platform=201/201 admin=201/422 union_officer=201/422 civil_affairs_officer=201/422";
constexpr const char* kTaskListers =
    "platform=200 admin=200 union_officer=200 civil_affairs_officer=200 org_member=200";
constexpr const char* kTaskReaders =
    "platform=200/200 admin=200/404 union_officer=200/404 civil_affairs_officer=200/404 "
    "org_member=200/404";
constexpr const char* kMechanismTemplateBody =
    R"({"name":"季度调度","kind":"meeting","recurrence":"quarterly","unit_id":{mech_unit},)"
    R"("starts_on":"2026-01-01","lead_days":10,"meeting":{"kind":"dispatch","title_pattern":"调度会"}})";
constexpr const char* kForeignMechanismTemplateBody =
    R"({"name":"季度调度","kind":"meeting","recurrence":"quarterly","unit_id":{foreign_unit},)"
    R"("starts_on":"2026-01-01","lead_days":10,"meeting":{"kind":"dispatch","title_pattern":"调度会"}})";
}  // namespace

const std::vector<MatrixRow>& MatrixRows() {
  static const std::vector<MatrixRow> rows = {
      // Public
      {"GET /api/health", "/api/health", "", "", "", All("200")},
      {"GET /metrics", "/metrics", "", "", "", All("200")},
      {"GET /api/v1/openapi.json", "/api/v1/openapi.json", "", "", "", All("200")},
      {"GET /api/v1/dictionaries", "/api/v1/dictionaries", "", "", "", All("200")},
      // "foreign": a dictionary that does not exist.
      {"GET /api/v1/dictionaries/{name}", "/api/v1/dictionaries/org_status",
       "/api/v1/dictionaries/no_such", "", "", All("200/404")},
      {"GET /api/public/orgs/{uscc}", "/api/public/orgs/{own_uscc}",
       "/api/public/orgs/52110101MJ0000099X", "", "", All("200/404")},
      {"GET /api/public/orgs", "/api/public/orgs?q=%E6%96%B0%E5%BB%BA", "", "", "", All("200")},
      {"POST /api/v1/auth/login", "/api/v1/auth/login", "",
       R"({"username":"nobody.{n}",)"
       R"("password":"Wrong-Passw0rd-1"})",
       "", All("401")},
      {"POST /api/v1/auth/login/totp", "/api/v1/auth/login/totp", "",
       R"({"mfa_token":"unknown","code":"000000"})", "", All("401")},
      // The session itself (any logged-in user)
      {"GET /api/v1/auth/me", "/api/v1/auth/me", "", "", "", kEveryone},
      {"POST /api/v1/auth/password", "/api/v1/auth/password", "",
       R"({"old_password":"Wrong-Passw0rd-1","new_password":"Another-Passw0rd-9"})", "",
       All("422") + " anon=401"},
      {"POST /api/v1/auth/totp/setup", "/api/v1/auth/totp/setup", "", "{}", "", kEveryone},
      {"POST /api/v1/auth/totp/enable", "/api/v1/auth/totp/enable", "", R"({"code":"000000"})", "",
       All("422") + " anon=401"},
      {"POST /api/v1/auth/totp/disable", "/api/v1/auth/totp/disable", "",
       R"({"password":"Wrong-Passw0rd-1"})", "", All("422") + " anon=401"},
      {"POST /api/v1/auth/logout", "/api/v1/auth/logout{fresh_session}", "", "{}", "", kEveryone},
      {"GET /api/v1/regions", "/api/v1/regions", "", "", "", kEveryone},
      {"GET /api/v1/regions/{code}", "/api/v1/regions/110101", "", "", "", kEveryone},
      {"GET /api/v1/settings", "/api/v1/settings", "", "", "", kEveryone},
      // Units
      {"GET /api/v1/units", "/api/v1/units", "", "", "",
       "platform=200 admin=200 sys_admin=200 union_officer=200 civil_affairs_officer=200"},
      {"GET /api/v1/units/{id}", "/api/v1/units/{own_unit}", "/api/v1/units/{foreign_unit}", "", "",
       kUnitReaders},
      {"GET /api/v1/units/names", "/api/v1/units/names?ids={own_unit},{foreign_unit}", "", "", "",
       kEveryone},
      {"POST /api/v1/units", "/api/v1/units", "/api/v1/units",
       R"({"name":"新单位{n}","kind":"union","region_code":"110101","parent_id":{union_unit}})",
       R"({"name":"新单位{n}","kind":"union","region_code":"610000","parent_id":{foreign_unit}})",
       "platform=201/201 admin=201/422 sys_admin=201/422"},
      {"PATCH /api/v1/units/{id}", "/api/v1/units/{own_unit}", "/api/v1/units/{foreign_unit}",
       R"({"leading_group_established_on":"2022-01-01"})", "",
       "platform=200/200 admin=200/404 sys_admin=200/404"},
      {"POST /api/v1/units/{id}/move", "/api/v1/units/{fresh_unit}/move",
       "/api/v1/units/{foreign_unit}/move", R"({"parent_id":{union_unit}})",
       R"({"parent_id":{union_unit}})", "platform=200/422 admin=200/404 sys_admin=200/404"},
      {"DELETE /api/v1/units/{id}", "/api/v1/units/{fresh_unit}", "/api/v1/units/{foreign_unit}",
       "", "", "platform=200/409 admin=200/404 sys_admin=200/404"},
      // Users
      {"GET /api/v1/users", "/api/v1/users", "", "", "",
       "platform=200 admin=200 sys_admin=200 union_officer=200 civil_affairs_officer=200"},
      {"GET /api/v1/users/{id}", "/api/v1/users/{own_user}", "/api/v1/users/{foreign_user}", "", "",
       kUnitReaders},
      {"POST /api/v1/users", "/api/v1/users", "/api/v1/users", kUserBody, kForeignUserBody,
       "platform=201/201 admin=201/422 sys_admin=201/422"},
      // The own and foreign users are union officers, whose org:link permissions sys_admin
      // lacks: it may not manage them (it could act through them).
      {"PATCH /api/v1/users/{id}", "/api/v1/users/{own_user}", "/api/v1/users/{foreign_user}",
       R"({"display_name":"李四"})", "", "platform=200/200 admin=200/404 sys_admin=403/404"},
      {"POST /api/v1/users/{id}/reset-password", "/api/v1/users/{own_user}/reset-password",
       "/api/v1/users/{foreign_user}/reset-password", R"({"password":"Reset-Passw0rd-1"})", "",
       "platform=200/200 admin=200/404 sys_admin=403/404"},
      // Workers (issue #11) of 北京市总工会 (own) and 陕西省总工会: the officers' roster, scoped
      // like users (404 outside); sys_admin only reads it (the user dialog's picker). Every
      // {phone} is a new mobile number, so activations never lock one username.
      {"GET /api/v1/workers", "/api/v1/workers", "", "", "",
       "platform=200 admin=200 sys_admin=200 union_officer=200"},
      {"POST /api/v1/workers", "/api/v1/workers", "/api/v1/workers", kWorkerBody,
       kForeignWorkerBody, "platform=201/201 admin=201/422 union_officer=201/422"},
      {"GET /api/v1/workers/{id}", "/api/v1/workers/{own_worker}",
       "/api/v1/workers/{foreign_worker}", "", "",
       "platform=200/200 admin=200/404 sys_admin=200/404 union_officer=200/404"},
      {"PATCH /api/v1/workers/{id}", "/api/v1/workers/{own_worker}",
       "/api/v1/workers/{foreign_worker}", R"({"employer":"职工服务中心"})", "",
       "platform=200/200 admin=200/404 union_officer=200/404"},
      {"DELETE /api/v1/workers/{id}", "/api/v1/workers/{fresh_worker}",
       "/api/v1/workers/{foreign_fresh_worker}", "", "",
       "platform=200/200 admin=200/404 union_officer=200/404"},
      {"POST /api/v1/workers/import", "/api/v1/workers/import", "",
       "姓名,手机号,所在地区\n张三,{phone},110000\n", "",
       "platform=200 admin=200 union_officer=200", "403", "text/csv"},
      {"GET /api/v1/workers/export", "/api/v1/workers/export?format=csv", "", "", "",
       "platform=200 admin=200 sys_admin=200 union_officer=200"},
      {"GET /api/v1/workers/import/template", "/api/v1/workers/import/template?format=csv", "", "",
       "", "platform=200 admin=200 union_officer=200"},
      // Anyone, logged in or not, may try; a phone on no roster is refused alike.
      {"POST /api/v1/auth/activate", "/api/v1/auth/activate", "",
       R"({"name":"张三","id_number":"11010519491231002X","phone":"{phone}",)"
       R"("password":"Worker-Passw0rd-1"})",
       "", All("422")},
      // A worker's own profile: its worker (bj.worker stands for one of 北京市总工会); for any
      // other account there is none.
      {"GET /api/v1/me/worker", "/api/v1/me/worker", "", "", "", "worker=200", "404"},
      {"PATCH /api/v1/me/worker", "/api/v1/me/worker", "", R"({"employer":"环卫所"})", "",
       "worker=200", "404"},
      // Roles, sessions, login log, settings (the map and settings are deployment-wide)
      {"GET /api/v1/roles", "/api/v1/roles", "", "", "",
       "platform=200 admin=200 security_admin=200"},
      {"GET /api/v1/permissions", "/api/v1/permissions", "", "", "",
       "platform=200 admin=200 security_admin=200"},
      {"PUT /api/v1/roles/{code}/permissions", "/api/v1/roles/expert/permissions", "",
       // expert's defaults, which the selection and evaluation rows below rely on
       R"({"permissions":["evaluation:evaluation:list","evaluation:evaluation:score",)"
       R"("event:event:list","match:resource:list","org:org:list",)"
       R"("project:selection:list","project:selection:score","system:region:list",)"
       R"("venue:venue:list"]})",
       "", "platform=200"},
      {"GET /api/v1/sessions", "/api/v1/sessions", "", "", "",
       "platform=200 admin=200 security_admin=200"},
      {"DELETE /api/v1/sessions/{id}", "/api/v1/sessions/{own_session}",
       "/api/v1/sessions/{foreign_session}", "", "",
       "platform=200/200 admin=200/404 security_admin=200/404"},
      {"GET /api/v1/login-log", "/api/v1/login-log", "", "", "",
       "platform=200 admin=200 security_admin=200"},
      {"PATCH /api/v1/settings", "/api/v1/settings", "", R"({"lockout_minutes":15})", "",
       "platform=200"},
      // Audit
      {"GET /api/v1/audit", "/api/v1/audit", "", "", "", "platform=200 admin=200 audit_admin=200"},
      {"GET /api/v1/audit/verify", "/api/v1/audit/verify", "", "", "", "platform=200"},
      // Organisations: everyone logged in reads them; the registration authority's subtree and
      // the org's own members change them.
      {"GET /api/v1/orgs", "/api/v1/orgs", "", "", "", kOrgReaders},
      {"GET /api/v1/orgs/summary", "/api/v1/orgs/summary", "", "", "", kOrgReaders},
      {"GET /api/v1/orgs/{id}", "/api/v1/orgs/{own_org}", "/api/v1/orgs/{foreign_org}", "", "",
       "platform=200/200 admin=200/200 union_officer=200/200 civil_affairs_officer=200/200 "
       "inspector=200/200 expert=200/200 org_member=200/200"},
      {"POST /api/v1/orgs", "/api/v1/orgs", "/api/v1/orgs", kOrgBody, kForeignOrgBody,
       "platform=201/201 admin=422/422 civil_affairs_officer=201/422"},
      {"PATCH /api/v1/orgs/{id}", "/api/v1/orgs/{own_org}", "/api/v1/orgs/{foreign_org}",
       R"({"legal_rep":"李四"})", "",
       "platform=200/200 admin=403/403 civil_affairs_officer=200/403 org_member=200/403"},
      {"POST /api/v1/orgs/{id}/transitions", "/api/v1/orgs/{fresh_org}/transitions",
       "/api/v1/orgs/{foreign_fresh_org}/transitions",
       R"({"to":"abnormal","reason":"未按时报送年报"})", "",
       "platform=200/200 admin=403/403 civil_affairs_officer=200/403"},
      {"POST /api/v1/orgs/{id}/review", "/api/v1/orgs/{fresh_application}/review",
       "/api/v1/orgs/{foreign_org}/review", R"({"decision":"reject","comment":"材料不全"})", "",
       "platform=200/409 admin=403/403 civil_affairs_officer=200/403"},
      {"GET /api/v1/orgs/{id}/history", "/api/v1/orgs/{own_org}/history",
       "/api/v1/orgs/{foreign_org}/history", "", "",
       "platform=200/200 admin=404/404 union_officer=404/404 civil_affairs_officer=200/404 "
       "inspector=404/404 expert=404/404 org_member=200/404"},
      {"POST /api/v1/orgs/import", "/api/v1/orgs/import", "", "name,uscc\n", "",
       "platform=422 admin=422 civil_affairs_officer=422", "403", "text/csv"},
      {"POST /api/v1/orgs/import/report", "/api/v1/orgs/import/report", "", "name,uscc\n", "",
       "platform=200 admin=200 civil_affairs_officer=200", "403", "text/csv"},
      {"GET /api/v1/orgs/import/template", "/api/v1/orgs/import/template?format=csv", "", "", "",
       "platform=200 admin=200 civil_affairs_officer=200"},
      {"GET /api/v1/orgs/export", "/api/v1/orgs/export?format=csv", "", "", "", kOrgReaders},
      // Links (联系引导) between union units and organisations
      {"POST /api/v1/units/{id}/org-links", "/api/v1/units/{union_unit}/org-links",
       "/api/v1/units/{foreign_unit}/org-links", R"({"org_id":{fresh_org}})", "",
       "platform=201/201 admin=201/404 union_officer=201/404"},
      {"GET /api/v1/units/{id}/org-links", "/api/v1/units/{union_unit}/org-links",
       "/api/v1/units/{foreign_unit}/org-links", "", "",
       "platform=200/200 admin=200/404 union_officer=200/404"},
      {"DELETE /api/v1/units/{id}/org-links/{org_id}",
       "/api/v1/units/{union_unit}/org-links/{org_linked_here}",
       "/api/v1/units/{foreign_unit}/org-links/{org_linked_there}", "", "",
       "platform=200/200 admin=200/404 union_officer=200/404"},
      // Credit lists: entries are the registration authority's records (its subtree reads and
      // changes them, the org's members read them and object): outside → 404; entering an
      // organisation, which everyone reads, outside one's scope → 403.
      {"GET /api/v1/credit-entries", "/api/v1/credit-entries", "", "", "", kCreditReaders},
      {"GET /api/v1/credit-entries/{id}", "/api/v1/credit-entries/{own_entry}",
       "/api/v1/credit-entries/{foreign_entry}", "", "", kCreditRecordReaders},
      {"GET /api/v1/orgs/{id}/credit-entries", "/api/v1/orgs/{own_org}/credit-entries",
       "/api/v1/orgs/{foreign_org}/credit-entries", "", "", kCreditRecordReaders},
      {"POST /api/v1/orgs/{id}/credit-entries", "/api/v1/orgs/{fresh_org}/credit-entries",
       "/api/v1/orgs/{foreign_fresh_org}/credit-entries",
       R"({"list":"abnormal","reason":"未按规定报送年度工作报告","entered_on":"2024-01-15"})", "",
       "platform=201/201 admin=403/403 civil_affairs_officer=201/403"},
      {"POST /api/v1/credit-entries/{id}/remove", "/api/v1/credit-entries/{fresh_entry}/remove",
       "/api/v1/credit-entries/{foreign_fresh_entry}/remove",
       R"({"reason":"已补报年度工作报告","removed_on":"2024-02-01"})", "",
       "platform=200/200 admin=404/404 civil_affairs_officer=200/404"},
      {"POST /api/v1/credit-entries/{id}/objections",
       "/api/v1/credit-entries/{own_entry_unopposed}/objections",
       "/api/v1/credit-entries/{foreign_entry_unopposed}/objections",
       R"({"text":"我会已按时报送年度工作报告"})", "",
       "platform=201/201 admin=404/404 org_member=201/404"},
      {"POST /api/v1/credit-objections/{id}/answer",
       "/api/v1/credit-objections/{fresh_objection}/answer",
       "/api/v1/credit-objections/{foreign_fresh_objection}/answer",
       R"({"decision":"reject","reply":"经核实未报送"})", "",
       "platform=200/200 admin=404/404 civil_affairs_officer=200/404"},
      // Rural-revitalisation teams (合力团): owned by the creator's unit (outside → 404); an org
      // member reads the teams its organisation belongs to; any organisation may be a member.
      {"GET /api/v1/teams", "/api/v1/teams", "", "", "", kTeamListers},
      {"POST /api/v1/teams", "/api/v1/teams", "",
       R"({"name":"合力团","domain":"talent","lead_org_id":{own_org},"member_org_ids":[]})", "",
       "platform=201 admin=201 union_officer=201 civil_affairs_officer=201"},
      {"GET /api/v1/teams/overview", "/api/v1/teams/overview?region_code=100000&year=2022", "", "",
       "", kTeamListers},
      {"GET /api/v1/teams/{id}", "/api/v1/teams/{own_team}", "/api/v1/teams/{foreign_team}", "", "",
       kTeamReaders},
      {"PATCH /api/v1/teams/{id}", "/api/v1/teams/{own_team}", "/api/v1/teams/{foreign_team}",
       R"({"domain":"industry"})", "", kTeamEditors},
      {"GET /api/v1/teams/{id}/plans", "/api/v1/teams/{own_team}/plans",
       "/api/v1/teams/{foreign_team}/plans", "", "", kTeamReaders},
      {"POST /api/v1/teams/{id}/plans", "/api/v1/teams/{own_team}/plans",
       "/api/v1/teams/{foreign_team}/plans",
       R"({"year":{team_year},"projects_planned":1,"funds_planned_fen":1})", "", kTeamAdders},
      {"PATCH /api/v1/teams/{id}/plans/{year}", "/api/v1/teams/{own_team}/plans/2022",
       "/api/v1/teams/{foreign_team}/plans/2022", R"({"projects_planned":2})", "", kTeamEditors},
      {"GET /api/v1/teams/{id}/help-projects", "/api/v1/teams/{own_team}/help-projects",
       "/api/v1/teams/{foreign_team}/help-projects", "", "", kTeamReaders},
      {"POST /api/v1/teams/{id}/help-projects", "/api/v1/teams/{own_team}/help-projects",
       "/api/v1/teams/{foreign_team}/help-projects",
       R"({"title":"帮扶","county_code":"110101","funds_fen":1,"beneficiaries":1,)"
       R"("started_on":"2022-05-01"})",
       "", kTeamAdders},
      {"GET /api/v1/teams/{id}/help-projects/{help_project_id}",
       "/api/v1/teams/{own_team}/help-projects/{own_help}",
       "/api/v1/teams/{foreign_team}/help-projects/{foreign_help}", "", "", kTeamReaders},
      {"PATCH /api/v1/teams/{id}/help-projects/{help_project_id}",
       "/api/v1/teams/{own_team}/help-projects/{own_help}",
       "/api/v1/teams/{foreign_team}/help-projects/{foreign_help}", R"({"beneficiaries":2})", "",
       kTeamEditors},
      {"GET /api/v1/teams/{id}/consumption", "/api/v1/teams/{own_team}/consumption",
       "/api/v1/teams/{foreign_team}/consumption", "", "", kTeamReaders},
      {"POST /api/v1/teams/{id}/consumption", "/api/v1/teams/{own_team}/consumption",
       "/api/v1/teams/{foreign_team}/consumption",
       R"({"on":"2022-06-01","kind":"direct_purchase","amount_fen":100,"county_code":"110101"})",
       "", kTeamAdders},
      {"GET /api/v1/teams/{id}/progress", "/api/v1/teams/{own_team}/progress?year=2022",
       "/api/v1/teams/{foreign_team}/progress?year=2022", "", "", kTeamReaders},
      {"GET /api/v1/teams/{id}/progress/by-year", "/api/v1/teams/{own_team}/progress/by-year",
       "/api/v1/teams/{foreign_team}/progress/by-year", "", "", kTeamReaders},
      {"GET /api/v1/teams/{id}/progress/by-county",
       "/api/v1/teams/{own_team}/progress/by-county?year=2022",
       "/api/v1/teams/{foreign_team}/progress/by-county?year=2022", "", "", kTeamReaders},
      {"GET /api/v1/teams/{id}/progress/by-member",
       "/api/v1/teams/{own_team}/progress/by-member?year=2022",
       "/api/v1/teams/{foreign_team}/progress/by-member?year=2022", "", "", kTeamReaders},
      // Organisations are public: any reader lists the projects it sees one take part in.
      {"GET /api/v1/orgs/{id}/help-projects", "/api/v1/orgs/{own_org}/help-projects",
       "/api/v1/orgs/{foreign_org}/help-projects", "", "",
       "platform=200/200 admin=200/200 union_officer=200/200 civil_affairs_officer=200/200 "
       "org_member=200/200"},
      // Annual reports (年报/年检) and penalties: the registration authority's records, read
      // and filed also by the organisation's members; filing for an organisation outside one's
      // scope → 403 (organisations are read by everyone), a report outside it → 404.
      {"GET /api/v1/annual-reports", "/api/v1/annual-reports", "", "", "", kAnnualListers},
      {"GET /api/v1/annual-reports/overdue", "/api/v1/annual-reports/overdue?year=2024", "", "", "",
       kAnnualListers},
      {"GET /api/v1/annual-reports/{id}", "/api/v1/annual-reports/{own_report}",
       "/api/v1/annual-reports/{foreign_report}", "", "", kAnnualReaders},
      {"GET /api/v1/orgs/{id}/annual-reports", "/api/v1/orgs/{own_org}/annual-reports",
       "/api/v1/orgs/{foreign_org}/annual-reports", "", "", kAnnualReaders},
      {"POST /api/v1/orgs/{id}/annual-reports", "/api/v1/orgs/{report_org}/annual-reports",
       "/api/v1/orgs/{foreign_fresh_org}/annual-reports",
       R"({"year":{report_year},"income_fen":100,"expense_fen":80,"net_assets_fen":50,)"
       R"("gov_purchase_income_fen":0,"activities":"开展职工服务"})",
       "", "platform=201/201 admin=403/403 civil_affairs_officer=201/403 org_member=201/403"},
      {"PATCH /api/v1/annual-reports/{id}", "/api/v1/annual-reports/{own_returned_report}",
       "/api/v1/annual-reports/{foreign_returned_report}", R"({"income_fen":120})", "",
       kAnnualFilers},
      {"POST /api/v1/annual-reports/{id}/submit",
       "/api/v1/annual-reports/{own_returned_report}/submit",
       "/api/v1/annual-reports/{foreign_returned_report}/submit", "{}", "", kAnnualFilers},
      {"POST /api/v1/annual-reports/{id}/review", "/api/v1/annual-reports/{fresh_report}/review",
       "/api/v1/annual-reports/{foreign_fresh_report}/review", R"({"result":"pass"})", "",
       kAnnualReviewers},
      {"POST /api/v1/annual-reports/{id}/return", "/api/v1/annual-reports/{fresh_report}/return",
       "/api/v1/annual-reports/{foreign_fresh_report}/return", R"({"comment":"请补充"})", "",
       kAnnualReviewers},
      {"GET /api/v1/orgs/{id}/penalties", "/api/v1/orgs/{own_org}/penalties",
       "/api/v1/orgs/{foreign_org}/penalties", "", "", kAnnualReaders},
      {"POST /api/v1/orgs/{id}/penalties", "/api/v1/orgs/{own_org}/penalties",
       "/api/v1/orgs/{foreign_org}/penalties",
       R"({"decided_on":"2024-05-10","kind":"warning","reason":"未按规定换届"})", "",
       "platform=201/201 admin=403/403 civil_affairs_officer=201/403"},
      // Service projects: owned by the funding unit (outside → 404); the providers' members
      // read theirs and report outputs and documents, nothing more (403 by permission).
      {"GET /api/v1/projects", "/api/v1/projects", "", "", "", kProjectListers},
      {"POST /api/v1/projects", "/api/v1/projects", "/api/v1/projects", kProjectBody,
       kForeignProjectBody, "platform=201/201 admin=201/422 union_officer=201/422"},
      {"GET /api/v1/projects/summary", "/api/v1/projects/summary", "", "", "", kProjectListers},
      {"GET /api/v1/projects/{id}", "/api/v1/projects/{own_project}",
       "/api/v1/projects/{foreign_project}", "", "", kProjectReaders},
      {"PATCH /api/v1/projects/{id}", "/api/v1/projects/{own_project}",
       "/api/v1/projects/{foreign_project}", R"({"description":"职工服务"})", "", kProjectEditors},
      {"POST /api/v1/projects/{id}/transitions", "/api/v1/projects/{fresh_project}/transitions",
       "/api/v1/projects/{foreign_fresh_project}/transitions", R"({"to":"published"})", "",
       kProjectEditors},
      {"GET /api/v1/projects/{id}/history", "/api/v1/projects/{own_project}/history",
       "/api/v1/projects/{foreign_project}/history", "", "", kProjectReaders},
      {"GET /api/v1/projects/{id}/outputs", "/api/v1/projects/{own_project}/outputs",
       "/api/v1/projects/{foreign_project}/outputs", "", "", kProjectReaders},
      {"POST /api/v1/projects/{id}/outputs", "/api/v1/projects/{own_project}/outputs",
       "/api/v1/projects/{foreign_project}/outputs", kOutputBody, "", kProjectReporters},
      {"POST /api/v1/projects/{id}/outputs/{output_id}/reverse",
       "/api/v1/projects/{own_project}/outputs/{fresh_output}/reverse",
       "/api/v1/projects/{foreign_project}/outputs/{foreign_fresh_output}/reverse",
       R"({"reason":"重复填报"})", "", kProjectReporters},
      {"GET /api/v1/projects/{id}/milestones", "/api/v1/projects/{own_project}/milestones",
       "/api/v1/projects/{foreign_project}/milestones", "", "", kProjectReaders},
      {"POST /api/v1/projects/{id}/milestones", "/api/v1/projects/{own_project}/milestones",
       "/api/v1/projects/{foreign_project}/milestones",
       R"({"title":"中期评估","due_on":"2024-06-30"})", "", kProjectAdders},
      {"PATCH /api/v1/projects/{id}/milestones/{milestone_id}",
       "/api/v1/projects/{own_project}/milestones/{own_milestone}",
       "/api/v1/projects/{foreign_project}/milestones/{foreign_milestone}",
       R"({"done_on":"2024-06-28"})", "", kProjectEditors},
      {"DELETE /api/v1/projects/{id}/milestones/{milestone_id}",
       "/api/v1/projects/{own_project}/milestones/{fresh_milestone}",
       "/api/v1/projects/{foreign_project}/milestones/{foreign_fresh_milestone}", "", "",
       kProjectEditors},
      {"GET /api/v1/projects/{id}/payments", "/api/v1/projects/{own_project}/payments",
       "/api/v1/projects/{foreign_project}/payments", "", "", kProjectReaders},
      {"POST /api/v1/projects/{id}/payments", "/api/v1/projects/{own_project}/payments",
       "/api/v1/projects/{foreign_project}/payments", R"({"due_on":"2024-06-30","amount_fen":1})",
       "", kProjectAdders},
      {"PATCH /api/v1/projects/{id}/payments/{payment_id}",
       "/api/v1/projects/{own_project}/payments/{own_payment}",
       "/api/v1/projects/{foreign_project}/payments/{foreign_payment}",
       R"({"paid_on":"2024-06-30"})", "", kProjectEditors},
      {"DELETE /api/v1/projects/{id}/payments/{payment_id}",
       "/api/v1/projects/{own_project}/payments/{fresh_payment}",
       "/api/v1/projects/{foreign_project}/payments/{foreign_fresh_payment}", "", "",
       kProjectEditors},
      {"GET /api/v1/projects/{id}/documents", "/api/v1/projects/{own_project}/documents",
       "/api/v1/projects/{foreign_project}/documents", "", "", kProjectReaders},
      {"POST /api/v1/projects/{id}/documents",
       "/api/v1/projects/{own_project}/documents?kind=contract&file_name=a.pdf",
       "/api/v1/projects/{foreign_project}/documents?kind=contract&file_name=a.pdf",
       "%PDF-1.4 contract", "", kProjectReporters, "403", "application/pdf"},
      {"GET /api/v1/projects/{id}/documents/{document_id}",
       "/api/v1/projects/{own_project}/documents/{own_document}",
       "/api/v1/projects/{foreign_project}/documents/{foreign_document}", "", "", kProjectReaders},
      {"DELETE /api/v1/projects/{id}/documents/{document_id}",
       "/api/v1/projects/{own_project}/documents/{fresh_document}",
       "/api/v1/projects/{foreign_project}/documents/{foreign_fresh_document}", "", "",
       kProjectEditors},
      // Demands, resources and matching (issue #10).
      {"GET /api/v1/demands", "/api/v1/demands", "", "", "", kDemandListers},
      {"POST /api/v1/demands", "/api/v1/demands", "/api/v1/demands", kDemandBody,
       kForeignDemandBody, "platform=201/201 admin=201/422 union_officer=201/422 worker=201/422"},
      {"GET /api/v1/demands/{id}", "/api/v1/demands/{own_demand}",
       "/api/v1/demands/{foreign_demand}", "", "", kDemandOwners},
      {"PATCH /api/v1/demands/{id}", "/api/v1/demands/{own_demand}",
       "/api/v1/demands/{foreign_demand}", R"({"description":"每年一次"})", "", kDemandOwners},
      {"POST /api/v1/demands/{id}/transitions", "/api/v1/demands/{fresh_demand}/transitions",
       "/api/v1/demands/{foreign_fresh_demand}/transitions", R"({"to":"closed"})", "",
       kDemandOwners},
      {"GET /api/v1/demands/{id}/recommendations", "/api/v1/demands/{own_demand}/recommendations",
       "/api/v1/demands/{foreign_demand}/recommendations", "", "", kDemandOwners},
      {"GET /api/v1/resources", "/api/v1/resources", "", "", "", kResourceReaders},
      {"POST /api/v1/resources", "/api/v1/resources", "/api/v1/resources", kResourceBody,
       kForeignResourceBody, "platform=201/201 admin=422/422 org_member=201/422"},
      {"GET /api/v1/resources/{id}", "/api/v1/resources/{own_resource}",
       "/api/v1/resources/{foreign_resource}", "", "", kResourceReaders},
      {"PATCH /api/v1/resources/{id}", "/api/v1/resources/{own_resource}",
       "/api/v1/resources/{foreign_resource}", R"({"description":"每期一周"})", "",
       kResourceEditors},
      {"POST /api/v1/resources/{id}/transitions", "/api/v1/resources/{fresh_resource}/transitions",
       "/api/v1/resources/{foreign_fresh_resource}/transitions", R"({"to":"closed"})", "",
       kResourceEditors},
      // A run over a demand of one's scope; one of another's → 422 on demand_ids[0].
      {"POST /api/v1/matching/runs", "/api/v1/matching/runs", "/api/v1/matching/runs",
       R"({"demand_ids":[{own_demand}]})", R"({"demand_ids":[{foreign_demand}]})",
       "platform=201/201 admin=201/422 union_officer=201/422"},
      {"GET /api/v1/matching/runs", "/api/v1/matching/runs", "", "", "", kRunListers},
      // Runs belong to the creator's unit; an org member sees those proposing its resources.
      {"GET /api/v1/matching/runs/{id}", "/api/v1/matching/runs/{own_run}",
       "/api/v1/matching/runs/{foreign_run}", "", "", kMatchServers},
      {"POST /api/v1/matching/runs/{id}/accept", "/api/v1/matching/runs/{fresh_run}/accept",
       "/api/v1/matching/runs/{foreign_fresh_run}/accept", "{}", "", kDemandReaders},
      {"POST /api/v1/matching/runs/{id}/reject", "/api/v1/matching/runs/{fresh_run}/reject",
       "/api/v1/matching/runs/{foreign_fresh_run}/reject", "{}", "", kDemandReaders},
      {"GET /api/v1/matching/summary", "/api/v1/matching/summary", "", "", "", kRunListers},
      {"GET /api/v1/matches", "/api/v1/matches", "", "", "", kRunListers},
      {"GET /api/v1/matches/{id}", "/api/v1/matches/{own_match}", "/api/v1/matches/{foreign_match}",
       "", "", kMatchServers},
      {"POST /api/v1/matches/{id}/accept", "/api/v1/matches/{fresh_proposed_match}/accept",
       "/api/v1/matches/{foreign_fresh_proposed_match}/accept", "", "", kMatchDeciders},
      {"POST /api/v1/matches/{id}/reject", "/api/v1/matches/{fresh_proposed_match}/reject",
       "/api/v1/matches/{foreign_fresh_proposed_match}/reject", "", "", kMatchDeciders},
      {"POST /api/v1/matches/{id}/start", "/api/v1/matches/{fresh_accepted_match}/start",
       "/api/v1/matches/{foreign_fresh_accepted_match}/start", "", "", kMatchServers},
      {"POST /api/v1/matches/{id}/complete", "/api/v1/matches/{fresh_in_service_match}/complete",
       "/api/v1/matches/{foreign_fresh_in_service_match}/complete", "", "", kMatchServers},
      {"POST /api/v1/matches/{id}/withdraw", "/api/v1/matches/{fresh_accepted_match}/withdraw",
       "/api/v1/matches/{foreign_fresh_accepted_match}/withdraw", "", "", kMatchDeciders},
      {"POST /api/v1/matches/{id}/rate", "/api/v1/matches/{fresh_done_match}/rate",
       "/api/v1/matches/{foreign_fresh_done_match}/rate", R"({"rating":5,"comment":"满意"})", "",
       kDemandReaders},
      // Venues and bookings (issue #11).
      {"GET /api/v1/venues", "/api/v1/venues", "", "", "",
       "platform=200 admin=200 union_officer=200 civil_affairs_officer=200 inspector=200 "
       "expert=200 org_member=200 worker=200"},
      {"POST /api/v1/venues", "/api/v1/venues", "/api/v1/venues", kVenueBody, kForeignVenueBody,
       "platform=201/201 admin=201/422 union_officer=201/422"},
      {"GET /api/v1/venues/{id}", "/api/v1/venues/{own_venue}", "/api/v1/venues/{foreign_venue}",
       "", "", kVenueReaders},
      {"PATCH /api/v1/venues/{id}", "/api/v1/venues/{own_venue}", "/api/v1/venues/{foreign_venue}",
       R"({"description":"二层多功能厅"})", "", kVenueEditors},
      {"POST /api/v1/venues/{id}/transitions", "/api/v1/venues/{fresh_venue}/transitions",
       "/api/v1/venues/{foreign_fresh_venue}/transitions", R"({"to":"closed"})", "", kVenueEditors},
      {"POST /api/v1/venues/{id}/bookings", "/api/v1/venues/{fresh_venue}/bookings",
       "/api/v1/venues/{foreign_fresh_venue}/bookings", kBookingBody, kForeignBookingBody,
       "platform=201/201 admin=201/403 union_officer=201/403 org_member=201/422"},
      {"GET /api/v1/venues/{id}/bookings",
       "/api/v1/venues/{own_venue}/bookings?from=2030-06-01&to=2030-06-30",
       "/api/v1/venues/{foreign_venue}/bookings?from=2030-06-01&to=2030-06-30", "", "",
       kCalendarReaders},
      {"GET /api/v1/bookings", "/api/v1/bookings", "", "", "", kBookingListers},
      {"GET /api/v1/bookings/{id}", "/api/v1/bookings/{own_booking}",
       "/api/v1/bookings/{foreign_booking}", "", "", kBookingReaders},
      {"POST /api/v1/bookings/{id}/review", "/api/v1/bookings/{fresh_booking}/review",
       "/api/v1/bookings/{foreign_fresh_booking}/review", R"({"action":"approve"})", "",
       kBookingReviewers},
      {"POST /api/v1/bookings/{id}/cancel", "/api/v1/bookings/{fresh_booking}/cancel",
       "/api/v1/bookings/{foreign_fresh_booking}/cancel", "", "", kBookingReaders},
      // Events, sign-ups and check-ins (issue #11).
      {"GET /api/v1/events", "/api/v1/events", "", "", "",
       "platform=200 admin=200 union_officer=200 civil_affairs_officer=200 inspector=200 "
       "expert=200 org_member=200 worker=200"},
      {"POST /api/v1/events", "/api/v1/events", "/api/v1/events", kEventBody, kForeignEventBody,
       "platform=201/201 admin=201/422 union_officer=201/422 org_member=201/422"},
      {"GET /api/v1/events/{id}", "/api/v1/events/{own_event}", "/api/v1/events/{foreign_event}",
       "", "", kEventReaders},
      {"PATCH /api/v1/events/{id}", "/api/v1/events/{own_event}", "/api/v1/events/{foreign_event}",
       R"({"description":"请提前十分钟到场"})", "", kEventEditors},
      {"POST /api/v1/events/{id}/transitions", "/api/v1/events/{fresh_draft_event}/transitions",
       "/api/v1/events/{foreign_fresh_draft_event}/transitions", R"({"to":"published"})", "",
       kEventListReaders},
      {"GET /api/v1/events/{id}/signups", "/api/v1/events/{own_event}/signups",
       "/api/v1/events/{foreign_event}/signups", "", "", kEventListReaders},
      {"POST /api/v1/events/{id}/signups", "/api/v1/events/{fresh_event}/signups",
       "/api/v1/events/{foreign_fresh_event}/signups", R"({"worker_id":{worker}})", "",
       "platform=201/201 admin=201/201 union_officer=201/201 worker=201/201"},
      {"DELETE /api/v1/events/{id}/signups/{worker_id}",
       "/api/v1/events/{fresh_signed_event}/signups/{worker}",
       "/api/v1/events/{foreign_fresh_signed_event}/signups/{foreign_worker}", "", "",
       "platform=200/200 admin=200/404 union_officer=200/404 worker=200/404"},
      {"GET /api/v1/events/{id}/checkins", "/api/v1/events/{own_event}/checkins",
       "/api/v1/events/{foreign_event}/checkins", "", "", kEventListReaders},
      {"POST /api/v1/events/{id}/checkins", "/api/v1/events/{fresh_signed_event}/checkins",
       "/api/v1/events/{foreign_fresh_signed_event}/checkins", R"({"worker_id":{worker}})",
       R"({"worker_id":{foreign_worker}})",
       "platform=201/201 admin=201/403 union_officer=201/403 org_member=201/403 worker=422/422"},
      {"GET /api/v1/events/{id}/checkin-code", "/api/v1/events/{own_event}/checkin-code",
       "/api/v1/events/{foreign_event}/checkin-code", "", "", kEventEditors},
      {"GET /api/v1/me/events", "/api/v1/me/events", "", "", "", "worker=200"},
      {"GET /api/v1/venues/{id}/photos", "/api/v1/venues/{own_venue}/photos",
       "/api/v1/venues/{foreign_venue}/photos", "", "", kVenueReaders},
      {"POST /api/v1/venues/{id}/photos", "/api/v1/venues/{fresh_venue}/photos?file_name=a.png",
       "/api/v1/venues/{foreign_fresh_venue}/photos?file_name=a.png", kPngBody, "",
       "platform=201/201 admin=201/403 union_officer=201/403", "403", "image/png"},
      {"GET /api/v1/venues/{id}/photos/{photo_id}", "/api/v1/venues/{own_venue}/photos/{own_photo}",
       "/api/v1/venues/{foreign_venue}/photos/{foreign_photo}", "", "", kVenueReaders},
      {"DELETE /api/v1/venues/{id}/photos/{photo_id}", "/api/v1/venues/{fresh_venue_photo}",
       "/api/v1/venues/{foreign_fresh_venue_photo}", "", "", kVenueEditors},
      {"POST /api/v1/matches/{id}/project", "/api/v1/matches/{fresh_done_match}/project",
       "/api/v1/matches/{foreign_fresh_done_match}/project", "", "",
       "platform=201/201 admin=201/404 union_officer=201/404"},
      // An event of the resource's organisation at its booking of the match's side (the venue's
      // unit owns it): the demand's unit with event:event:edit; org members lack the route's
      // match:match:rate.
      {"POST /api/v1/matches/{id}/event", "/api/v1/matches/{fresh_done_match}/event",
       "/api/v1/matches/{foreign_fresh_done_match}/event", kMatchEventBody, kForeignMatchEventBody,
       "platform=201/201 admin=201/404 union_officer=201/404"},
      // Excellent-project selection: rounds are read by every holder of the selection
      // permissions and changed by the organiser's subtree (403 outside); units nominate to
      // rounds organised above them; experts score only what is assigned to them (404).
      {"GET /api/v1/selection-rounds", "/api/v1/selection-rounds", "", "", "", kRoundListers},
      {"POST /api/v1/selection-rounds", "/api/v1/selection-rounds", "", kRoundBody, "",
       "platform=201 admin=201 union_officer=201"},
      {"GET /api/v1/selection-rounds/{id}", "/api/v1/selection-rounds/{own_scoring_round}",
       "/api/v1/selection-rounds/{foreign_scoring_round}", "", "", kRoundReaders},
      {"PUT /api/v1/selection-rounds/{id}", "/api/v1/selection-rounds/{fresh_round}",
       "/api/v1/selection-rounds/{foreign_fresh_round}", kRoundBody, "", kRoundOrganisers},
      {"POST /api/v1/selection-rounds/{id}/transitions",
       "/api/v1/selection-rounds/{fresh_round}/transitions",
       "/api/v1/selection-rounds/{foreign_fresh_round}/transitions", R"({"to":"nominating"})", "",
       kRoundOrganisers},
      {"GET /api/v1/selection-rounds/{id}/nominations",
       "/api/v1/selection-rounds/{own_scoring_round}/nominations",
       "/api/v1/selection-rounds/{foreign_scoring_round}/nominations", "", "", kRoundReaders},
      {"POST /api/v1/selection-rounds/{id}/nominations",
       "/api/v1/selection-rounds/{own_nominating_round}/nominations",
       "/api/v1/selection-rounds/{foreign_nominating_round}/nominations",
       R"({"project_id":{fresh_accepted},"story":"服务职工"})", "",
       "platform=201/201 admin=201/403 union_officer=201/403"},
      {"DELETE /api/v1/selection-rounds/{id}/nominations/{nomination_id}",
       "/api/v1/selection-rounds/{own_nominating_round}/nominations/{fresh_nomination}",
       "/api/v1/selection-rounds/{foreign_nominating_round}/nominations/"
       "{foreign_fresh_nomination}",
       "", "", "platform=200/200 admin=200/404 union_officer=200/404"},
      {"GET /api/v1/selection-rounds/{id}/experts",
       "/api/v1/selection-rounds/{own_scoring_round}/experts",
       "/api/v1/selection-rounds/{foreign_scoring_round}/experts", "", "", kRoundOrganisers},
      {"GET /api/v1/selection-rounds/{id}/assignments",
       "/api/v1/selection-rounds/{own_scoring_round}/assignments",
       "/api/v1/selection-rounds/{foreign_scoring_round}/assignments", "", "", kRoundOrganisers},
      {"POST /api/v1/selection-rounds/{id}/assignments",
       "/api/v1/selection-rounds/{own_scoring_round}/assignments",
       "/api/v1/selection-rounds/{foreign_scoring_round}/assignments", "{}", "", kRoundOrganisers},
      {"PUT /api/v1/selection-rounds/{id}/nominations/{nomination_id}/experts",
       "/api/v1/selection-rounds/{own_scoring_round}/nominations/{own_scoring_nomination}/experts",
       "/api/v1/selection-rounds/{foreign_scoring_round}/nominations/"
       "{foreign_scoring_nomination}/experts",
       R"({"expert_ids":[{bj_expert}]})", R"({"expert_ids":[{sx_expert}]})", kRoundOrganisers},
      {"PUT /api/v1/selection-rounds/{id}/nominations/{nomination_id}/scores",
       "/api/v1/selection-rounds/{own_scoring_round}/nominations/{own_scoring_nomination}/scores",
       "/api/v1/selection-rounds/{foreign_scoring_round}/nominations/"
       "{foreign_scoring_nomination}/scores",
       R"({"scores":{"effect":88}})", "", "platform=404/404 admin=404/404 expert=200/404"},
      {"GET /api/v1/expert/assignments", "/api/v1/expert/assignments", "", "", "",
       "platform=200 admin=200 expert=200"},
      {"POST /api/v1/selection-rounds/{id}/booklet",
       "/api/v1/selection-rounds/{fresh_published_round}/booklet",
       "/api/v1/selection-rounds/{foreign_fresh_published_round}/booklet", "{}", "",
       "platform=202/202 admin=202/403 union_officer=202/403"},
      {"GET /api/v1/selection-rounds/{id}/booklet",
       "/api/v1/selection-rounds/{own_published_round}/booklet",
       "/api/v1/selection-rounds/{foreign_published_round}/booklet", "", "", kRoundReaders},
      {"GET /api/public/selection-rounds", "/api/public/selection-rounds", "", "", "", All("200")},
      {"GET /api/public/selection-rounds/{id}",
       "/api/public/selection-rounds/{own_published_round}",
       "/api/public/selection-rounds/{own_scoring_round}", "", "", All("200/404")},
      {"GET /api/public/excellent-projects", "/api/public/excellent-projects", "", "", "",
       All("200")},
      // Inspection plans are their creator's unit's (own: 北京市民政局's; the admin at
      // 北京市总工会 sees neither → 404); results are recorded by the assigned inspector only (the
      // platform sees the plans but is on no team → 403); declarations by the user itself or a
      // planner over it; every plan's public page is public.
      {"GET /api/v1/inspections/plans", "/api/v1/inspections/plans", "", "", "", kPlanners},
      {"POST /api/v1/inspections/plans", "/api/v1/inspections/plans", "",
       R"({"name":"抽查","sample_size":1,"inspectors_per_team":1,"inspector_unit_id":{insp_unit}})",
       "", "platform=201 admin=201 civil_affairs_officer=201"},
      {"GET /api/v1/inspections/pool-preview", "/api/v1/inspections/pool-preview?org_type=other",
       "", "", "", kPlanners},
      {"GET /api/v1/inspections/plans/{id}", "/api/v1/inspections/plans/{own_plan}",
       "/api/v1/inspections/plans/{foreign_plan}", "", "", kPlanReaders},
      {"POST /api/v1/inspections/plans/{id}/draw", "/api/v1/inspections/plans/{fresh_plan}/draw",
       "/api/v1/inspections/plans/{foreign_fresh_plan}/draw", "{}", "", kPlanReaders},
      {"POST /api/v1/inspections/plans/{id}/publish",
       "/api/v1/inspections/plans/{fresh_recorded_plan}/publish",
       "/api/v1/inspections/plans/{foreign_fresh_recorded_plan}/publish", "{}", "", kPlanReaders},
      {"PUT /api/v1/inspections/{plan_id}/results/{uscc}", "/api/v1/inspections/{assigned_result}",
       "/api/v1/inspections/{foreign_result}", R"({"result":"no_issue"})", "",
       "platform=403/403 admin=404/404 inspector=200/404"},
      {"GET /api/v1/inspections/assignments", "/api/v1/inspections/assignments?pending=true", "",
       "", "", "platform=200 admin=200 inspector=200"},
      {"POST /api/v1/users/{id}/conflicts", "/api/v1/users/{self}/conflicts",
       "/api/v1/users/{foreign_user}/conflicts", R"({"uscc":"{uscc}"})", "",
       "platform=201/201 admin=201/404 civil_affairs_officer=201/404 inspector=201/404"},
      {"GET /api/v1/users/{id}/conflicts", "/api/v1/users/{self}/conflicts",
       "/api/v1/users/{foreign_user}/conflicts", "", "",
       "platform=200/200 admin=200/404 civil_affairs_officer=200/404 inspector=200/404"},
      {"GET /api/public/inspections", "/api/public/inspections", "", "", "", All("200")},
      {"GET /api/public/inspections/{id}", "/api/public/inspections/{own_plan}",
       "/api/public/inspections/{foreign_plan}", "", "", All("200")},
      {"GET /api/public/selection-rounds/{id}/booklet.pdf",
       "/api/public/selection-rounds/{own_published_round}/booklet.pdf",
       "/api/public/selection-rounds/{own_scoring_round}/booklet.pdf", "", "", All("200/404")},
      {"GET /api/public/selection-rounds/{id}/booklet.xlsx",
       "/api/public/selection-rounds/{foreign_published_round}/booklet.xlsx",
       "/api/public/selection-rounds/{foreign_scoring_round}/booklet.xlsx", "", "", All("200/404")},
      // Grade evaluations.
      {"GET /api/v1/evaluation-templates", "/api/v1/evaluation-templates", "", "", "",
       kTemplateListers},
      {"POST /api/v1/evaluation-templates", "/api/v1/evaluation-templates", "", kTemplateBody, "",
       "platform=201 admin=201 civil_affairs_officer=201"},
      {"GET /api/v1/evaluation-templates/{id}", "/api/v1/evaluation-templates/{own_template}",
       "/api/v1/evaluation-templates/{foreign_template}", "", "", kTemplateReaders},
      {"PATCH /api/v1/evaluation-templates/{id}", "/api/v1/evaluation-templates/{own_template}",
       "/api/v1/evaluation-templates/{foreign_template}", kTemplateBody, "", kTemplateEditors},
      {"GET /api/v1/evaluations", "/api/v1/evaluations", "", "", "", kEvaluationListers},
      {"POST /api/v1/evaluations", "/api/v1/evaluations", "/api/v1/evaluations",
       R"({"org_id":{fresh_org},"template_id":{eval_template},"expert_ids":[{eval_expert}]})",
       R"({"org_id":{foreign_fresh_org},"template_id":{eval_template},"expert_ids":[{eval_expert}]})",
       "platform=201/201 admin=403/403 civil_affairs_officer=201/403"},
      {"GET /api/v1/evaluations/{id}", "/api/v1/evaluations/{own_evaluation}",
       "/api/v1/evaluations/{foreign_evaluation}", "", "", kEvaluationReaders},
      {"PUT /api/v1/evaluations/{id}/scores/{expert_id}",
       "/api/v1/evaluations/{own_evaluation}/scores/{bj_expert}",
       "/api/v1/evaluations/{foreign_evaluation}/scores/{sx_expert}", R"({"scores":{"1.1":80}})",
       "", "platform=404/404 admin=404/404 expert=200/404"},
      {"POST /api/v1/evaluations/{id}/finalize",
       "/api/v1/evaluations/{fresh_scored_evaluation}/finalize",
       "/api/v1/evaluations/{foreign_fresh_scored_evaluation}/finalize", "", "",
       kEvaluationManagers},
      // The work mechanism.
      {"GET /api/v1/meetings", "/api/v1/meetings", "", "", "", kMeetingListers},
      {"POST /api/v1/meetings", "/api/v1/meetings", "/api/v1/meetings",
       R"({"title":"定期会商","kind":"consultation","unit_id":{mech_unit},)"
       R"("starts_at":"2026-04-10T09:00:00+08:00"})",
       R"({"title":"定期会商","kind":"consultation","unit_id":{foreign_unit},)"
       R"("starts_at":"2026-04-10T09:00:00+08:00"})",
       kMeetingCreators},
      {"GET /api/v1/meetings/{id}", "/api/v1/meetings/{own_meeting}",
       "/api/v1/meetings/{foreign_meeting}", "", "", kMeetingReaders},
      {"PATCH /api/v1/meetings/{id}", "/api/v1/meetings/{own_meeting}",
       "/api/v1/meetings/{foreign_meeting}", R"({"location":"会议室"})", "", kMeetingReaders},
      {"POST /api/v1/meetings/{id}/minutes", "/api/v1/meetings/{own_meeting}/minutes",
       "/api/v1/meetings/{foreign_meeting}/minutes", R"({"minutes":"议定三项"})", "",
       kMeetingReaders},
      {"POST /api/v1/meetings/{id}/decisions", "/api/v1/meetings/{own_meeting}/decisions",
       "/api/v1/meetings/{foreign_meeting}/decisions",
       R"({"text":"事项","owner_name":"张三","deadline":"2026-12-31"})", "", kMeetingAdders},
      {"GET /api/v1/supervised-tasks", "/api/v1/supervised-tasks", "", "", "", kTaskListers},
      {"GET /api/v1/supervised-tasks/{id}", "/api/v1/supervised-tasks/{own_task}",
       "/api/v1/supervised-tasks/{foreign_task}", "", "", kTaskReaders},
      {"POST /api/v1/supervised-tasks/{id}/progress",
       "/api/v1/supervised-tasks/{own_task}/progress",
       "/api/v1/supervised-tasks/{foreign_task}/progress", R"({"note":"推进中"})", "",
       kTaskReaders},
      {"GET /api/v1/calendar", "/api/v1/calendar?from=2026-01-01&to=2026-12-31", "", "", "",
       kMeetingListers},
      {"GET /api/v1/mechanism-templates", "/api/v1/mechanism-templates", "", "", "",
       kMeetingListers},
      {"POST /api/v1/mechanism-templates", "/api/v1/mechanism-templates",
       "/api/v1/mechanism-templates", kMechanismTemplateBody, kForeignMechanismTemplateBody,
       kMeetingCreators},
      {"GET /api/v1/mechanism-templates/{id}", "/api/v1/mechanism-templates/{own_mtemplate}",
       "/api/v1/mechanism-templates/{foreign_mtemplate}", "", "", kMeetingReaders},
      {"PATCH /api/v1/mechanism-templates/{id}", "/api/v1/mechanism-templates/{own_mtemplate}",
       "/api/v1/mechanism-templates/{foreign_mtemplate}", R"({"active":true})", "",
       kMeetingReaders},
  };
  return rows;
}

}  // namespace lianyin::test
