#pragma once
// The demo's rural-revitalisation teams (issue #13 point 1, SPEC §6): under 陕西省民政厅, the
// 12 provincial teams led by provincial social organisations (陕西省秦商总会, 陕西省慈善协会 …)
// with two or three member organisations each (not labour-field: the union statistics do not
// change), across the five domains, each paired with real Shaanxi counties of the regions
// table; their 131 help projects started in 2022 (some shared by 2–3 members) and the 2022
// consumption assistance with SPEC §6's sums exactly, the 2022 and 2023 plans (2023: 257
// projects, 8 000 000 000 fen) and a few help projects started in 2023. Acted by the body's
// officer (demo.sxmz, the admin's password), through the same use cases people use.

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

// SPEC §6's 2022 figures and 2023 plan.
inline constexpr std::int64_t kDemoTeams = 12;
inline constexpr std::int64_t kDemoHelpProjects2022 = 131;
inline constexpr std::int64_t kDemoHelpFunds2022Fen = 5'043'460'000;
inline constexpr std::int64_t kDemoBeneficiaries2022 = 310'000;
inline constexpr std::int64_t kDemoDirectPurchase2022Fen = 607'200'000;
inline constexpr std::int64_t kDemoSalesHelped2022Fen = 788'500'000;
inline constexpr std::int64_t kDemoPlannedProjects2023 = 257;
inline constexpr std::int64_t kDemoPlannedFunds2023Fen = 8'000'000'000;

inline constexpr const char* kDemoShaanxiOfficer = "demo.sxmz";

struct DemoTeamsReport {
  int orgs = 0;
  std::vector<std::int64_t> team_ids;
  int help_projects = 0;  // all years
  int shared_projects = 0;
};

// `province_civil_id`: 陕西省民政厅 (BuildDemo's). Without it, or without Shaanxi's counties in
// the regions table, it builds nothing and reports zeros.
core::Result<DemoTeamsReport> BuildDemoTeams(Services& services,
                                             const domain::account::Actor& admin,
                                             std::int64_t province_civil_id,
                                             const std::string& password);

}  // namespace lianyin::app
