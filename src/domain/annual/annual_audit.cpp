#include "domain/annual/annual_audit.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::annual {
namespace {

boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object AuditJson(const AnnualReport& r) {
  return {{"id", r.id},
          {"org_id", r.org_id},
          {"org_name", r.org_name},
          {"year", r.year},
          {"income_fen", r.fields.income_fen},
          {"expense_fen", r.fields.expense_fen},
          {"net_assets_fen", r.fields.net_assets_fen},
          {"gov_purchase_income_fen", r.fields.gov_purchase_income_fen},
          {"activities", r.fields.activities},
          {"status", ReportStatusName(r.status)},
          {"result", r.result ? boost::json::value(ReportResultName(*r.result))
                              : boost::json::value(nullptr)},
          {"review_comment", Opt(r.review_comment)},
          {"return_comment", Opt(r.return_comment)},
          {"unit_id", r.unit_id}};
}

boost::json::object AuditJson(const Penalty& p) {
  return {{"id", p.id},
          {"org_id", p.org_id},
          {"decided_on", p.decided_on},
          {"kind", p.kind},
          {"reason", p.reason},
          {"decision_no", Opt(p.decision_no)},
          {"amount_fen",
           p.amount_fen ? boost::json::value(*p.amount_fen) : boost::json::value(nullptr)},
          {"unit_id", p.unit_id}};
}

common::Change ReportChange(std::string action, const AnnualReport& report,
                            boost::json::value before, boost::json::value after) {
  return {std::move(action), "annual_report",  std::to_string(report.id),
          std::move(before), std::move(after), true,
          report.unit_id};
}

common::Change PenaltyChange(const Penalty& penalty) {
  return {"create", "penalty",      std::to_string(penalty.id), nullptr, AuditJson(penalty),
          true,     penalty.unit_id};
}

}  // namespace lianyin::domain::annual
