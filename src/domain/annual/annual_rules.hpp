#pragma once
// Pure rules of annual reports and penalties: what a report, a review, a return and a penalty
// must hold (each a 422 listing every bad field), and the reporting calendar the overdue list
// and the dated credit rules share.

#include <cstdint>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/annual/annual.hpp"

namespace lianyin::domain::annual {

// Longest texts, in characters.
inline constexpr std::size_t kMaxActivitiesChars = 5000;
inline constexpr std::size_t kMaxCommentChars = 1000;
inline constexpr std::size_t kMaxReasonChars = 500;
inline constexpr std::size_t kMaxDecisionNoChars = 100;

// The report for `year` is due by 30 June of the following year (民政部门年检 practice).
core::Date Deadline(std::int64_t year);
// The latest year whose report was due before `today`: last year from 1 July on, else the year
// before it. The dated rules look at this year only.
std::int64_t LatestDueYear(const core::Date& today);

// Every amount a non-negative integer, gov_purchase_income_fen ≤ income_fen, activities
// 1–kMaxActivitiesChars characters.
core::Result<void> CheckFields(const ReportFields& fields);
// CheckFields, and year neither after `today`'s year nor before the year the organisation was
// founded (`founded_on`, YYYY-MM-DD; an unreadable one does not restrict).
core::Result<void> CheckNewReport(const NewReport& report, const core::Date& today,
                                  const std::string& founded_on);
// `fields` with the patch's members applied.
ReportFields Patched(ReportFields fields, const ReportPatch& patch);

// result a ReportResult name; comment at most kMaxCommentChars, and required unless the result
// is pass (a basic pass or a failure says why). The result, parsed.
core::Result<ReportResult> CheckReview(const std::string& result, const std::string& comment);
// comment 1–kMaxCommentChars characters (what to correct).
core::Result<void> CheckReturn(const std::string& comment);

// decided_on a date not after `today`; kind a PenaltyKinds code; reason 1–kMaxReasonChars;
// decision_no at most kMaxDecisionNoChars; amount_fen non-negative, and required for a fine.
core::Result<void> CheckPenalty(const NewPenalty& penalty, const core::Date& today);

}  // namespace lianyin::domain::annual
