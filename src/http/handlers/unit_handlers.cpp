#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>

#include "domain/account/scope.hpp"
#include "domain/account/unit_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/query.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace account = domain::account;

constexpr std::size_t kMaxName = 100;

boost::json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object UnitJson(const account::UnitView& view) {
  const account::Unit& u = view.unit;
  return {{"id", u.id},
          {"name", u.name},
          {"kind", account::UnitKindName(u.kind)},
          {"region_code", u.region_code},
          {"region_name", view.region_name},
          {"parent_id", Opt(u.parent_id)},
          {"parent_name",
           view.parent_name ? boost::json::value(*view.parent_name) : boost::json::value(nullptr)},
          {"leading_group_established_on", Opt(u.leading_group_established_on)},
          {"has_children", view.has_children},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

Response UnitOr(int status, const core::Result<account::UnitView>& r) {
  return r ? JsonResponse(status, UnitJson(*r)) : ErrorResponse(r.error());
}

std::optional<account::UnitKind> ReadKind(std::optional<std::string> raw,
                                          std::vector<core::FieldError>& errors) {
  if (!raw) return std::nullopt;
  auto kind = account::ParseUnitKind(*raw);
  if (!kind) errors.push_back({"kind", "must be union, civil_affairs or other", {}});
  return kind;
}

Response ListUnits(account::UnitService& units, Context& ctx) {
  auto page = ParseListParams(ctx.request);
  if (!page) return ErrorResponse(page.error());
  std::vector<core::FieldError> errors;
  account::UnitFilter filter{QueryId(ctx.request, "parent_id", errors),
                             QueryText(ctx.request, "q", kMaxQueryChars, errors),
                             ReadKind(QueryText(ctx.request, "kind"), errors)};
  if (!errors.empty()) return ErrorResponse(core::Error::Invalid(std::move(errors)));
  auto found = units.List(*ctx.actor, filter, ToPageRequest(*page));
  boost::json::array items;
  for (const account::UnitView& u : found.items) items.push_back(UnitJson(u));
  return JsonResponse(200,
                      ListEnvelope(std::move(items), found.total, page->page, page->page_size));
}

Response CreateUnit(account::UnitService& units, Context& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  account::NewUnit unit;
  unit.name = in.String("name", kMaxName);
  const std::string kind = in.String("kind", 20);
  if (!kind.empty()) {
    std::vector<core::FieldError> kind_errors;
    unit.kind = ReadKind(kind, kind_errors).value_or(account::UnitKind::kOther);
    for (auto& e : kind_errors) in.Fail(e.field, e.message);
  }
  unit.region_code = in.String("region_code", 6);
  unit.parent_id = in.Int64("parent_id");
  unit.leading_group_established_on = in.OptDate("leading_group_established_on");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return UnitOr(201, units.Create(*ctx.actor, unit));
}

Response PatchUnit(account::UnitService& units, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  account::UnitPatch patch;
  patch.name = in.OptString("name", kMaxName);
  patch.region_code = in.OptString("region_code", 6);
  constexpr std::string_view kEstablished = "leading_group_established_on";
  if (body->contains(kEstablished)) {
    // Unlike other fields, an explicit null clears the date.
    patch.leading_group_established_on = in.OptDate(kEstablished);
  }
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return UnitOr(200, units.Update(*ctx.actor, id, patch));
}

Response MoveUnit(account::UnitService& units, Context& ctx, std::int64_t id) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return ErrorResponse(body.error());
  FieldReader in(*body);
  const std::int64_t parent_id = in.Int64("parent_id");
  if (auto ok = in.Finish(); !ok) return ErrorResponse(ok.error());
  return UnitOr(200, units.Move(*ctx.actor, id, parent_id));
}

constexpr std::size_t kMaxNamedIds = 100;

// The names of the units `ids=1,2,…` names that the caller's scope holds (others are left out):
// what a page shows for unit ids in records, e.g. the audit detail. Any logged-in user: the
// audit administrator holds no system:unit:list.
Response UnitNames(account::UnitService& units, Context& ctx) {
  account::UnitFilter filter;
  std::string_view text = ctx.request.Query("ids").value_or("");
  bool valid = true;
  while (valid && !text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
    valid = ec == std::errc() && end == part.data() + part.size() && id > 0 &&
            filter.ids.size() < kMaxNamedIds;
    if (valid) filter.ids.push_back(id);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  if (!valid) {
    return ErrorResponse(core::Error::Invalid(
        "ids", fmt::format("must be at most {} positive integers, comma-separated", kMaxNamedIds)));
  }
  boost::json::array items;
  if (!filter.ids.empty()) {
    const auto n = static_cast<std::int64_t>(filter.ids.size());
    for (const account::UnitView& u : units.List(*ctx.actor, filter, {1, n}).items) {
      items.push_back(
          boost::json::object{{"id", u.unit.id},
                              {"name", u.unit.name},
                              {"parent_name", u.parent_name ? boost::json::value(*u.parent_name)
                                                            : boost::json::value(nullptr)}});
    }
  }
  const auto n = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, ListEnvelope(std::move(items), n, 1, n));
}

// Wraps a handler of one unit id; a malformed id is a missing one.
RouteHandler WithId(account::UnitService& units,
                    Response (*handler)(account::UnitService&, Context&, std::int64_t)) {
  return [&units, handler](Context& ctx) {
    auto id = ctx.IdParam("id");
    if (!id) return ErrorResponse(account::OutOfScope());
    return handler(units, ctx, *id);
  };
}

}  // namespace

void AddUnitRoutes(Router& router, account::UnitService& units) {
  router.Add("GET", "/api/v1/units", [&units](Context& ctx) { return ListUnits(units, ctx); },
             {.summary = "Units in scope; without parent_id and q, the caller's own unit",
              .tag = "units",
              .permission = "system:unit:list"});
  router.Add("GET", "/api/v1/units/names", [&units](Context& ctx) { return UnitNames(units, ctx); },
             {.summary = "Names (and parents' names) of the units ids=1,2,… in scope, at most "
                         "100; any logged-in user",
              .tag = "units"});
  router.Add("POST", "/api/v1/units", [&units](Context& ctx) { return CreateUnit(units, ctx); },
             {.summary = "Create a unit below parent_id",
              .tag = "units",
              .permission = "system:unit:create"});
  router.Add("GET", "/api/v1/units/{id}",
             WithId(units, [](account::UnitService& s, Context& ctx,
                              std::int64_t id) { return UnitOr(200, s.Get(*ctx.actor, id)); }),
             {.summary = "One unit in scope", .tag = "units", .permission = "system:unit:list"});
  router.Add("PATCH", "/api/v1/units/{id}", WithId(units, PatchUnit),
             {.summary = "Change name, region_code or leading_group_established_on",
              .tag = "units",
              .permission = "system:unit:edit"});
  router.Add("POST", "/api/v1/units/{id}/move", WithId(units, MoveUnit),
             {.summary = "Move a unit with its subtree below parent_id",
              .tag = "units",
              .permission = "system:unit:edit"});
  router.Add("DELETE", "/api/v1/units/{id}",
             WithId(units,
                    [](account::UnitService& s, Context& ctx, std::int64_t id) {
                      auto done = s.Delete(*ctx.actor, id);
                      return done ? JsonResponse(200, boost::json::object{})
                                  : ErrorResponse(done.error());
                    }),
             {.summary = "Delete a unit without children or users; answers {}",
              .tag = "units",
              .permission = "system:unit:delete"});
}

}  // namespace lianyin::http::handlers
