#include "domain/mechanism/mechanism_job.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "domain/mechanism/mechanism_audit.hpp"
#include "domain/mechanism/mechanism_repo.hpp"
#include "domain/mechanism/mechanism_rules.hpp"

namespace lianyin::domain::mechanism {
namespace {

const common::Origin kSystem{std::nullopt, "system", "", ""};

// What an occurrence created.
enum class Created { kNothing, kMeeting, kReportTask };

// A meeting occurrence's meeting: on the period's last day at 09:00 (+08:00).
MeetingInput OccurrenceMeeting(const MechanismTemplate& t, const core::Period& period) {
  const MeetingSpec& spec = t.meeting.value();
  const core::DateTime at{core::StartOfDay(period.Last()).unix_seconds + 9 * 3600};
  return {RenderTitle(spec.title_pattern, period),
          spec.kind,
          t.unit_id,
          core::FormatDateTime(at),
          spec.location,
          std::nullopt,
          spec.attendees};
}

IssuedReportTask OccurrenceReportTask(const MechanismTemplate& t, const core::Period& period) {
  const ReportTaskSpec& spec = t.report_task.value();
  return {RenderTitle(spec.title_pattern, period),
          core::FormatPeriod(period),
          spec.indicators,
          spec.scope_unit_id,
          core::FormatDate(core::AddDays(period.Last(), spec.deadline_days)),
          t.unit_id};
}

core::Result<Created> CreateOccurrence(common::Writer& writer, const MechanismTemplate& t,
                                       const core::Period& period, std::string_view now,
                                       ReportTaskIssuer* issuer) {
  const std::string code = core::FormatPeriod(period);
  return writer.Run(kSystem, [&](common::WriteTx& tx) -> core::Result<Created> {
    MechanismRepo repo(tx.session());
    auto occurrence = repo.InsertOccurrence(t, code, now);
    if (!occurrence) return Created::kNothing;  // another run created it
    boost::json::object after{{"template_id", t.id}, {"period", code}};
    if (t.meeting) {
      const MeetingInput input = OccurrenceMeeting(t, period);
      const std::int64_t id = repo.InsertMeeting(input, t.id, std::nullopt, now);
      repo.SetOccurrenceTarget(*occurrence, id, std::nullopt);
      Meeting m;
      m.id = id;
      m.unit_id = t.unit_id;
      m.kind = *input.kind;
      m.title = *input.title;
      m.starts_at = *input.starts_at;
      m.location = input.location;
      m.attendees = *input.attendees;
      m.template_id = t.id;
      tx.Record(MeetingChange("create", m, nullptr, AuditJson(m)));
      after["meeting_id"] = id;
      tx.Record(OccurrenceChange(*occurrence, t, std::move(after)));
      return Created::kMeeting;
    }
    auto task = issuer->Issue(tx, OccurrenceReportTask(t, period));
    if (!task) return task.error();
    repo.SetOccurrenceTarget(*occurrence, std::nullopt, *task);
    after["report_task_id"] = *task;
    tx.Record(OccurrenceChange(*occurrence, t, std::move(after)));
    return Created::kReportTask;
  });
}

}  // namespace

core::Result<MechanismJobReport> RunMechanismTemplates(common::Writer& writer,
                                                       const core::Date& today,
                                                       std::string_view now,
                                                       ReportTaskIssuer* issuer) {
  std::vector<std::pair<MechanismTemplate, std::vector<core::Period>>> work;
  {
    store::Session session = writer.db().Acquire();
    MechanismRepo repo(session);
    for (MechanismTemplate& t : repo.AllActiveTemplates()) {
      const std::vector<std::string> existing = repo.OccurrencePeriods(t.id);
      std::vector<core::Period> missing;
      for (const PlannedOccurrence& o : DueOccurrences(t, today)) {
        const std::string code = core::FormatPeriod(o.period);
        if (std::find(existing.begin(), existing.end(), code) == existing.end()) {
          missing.push_back(o.period);
        }
      }
      if (!missing.empty()) work.emplace_back(std::move(t), std::move(missing));
    }
  }
  MechanismJobReport report;
  for (const auto& [t, periods] : work) {
    if (!t.meeting && issuer == nullptr) {
      report.skipped += static_cast<int>(periods.size());
      continue;
    }
    for (const core::Period& period : periods) {
      auto created = CreateOccurrence(writer, t, period, now, issuer);
      if (!created) return created.error();
      if (*created == Created::kMeeting) ++report.meetings;
      if (*created == Created::kReportTask) ++report.report_tasks;
    }
  }
  return report;
}

}  // namespace lianyin::domain::mechanism
