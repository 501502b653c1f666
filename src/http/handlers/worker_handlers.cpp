#include <boost/json.hpp>

#include "domain/account/user_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace account = domain::account;

Response ListWorkers(account::UserService& users, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  const std::string q = QueryText(ctx.request, "q", kMaxQueryChars, errors).value_or("");
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = users.ListWorkers(*ctx.actor, q, ToPageRequest(*page));
  boost::json::array items;
  for (const account::WorkerView& w : found.items) {
    items.push_back(boost::json::object{
        {"id", w.id}, {"name", w.name}, {"unit_id", w.unit_id}, {"unit_name", w.unit_name}});
  }
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

}  // namespace

void AddWorkerRoutes(Router& router, account::UserService& users) {
  router.Add("GET", "/api/v1/workers", [&users](Context& ctx) { return ListWorkers(users, ctx); },
             {.summary = "Workers of units in scope (a worker account stands for one); q "
                         "searches names",
              .tag = "users",
              .permission = "system:worker:list"});
}

}  // namespace lianyin::http::handlers
