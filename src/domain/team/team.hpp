#pragma once
// Rural-revitalisation teams (乡村振兴合力团, SPEC §4; issue #13 point 1): a lead organisation
// (团长单位) and member organisations working in one domain, paired with counties (结对帮扶县);
// their yearly plans, help projects (帮扶项目, shared by one or more members) and consumption
// assistance (消费帮扶). Plain types; the codes are the data dictionary's (team_domain,
// consumption_kind).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::team {

// industry 产业振兴, organization 组织振兴, talent 人才振兴, consumption 消费帮扶, charity
// 公益慈善.
const std::vector<std::string>& DomainNames();
bool IsDomain(std::string_view code);
// direct_purchase 直接采购, sales_helped 帮助销售.
const std::vector<std::string>& ConsumptionKinds();
bool IsConsumptionKind(std::string_view code);

struct Member {
  std::int64_t org_id = 0;
  std::string org_name;
  bool lead = false;
};

struct County {
  std::string code;
  std::string name;
};

// A team, owned (SPEC §1) by its creator's unit. members always include the lead organisation
// (lead = true), first; then the others by name order of insertion (id).
struct Team {
  std::int64_t id = 0;
  std::string name;
  std::string domain;
  std::int64_t lead_org_id = 0;
  std::string lead_org_name;
  std::string lead_region_code;
  std::vector<Member> members;
  std::vector<County> counties;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string created_at;
  std::string updated_at;
};

// POST /teams. member_org_ids may or may not name the lead; it is a member either way.
struct NewTeam {
  std::string name;
  std::string domain;
  std::int64_t lead_org_id = 0;
  std::vector<std::int64_t> member_org_ids;
  std::vector<std::string> county_codes;
};

// PATCH /teams/{id}: absent members stay; the lists replace the stored ones.
struct TeamPatch {
  std::optional<std::string> name;
  std::optional<std::string> domain;
  std::optional<std::int64_t> lead_org_id;
  std::optional<std::vector<std::int64_t>> member_org_ids;
  std::optional<std::vector<std::string>> county_codes;
};

// GET /teams filters; absent members do not filter.
struct TeamFilter {
  std::optional<std::string> q;        // any part of the name
  std::optional<std::string> domain;   // a team_domain code
  std::optional<std::int64_t> org_id;  // teams the organisation leads or belongs to
};

// One team's plan for one year (one per year).
struct Plan {
  std::int64_t id = 0;
  std::int64_t team_id = 0;
  std::int64_t year = 0;
  std::int64_t projects_planned = 0;
  std::int64_t funds_planned_fen = 0;
  std::string created_at;
  std::string updated_at;
};

struct NewPlan {
  std::int64_t year = 0;
  std::int64_t projects_planned = 0;
  std::int64_t funds_planned_fen = 0;
};

struct PlanPatch {
  std::optional<std::int64_t> projects_planned;
  std::optional<std::int64_t> funds_planned_fen;
};

// A help project of a team, taken part in by one or more of its members (参与单位): counted
// once in every total, shown on each member's page.
struct HelpProject {
  std::int64_t id = 0;
  std::int64_t team_id = 0;
  std::string team_name;
  std::string title;
  std::string county_code;
  std::string county_name;
  std::int64_t funds_fen = 0;
  std::int64_t beneficiaries = 0;
  std::string started_on;  // YYYY-MM-DD
  std::vector<Member> members;
  std::string created_at;
  std::string updated_at;
};

// POST /teams/{id}/help-projects; member_org_ids empty → the lead organisation.
struct NewHelpProject {
  std::string title;
  std::string county_code;
  std::int64_t funds_fen = 0;
  std::int64_t beneficiaries = 0;
  std::string started_on;
  std::vector<std::int64_t> member_org_ids;
};

struct HelpProjectPatch {
  std::optional<std::string> title;
  std::optional<std::string> county_code;
  std::optional<std::int64_t> funds_fen;
  std::optional<std::int64_t> beneficiaries;
  std::optional<std::string> started_on;
  std::optional<std::vector<std::int64_t>> member_org_ids;
};

// List filters of a team's help projects and consumption records.
struct PartFilter {
  std::optional<std::int64_t> year;
  std::optional<std::string> county_code;
};

// One consumption-assistance record (消费帮扶): produce of a county bought directly by the
// team's members, or sales the team helped make.
struct Consumption {
  std::int64_t id = 0;
  std::int64_t team_id = 0;
  std::string on;  // YYYY-MM-DD
  std::string kind;
  std::int64_t amount_fen = 0;
  std::string county_code;
  std::string county_name;
  std::string created_at;
};

struct NewConsumption {
  std::string on;
  std::string kind;
  std::int64_t amount_fen = 0;
  std::string county_code;
};

// SPEC §4's progress figures.
struct Planned {
  std::int64_t projects = 0;
  std::int64_t funds_fen = 0;
};
struct Actual {
  std::int64_t projects = 0;
  std::int64_t funds_fen = 0;
  std::int64_t beneficiaries = 0;
  std::int64_t direct_purchase_fen = 0;
  std::int64_t sales_helped_fen = 0;

  void Add(const Actual& other);
};
struct Progress {
  Planned planned;
  Actual actual;
};

// GET /teams/{id}/progress/by-year: one row per year with a plan, a help project or a
// consumption record, ascending.
struct YearRow {
  std::int64_t year = 0;
  Progress progress;
};

// GET /teams/{id}/progress/by-county: one row per paired county and per county with actual
// figures; plans are the team's, not a county's, so they stand beside the rows.
struct CountyRow {
  std::string county_code;
  std::string county_name;
  bool paired = false;
  Actual actual;
};
struct CountyProgress {
  Planned planned;
  std::vector<CountyRow> rows;
  Actual total;
};

// GET /teams/{id}/progress/by-member: each member's row counts every help project it takes
// part in, in full (attribution); a shared project is in several rows, so the rows do not add
// up to the team total (which counts it once) — consumption is the team's, not a member's.
struct MemberRow {
  Member member;
  std::int64_t projects = 0;
  std::int64_t shared_projects = 0;  // of those, taken part in with other members
  std::int64_t funds_fen = 0;
  std::int64_t beneficiaries = 0;
};
struct MemberProgress {
  std::vector<MemberRow> rows;
  Progress team_total;
};

// GET /teams/overview: the teams whose lead organisation is in a region, side by side.
struct OverviewRow {
  std::int64_t team_id = 0;
  std::string name;
  std::string domain;
  std::int64_t lead_org_id = 0;
  std::string lead_org_name;
  std::int64_t members = 0;
  std::int64_t counties = 0;
  Progress progress;
};
struct Overview {
  std::vector<OverviewRow> rows;
  Progress total;
};

}  // namespace lianyin::domain::team
