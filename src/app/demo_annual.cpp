#include "app/demo_annual.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/services.hpp"
#include "domain/annual/annual_rules.hpp"
#include "domain/annual/annual_service.hpp"
#include "domain/annual/credit_rules_job.hpp"

namespace lianyin::app {
namespace {

namespace annual = domain::annual;

// What the i-th organisation does. Silent ones never report (on the abnormal list since the
// first year's deadline, the dishonest list two years on); lapsed ones skip the last year.
bool Silent(std::size_t i) { return i % 40 == 13; }
bool Lapsed(std::size_t i) { return i % 20 == 7; }

// The i-th organisation's review of `year`'s report: a few awaiting review or returned in the
// last year, a few basic passes and failures, the rest passed.
std::optional<std::string> ResultOf(std::size_t i, bool last_year) {
  if (last_year && i % 15 == 4) return std::nullopt;  // awaiting review
  if (i % 10 == 3) return "fail";
  if (i % 10 == 5 || i % 10 == 8) return "basic_pass";
  return "pass";
}

const char* kActivities[] = {
    "全年开展职工技能培训 12 期，服务职工 860 人次；承接工会购买服务项目 2 个。",
    "开展职工心理健康讲座 8 场、一对一咨询 140 人次；组织志愿服务 20 次。",
    "为新就业形态劳动者提供法律咨询 300 人次，建设驿站 3 个，开展文体活动 6 场。",
    "开展困难职工帮扶走访 45 户，组织职工子女暑期托管 2 期，服务 210 人次。",
};

core::DateTime At(int year, int month, int day, int hour = 10) {
  return {core::StartOfDay({year, month, day}).unix_seconds + hour * 3600};
}

// Every organisation of the registry, by id (the demo's: a few hundred).
std::vector<domain::org::Org> AllOrgs(Services& services, const domain::account::Actor& admin) {
  std::vector<domain::org::Org> out;
  domain::org::OrgFilter filter;
  filter.sort = domain::org::OrgFilter::Sort::kOldest;
  for (std::int64_t page = 1;; ++page) {
    auto found = services.orgs.List(admin, filter, {page, 200});
    for (auto& v : found.items) out.push_back(std::move(v.org));
    if (found.items.size() < 200) break;
  }
  return out;
}

// Files (and reviews, per ResultOf) the i-th organisation's report for `year`, dating each step
// in the months after the year, never after `clock`'s time on entry (today).
core::Result<void> File(annual::AnnualService& svc, core::DateTime& clock,
                        const domain::account::Actor& admin, std::size_t i, std::int64_t org_id,
                        int year, bool last_year, DemoAnnualReport& report) {
  const std::int64_t income = 200000000 + static_cast<std::int64_t>(i % 37) * 3100000;
  annual::NewReport r{year,
                      {income, income * 9 / 10, income / 2,
                       income * static_cast<std::int64_t>(i % 5) / 10, kActivities[i % 4]}};
  const core::DateTime today = clock;
  clock = std::min(today, At(year + 1, 3 + static_cast<int>(i % 3), 1 + static_cast<int>(i % 28)));
  auto filed = svc.Submit(admin, org_id, r);
  if (!filed) return filed.error();
  ++report.reports;
  clock =
      std::min(today, At(year + 1, 7 + static_cast<int>(i % 3), 1 + static_cast<int>(i % 28), 15));
  if (last_year && i % 30 == 9) {
    if (auto ok = svc.Return(admin, filed->id, "请补充政府购买服务收入明细及年度活动佐证材料");
        !ok) {
      return ok.error();
    }
    ++report.returned;
    return {};
  }
  const auto result = ResultOf(i, last_year);
  if (!result) {
    ++report.to_review;
    return {};
  }
  const char* comment = *result == "fail" ? "未按规定建立财务管理制度，限期整改"
                        : *result == "basic_pass" ? "内部治理有待规范，请按时换届"
                                                  : "";
  if (auto ok = svc.Review(admin, filed->id, *result, comment); !ok) return ok.error();
  (*result == "fail"         ? report.failed
   : *result == "basic_pass" ? report.basic_passed
                             : report.passed)++;
  return {};
}

core::Result<void> Penalise(annual::AnnualService& svc, const domain::account::Actor& admin,
                            std::size_t i, std::int64_t org_id, std::int64_t year,
                            DemoAnnualReport& report) {
  const bool fine = i % 2 == 1;
  const std::string decided = fmt::format("{}-{:02d}-{:02d}", year + 1, 5 + i % 2, 1 + i % 28);
  auto p = svc.AddPenalty(admin, org_id,
                          {decided, fine ? "fine" : "warning",
                           fine ? "违反规定收取费用" : "未按规定报送年度工作报告且逾期未改正",
                           fmt::format("民罚决字〔{}〕{}号", year + 1, 10 + i % 90),
                           fine ? std::optional<std::int64_t>(500000) : std::nullopt});
  if (!p) return p.error();
  ++report.penalties;
  return {};
}

}  // namespace

core::Result<DemoAnnualReport> BuildDemoAnnual(Services& services,
                                               const domain::account::Actor& admin,
                                               core::DateTime now) {
  DemoAnnualReport report;
  const core::Date today = core::LocalDate(now);
  report.last_year = annual::LatestDueYear(today);
  core::DateTime clock = now;
  annual::AnnualService svc(services.writer, [&clock] { return clock; });
  const std::vector<domain::org::Org> orgs = AllOrgs(services, admin);
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    if (orgs[i].status != domain::org::OrgStatus::kRegistered || Silent(i)) continue;
    const auto founded_on = core::ParseDate(orgs[i].founded_on);
    const int founded = founded_on ? founded_on->year : 0;
    for (int year = static_cast<int>(report.last_year) - 2; year <= report.last_year; ++year) {
      const bool last = year == report.last_year;
      if (last && Lapsed(i)) continue;
      if (year < founded) continue;
      clock = now;  // File dates its steps in the past of this
      if (auto ok = File(svc, clock, admin, i, orgs[i].id, year, last, report); !ok) {
        return ok.error();
      }
    }
    if (i % 50 == 21) {
      clock = now;
      if (auto ok = Penalise(svc, admin, i, orgs[i].id, report.last_year, report); !ok) {
        return ok.error();
      }
    }
  }
  // The rules as they ran: at the first year's deadline, then today.
  const core::Date first_due = core::AddDays(annual::Deadline(report.last_year - 2), 1);
  for (const core::DateTime at : {At(first_due.year, first_due.month, first_due.day, 0), now}) {
    auto ran =
        annual::RunCreditRules(services.writer, core::LocalDate(at), core::FormatDateTime(at));
    if (!ran) return ran.error();
    report.abnormal += static_cast<int>(ran->abnormal);
    report.dishonest += static_cast<int>(ran->dishonest);
  }
  return report;
}

}  // namespace lianyin::app
