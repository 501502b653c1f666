#include <boost/json.hpp>

#include "domain/credit/credit_rules.hpp"
#include "domain/credit/credit_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/credit_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace credit = domain::credit;

core::Result<credit::EntryFilter> ReadFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  credit::EntryFilter f;
  if (auto list = QueryText(request, "list")) {
    f.list = credit::ParseCreditList(*list);
    if (!f.list) errors.push_back({"list", "must be abnormal or dishonest", {}});
  }
  f.active = QueryBool(request, "active", errors);
  f.org_id = QueryId(request, "org_id", errors);
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  f.open_objection = QueryBool(request, "open_objection", errors);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

Response ListEntries(credit::CreditService& credit, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  auto found = credit.List(*ctx.actor, *filter, ToPageRequest(*page));
  boost::json::array items;
  for (const credit::CreditEntry& e : found.items) items.push_back(EntryJson(e));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response OrgEntries(credit::CreditService& credit, Context& ctx, std::int64_t org_id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto found = credit.OrgEntries(*ctx.actor, org_id, ToPageRequest(*page));
  if (!found) return ErrorResponse(found.error());
  boost::json::array items;
  for (const credit::EntryDetail& d : found->items) items.push_back(DetailJson(d));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found->total, page->page, page->page_size));
}

Response EnterOrg(credit::CreditService& credit, Context& ctx, std::int64_t org_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  credit::NewEntry entry;
  entry.list = in.String("list", 20);
  entry.reason = in.String("reason", credit::kMaxReasonChars);
  entry.entered_on = in.Date("entered_on");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, credit.Enter(*ctx.actor, org_id, entry), EntryJson);
}

Response RemoveEntry(credit::CreditService& credit, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  credit::Removal removal;
  removal.reason = in.String("reason", credit::kMaxReasonChars);
  removal.removed_on = in.Date("removed_on");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, credit.Remove(*ctx.actor, id, removal), EntryJson);
}

Response FileObjection(credit::CreditService& credit, Context& ctx, std::int64_t entry_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string text = in.String("text", credit::kMaxObjectionChars);
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(201, credit.FileObjection(*ctx.actor, entry_id, text), ObjectionJson);
}

Response AnswerObjection(credit::CreditService& credit, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string decision = in.String("decision", 10);
  if (in.ok() && decision != "accept" && decision != "reject") {
    in.Fail("decision", "must be accept or reject");
  }
  credit::Answer answer{decision == "accept", in.String("reply", credit::kMaxReplyChars)};
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return ResultOr(200, credit.AnswerObjection(*ctx.actor, id, answer), ObjectionJson);
}

}  // namespace

void AddCreditRoutes(Router& router, credit::CreditService& credit) {
  const auto with_id = [&credit](auto f) {
    return WithId("id", [&credit, f](Context& ctx, std::int64_t id) { return f(credit, ctx, id); });
  };
  router.Add("GET", "/api/v1/credit-entries",
             [&credit](Context& ctx) { return ListEntries(credit, ctx); },
             {.summary = "Credit-list entries in scope, newest first; filters list, active, "
                         "org_id, q (name or USCC), open_objection",
              .tag = "credit",
              .permission = "credit:entry:list",
              .response_schema = EntryPageSchema()});
  router.Add("GET", "/api/v1/credit-entries/{id}",
             with_id([](credit::CreditService& c, Context& ctx, std::int64_t id) {
               return ResultOr(200, c.Get(*ctx.actor, id), DetailJson);
             }),
             {.summary = "One credit-list entry with its objections",
              .tag = "credit",
              .permission = "credit:entry:list",
              .response_schema = DetailSchema()});
  router.Add("GET", "/api/v1/orgs/{id}/credit-entries", with_id(OrgEntries),
             {.summary = "The organisation's credit record: its entries, newest first, each "
                         "with its objections (in scope only)",
              .tag = "credit",
              .permission = "credit:entry:list",
              .response_schema = DetailPageSchema()});
  router.Add("POST", "/api/v1/orgs/{id}/credit-entries", with_id(EnterOrg),
             {.summary = "Enter the organisation on the abnormal or the dishonest list",
              .tag = "credit",
              .permission = "credit:entry:edit",
              .request_schema = NewEntrySchema(),
              .response_schema = EntrySchema()});
  router.Add("POST", "/api/v1/credit-entries/{id}/remove", with_id(RemoveEntry),
             {.summary = "Remove an active entry from its list (移出)",
              .tag = "credit",
              .permission = "credit:entry:edit",
              .request_schema = RemovalSchema(),
              .response_schema = EntrySchema()});
  router.Add("POST", "/api/v1/credit-entries/{id}/objections", with_id(FileObjection),
             {.summary = "Object to an active entry of one's own organisation (异议)",
              .tag = "credit",
              .permission = "credit:objection:create",
              .request_schema = NewObjectionSchema(),
              .response_schema = ObjectionSchema()});
  router.Add("POST", "/api/v1/credit-objections/{id}/answer", with_id(AnswerObjection),
             {.summary = "Answer an open objection: accept (removes the entry) or reject",
              .tag = "credit",
              .permission = "credit:entry:edit",
              .request_schema = AnswerSchema(),
              .response_schema = ObjectionSchema()});
}

}  // namespace lianyin::http::handlers
