#include <boost/json.hpp>

#include "domain/region/region_service.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace region = domain::region;

boost::json::object RegionJson(const region::Region& r) {
  boost::json::object o{{"code", r.code},
                        {"name", r.name},
                        {"level", static_cast<int>(r.level)},
                        {"has_children", r.has_children}};
  o["parent_code"] = r.parent_code.empty() ? boost::json::value(nullptr)
                                           : boost::json::value(r.parent_code);
  return o;
}

}  // namespace

void AddRegionRoutes(Router& router, region::RegionService& regions) {
  router.Add(
      "GET", "/api/v1/regions",
      [&regions](Context& ctx) {
        std::string parent(ctx.request.Query("parent").value_or(region::kNationCode));
        auto children = regions.Children(parent);
        if (!children) return ErrorResponse(children.error());
        boost::json::array items;
        for (const region::Region& r : *children) items.push_back(RegionJson(r));
        const auto n = static_cast<std::int64_t>(items.size());
        return JsonResponse(200, ListEnvelope(std::move(items), n, 1, n));
      },
      {.summary = "Child regions of `parent` (default 100000, the nation): GB/T 2260",
       .tag = "regions"});
  router.Add(
      "GET", "/api/v1/regions/{code}",
      [&regions](Context& ctx) {
        auto detail = regions.Get(ctx.Param("code"));
        if (!detail) return ErrorResponse(detail.error());
        boost::json::object o = RegionJson(detail->region);
        boost::json::array path;
        for (const region::Region& r : detail->path) {
          path.push_back(boost::json::object{{"code", r.code}, {"name", r.name}});
        }
        o["path"] = std::move(path);
        return JsonResponse(200, o);
      },
      {.summary = "One region with its path from the nation", .tag = "regions"});
}

}  // namespace lianyin::http::handlers
