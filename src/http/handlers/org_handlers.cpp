#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/mask.hpp"
#include "domain/annual/annual_service.hpp"
#include "domain/credit/credit_service.hpp"
#include "domain/org/org_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/annual_json.hpp"
#include "http/handlers/cached_read.hpp"
#include "http/handlers/credit_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/org_json.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/with_id.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace org = domain::org;

Response OrgOr(int status, const core::Result<org::OrgView>& r) {
  return r ? OrgResponse(status, *r) : ErrorResponse(r.error());
}

Response OrgPage(org::OrgService& orgs, const Context& ctx, const org::OrgFilter& filter,
                 const ListParams& page) {
  auto found = orgs.List(*ctx.actor, filter, ToPageRequest(page));
  JsonWriter w(700 * found.items.size() + 64);  // an organisation is ~600 bytes of JSON
  w.BeginObject().Key("items").BeginArray();
  for (const org::OrgView& v : found.items) WriteOrg(w, v);
  w.EndArray();
  w.Key("total").Int(found.total).Key("page").Int(page.page).Key("page_size").Int(page.page_size);
  w.EndObject();
  Response r;
  r.body = w.Take();
  return r;
}

Response ListOrgs(org::OrgService& orgs, PageCache& pages, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto filter = ReadOrgFilter(ctx.request);
  if (!filter) return ErrorResponse(filter.error());
  return CachedRead(
      pages, ctx, [&orgs] { return orgs.ViewVersion(); },
      [&] { return OrgPage(orgs, ctx, *filter, *page); });
}

Response Summary(org::OrgService& orgs, const Context& ctx) {
  const org::OrgSummary summary = orgs.Summary(*ctx.actor);
  JsonWriter w;
  const auto counts = [&w](const char* key, const auto& rows) {
    w.Key(key).BeginArray();
    for (const auto& [code, count] : rows) {
      w.BeginObject().Key("code").String(code).Key("count").Int(count).EndObject();
    }
    w.EndArray();
  };
  w.BeginObject().Key("total").Int(summary.total);
  counts("by_status", summary.by_status);
  counts("by_category", summary.by_category);
  w.Key("created_this_month").Int(summary.created_since).EndObject();
  Response r;
  r.body = w.Take();
  return r;
}

Response CreateOrg(org::OrgService& orgs, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  org::NewOrg o;
  o.name = in.String("name", 100);
  o.uscc = in.String("uscc", 18);
  o.org_type = in.String("org_type", 20);
  o.region_code = in.String("region_code", 6);
  o.registration_unit_id = in.Int64("registration_unit_id");
  o.legal_rep = in.String("legal_rep", 50);
  o.phone = in.String("phone", 30);
  o.founded_on = in.Date("founded_on");
  o.business_scope = in.String("business_scope", 2000);
  o.service_categories = in.StringArray("service_categories", 30);
  o.labour_field = in.Bool("labour_field");
  o.status = in.OptString("status", 20).value_or("registered");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return OrgOr(201, orgs.Create(*ctx.actor, std::move(o)));
}

Response UpdateOrg(org::OrgService& orgs, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  org::OrgPatch p;
  p.name = in.OptString("name", 100);
  p.region_code = in.OptString("region_code", 6);
  p.legal_rep = in.OptString("legal_rep", 50);
  p.phone = in.OptString("phone", 30);
  p.founded_on = in.OptDate("founded_on");
  p.business_scope = in.OptString("business_scope", 2000);
  if (in.Has("service_categories")) p.service_categories = in.StringArray("service_categories", 30);
  p.labour_field = in.OptBool("labour_field");
  for (const char* fixed : {"uscc", "org_type", "registration_unit_id", "status"}) {
    if (in.Has(fixed)) in.Fail(fixed, "cannot be changed here");
  }
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return OrgOr(200, orgs.Update(*ctx.actor, id, std::move(p)));
}

}  // namespace

