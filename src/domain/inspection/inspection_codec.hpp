#pragma once
// The JSON forms of a plan's frozen arrays (stored as they are published) and the public answer
// of SPEC §5.2. Pure.

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "domain/inspection/inspection.hpp"

namespace lianyin::domain::inspection {

// ["USCC", …], [id, …], [{"inspector_id","uscc"}, …], [{"uscc","inspector_ids":[…]}, …].
std::string OrgPoolText(const std::vector<std::string>& pool);
std::string InspectorPoolText(const std::vector<std::int64_t>& pool);
std::string ConflictsText(const std::vector<Conflict>& conflicts);
std::string SelectionsText(const std::vector<Selection>& selections);
std::vector<std::string> ParseOrgPool(std::string_view text);
std::vector<std::int64_t> ParseInspectorPool(std::string_view text);
std::vector<Conflict> ParseConflicts(std::string_view text);
std::vector<Selection> ParseSelections(std::string_view text);
std::string OrgFilterText(const OrgFilter& filter);
OrgFilter ParseOrgFilter(std::string_view text);
boost::json::object OrgFilterJson(const OrgFilter& filter);

// GET /api/public/inspections/{id}: exactly SPEC §5.2's fields — plan_id, name,
// seed_commitment, seed (null before the draw), org_pool, inspector_pool, conflicts,
// sample_size, inspectors_per_team, selections — and, added beside them, status, drawn_at,
// published_at, unit_name, org_names (USCC → name of the drawn organisations) and results
// ([{uscc, result, findings}] in draw order once published, else null). Inspectors appear by id
// only.
boost::json::object PublicAnswer(const PublicDraw& draw);

}  // namespace lianyin::domain::inspection
