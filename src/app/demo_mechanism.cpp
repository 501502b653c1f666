#include "app/demo_mechanism.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/services.hpp"
#include "domain/mechanism/mechanism_job.hpp"

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace mech = domain::mechanism;

// The meeting templates: what the news page calls 定期会商、季度调度、半年小结、年终总结.
struct TemplateRow {
  const char* name;
  const char* recurrence;
  const char* kind;
  const char* title_pattern;
  std::int64_t lead_days;
};
constexpr TemplateRow kTemplates[] = {
    {"定期会商", "monthly", "consultation", "{period}社会组织工作定期会商", 5},
    {"季度调度", "quarterly", "dispatch", "{period}乡村振兴合力团工作调度会", 10},
    {"半年小结", "half_yearly", "half_year_summary", "{period}乡村振兴合力团工作小结会", 15},
    {"年终总结", "yearly", "year_end_summary", "{period}乡村振兴合力团年终总结会", 20},
};

// The joint meeting's decisions: days from today to the deadline, the organisation owning it
// (an index into the Shaanxi organisations; -1: the named office), and what was reported.
struct DecisionRow {
  const char* text;
  int deadline_in_days;
  int org;
  std::optional<mech::TaskStatus> status;
  const char* note;
};
const DecisionRow kDecisions[] = {
    {"各合力团制定年度帮扶计划并报省民政厅备案", -120, 0, mech::TaskStatus::kDone,
     "12个合力团年度帮扶计划已全部备案"},
    {"摸清结对帮扶县需求清单", -90, -1, mech::TaskStatus::kDone, "已形成需求清单并印发"},
    {"开展消费帮扶专项行动", -30, 1, mech::TaskStatus::kInProgress, "已组织两场产销对接活动"},
    {"报送上半年帮扶项目进展", -10, 2, std::nullopt, nullptr},
    {"筹备年终总结会并汇总全年帮扶成效", 25, -2, mech::TaskStatus::kInProgress,
     "已下发年终总结通知"},
};

core::Result<std::int64_t> ShaanxiCivil(Services& services, const account::Actor& admin) {
  account::UnitFilter filter;
  filter.q = "陕西省民政厅";
  filter.kind = account::UnitKind::kCivilAffairs;
  for (const account::UnitView& u : services.units.List(admin, filter, {1, 20}).items) {
    if (u.unit.name == "陕西省民政厅") return u.unit.id;
  }
  return core::Error::NotFound("the demo has no 陕西省民政厅");
}

// Up to three of the Shaanxi organisations: their ids and names.
std::vector<std::pair<std::int64_t, std::string>> ShaanxiOrgs(Services& services,
                                                              const account::Actor& admin) {
  domain::org::OrgFilter filter;
  filter.region_code = "610000";
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& o : services.orgs.List(admin, filter, {1, 3}).items) {
    out.emplace_back(o.org.id, o.org.name);
  }
  return out;
}

core::Result<int> MakeTemplates(mech::MechanismService& svc, const account::Actor& admin,
                                std::int64_t unit, int year) {
  for (const TemplateRow& row : kTemplates) {
    mech::NewTemplate t{
        row.name,
        "meeting",
        row.recurrence,
        unit,
        fmt::format("{}-01-01", year),
        std::nullopt,
        row.lead_days,
        mech::MeetingSpec{row.kind, row.title_pattern, "陕西省民政厅三楼会议室", {}},
        std::nullopt};
    if (auto created = svc.CreateTemplate(admin, t); !created) return created.error();
  }
  return static_cast<int>(std::size(kTemplates));
}

core::Result<std::int64_t> MakeJointMeeting(
    mech::MechanismService& svc, const account::Actor& admin, std::int64_t unit,
    const core::Date& today, const std::vector<std::pair<std::int64_t, std::string>>& orgs) {
  const core::Date day = std::min(core::Date{today.year, 2, 20}, core::AddDays(today, -1));
  mech::MeetingInput in;
  in.title = "省级社会组织乡村振兴合力团联席会议";
  in.kind = "joint_meeting";
  in.unit_id = unit;
  in.starts_at = core::FormatDate(day) + "T09:30:00+08:00";
  in.location = "陕西省民政厅三楼会议室";
  in.agenda = "通报上年合力团帮扶成效；部署本年定期会商、季度调度、半年小结、年终总结工作";
  std::vector<mech::Attendee> attendees = {
      {std::nullopt, std::nullopt, "陕西省民政厅社会组织管理局"},
      {std::nullopt, std::nullopt, "陕西社会组织服务中心"}};
  for (const auto& [id, name] : orgs) attendees.push_back({std::nullopt, id, name});
  in.attendees = attendees;
  auto meeting = svc.CreateMeeting(admin, in);
  if (!meeting) return meeting.error();
  auto minutes = svc.RecordMinutes(
      admin, meeting->meeting.id,
      "会议通报了上年12个合力团实施帮扶项目131个、投入资金5043.46万元的成效，议定本年重点工作五项，"
      "由省民政厅社会组织管理局跟踪督办。");
  if (!minutes) return minutes.error();
  return meeting->meeting.id;
}

}  // namespace

core::Result<DemoMechanismReport> BuildDemoMechanism(Services& services,
                                                     const account::Actor& admin,
                                                     core::DateTime now) {
  DemoMechanismReport report;
  auto unit = ShaanxiCivil(services, admin);
  if (!unit) return unit.error();
  report.unit_id = *unit;
  const core::Date today = core::LocalDate(now);
  mech::MechanismService svc(services.writer, [now] { return now; });
  auto templates = MakeTemplates(svc, admin, *unit, today.year);
  if (!templates) return templates.error();
  report.templates = *templates;
  const auto orgs = ShaanxiOrgs(services, admin);
  auto meeting = MakeJointMeeting(svc, admin, *unit, today, orgs);
  if (!meeting) return meeting.error();
  for (const DecisionRow& row : kDecisions) {
    mech::NewDecision d{row.text, std::nullopt, std::nullopt, std::nullopt,
                        core::FormatDate(core::AddDays(today, row.deadline_in_days))};
    if (row.org >= 0 && static_cast<std::size_t>(row.org) < orgs.size()) {
      d.owner_org_id = orgs[static_cast<std::size_t>(row.org)].first;
    } else if (row.org == -2) {
      d.owner_unit_id = *unit;
    } else {
      d.owner_name = "陕西省民政厅社会组织管理局";
    }
    auto task = svc.AddDecision(admin, *meeting, d);
    if (!task) return task.error();
    ++report.tasks;
    if (row.status) {
      auto done = svc.ReportProgress(admin, task->id, {std::string(row.note), row.status});
      if (!done) return done.error();
    }
    const bool done = row.status == mech::TaskStatus::kDone;
    report.done += done ? 1 : 0;
    report.in_progress += row.status == mech::TaskStatus::kInProgress ? 1 : 0;
    report.overdue += !done && row.deadline_in_days < 0 ? 1 : 0;
  }
  auto ran =
      mech::RunMechanismTemplates(services.writer, today, core::FormatDateTime(now), nullptr);
  if (!ran) return ran.error();
  report.meetings = 1 + ran->meetings;
  return report;
}

}  // namespace lianyin::app