namespace {

Response TransitionOrg(org::OrgService& orgs, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string to = in.String("to", 20);
  const std::string reason = in.String("reason", 500);
  auto status = org::ParseOrgStatus(to);
  if (in.ok() && !status) in.Fail("to", "unknown status");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return OrgOr(200, orgs.Transition(*ctx.actor, id, *status, reason));
}

Response ReviewOrg(org::OrgService& orgs, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::string decision = in.String("decision", 10);
  if (in.ok() && decision != "approve" && decision != "reject") {
    in.Fail("decision", "must be approve or reject");
  }
  org::Review review;
  review.approve = decision == "approve";
  review.business_scope_ok = in.OptBool("business_scope_ok").value_or(false);
  review.non_profit_purpose = in.OptBool("non_profit_purpose").value_or(false);
  review.no_profit_distribution = in.OptBool("no_profit_distribution").value_or(false);
  review.assets_for_public_benefit = in.OptBool("assets_for_public_benefit").value_or(false);
  review.comment = in.OptString("comment", 1000).value_or("");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return OrgOr(200, orgs.ReviewApplication(*ctx.actor, id, review));
}

Response History(org::OrgService& orgs, Context& ctx, std::int64_t id) {
  auto events = orgs.History(*ctx.actor, id);
  if (!events) return ErrorResponse(events.error());
  boost::json::array items;
  for (const org::OrgEvent& e : *events) {
    boost::system::error_code ec;
    boost::json::value details = boost::json::parse(e.details_json, ec);
    items.push_back(boost::json::object{
        {"id", e.id},
        {"at", e.at},
        {"actor_user_id", e.actor_user_id ? boost::json::value(*e.actor_user_id) : nullptr},
        {"actor_username", e.actor_username},
        {"action", e.action},
        {"from_status", Opt(e.from_status)},
        {"to_status", Opt(e.to_status)},
        {"reason", e.reason},
        {"details", ec ? boost::json::value(nullptr) : details}});
  }
  const auto n = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, ListEnvelope(std::move(items), n, 1, n));
}

boost::json::object LinkJson(const org::Link& l) {
  return {
      {"id", l.id},     {"unit_id", l.unit_id}, {"org_id", l.org_id},   {"org_name", l.org_name},
      {"uscc", l.uscc}, {"since", l.since},     {"until", Opt(l.until)}};
}

Response CreateLink(org::OrgService& orgs, Context& ctx, std::int64_t unit_id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::int64_t org_id = in.Int64("org_id");
  auto since = in.OptDate("since");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  auto link = orgs.LinkOrg(*ctx.actor, unit_id, org_id, since);
  return link ? JsonResponse(201, LinkJson(*link)) : ErrorResponse(link.error());
}

Response ListLinks(org::OrgService& orgs, Context& ctx, std::int64_t unit_id) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  auto links = orgs.Links(*ctx.actor, unit_id, ToPageRequest(*page));
  if (!links) return ErrorResponse(links.error());
  boost::json::array items;
  for (const org::Link& l : links->items) items.push_back(LinkJson(l));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), links->total, page->page, page->page_size));
}

// Public disclosure (信息公开): no login; personal data masked.
Response PublicOrg(org::OrgService& orgs, domain::credit::CreditService& credit,
                   domain::annual::AnnualService& annual, Context& ctx) {
  std::string uscc(ctx.Param("uscc"));
  for (char& c : uscc) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto found = orgs.PublicLookup(uscc);
  if (!found) return ErrorResponse(found.error());
  JsonWriter w;
  w.BeginObject();
  WritePublicFields(w, *found, /*registration_unit_id=*/false);
  w.Key("legal_rep").String(core::MaskName(found->legal_rep));
  w.Key("phone").String(core::MaskPhone(found->phone));
  // Reviewed annual reports: the year and the result, no figures.
  w.Key("annual_reports")
      .Raw(boost::json::serialize(PublicReportsJson(annual.PublicReports(found->id))));
  w.Key("credit_entries")
      .Raw(boost::json::serialize(PublicEntriesJson(credit.PublicEntries(found->id))));
  w.Key("penalties")
      .Raw(boost::json::serialize(PublicPenaltiesJson(annual.PublicPenalties(found->id))));
  w.EndObject();
  Response r;
  r.body = w.Take();
  return r;
}

// The public search's bounds: a page is small, and a name needs two characters, so walking the
// whole registry takes many cacheable requests (Cache-Control lets proxies answer repeats).
constexpr std::int64_t kPublicPageSize = 20;
constexpr std::size_t kPublicMinQueryChars = 2;

std::size_t Utf8Chars(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// Public search by name (信息公开): public fields of disclosed organisations, legal
// representative masked; no login.
Response PublicSearch(org::OrgService& orgs, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  const std::string q = QueryText(ctx.request, "q", kMaxQueryChars, errors).value_or("");
  if (errors.empty() && q.empty()) errors.push_back({"q", "is required", {}});
  if (errors.empty() && Utf8Chars(q) < kPublicMinQueryChars) {
    errors.push_back(
        {"q", fmt::format("must have at least {} characters", kPublicMinQueryChars), {}});
  }
  if (page->page_size > kPublicPageSize) {
    errors.push_back({"page_size", fmt::format("must be between 1 and {}", kPublicPageSize), {}});
  }
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = orgs.PublicSearch(q, ToPageRequest(*page));
  JsonWriter w(500 * found.items.size() + 64);
  w.BeginObject().Key("items").BeginArray();
  for (const org::Org& o : found.items) {
    w.BeginObject();
    WritePublicFields(w, o, /*registration_unit_id=*/false);
    w.Key("legal_rep").String(core::MaskName(o.legal_rep));
    w.EndObject();
  }
  w.EndArray();
  w.Key("total").Int(found.total).Key("page").Int(page->page).Key("page_size").Int(page->page_size);
  w.EndObject();
  Response r;
  r.body = w.Take();
  r.headers.emplace_back("Cache-Control", "public, max-age=60");
  return r;
}

}  // namespace

