#pragma once
// Supervision records of organisations (SPEC §4 "Supervision"; issue #12): annual reports
// (年报/年检) submitted by an organisation and reviewed by its registration authority, and
// administrative penalties (行政处罚). Plain types; the codes are the data dictionary's
// (annual_report_status, annual_report_result, penalty_kind).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::annual {

// submitted (待审核) → reviewed (已审核, with a result) or returned (已退回) → submitted again.
enum class ReportStatus { kSubmitted, kReturned, kReviewed };
std::string_view ReportStatusName(ReportStatus status);
std::optional<ReportStatus> ParseReportStatus(std::string_view name);
const std::vector<std::string>& ReportStatusNames();

// 通过 / 基本合格 / 不合格.
enum class ReportResult { kPass, kBasicPass, kFail };
std::string_view ReportResultName(ReportResult result);
std::optional<ReportResult> ParseReportResult(std::string_view name);
const std::vector<std::string>& ReportResultNames();

// warning 警告, fine 罚款, confiscation 没收违法所得/非法财物, suspension 限期停止活动,
// revocation 撤销登记.
const std::vector<std::string>& PenaltyKinds();
bool IsPenaltyKind(std::string_view code);

// What an organisation reports for one year; money in fen.
struct ReportFields {
  std::int64_t income_fen = 0;
  std::int64_t expense_fen = 0;
  std::int64_t net_assets_fen = 0;
  std::int64_t gov_purchase_income_fen = 0;  // of income: governments' purchases of services
  std::string activities;                    // the year's work and activities
};

// POST /orgs/{id}/annual-reports.
struct NewReport {
  std::int64_t year = 0;
  ReportFields fields;
};

// PATCH /annual-reports/{id} while returned: absent members stay.
struct ReportPatch {
  std::optional<std::int64_t> income_fen;
  std::optional<std::int64_t> expense_fen;
  std::optional<std::int64_t> net_assets_fen;
  std::optional<std::int64_t> gov_purchase_income_fen;
  std::optional<std::string> activities;
};

struct AnnualReport {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string uscc;
  std::int64_t year = 0;
  ReportFields fields;
  ReportStatus status = ReportStatus::kSubmitted;
  std::optional<ReportResult> result;  // set once reviewed
  std::optional<std::string> review_comment;
  std::optional<std::string> return_comment;  // the last return's, kept after resubmission
  std::int64_t unit_id = 0;                   // the owner: the registration unit
  std::string unit_name;
  std::optional<std::int64_t> submitted_by_user_id;
  std::string submitted_by_name;
  std::string submitted_at;
  std::optional<std::int64_t> reviewed_by_user_id;
  std::string reviewed_by_name;
  std::optional<std::string> reviewed_at;
  std::string created_at;
  std::string updated_at;
};

// GET /annual-reports filters; absent members do not filter.
struct ReportFilter {
  std::optional<ReportStatus> status;
  std::optional<std::int64_t> year;
  std::optional<std::int64_t> org_id;
  std::optional<std::string> q;  // any part of the organisation's name or USCC
};

// One organisation of the overdue list: registered or abnormal, in scope, founded by the end of
// `year`, with no report for it.
struct OverdueOrg {
  std::int64_t org_id = 0;
  std::string org_name;
  std::string uscc;
  std::string status;  // org_status code
  std::int64_t unit_id = 0;
  std::string unit_name;
};

struct OverduePage {
  std::int64_t year = 0;
  std::string deadline;        // 30 June of year + 1
  bool past_deadline = false;  // today is after it: every one listed is late
  std::vector<OverdueOrg> items;
  std::int64_t total = 0;
};

// POST /orgs/{id}/penalties.
struct NewPenalty {
  std::string decided_on;
  std::string kind;
  std::string reason;
  std::optional<std::string> decision_no;  // 处罚决定书文号
  std::optional<std::int64_t> amount_fen;  // fines and confiscations
};

struct Penalty {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string decided_on;
  std::string kind;
  std::string reason;
  std::optional<std::string> decision_no;
  std::optional<std::int64_t> amount_fen;
  std::int64_t unit_id = 0;
  std::string unit_name;  // the deciding authority
  std::optional<std::int64_t> created_by_user_id;
  std::string created_at;
  std::string updated_at;
};

// What the public disclosure shows of a reviewed report: the year and the result, no figures.
struct PublicReport {
  std::int64_t year = 0;
  ReportResult result = ReportResult::kPass;
  std::string reviewed_on;  // YYYY-MM-DD
  std::string unit_name;
};

}  // namespace lianyin::domain::annual
