#include "http/handlers/annual_json.hpp"

#include "domain/annual/annual_rules.hpp"
#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace annual = domain::annual;
namespace json = boost::json;
using schema::Closed;
using schema::Enum;
using schema::Object;
using schema::Opt;
using schema::Page;
using schema::Prop;

json::value NameOf(const std::optional<std::int64_t>& id, const std::string& name) {
  return id ? json::value(name) : json::value(nullptr);
}

json::object Fen(const char* description) {
  json::object p = Prop("integer", description);
  p["minimum"] = 0;
  return p;
}

json::object Text(std::size_t max, const char* description) {
  json::object p = Prop("string", description);
  p["maxLength"] = max;
  return p;
}

json::object FieldProps() {
  return {{"income_fen", Fen("the year's income (fen)")},
          {"expense_fen", Fen("the year's expenses (fen)")},
          {"net_assets_fen", Fen("net assets at the year's end (fen)")},
          {"gov_purchase_income_fen", Fen("income from governments' purchases of services; "
                                          "at most income_fen")},
          {"activities", Text(annual::kMaxActivitiesChars, "the year's work and activities")}};
}

json::object ReportProps() {
  json::object p{{"id", Prop("integer", "report id")},
                 {"org_id", Prop("integer", "the organisation")},
                 {"org_name", Prop("string", "its name")},
                 {"uscc", Prop("string", "its USCC")},
                 {"year", Prop("integer", "the year reported on")}};
  for (auto& f : FieldProps()) p.emplace(f.key(), f.value());
  p.emplace("status", Enum(annual::ReportStatusNames(), "dictionary annual_report_status"));
  json::object result = Enum(annual::ReportResultNames(), "dictionary annual_report_result");
  result["nullable"] = true;
  p.emplace("result", std::move(result));
  p.emplace("review_comment", Prop("string", "the review's comment", true));
  p.emplace("return_comment", Prop("string", "what the last return asked to correct", true));
  p.emplace("unit_id", Prop("integer", "the owner: the registration unit"));
  p.emplace("unit_name", Prop("string", "its name"));
  p.emplace("submitted_by_user_id", Prop("integer", "who last submitted it", true));
  p.emplace("submitted_by_name", Prop("string", "their display name", true));
  p.emplace("submitted_at", Prop("string", "date-time of the last submission"));
  p.emplace("reviewed_by_user_id", Prop("integer", "who reviewed or returned it", true));
  p.emplace("reviewed_by_name", Prop("string", "their display name", true));
  p.emplace("reviewed_at", Prop("string", "date-time of the review or return", true));
  p.emplace("deadline", Prop("string", "30 June of the following year"));
  p.emplace("created_at", Prop("string", "date-time"));
  p.emplace("updated_at", Prop("string", "date-time"));
  return p;
}

