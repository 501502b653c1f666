#pragma once

#include "app/demo_annual.hpp"
#include "app/demo_evaluations.hpp"
#include "app/demo_events.hpp"
#include "app/demo_inspections.hpp"
#include "app/demo_matching.hpp"
#include "app/demo_mechanism.hpp"
#include "app/demo_projects.hpp"
#include "app/demo_teams.hpp"
#include "app/demo_venues.hpp"
#include "core/error.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/org/org_service.hpp"
#include "domain/project/project_service.hpp"
#include "domain/region/region_service.hpp"

namespace lianyin::app {

struct DemoReport {
  int units = 0;
  int orgs = 0;
  int links = 0;
  // The purchased-service projects (demo_projects.hpp): counts and sums.
  std::int64_t projects = 0;
  std::int64_t project_outputs = 0;
  std::int64_t contract_fen = 0;
  std::int64_t person_times = 0;
  std::int64_t national_union_id = 0;  // 中华全国总工会, the organiser of the demo's selections
  // The excellent-project selections (demo_selection.hpp), built by Application::Init.
  int selection_rounds = 0;
  int excellent_projects = 0;
  // The Suzhou Industrial Park matching (demo_matching.hpp), built by Application::Init; its
  // units, organisations and links are also counted above.
  DemoMatchingReport matching;
  // Fuzhou's shared base: its union, the organisations registered there, and (demo_venues.hpp,
  // built by Application::Init) the union's venues and their bookings, and (demo_events.hpp,
  // likewise) its roster of workers and the events held at the bookings.
  std::int64_t fuzhou_union_id = 0;
  std::vector<std::int64_t> fuzhou_org_ids;
  DemoVenuesReport venues;
  DemoEventsReport events;
  // Annual reports, the credit rules' entries and penalties (demo_annual.hpp), built by
  // Application::Init.
  DemoAnnualReport annual;
  // The grade evaluations of Fuzhou's organisations (demo_evaluations.hpp), built by
  // Application::Init.
  DemoEvaluationsReport evaluations;
  // 内蒙古自治区民政厅, where the demo's published draws are made (demo_inspections.hpp, built by
  // Application::Init), and what they built.
  std::int64_t inner_mongolia_civil_id = 0;
  DemoInspectionsReport inspections;
  // 陕西省民政厅, which runs the demo's rural-revitalisation teams (demo_teams.hpp, built by
  // Application::Init), and what they built.
  std::int64_t shaanxi_civil_id = 0;
  DemoTeamsReport teams;
  // 陕西省民政厅's work mechanism: templates, the joint meeting and its supervised tasks
  // (demo_mechanism.hpp, built by Application::Init).
  DemoMechanismReport mechanism;
};

// The demo deployment of SPEC §6, built up as the areas land, through the same use cases users
// call (so it is audited and indexed like real data). Now: 中华全国总工会 and 民政部 below the
// platform root, each with one body per province (省总工会 / 民政厅); 福州市总工会 and 福州市民政局
// with the 180 organisations registered at Fuzhou's shared base, all linked to the union; and four
// organisations registered in every other province; and the 9 592 purchased-service projects of
// 2018–2022 (demo_projects.hpp), funded by the provincial unions, 中华全国总工会 and 福州市总工会
// and provided by the demo organisations of their province (Fuzhou's by those of its shared
// base), imported through ProjectService::ImportHistorical (`project_totals` scales them: the
// benchmark loads 100 000). Runs as `admin` (holding "*").
core::Result<DemoReport> BuildDemo(domain::account::UnitService& units,
                                   domain::region::RegionService& regions,
                                   domain::org::OrgService& orgs,
                                   domain::project::ProjectService& projects,
                                   const domain::account::Actor& admin,
                                   const DemoTotals& project_totals = {});

}  // namespace lianyin::app
