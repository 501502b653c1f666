#include "domain/annual/annual_repo.hpp"

#include <fmt/format.h>

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::annual {
namespace {

using common::OptValue;

// How the registry owns organisations (org::kOrgRows).
constexpr common::Ownership kOrgRows{"o.registration_unit_id", "o.id"};

// The organisations that owe reports: in the registry, registered or on its abnormal status.
constexpr const char* kOwingOrgs =
    "o.import_id IS NULL AND o.status IN ('registered', 'abnormal') AND o.founded_on <= ? ";

constexpr const char* kReportSelect =
    "SELECT a.id, a.org_id, o.name, o.uscc, a.year, a.income_fen, a.expense_fen, "
    "a.net_assets_fen, a.gov_purchase_income_fen, a.activities, a.status, a.result, "
    "a.review_comment, a.return_comment, a.unit_id, COALESCE(u.name, ''), "
    "a.submitted_by_user_id, COALESCE(su.display_name, ''), a.submitted_at, "
    "a.reviewed_by_user_id, COALESCE(ru.display_name, ''), a.reviewed_at, a.created_at, "
    "a.updated_at ";
constexpr const char* kReportFrom =
    "FROM annual_reports a JOIN orgs o ON o.id = a.org_id "
    "LEFT JOIN units u ON u.id = a.unit_id "
    "LEFT JOIN users su ON su.id = a.submitted_by_user_id "
    "LEFT JOIN users ru ON ru.id = a.reviewed_by_user_id ";

AnnualReport ReadReport(const store::Row& r) {
  AnnualReport a;
  a.id = r.Int(0);
  a.org_id = r.Int(1);
  a.org_name = r.Text(2);
  a.uscc = r.Text(3);
  a.year = r.Int(4);
  a.fields = {r.Int(5), r.Int(6), r.Int(7), r.Int(8), r.Text(9)};
  a.status = ParseReportStatus(r.Text(10)).value_or(ReportStatus::kSubmitted);
  if (auto result = r.OptText(11)) a.result = ParseReportResult(*result);
  a.review_comment = r.OptText(12);
  a.return_comment = r.OptText(13);
  a.unit_id = r.Int(14);
  a.unit_name = r.Text(15);
  a.submitted_by_user_id = r.OptInt(16);
  a.submitted_by_name = r.Text(17);
  a.submitted_at = r.Text(18);
  a.reviewed_by_user_id = r.OptInt(19);
  a.reviewed_by_name = r.Text(20);
  a.reviewed_at = r.OptText(21);
  a.created_at = r.Text(22);
  a.updated_at = r.Text(23);
  return a;
}

constexpr const char* kPenaltySelect =
    "SELECT p.id, p.org_id, p.decided_on, p.kind, p.reason, p.decision_no, p.amount_fen, "
    "p.unit_id, COALESCE(u.name, ''), p.created_by_user_id, p.created_at, p.updated_at "
    "FROM penalties p LEFT JOIN units u ON u.id = p.unit_id ";

Penalty ReadPenalty(const store::Row& r) {
  return {r.Int(0),    r.Int(1), r.Text(2), r.Text(3),   r.Text(4),  r.OptText(5),
          r.OptInt(6), r.Int(7), r.Text(8), r.OptInt(9), r.Text(10), r.Text(11)};
}

OrgRef ReadOrg(const store::Row& r, int first) {
  return {r.Int(first),      r.Text(first + 1), r.Int(first + 2),
          r.Text(first + 3), r.Text(first + 4), false};
}

std::string EndOfYear(std::int64_t year) { return fmt::format("{:04d}-12-31", year); }

}  // namespace

std::optional<OrgRef> AnnualRepo::FindOrg(const common::Scope& scope, std::int64_t org_id) {
  const common::ScopeFilter manages = common::Visible(scope, kOrgRows);
  auto stmt = session_.Prepare(
      "SELECT o.id, o.name, o.registration_unit_id, o.status, o.founded_on, CASE WHEN " +
      manages.sql + " THEN 1 ELSE 0 END FROM orgs o WHERE o.id = ? AND o.import_id IS NULL");
  std::vector<store::Value> params = manages.params;
  params.emplace_back(org_id);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  OrgRef org = ReadOrg(stmt.row(), 0);
  org.managed = stmt.row().Bool(5);
  return org;
}

std::optional<std::int64_t> AnnualRepo::Insert(const OrgRef& org, const NewReport& report,
                                               std::int64_t by_user_id, std::string_view now) {
  const ReportFields& f = report.fields;
  const std::string at(now);
  return store::InsertOrConflict(
      session_,
      "INSERT INTO annual_reports (org_id, year, income_fen, expense_fen, net_assets_fen, "
      "gov_purchase_income_fen, activities, status, unit_id, submitted_by_user_id, "
      "submitted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, "
      "?, ?)",
      {org.id, report.year, f.income_fen, f.expense_fen, f.net_assets_fen,
       f.gov_purchase_income_fen, f.activities, org.registration_unit_id, by_user_id, at, at, at});
}

std::optional<AnnualReport> AnnualRepo::FindInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kReportRows);
  auto stmt = session_.Prepare(std::string(kReportSelect) + kReportFrom + "WHERE a.id = ? AND " +
                               visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadReport(stmt.row());
}

