#include "app/demo.hpp"

#include <fmt/format.h>

namespace lianyin::app {
namespace {

namespace account = domain::account;
namespace region = domain::region;

// "北京市" → "北京市总工会"; provincial civil-affairs bodies are 民政厅, municipalities' 民政局.
std::string ProvincialBody(const region::Region& province, account::UnitKind kind) {
  if (kind == account::UnitKind::kUnion) return province.name + "总工会";
  const bool municipality = province.name.ends_with("市");
  return province.name + (municipality ? "民政局" : "民政厅");
}

}  // namespace

core::Result<int> BuildDemo(account::UnitService& units, region::RegionService& regions,
                            const account::Actor& admin) {
  auto root = units.RootUnit();
  if (!root) return root.error();
  auto provinces = regions.Children(region::kNationCode);
  if (!provinces) return provinces.error();
  int created = 0;
  const std::pair<const char*, account::UnitKind> tops[] = {
      {"中华全国总工会", account::UnitKind::kUnion}, {"民政部", account::UnitKind::kCivilAffairs}};
  for (const auto& [name, kind] : tops) {
    auto top = units.Create(admin, {name, kind, region::kNationCode, root->id, {}});
    if (!top) return top.error();
    ++created;
    for (const region::Region& p : *provinces) {
      // Taiwan, Hong Kong and Macao have their own systems.
      if (p.code == "710000" || p.code == "810000" || p.code == "820000") continue;
      auto body = units.Create(admin, {ProvincialBody(p, kind), kind, p.code, top->unit.id, {}});
      if (!body) return body.error();
      ++created;
    }
  }
  return created;
}

}  // namespace lianyin::app
