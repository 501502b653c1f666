// AnnualService: submitting, reviewing, returning and correcting annual reports, and the reads.

#include "domain/annual/annual_service.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/annual/annual_audit.hpp"
#include "domain/annual/annual_repo.hpp"
#include "domain/annual/annual_rules.hpp"

namespace lianyin::domain::annual {
namespace {

using account::Actor;

// Organisations that file reports and bear penalties: those in the registry's legal life.
bool Files(const std::string& status) {
  return status == "registered" || status == "abnormal" || status == "deregistering";
}

core::Error WrongStatus(ReportStatus status, ReportStatus needs) {
  const char* wording = needs == ReportStatus::kSubmitted
                            ? "the report is {}: only a submitted report is reviewed or returned"
                            : "the report is {}: only a returned report is changed or resubmitted";
  return core::Error::Conflict(fmt::format(fmt::runtime(wording), ReportStatusName(status)));
}

core::Error AlreadyReported(std::int64_t year) {
  const std::string message = fmt::format("the organisation has a report for {} already", year);
  core::Error e = core::Error::Conflict(message);
  e.details.push_back({"year", message, std::nullopt});
  return e;
}

}  // namespace

core::Result<AnnualReport> AnnualService::Submit(const Actor& actor, std::int64_t org_id,
                                                 const NewReport& report) {
  const core::DateTime now = clock_();
  const core::Date today = core::LocalDate(now);
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<AnnualReport> {
    AnnualRepo repo(tx.session());
    auto org = repo.FindOrg(scope, org_id);
    if (!org) return core::Error::NotFound();
    if (!org->managed) return account::ForbiddenOutsideScope();
    // Checked here, against the organisation's founding date: pure and cheap.
    if (auto ok = CheckNewReport(report, today, org->founded_on); !ok) return ok.error();
    if (!Files(org->status)) {
      return core::Error::Invalid("org_id", "only a registered organisation files annual reports");
    }
    auto id = repo.Insert(*org, report, actor.user_id, at);
    if (!id) return AlreadyReported(report.year);
    AnnualReport created = repo.FindInScope(scope, *id).value();
    tx.Record(ReportChange("create", created, nullptr, AuditJson(created)));
    return created;
  });
}

