#include "domain/annual/annual_rules.hpp"

#include <fmt/format.h>

#include <vector>

#include "core/mask.hpp"

namespace lianyin::domain::annual {
namespace {

using Errors = std::vector<core::FieldError>;

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), std::nullopt});
}

// `min_chars` 0 makes the text optional.
void CheckText(Errors& errors, const char* field, const std::string& value, std::size_t max,
               std::size_t min_chars = 1) {
  if (!core::ValidUtf8(value)) return Fail(errors, field, "must be valid UTF-8");
  const std::size_t n = core::CodepointCount(value).value_or(0);
  if (n < min_chars) return Fail(errors, field, "is required");
  if (n > max) Fail(errors, field, fmt::format("must be at most {} characters", max));
}

void CheckAmount(Errors& errors, const char* field, std::int64_t fen) {
  if (fen < 0) Fail(errors, field, "must not be negative");
}

void CheckFieldsInto(Errors& errors, const ReportFields& f) {
  CheckAmount(errors, "income_fen", f.income_fen);
  CheckAmount(errors, "expense_fen", f.expense_fen);
  CheckAmount(errors, "net_assets_fen", f.net_assets_fen);
  CheckAmount(errors, "gov_purchase_income_fen", f.gov_purchase_income_fen);
  if (f.gov_purchase_income_fen >= 0 && f.gov_purchase_income_fen > f.income_fen) {
    Fail(errors, "gov_purchase_income_fen", "must not exceed income_fen");
  }
  CheckText(errors, "activities", f.activities, kMaxActivitiesChars);
}

core::Result<void> Done(Errors errors) {
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

}  // namespace

core::Date Deadline(std::int64_t year) { return {static_cast<int>(year) + 1, 6, 30}; }

std::int64_t LatestDueYear(const core::Date& today) {
  return today > core::Date{today.year, 6, 30} ? today.year - 1 : today.year - 2;
}

core::Result<void> CheckFields(const ReportFields& fields) {
  Errors errors;
  CheckFieldsInto(errors, fields);
  return Done(std::move(errors));
}

core::Result<void> CheckNewReport(const NewReport& report, const core::Date& today,
                                  const std::string& founded_on) {
  Errors errors;
  if (report.year > today.year) {
    Fail(errors, "year", "must not be in the future");
  } else if (auto founded = core::ParseDate(founded_on); founded && report.year < founded->year) {
    Fail(errors, "year",
         fmt::format("must not be before the organisation was founded ({})", founded->year));
  }
  CheckFieldsInto(errors, report.fields);
  return Done(std::move(errors));
}

ReportFields Patched(ReportFields fields, const ReportPatch& patch) {
  if (patch.income_fen) fields.income_fen = *patch.income_fen;
  if (patch.expense_fen) fields.expense_fen = *patch.expense_fen;
  if (patch.net_assets_fen) fields.net_assets_fen = *patch.net_assets_fen;
  if (patch.gov_purchase_income_fen)
    fields.gov_purchase_income_fen = *patch.gov_purchase_income_fen;
  if (patch.activities) fields.activities = *patch.activities;
  return fields;
}

core::Result<ReportResult> CheckReview(const std::string& result, const std::string& comment) {
  Errors errors;
  const auto parsed = ParseReportResult(result);
  if (!parsed) Fail(errors, "result", "must be pass, basic_pass or fail");
  const bool needs_comment = parsed && *parsed != ReportResult::kPass;
  CheckText(errors, "comment", comment, kMaxCommentChars, needs_comment ? 1 : 0);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return *parsed;
}

core::Result<void> CheckReturn(const std::string& comment) {
  Errors errors;
  CheckText(errors, "comment", comment, kMaxCommentChars);
  return Done(std::move(errors));
}

core::Result<void> CheckPenalty(const NewPenalty& p, const core::Date& today) {
  Errors errors;
  if (auto date = core::ParseDate(p.decided_on, "decided_on"); !date) {
    Fail(errors, "decided_on", "must be a date like 2023-04-01");
  } else if (*date > today) {
    Fail(errors, "decided_on", "must not be in the future");
  }
  if (!IsPenaltyKind(p.kind)) Fail(errors, "kind", "not a penalty_kind code");
  CheckText(errors, "reason", p.reason, kMaxReasonChars);
  if (p.decision_no) CheckText(errors, "decision_no", *p.decision_no, kMaxDecisionNoChars, 0);
  if (p.amount_fen && *p.amount_fen < 0) Fail(errors, "amount_fen", "must not be negative");
  if (!p.amount_fen && p.kind == "fine") Fail(errors, "amount_fen", "is required for a fine");
  return Done(std::move(errors));
}

}  // namespace lianyin::domain::annual
