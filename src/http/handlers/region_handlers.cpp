#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

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
  o["parent_code"] =
      r.parent_code.empty() ? boost::json::value(nullptr) : boost::json::value(r.parent_code);
  return o;
}

// "a,b,c" → {"a", "b", "c"} (empty parts dropped).
std::vector<std::string> SplitCodes(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  return out;
}

Response RegionList(const core::Result<std::vector<region::Region>>& regions) {
  if (!regions) return ErrorResponse(regions.error());
  boost::json::array items;
  for (const region::Region& r : *regions) items.push_back(RegionJson(r));
  const auto n = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, ListEnvelope(std::move(items), n, 1, n));
}

}  // namespace

void AddRegionRoutes(Router& router, region::RegionService& regions) {
  router.Add(
      "GET", "/api/v1/regions",
      [&regions](Context& ctx) {
        if (auto codes = ctx.request.Query("codes")) {
          return RegionList(regions.Several(SplitCodes(*codes)));
        }
        std::string parent(ctx.request.Query("parent").value_or(region::kNationCode));
        return RegionList(regions.Children(parent));
      },
      {.summary = "Child regions of `parent` (default 100000, the nation): GB/T 2260; or, with "
                  "codes=a,b,… (at most 100), those regions",
       .tag = "regions"});
  router.Add("GET", "/api/v1/regions/{code}",
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