bool AnnualRepo::Review(std::int64_t id, ReportResult result, const std::string& comment,
                        std::int64_t by_user_id, std::string_view now) {
  return session_.Execute(
             "UPDATE annual_reports SET status = 'reviewed', result = ?, review_comment = ?, "
             "reviewed_by_user_id = ?, reviewed_at = ?, updated_at = ? "
             "WHERE id = ? AND status = 'submitted'",
             {std::string(ReportResultName(result)), comment, by_user_id, std::string(now),
              std::string(now), id}) == 1;
}

bool AnnualRepo::Return(std::int64_t id, const std::string& comment, std::int64_t by_user_id,
                        std::string_view now) {
  return session_.Execute(
             "UPDATE annual_reports SET status = 'returned', return_comment = ?, "
             "reviewed_by_user_id = ?, reviewed_at = ?, updated_at = ? "
             "WHERE id = ? AND status = 'submitted'",
             {comment, by_user_id, std::string(now), std::string(now), id}) == 1;
}

bool AnnualRepo::UpdateFields(std::int64_t id, const ReportFields& f, std::string_view now) {
  return session_.Execute(
             "UPDATE annual_reports SET income_fen = ?, expense_fen = ?, net_assets_fen = ?, "
             "gov_purchase_income_fen = ?, activities = ?, updated_at = ? "
             "WHERE id = ? AND status = 'returned'",
             {f.income_fen, f.expense_fen, f.net_assets_fen, f.gov_purchase_income_fen,
              f.activities, std::string(now), id}) == 1;
}

bool AnnualRepo::Resubmit(std::int64_t id, std::int64_t by_user_id, std::string_view now) {
  return session_.Execute(
             "UPDATE annual_reports SET status = 'submitted', submitted_by_user_id = ?, "
             "submitted_at = ?, reviewed_by_user_id = NULL, reviewed_at = NULL, updated_at = ? "
             "WHERE id = ? AND status = 'returned'",
             {by_user_id, std::string(now), std::string(now), id}) == 1;
}

AnnualRepo::Query AnnualRepo::Where(const ReportFilter& f, const common::Scope& scope) const {
  const common::ScopeFilter visible = common::Visible(scope, kReportRows);
  Query q{std::string(kReportFrom) + "WHERE " + visible.sql, visible.params};
  const auto add = [&](std::string_view clause, store::Value value) {
    q.from_where += clause;
    q.params.push_back(std::move(value));
  };
  if (f.status) add(" AND a.status = ?", std::string(ReportStatusName(*f.status)));
  if (f.year) add(" AND a.year = ?", *f.year);
  if (f.org_id) add(" AND a.org_id = ?", *f.org_id);
  if (f.q && !f.q->empty()) {
    const std::string pattern = common::ContainsPattern(*f.q);
    const std::string escape(common::kLikeEscape);
    q.from_where +=
        " AND (lower(o.name) LIKE ?" + escape + " OR lower(o.uscc) LIKE ?" + escape + ")";
    q.params.insert(q.params.end(), {pattern, pattern});
  }
  return q;
}