template <class Change>
core::Result<AnnualReport> AnnualService::Step(const Actor& actor, std::int64_t id,
                                               ReportStatus needs, const std::string& action,
                                               Change change) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<AnnualReport> {
    AnnualRepo repo(tx.session());
    auto before = repo.FindInScope(scope, id);
    if (!before) return account::OutOfScope();
    if (before->status != needs) return WrongStatus(before->status, needs);
    auto changed = change(repo, *before, at);
    if (!changed) return changed.error();
    AnnualReport after = repo.FindInScope(scope, id).value();
    if (!*changed) return WrongStatus(after.status, needs);  // a concurrent step won
    tx.Record(ReportChange(action, after, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<AnnualReport> AnnualService::Review(const Actor& actor, std::int64_t id,
                                                 const std::string& result,
                                                 const std::string& comment) {
  auto parsed = CheckReview(result, comment);
  if (!parsed) return parsed.error();
  if (actor.org_id) return account::ForbiddenOutsideScope();
  return Step(
      actor, id, ReportStatus::kSubmitted, "review",
      [&](AnnualRepo& repo, const AnnualReport& r, const std::string& at) -> core::Result<bool> {
        return repo.Review(r.id, *parsed, comment, actor.user_id, at);
      });
}

core::Result<AnnualReport> AnnualService::Return(const Actor& actor, std::int64_t id,
                                                 const std::string& comment) {
  if (auto ok = CheckReturn(comment); !ok) return ok.error();
  if (actor.org_id) return account::ForbiddenOutsideScope();
  return Step(
      actor, id, ReportStatus::kSubmitted, "return",
      [&](AnnualRepo& repo, const AnnualReport& r, const std::string& at) -> core::Result<bool> {
        return repo.Return(r.id, comment, actor.user_id, at);
      });
}

core::Result<AnnualReport> AnnualService::Update(const Actor& actor, std::int64_t id,
                                                 const ReportPatch& patch) {
  return Step(
      actor, id, ReportStatus::kReturned, "update",
      [&](AnnualRepo& repo, const AnnualReport& r, const std::string& at) -> core::Result<bool> {
        const ReportFields fields = Patched(r.fields, patch);
        if (auto ok = CheckFields(fields); !ok) return ok.error();
        return repo.UpdateFields(r.id, fields, at);
      });
}

core::Result<AnnualReport> AnnualService::Resubmit(const Actor& actor, std::int64_t id) {
  return Step(
      actor, id, ReportStatus::kReturned, "submit",
      [&](AnnualRepo& repo, const AnnualReport& r, const std::string& at) -> core::Result<bool> {
        return repo.Resubmit(r.id, actor.user_id, at);
      });
}

account::Page<AnnualReport> AnnualService::List(const Actor& actor, const ReportFilter& filter,
                                                const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  AnnualRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.List(filter, scope, page.page_size, page.Offset()), repo.Count(filter, scope)};
}

core::Result<AnnualReport> AnnualService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto found = AnnualRepo(session).FindInScope(account::ScopeOf(actor), id);
  if (!found) return account::OutOfScope();
  return *found;
}

core::Result<account::Page<AnnualReport>> AnnualService::OrgReports(
    const Actor& actor, std::int64_t org_id, const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  AnnualRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  auto org = repo.FindOrg(scope, org_id);
  if (!org || !org->managed) return account::OutOfScope();
  const ReportFilter filter{.org_id = org_id};
  return account::Page<AnnualReport>{repo.List(filter, scope, page.page_size, page.Offset()),
                                     repo.Count(filter, scope)};
}

OverduePage AnnualService::Overdue(const Actor& actor, std::optional<std::int64_t> year,
                                   const account::PageRequest& page) {
  const core::Date today = core::LocalDate(clock_());
  OverduePage out;
  out.year = year.value_or(LatestDueYear(today));
  const core::Date deadline = Deadline(out.year);
  out.deadline = core::FormatDate(deadline);
  out.past_deadline = today > deadline;
  store::Session session = writer_.db().Acquire();
  AnnualRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  out.items = repo.Overdue(scope, out.year, page.page_size, page.Offset());
  out.total = repo.CountOverdue(scope, out.year);
  return out;
}

core::Result<Penalty> AnnualService::AddPenalty(const Actor& actor, std::int64_t org_id,
                                                const NewPenalty& penalty) {
  const core::DateTime now = clock_();
  if (auto ok = CheckPenalty(penalty, core::LocalDate(now)); !ok) return ok.error();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Penalty> {
    AnnualRepo repo(tx.session());
    auto org = repo.FindOrg(scope, org_id);
    if (!org) return core::Error::NotFound();
    if (!org->managed || actor.org_id) return account::ForbiddenOutsideScope();
    if (org->status == "applying" || org->status == "rejected") {
      return core::Error::Invalid("org_id", "only a registered organisation bears penalties");
    }
    Penalty created =
        repo.FindPenalty(repo.InsertPenalty(*org, penalty, actor.user_id, at)).value();
    tx.Record(PenaltyChange(created));
    return created;
  });
}

core::Result<account::Page<Penalty>> AnnualService::Penalties(const Actor& actor,
                                                              std::int64_t org_id,
                                                              const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  AnnualRepo repo(session);
  auto org = repo.FindOrg(account::ScopeOf(actor), org_id);
  if (!org || !org->managed) return account::OutOfScope();
  return account::Page<Penalty>{repo.Penalties(org_id, page.page_size, page.Offset()),
                                repo.CountPenalties(org_id)};
}

std::vector<PublicReport> AnnualService::PublicReports(std::int64_t org_id) {
  store::Session session = writer_.db().Acquire();
  return AnnualRepo(session).PublicReports(org_id);
}

std::vector<Penalty> AnnualService::PublicPenalties(std::int64_t org_id) {
  store::Session session = writer_.db().Acquire();
  return AnnualRepo(session).Penalties(org_id, 1000, 0);
}

}  // namespace lianyin::domain::annual
