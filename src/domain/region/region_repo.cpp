#include "domain/region/region_repo.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lianyin::domain::region {
namespace {

constexpr std::string_view kColumns =
    "r.code, r.name, r.level, COALESCE(r.parent_code, ''), "
    "CASE WHEN EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code) THEN 1 ELSE 0 END";

Region ReadRegion(const store::Row& row) {
  return Region{row.Text(0), row.Text(1), static_cast<Level>(row.Int(2)), row.Text(3), row.Bool(4)};
}

}  // namespace

void RegionRepo::Replace(const RegionSource& source, const std::map<std::string, int>& depth) {
  auto upsert = session_.Prepare(
      "INSERT INTO regions (code, name, level, parent_code) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, "
      "parent_code = excluded.parent_code");
  upsert.BindAll({std::string(kNationCode), std::string("全国"), std::int64_t{0}, store::Null{}})
      .Execute();
  // Parents before children, so the foreign key holds at every step.
  std::vector<const RegionRecord*> ordered;
  for (const RegionRecord& r : source.regions) ordered.push_back(&r);
  std::stable_sort(ordered.begin(), ordered.end(), [&](const auto* a, const auto* b) {
    return depth.at(a->code) < depth.at(b->code);
  });
  for (const RegionRecord* r : ordered) {
    upsert.BindAll({r->code, r->name, std::int64_t{depth.at(r->code)}, r->parent_code}).Execute();
  }

  // The closure covers every stored code, retired ones included, so it is rebuilt from the table.
  std::map<std::string, std::string> parent;
  auto all = session_.Prepare("SELECT code, COALESCE(parent_code, '') FROM regions");
  while (all.Next()) parent[all.row().Text(0)] = all.row().Text(1);
  session_.Execute("DELETE FROM region_closure");
  auto loader = session_.Load("region_closure", {"ancestor", "descendant", "depth"});
  for (const auto& [code, unused] : parent) {
    std::int64_t up = 0;
    for (std::string at = code; !at.empty(); at = parent.at(at), ++up) {
      loader->Add({at, code, up});
    }
  }
  loader->Finish();

  session_.Execute(
      "INSERT INTO settings (key, value) VALUES ('regions_source', ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {fmt::format("{}@{}", source.name, source.version)});
}

std::vector<Region> RegionRepo::Children(std::string_view parent_code) {
  auto stmt = session_.Prepare(
      fmt::format("SELECT {} FROM regions r WHERE r.parent_code = ? ORDER BY r.code", kColumns));
  stmt.Bind(0, std::string(parent_code));
  std::vector<Region> out;
  while (stmt.Next()) out.push_back(ReadRegion(stmt.row()));
  return out;
}

std::optional<Region> RegionRepo::Find(std::string_view code) {
  auto stmt = session_.Prepare(fmt::format("SELECT {} FROM regions r WHERE r.code = ?", kColumns));
  stmt.Bind(0, std::string(code));
  if (!stmt.Next()) return std::nullopt;
  return ReadRegion(stmt.row());
}

std::vector<Region> RegionRepo::FindMany(const std::vector<std::string>& codes) {
  std::vector<Region> out;
  if (codes.empty()) return out;
  std::string marks;
  std::vector<store::Value> params;
  for (const std::string& code : codes) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(code);
  }
  auto stmt = session_.Prepare(fmt::format(
      "SELECT {} FROM regions r WHERE r.code IN ({}) ORDER BY r.code", kColumns, marks));
  stmt.BindAll(params);
  while (stmt.Next()) out.push_back(ReadRegion(stmt.row()));
  return out;
}

std::vector<Region> RegionRepo::Path(std::string_view code) {
  auto stmt = session_.Prepare(
      fmt::format("SELECT {} FROM region_closure rc JOIN regions r ON r.code = rc.ancestor "
                  "WHERE rc.descendant = ? ORDER BY rc.depth DESC",
                  kColumns));
  stmt.Bind(0, std::string(code));
  std::vector<Region> out;
  while (stmt.Next()) out.push_back(ReadRegion(stmt.row()));
  return out;
}

bool RegionRepo::Covers(std::string_view ancestor, std::string_view code) {
  auto stmt =
      session_.Prepare("SELECT 1 FROM region_closure WHERE ancestor = ? AND descendant = ?");
  stmt.BindAll({std::string(ancestor), std::string(code)});
  return stmt.Next();
}

std::string RegionRepo::SourceVersion() {
  auto stmt = session_.Prepare("SELECT value FROM settings WHERE key = 'regions_source'");
  return stmt.Next() ? stmt.row().Text(0) : std::string();
}

std::int64_t RegionRepo::Count() {
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM regions");
  stmt.Next();
  return stmt.row().Int(0);
}

}  // namespace lianyin::domain::region
