#include "http/handlers/evaluation_json.hpp"

#include "domain/evaluation/evaluation_rules.hpp"
#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace ev = domain::evaluation;
namespace json = boost::json;
using schema::Opt;
using schema::Prop;

json::value OptPoints(const std::optional<ev::Tenths>& points) {
  return points ? ev::PointsJson(*points) : json::value(nullptr);
}

json::object ExpertJson(const ev::ExpertScore& x) {
  json::value scores = nullptr;
  if (x.scores) {
    json::object o;
    for (const auto& [code, points] : *x.scores) o[code] = ev::PointsJson(points);
    scores = std::move(o);
  }
  return {{"expert_id", x.expert_user_id},     {"name", x.expert_name},
          {"scored", x.scored_at.has_value()}, {"scores", std::move(scores)},
          {"total", OptPoints(x.total)},       {"dropped", x.dropped},
          {"scored_at", Opt(x.scored_at)}};
}

json::object TemplateProps() {
  return {{"id", Prop("integer", "template id")},
          {"name", Prop("string", "its name")},
          {"max_score", Prop("number", "the full score (1000 or 100 on the built-in scales)")},
          {"thresholds", Prop("object", "the lowest score of each grade, 5A to 1A")},
          {"indicators", Prop("array", "the indicator tree {code,name,max_score,children?}")},
          {"leaves", Prop("array", "the leaves in scoring order {code,name,max_score}")},
          {"builtin", Prop("boolean", "seeded at init; never changed")},
          {"unit_id", Prop("integer", "the creating unit (null: built in)", true)},
          {"unit_name", Prop("string", "its name")},
          {"uses", Prop("integer", "evaluations made with it")},
          {"editable", Prop("boolean", "the reader may change it now")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object EvaluationProps() {
  return {{"id", Prop("integer", "evaluation id")},
          {"org_id", Prop("integer", "the organisation evaluated")},
          {"org_name", Prop("string", "its name")},
          {"uscc", Prop("string", "its USCC")},
          {"template_id", Prop("integer", "the template")},
          {"template_name", Prop("string", "its name")},
          {"unit_id", Prop("integer", "the owner: the organisation's registration unit")},
          {"unit_name", Prop("string", "its name")},
          {"status", schema::Enum(ev::StatusNames(), "dictionary evaluation_status")},
          {"score", Prop("number", "SPEC §5.3's score, one decimal (null until finalised)", true)},
          {"grade", Prop("string", "5A…1A; null until finalised or below 1A", true)},
          {"finalized_on", Prop("string", "date of finalisation", true)},
          {"valid_until", Prop("string", "the grade's last valid day", true)},
          {"expert_count", Prop("integer", "experts assigned")},
          {"scored_count", Prop("integer", "of which have scored")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

}  // namespace

json::object TemplateJson(const ev::Template& t) {
  json::array leaves;
  for (const ev::Leaf& l : ev::Leaves(t.body.indicators)) {
    leaves.push_back(
        json::object{{"code", l.code}, {"name", l.name}, {"max_score", ev::PointsJson(l.max)}});
  }
  return {{"id", t.id},
          {"name", t.body.name},
          {"max_score", ev::PointsJson(t.body.max)},
          {"thresholds", ev::ThresholdsJson(t.body)},
          {"indicators", ev::IndicatorsJson(t.body.indicators)},
          {"leaves", std::move(leaves)},
          {"builtin", t.builtin()},
          {"unit_id", Opt(t.unit_id)},
          {"unit_name", t.unit_name},
          {"uses", t.uses},
          {"editable", t.managed && !t.builtin() && t.uses == 0},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

json::object EvaluationJson(const ev::Evaluation& e) {
  return {{"id", e.id},
          {"org_id", e.org_id},
          {"org_name", e.org_name},
          {"uscc", e.org_uscc},
          {"template_id", e.template_id},
          {"template_name", e.template_name},
          {"unit_id", e.unit_id},
          {"unit_name", e.unit_name},
          {"status", ev::StatusName(e.status)},
          {"score", OptPoints(e.score)},
          {"grade", Opt(e.grade)},
          {"finalized_on", Opt(e.finalized_on)},
          {"valid_until", Opt(e.valid_until)},
          {"expert_count", e.experts},
          {"scored_count", e.scored},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

json::object EvaluationDetailJson(const ev::EvaluationDetail& d) {
  json::object out = EvaluationJson(d.evaluation);
  out["template"] = TemplateJson(d.tmpl);
  json::array experts;
  for (const ev::ExpertScore& x : d.experts) experts.push_back(ExpertJson(x));
  out["experts"] = std::move(experts);
  return out;
}

std::string TemplateSchema() { return json::serialize(schema::Closed(TemplateProps())); }

std::string EvaluationPageSchema() {
  return json::serialize(schema::Page(schema::Closed(EvaluationProps()), "evaluations, all pages"));
}

std::string EvaluationDetailSchema() {
  json::object props = EvaluationProps();
  props["template"] = schema::Closed(TemplateProps());
  props["experts"] = Prop("array",
                          "assigned experts {expert_id,name,scored,scores,total,dropped,"
                          "scored_at}; an expert reading sees only its own scores");
  return json::serialize(schema::Closed(std::move(props)));
}

}  // namespace lianyin::http::handlers
