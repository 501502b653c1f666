#include "domain/inspection/inspection_codec.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::inspection {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array Ids(const std::vector<std::int64_t>& ids) {
  json::array out;
  out.reserve(ids.size());
  for (std::int64_t id : ids) out.emplace_back(id);
  return out;
}

json::array ConflictsJson(const std::vector<Conflict>& conflicts) {
  json::array out;
  for (const Conflict& c : conflicts) {
    out.push_back(json::object{{"inspector_id", c.inspector_id}, {"uscc", c.uscc}});
  }
  return out;
}

json::array SelectionsJson(const std::vector<Selection>& selections) {
  json::array out;
  for (const Selection& s : selections) {
    out.push_back(json::object{{"uscc", s.uscc}, {"inspector_ids", Ids(s.inspector_ids)}});
  }
  return out;
}

json::array ParseArray(std::string_view text) {
  return text.empty() ? json::array{} : json::parse(text).as_array();
}

std::optional<std::string> Member(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

}  // namespace

std::string OrgPoolText(const std::vector<std::string>& pool) {
  json::array out;
  out.reserve(pool.size());
  for (const std::string& uscc : pool) out.emplace_back(uscc);
  return json::serialize(out);
}
std::string InspectorPoolText(const std::vector<std::int64_t>& pool) {
  return json::serialize(Ids(pool));
}
std::string ConflictsText(const std::vector<Conflict>& c) {
  return json::serialize(ConflictsJson(c));
}
std::string SelectionsText(const std::vector<Selection>& s) {
  return json::serialize(SelectionsJson(s));
}

std::vector<std::string> ParseOrgPool(std::string_view text) {
  std::vector<std::string> out;
  for (const json::value& v : ParseArray(text)) out.emplace_back(v.as_string());
  return out;
}
std::vector<std::int64_t> ParseInspectorPool(std::string_view text) {
  std::vector<std::int64_t> out;
  for (const json::value& v : ParseArray(text)) out.push_back(v.as_int64());
  return out;
}
std::vector<Conflict> ParseConflicts(std::string_view text) {
  std::vector<Conflict> out;
  for (const json::value& v : ParseArray(text)) {
    out.push_back({v.at("inspector_id").as_int64(), std::string(v.at("uscc").as_string())});
  }
  return out;
}
std::vector<Selection> ParseSelections(std::string_view text) {
  std::vector<Selection> out;
  for (const json::value& v : ParseArray(text)) {
    Selection s{std::string(v.at("uscc").as_string()), {}};
    for (const json::value& id : v.at("inspector_ids").as_array()) {
      s.inspector_ids.push_back(id.as_int64());
    }
    out.push_back(std::move(s));
  }
  return out;
}

json::object OrgFilterJson(const OrgFilter& f) {
  json::object out;
  if (f.region_code) out["region_code"] = *f.region_code;
  if (f.org_type) out["org_type"] = *f.org_type;
  if (f.category) out["category"] = *f.category;
  return out;
}
std::string OrgFilterText(const OrgFilter& f) { return json::serialize(OrgFilterJson(f)); }
OrgFilter ParseOrgFilter(std::string_view text) {
  const json::object o = json::parse(text).as_object();
  return {Member(o, "region_code"), Member(o, "org_type"), Member(o, "category")};
}

json::object PublicAnswer(const PublicDraw& d) {
  const Plan& p = d.plan;
  json::array org_pool;
  org_pool.reserve(p.org_pool.size());
  for (const std::string& uscc : p.org_pool) org_pool.emplace_back(uscc);
  json::object names;
  json::value results = nullptr;
  if (p.status == "published") {
    json::array rows;
    for (const Outcome& o : d.outcomes) {
      names[o.uscc] = o.org_name;
      rows.push_back(
          json::object{{"uscc", o.uscc}, {"result", Opt(o.result)}, {"findings", o.findings}});
    }
    results = std::move(rows);
  } else {
    for (const Outcome& o : d.outcomes) names[o.uscc] = o.org_name;
  }
  return {{"plan_id", p.id},
          {"name", p.name},
          {"seed_commitment", p.seed_commitment},
          {"seed", Opt(p.seed)},
          {"org_pool", std::move(org_pool)},
          {"inspector_pool", Ids(p.inspector_pool)},
          {"conflicts", ConflictsJson(p.conflicts)},
          {"sample_size", p.sample_size},
          {"inspectors_per_team", p.inspectors_per_team},
          {"selections", SelectionsJson(p.selections)},
          {"status", p.status},
          {"unit_name", p.unit_name},
          {"drawn_at", Opt(p.drawn_at)},
          {"published_at", Opt(p.published_at)},
          {"org_names", std::move(names)},
          {"results", std::move(results)}};
}

}  // namespace lianyin::domain::inspection