std::vector<AnnualReport> AnnualRepo::List(const ReportFilter& filter, const common::Scope& scope,
                                           std::int64_t limit, std::int64_t offset) {
  Query q = Where(filter, scope);
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  auto stmt = session_.Prepare(std::string(kReportSelect) + q.from_where +
                               " ORDER BY a.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll(q.params);
  return common::Collect<AnnualReport>(stmt, ReadReport);
}

std::int64_t AnnualRepo::Count(const ReportFilter& filter, const common::Scope& scope) {
  const Query q = Where(filter, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from_where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

AnnualRepo::Query AnnualRepo::OverdueWhere(const common::Scope& scope, std::int64_t year) const {
  const common::ScopeFilter manages = common::Visible(scope, kOrgRows);
  Query q{std::string("FROM orgs o LEFT JOIN units u ON u.id = o.registration_unit_id WHERE ") +
              kOwingOrgs +
              "AND NOT EXISTS (SELECT 1 FROM annual_reports a WHERE a.org_id = o.id AND "
              "a.year = ?) AND " +
              manages.sql,
          {EndOfYear(year), year}};
  q.params.insert(q.params.end(), manages.params.begin(), manages.params.end());
  return q;
}

std::vector<OverdueOrg> AnnualRepo::Overdue(const common::Scope& scope, std::int64_t year,
                                            std::int64_t limit, std::int64_t offset) {
  Query q = OverdueWhere(scope, year);
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  auto stmt = session_.Prepare(
      "SELECT o.id, o.name, o.uscc, o.status, o.registration_unit_id, COALESCE(u.name, '') " +
      q.from_where + " ORDER BY o.id LIMIT ? OFFSET ?");
  stmt.BindAll(q.params);
  return common::Collect<OverdueOrg>(stmt, [](const store::Row& r) {
    return OverdueOrg{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5)};
  });
}

std::int64_t AnnualRepo::CountOverdue(const common::Scope& scope, std::int64_t year) {
  const Query q = OverdueWhere(scope, year);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from_where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<ReportResult> AnnualRepo::LastReviewedResult(std::int64_t org_id) {
  auto stmt = session_.Prepare(
      "SELECT result FROM annual_reports WHERE org_id = ? AND status = 'reviewed' "
      "ORDER BY year DESC LIMIT 1");
  stmt.Bind(0, org_id);
  if (!stmt.Next()) return std::nullopt;
  return ParseReportResult(stmt.row().Text(0));
}

std::vector<PublicReport> AnnualRepo::PublicReports(std::int64_t org_id) {
  auto stmt = session_.Prepare(
      "SELECT a.year, a.result, a.reviewed_at, COALESCE(u.name, '') FROM annual_reports a "
      "LEFT JOIN units u ON u.id = a.unit_id WHERE a.org_id = ? AND a.status = 'reviewed' "
      "ORDER BY a.year DESC");
  stmt.Bind(0, org_id);
  return common::Collect<PublicReport>(stmt, [](const store::Row& r) {
    return PublicReport{r.Int(0), ParseReportResult(r.Text(1)).value_or(ReportResult::kPass),
                        r.Text(2).substr(0, 10), r.Text(3)};
  });
}

std::int64_t AnnualRepo::InsertPenalty(const OrgRef& org, const NewPenalty& p,
                                       std::int64_t by_user_id, std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO penalties (org_id, decided_on, kind, reason, decision_no, amount_fen, "
      "unit_id, created_by_user_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt.BindAll({org.id, p.decided_on, p.kind, p.reason, OptValue(p.decision_no),
                OptValue(p.amount_fen), org.registration_unit_id, by_user_id, std::string(now),
                std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<Penalty> AnnualRepo::FindPenalty(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kPenaltySelect) + "WHERE p.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadPenalty(stmt.row());
}

std::vector<Penalty> AnnualRepo::Penalties(std::int64_t org_id, std::int64_t limit,
                                           std::int64_t offset) {
  auto stmt = session_.Prepare(std::string(kPenaltySelect) +
                               "WHERE p.org_id = ? ORDER BY p.decided_on DESC, p.id DESC "
                               "LIMIT ? OFFSET ?");
  stmt.BindAll({org_id, limit, offset});
  return common::Collect<Penalty>(stmt, ReadPenalty);
}

std::int64_t AnnualRepo::CountPenalties(std::int64_t org_id) {
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM penalties WHERE org_id = ?");
  stmt.Bind(0, org_id);
  stmt.Next();
  return stmt.row().Int(0);
}

std::vector<OrgRef> AnnualRepo::Unreported(std::int64_t year, const std::string& rule,
                                           std::int64_t after_id, std::int64_t limit) {
  auto stmt = session_.Prepare(
      std::string("SELECT o.id, o.name, o.registration_unit_id, o.status, o.founded_on "
                  "FROM orgs o WHERE ") +
      kOwingOrgs +
      "AND o.id > ? AND NOT EXISTS (SELECT 1 FROM annual_reports a WHERE a.org_id = o.id AND "
      "a.year = ?) AND NOT EXISTS (SELECT 1 FROM credit_entries e WHERE e.org_id = o.id AND "
      "(e.rule = ? OR (e.list = 'abnormal' AND e.removed_on IS NULL))) ORDER BY o.id LIMIT ?");
  stmt.BindAll({EndOfYear(year), after_id, year, rule, limit});
  return common::Collect<OrgRef>(stmt, [](const store::Row& r) { return ReadOrg(r, 0); });
}

std::vector<AnnualRepo::AbnormalEntry> AnnualRepo::LongAbnormal(const std::string& cutoff,
                                                                std::int64_t after_id,
                                                                std::int64_t limit) {
  auto stmt = session_.Prepare(
      "SELECT e.id, e.entered_on, o.id, o.name, o.registration_unit_id, o.status, o.founded_on "
      "FROM credit_entries e JOIN orgs o ON o.id = e.org_id "
      "WHERE e.list = 'abnormal' AND e.removed_on IS NULL AND e.entered_on <= ? AND e.id > ? "
      "AND NOT EXISTS (SELECT 1 FROM credit_entries d WHERE d.org_id = e.org_id AND "
      "(d.rule = 'dishonest_after:' || CAST(e.id AS TEXT) OR "
      "(d.list = 'dishonest' AND d.removed_on IS NULL))) ORDER BY e.id LIMIT ?");
  stmt.BindAll({cutoff, after_id, limit});
  return common::Collect<AbnormalEntry>(stmt, [](const store::Row& r) {
    return AbnormalEntry{r.Int(0), r.Text(1), ReadOrg(r, 2)};
  });
}

bool AnnualRepo::MarkAbnormal(std::int64_t org_id, std::string_view now) {
  return session_.Execute(
             "UPDATE orgs SET status = 'abnormal', updated_at = ? "
             "WHERE id = ? AND status = 'registered'",
             {std::string(now), org_id}) == 1;
}

}  // namespace lianyin::domain::annual