json::object PenaltyProps() {
  return {{"id", Prop("integer", "penalty id")},
          {"org_id", Prop("integer", "the organisation")},
          {"decided_on", Prop("string", "date of the decision")},
          {"kind", Enum(annual::PenaltyKinds(), "dictionary penalty_kind")},
          {"reason", Prop("string", "the facts and grounds")},
          {"decision_no", Prop("string", "the decision's number (文号)", true)},
          {"amount_fen", Prop("integer", "fined or confiscated (fen)", true)},
          {"unit_id", Prop("integer", "the deciding authority")},
          {"unit_name", Prop("string", "its name")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

}  // namespace

json::object ReportJson(const annual::AnnualReport& r) {
  return {{"id", r.id},
          {"org_id", r.org_id},
          {"org_name", r.org_name},
          {"uscc", r.uscc},
          {"year", r.year},
          {"income_fen", r.fields.income_fen},
          {"expense_fen", r.fields.expense_fen},
          {"net_assets_fen", r.fields.net_assets_fen},
          {"gov_purchase_income_fen", r.fields.gov_purchase_income_fen},
          {"activities", r.fields.activities},
          {"status", annual::ReportStatusName(r.status)},
          {"result",
           r.result ? json::value(annual::ReportResultName(*r.result)) : json::value(nullptr)},
          {"review_comment", Opt(r.review_comment)},
          {"return_comment", Opt(r.return_comment)},
          {"unit_id", r.unit_id},
          {"unit_name", r.unit_name},
          {"submitted_by_user_id", Opt(r.submitted_by_user_id)},
          {"submitted_by_name", NameOf(r.submitted_by_user_id, r.submitted_by_name)},
          {"submitted_at", r.submitted_at},
          {"reviewed_by_user_id", Opt(r.reviewed_by_user_id)},
          {"reviewed_by_name", NameOf(r.reviewed_by_user_id, r.reviewed_by_name)},
          {"reviewed_at", Opt(r.reviewed_at)},
          {"deadline", core::FormatDate(annual::Deadline(r.year))},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

json::object OverdueJson(const annual::OverduePage& page, std::int64_t page_no,
                         std::int64_t page_size) {
  json::array items;
  for (const annual::OverdueOrg& o : page.items) {
    items.push_back(json::object{{"org_id", o.org_id},
                                 {"org_name", o.org_name},
                                 {"uscc", o.uscc},
                                 {"status", o.status},
                                 {"unit_id", o.unit_id},
                                 {"unit_name", o.unit_name}});
  }
  return {
      {"year", page.year},     {"deadline", page.deadline}, {"past_deadline", page.past_deadline},
      {"items", items},        {"total", page.total},       {"page", page_no},
      {"page_size", page_size}};
}

json::object PenaltyJson(const annual::Penalty& p) {
  return {{"id", p.id},
          {"org_id", p.org_id},
          {"decided_on", p.decided_on},
          {"kind", p.kind},
          {"reason", p.reason},
          {"decision_no", Opt(p.decision_no)},
          {"amount_fen", Opt(p.amount_fen)},
          {"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json::array PublicReportsJson(const std::vector<annual::PublicReport>& reports) {
  json::array out;
  for (const annual::PublicReport& r : reports) {
    out.push_back(json::object{{"year", r.year},
                               {"result", annual::ReportResultName(r.result)},
                               {"reviewed_on", r.reviewed_on},
                               {"unit_name", r.unit_name}});
  }
  return out;
}

json::array PublicPenaltiesJson(const std::vector<annual::Penalty>& penalties) {
  json::array out;
  for (const annual::Penalty& p : penalties) {
    out.push_back(json::object{{"decided_on", p.decided_on},
                               {"kind", p.kind},
                               {"reason", p.reason},
                               {"decision_no", Opt(p.decision_no)},
                               {"amount_fen", Opt(p.amount_fen)},
                               {"unit_name", p.unit_name}});
  }
  return out;
}

std::string ReportSchema() { return json::serialize(Closed(ReportProps())); }
std::string ReportPageSchema() {
  return json::serialize(Page(Closed(ReportProps()), "matching reports in scope, all pages"));
}
std::string PenaltySchema() { return json::serialize(Closed(PenaltyProps())); }
std::string PenaltyPageSchema() {
  return json::serialize(Page(Closed(PenaltyProps()), "the organisation's penalties"));
}

std::string OverdueSchema() {
  return json::serialize(Closed(
      {{"year", Prop("integer", "the report year (default: the latest one due)")},
       {"deadline", Prop("string", "30 June of year + 1")},
       {"past_deadline", Prop("boolean", "today is after the deadline: every one listed is late")},
       {"items", schema::Array(Closed({{"org_id", Prop("integer", "organisation id")},
                                       {"org_name", Prop("string", "its name")},
                                       {"uscc", Prop("string", "its USCC")},
                                       {"status", Prop("string", "dictionary org_status")},
                                       {"unit_id", Prop("integer", "registration unit")},
                                       {"unit_name", Prop("string", "its name")}}),
                               "by organisation id")},
       {"total", Prop("integer", "organisations without a report, all pages")},
       {"page", Prop("integer", "page number")},
       {"page_size", Prop("integer", "page size")}}));
}

std::string NewReportSchema() {
  json::object props = FieldProps();
  props.emplace("year", Prop("integer", "not in the future nor before the founding year"));
  return json::serialize(Closed(std::move(props)));
}

std::string ReportPatchSchema() { return json::serialize(Object(FieldProps(), {})); }

std::string ReviewSchema() {
  return json::serialize(
      Object({{"result", Enum(annual::ReportResultNames(), "dictionary annual_report_result")},
              {"comment", Text(annual::kMaxCommentChars, "required unless the result is pass")}},
             {"result"}));
}

std::string ReturnSchema() {
  return json::serialize(Closed({{"comment", Text(annual::kMaxCommentChars, "what to correct")}}));
}

std::string NewPenaltySchema() {
  return json::serialize(
      Object({{"decided_on", Prop("string", "YYYY-MM-DD, not in the future")},
              {"kind", Enum(annual::PenaltyKinds(), "dictionary penalty_kind")},
              {"reason", Text(annual::kMaxReasonChars, "the facts and grounds")},
              {"decision_no", Text(annual::kMaxDecisionNoChars, "the decision's number (文号)")},
              {"amount_fen", Fen("required for a fine")}},
             {"decided_on", "kind", "reason"}));
}

}  // namespace lianyin::http::handlers
