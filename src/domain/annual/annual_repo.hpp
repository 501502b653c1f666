#pragma once
// The annual area's only SQL: annual_reports and penalties, the organisations they name (read
// from orgs, which the registry owns), and the candidates of the dated credit rules.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/annual/annual.hpp"
#include "domain/common/scope.hpp"
#include "store/store.hpp"

namespace lianyin::domain::annual {

// Reports (alias a) are owned by the organisation's registration unit, copied to a.unit_id at
// submission, and belong to the organisation (an org member sees its own).
inline constexpr common::Ownership kReportRows{"a.unit_id", "a.org_id"};
// Penalties (alias p) alike.
inline constexpr common::Ownership kPenaltyRows{"p.unit_id", "p.org_id"};

// The organisation a report or a penalty is for, as the area needs it.
struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::int64_t registration_unit_id = 0;
  std::string status;  // org_status code
  std::string founded_on;
  bool managed = false;  // the scope manages it (its registration subtree, or its own member)
};

class AnnualRepo {
 public:
  explicit AnnualRepo(store::Session& session) : session_(session) {}

  // The published organisation with whether `scope` manages it, or nullopt. One query.
  std::optional<OrgRef> FindOrg(const common::Scope& scope, std::int64_t org_id);

  // A new submitted report, or nullopt when the organisation has one for that year (the unique
  // index annual_reports_org_year: exact under concurrency).
  std::optional<std::int64_t> Insert(const OrgRef& org, const NewReport& report,
                                     std::int64_t by_user_id, std::string_view now);
  // The report when `scope` sees it; one query.
  std::optional<AnnualReport> FindInScope(const common::Scope& scope, std::int64_t id);
  // Conditional updates: each is false when the report is no longer in the state it needs (a
  // concurrent review, return or resubmission won).
  bool Review(std::int64_t id, ReportResult result, const std::string& comment,
              std::int64_t by_user_id, std::string_view now);  // submitted → reviewed
  bool Return(std::int64_t id, const std::string& comment, std::int64_t by_user_id,
              std::string_view now);  // submitted → returned
  bool UpdateFields(std::int64_t id, const ReportFields& fields, std::string_view now);  // returned
  bool Resubmit(std::int64_t id, std::int64_t by_user_id, std::string_view now);  // → submitted

  // One page of the reports `scope` sees matching `filter`, newest first (one query), and how
  // many match.
  std::vector<AnnualReport> List(const ReportFilter& filter, const common::Scope& scope,
                                 std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const ReportFilter& filter, const common::Scope& scope);

  // One page (by organisation id) of the registered or abnormal organisations `scope` manages,
  // founded by the end of `year`, without a report for `year`; and how many there are.
  std::vector<OverdueOrg> Overdue(const common::Scope& scope, std::int64_t year, std::int64_t limit,
                                  std::int64_t offset);
  std::int64_t CountOverdue(const common::Scope& scope, std::int64_t year);

  // The result of the organisation's reviewed report of the latest year, if it has one.
  std::optional<ReportResult> LastReviewedResult(std::int64_t org_id);
  // Its reviewed reports, latest year first, as the public disclosure shows them.
  std::vector<PublicReport> PublicReports(std::int64_t org_id);

  std::int64_t InsertPenalty(const OrgRef& org, const NewPenalty& penalty, std::int64_t by_user_id,
                             std::string_view now);
  std::optional<Penalty> FindPenalty(std::int64_t id);
  // The organisation's penalties, latest decision first (one query), and their number.
  std::vector<Penalty> Penalties(std::int64_t org_id, std::int64_t limit, std::int64_t offset);
  std::int64_t CountPenalties(std::int64_t org_id);

  // The dated rules' candidates, by organisation id, at most `limit` after `after_id`:
  // registered or abnormal organisations founded by the end of `year` with no report for it,
  // neither entered by the rule `rule` before nor on the abnormal list now.
  std::vector<OrgRef> Unreported(std::int64_t year, const std::string& rule, std::int64_t after_id,
                                 std::int64_t limit);
  // Active abnormal entries entered on or before `cutoff` (YYYY-MM-DD) whose organisation is on
  // no active dishonest entry and was never moved there for that entry; by entry id.
  struct AbnormalEntry {
    std::int64_t entry_id = 0;
    std::string entered_on;
    OrgRef org;
  };
  std::vector<AbnormalEntry> LongAbnormal(const std::string& cutoff, std::int64_t after_id,
                                          std::int64_t limit);
  // registered → abnormal, keeping the registry's status in step with the abnormal list; false
  // when the organisation was not registered (already abnormal, or leaving).
  bool MarkAbnormal(std::int64_t org_id, std::string_view now);

 private:
  struct Query {
    std::string from_where;
    std::vector<store::Value> params;
  };
  Query Where(const ReportFilter& filter, const common::Scope& scope) const;
  Query OverdueWhere(const common::Scope& scope, std::int64_t year) const;
  store::Session& session_;
};

}  // namespace lianyin::domain::annual
