#pragma once
// Use cases of annual reports (年报/年检) and penalties (行政处罚) (SPEC §4 "Supervision";
// issue #12). Every change runs in one short write transaction (common::Writer) with its Change,
// owned by the organisation's registration unit (the record's unit_id).
//
// Scope (SPEC §1): reports and penalties are the registration authority's records — its subtree
// reads them and reviews, returns and records; the organisation's members read their own and
// submit, correct and resubmit their own reports. Anything else answers 404, like a missing id.
// Organisations are readable by everyone logged in, so filing for one outside the caller's
// scope answers 403.
//
// Lifecycle: submitted → reviewed (pass, basic_pass or fail; final) or returned (with what to
// correct) → edited while returned → submitted again. Each step is a conditional update: of two
// concurrent reviews one wins, the other answers 409.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/annual/annual.hpp"
#include "domain/common/writer.hpp"

namespace lianyin::domain::annual {

class AnnualService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit AnnualService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // Submits the organisation's report for a year. 422 on fields (CheckNewReport) or an
  // organisation that is not registered or abnormal (org_id); 404 when there is no such
  // organisation, 403 when the caller's scope does not manage it; 409 when it has a report for
  // that year (exact under concurrency: a unique index decides).
  core::Result<AnnualReport> Submit(const account::Actor& actor, std::int64_t org_id,
                                    const NewReport& report);
  // Reviews a submitted report (CheckReview). 404 outside scope, 403 for org members (the
  // authority reviews), 409 unless it is submitted (reviewed already, or returned).
  core::Result<AnnualReport> Review(const account::Actor& actor, std::int64_t id,
                                    const std::string& result, const std::string& comment);
  // Returns a submitted report for correction (CheckReturn); as Review otherwise.
  core::Result<AnnualReport> Return(const account::Actor& actor, std::int64_t id,
                                    const std::string& comment);
  // Edits a returned report; 422 on the fields as they would be (CheckFields), 404 outside
  // scope, 409 unless returned.
  core::Result<AnnualReport> Update(const account::Actor& actor, std::int64_t id,
                                    const ReportPatch& patch);
  // Submits a returned report again; 404 outside scope, 409 unless returned.
  core::Result<AnnualReport> Resubmit(const account::Actor& actor, std::int64_t id);

  // One page of the reports in scope matching `filter`, newest first (one query), and their
  // total (one more).
  account::Page<AnnualReport> List(const account::Actor& actor, const ReportFilter& filter,
                                   const account::PageRequest& page);
  core::Result<AnnualReport> Get(const account::Actor& actor, std::int64_t id);
  // The organisation's reports, newest first; 404 unless the scope manages the organisation.
  core::Result<account::Page<AnnualReport>> OrgReports(const account::Actor& actor,
                                                       std::int64_t org_id,
                                                       const account::PageRequest& page);
  // The organisations in scope that owe a report for `year` (default: the latest year whose
  // deadline has passed) and have none, by id; whether today is past its deadline.
  OverduePage Overdue(const account::Actor& actor, std::optional<std::int64_t> year,
                      const account::PageRequest& page);

  // Records a penalty (CheckPenalty); 404 / 403 / 422 on the organisation as Submit.
  core::Result<Penalty> AddPenalty(const account::Actor& actor, std::int64_t org_id,
                                   const NewPenalty& penalty);
  // The organisation's penalties, latest first; 404 unless the scope manages it.
  core::Result<account::Page<Penalty>> Penalties(const account::Actor& actor, std::int64_t org_id,
                                                 const account::PageRequest& page);

  // Public disclosure (the caller decides whether the organisation is disclosed): its reviewed
  // reports (year and result only), and its penalties.
  std::vector<PublicReport> PublicReports(std::int64_t org_id);
  std::vector<Penalty> PublicPenalties(std::int64_t org_id);

 private:
  // Loads the report in scope, checks it is in `needs`, runs `change` (a conditional update:
  // false when a concurrent step changed the report first → 409 naming its status now) and
  // records the Change `action`.
  template <class Change>
  core::Result<AnnualReport> Step(const account::Actor& actor, std::int64_t id, ReportStatus needs,
                                  const std::string& action, Change change);

  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::annual