void AddOrgRoutes(Router& router, org::OrgService& orgs, domain::credit::CreditService& credit,
                  domain::annual::AnnualService& annual, PageCache& pages) {
  router.Add("GET", "/api/v1/orgs",
             [&orgs, &pages](Context& ctx) { return ListOrgs(orgs, pages, ctx); },
             {.summary = "Organisations (public fields for all; full in scope); q searches names",
              .tag = "orgs",
              .permission = "org:org:list"});
  router.Add("GET", "/api/v1/orgs/summary", [&orgs](Context& ctx) { return Summary(orgs, ctx); },
             {.summary = "The workbench's figures: organisations the caller's scope manages, by "
                         "status and by service category, and those entered this month",
              .tag = "orgs",
              .permission = "org:org:list"});
  router.Add("POST", "/api/v1/orgs", [&orgs](Context& ctx) { return CreateOrg(orgs, ctx); },
             {.summary = "Enter an organisation or a registration application",
              .tag = "orgs",
              .permission = "org:org:create"});
  router.Add("GET", "/api/v1/orgs/{id}",
             WithId("id",
                    [&orgs, &pages](Context& ctx, std::int64_t id) {
                      return CachedRead(
                          pages, ctx, [&orgs] { return orgs.ViewVersion(); },
                          [&] { return OrgOr(200, orgs.Get(*ctx.actor, id)); });
                    }),
             {.summary = "One organisation", .tag = "orgs", .permission = "org:org:list"});
  router.Add(
      "PATCH", "/api/v1/orgs/{id}",
      WithId("id", [&orgs](Context& ctx, std::int64_t id) { return UpdateOrg(orgs, ctx, id); }),
      {.summary = "Change non-status fields", .tag = "orgs", .permission = "org:org:edit"});
  router.Add(
      "POST", "/api/v1/orgs/{id}/transitions",
      WithId("id", [&orgs](Context& ctx, std::int64_t id) { return TransitionOrg(orgs, ctx, id); }),
      {.summary = "Change the legal status (SPEC §4 state machine)",
       .tag = "orgs",
       .permission = "org:org:transition"});
  router.Add(
      "POST", "/api/v1/orgs/{id}/review",
      WithId("id", [&orgs](Context& ctx, std::int64_t id) { return ReviewOrg(orgs, ctx, id); }),
      {.summary = "Review a registration application (登记审查)",
       .tag = "orgs",
       .permission = "org:org:review"});
  router.Add(
      "GET", "/api/v1/orgs/{id}/history",
      WithId("id", [&orgs](Context& ctx, std::int64_t id) { return History(orgs, ctx, id); }),
      {.summary = "The organisation's timeline", .tag = "orgs", .permission = "org:org:list"});
  router.Add(
      "POST", "/api/v1/units/{id}/org-links",
      WithId("id", [&orgs](Context& ctx, std::int64_t id) { return CreateLink(orgs, ctx, id); }),
      {.summary = "A union unit links an organisation (联系引导)",
       .tag = "orgs",
       .permission = "org:link:edit"});
  router.Add(
      "GET", "/api/v1/units/{id}/org-links",
      WithId("id", [&orgs](Context& ctx, std::int64_t id) { return ListLinks(orgs, ctx, id); }),
      {.summary = "One page of the unit's active links",
       .tag = "orgs",
       .permission = "org:link:list"});
  router.Add("DELETE", "/api/v1/units/{id}/org-links/{org_id}",
             WithId("id",
                    [&orgs](Context& ctx, std::int64_t id) {
                      auto org_id = ctx.IdParam("org_id");
                      if (!org_id) return ErrorResponse(core::Error::NotFound());
                      auto done = orgs.Unlink(*ctx.actor, id, *org_id);
                      return done ? JsonResponse(200, boost::json::object{})
                                  : ErrorResponse(done.error());
                    }),
             {.summary = "End a link", .tag = "orgs", .permission = "org:link:edit"});
  router.Add("GET", "/api/public/orgs", [&orgs](Context& ctx) { return PublicSearch(orgs, ctx); },
             {.summary = "Public search of disclosed organisations by name (at least 2 "
                         "characters; 20 a page; legal representative masked)",
              .tag = "public",
              .requires_auth = false});
  router.Add(
      "GET", "/api/public/orgs/{uscc}",
      [&orgs, &credit, &annual](Context& ctx) { return PublicOrg(orgs, credit, annual, ctx); },
      {.summary = "Public disclosure of a registered organisation (personal data masked)",
       .tag = "public",
       .requires_auth = false});
}

}  // namespace lianyin::http::handlers
