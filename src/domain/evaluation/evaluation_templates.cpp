// EvaluationService: the templates' use cases.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/evaluation/evaluation_repo.hpp"
#include "domain/evaluation/evaluation_rules.hpp"
#include "domain/evaluation/evaluation_service.hpp"

namespace lianyin::domain::evaluation {
namespace {

namespace json = boost::json;

json::value AuditJson(const Template& t) {
  return json::object{{"id", t.id},
                      {"name", t.body.name},
                      {"max_score", PointsJson(t.body.max)},
                      {"thresholds", ThresholdsJson(t.body)},
                      {"indicators", IndicatorsJson(t.body.indicators)}};
}

common::Change TemplateChange(std::string action, const Template& t, json::value before) {
  return {std::move(action), "evaluation_template", std::to_string(t.id),
          std::move(before), AuditJson(t),          true,
          t.unit_id};
}

}  // namespace

core::Result<Template> EvaluationService::CreateTemplate(const account::Actor& actor,
                                                         const NewTemplate& body) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Template> {
    EvaluationRepo repo(tx.session());
    const std::int64_t id = repo.InsertTemplate(body, actor.unit_id, actor.user_id, at);
    Template created = repo.FindTemplate(scope, id).value();
    tx.Record(TemplateChange("create", created, nullptr));
    return created;
  });
}

core::Result<Template> EvaluationService::UpdateTemplate(const account::Actor& actor,
                                                         std::int64_t id, const NewTemplate& body) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Template> {
    EvaluationRepo repo(tx.session());
    auto before = repo.FindTemplate(scope, id);
    if (!before) return core::Error::NotFound();
    if (before->builtin()) return core::Error::Conflict("a built-in template cannot be changed");
    if (!before->managed) return account::ForbiddenOutsideScope();
    const core::Error in_use =
        core::Error::Conflict("the template is used by an evaluation and cannot be changed");
    if (before->uses > 0) return in_use;
    if (!repo.UpdateTemplate(id, body, at)) return in_use;  // an evaluation took it meanwhile
    Template after = repo.FindTemplate(scope, id).value();
    tx.Record(TemplateChange("update", after, AuditJson(*before)));
    return after;
  });
}

core::Result<Template> EvaluationService::GetTemplate(const account::Actor& actor,
                                                      std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto found = EvaluationRepo(session).FindTemplate(account::ScopeOf(actor), id);
  if (!found) return core::Error::NotFound();
  return std::move(*found);
}

account::Page<Template> EvaluationService::ListTemplates(const account::Actor& actor,
                                                         const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  EvaluationRepo repo(session);
  return {repo.ListTemplates(account::ScopeOf(actor), page.page_size, page.Offset()),
          repo.CountTemplates()};
}

}  // namespace lianyin::domain::evaluation
