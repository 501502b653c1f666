// MatchingRepo: demands and resources (runs and matches: matching_run_repo.cpp).

#include "domain/matching/matching_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "domain/account/scope.hpp"
#include "domain/common/sql_text.hpp"

namespace lianyin::domain::matching {
namespace {

using common::Collect;
using common::ContainsPattern;
using common::JoinCodes;
using common::kInBatch;
using common::kLikeEscape;
using common::OptValue;
using common::Placeholders;
using common::SplitCodes;

constexpr const char* kDemandSelect =
    "SELECT d.id, d.title, d.category, d.region_code, COALESCE(r.name, ''), d.headcount, "
    "d.window_start, d.window_end, d.target_group, d.description, d.unit_id, u.name, d.status, "
    "d.matched, d.created_at, d.updated_at, d.worker_id FROM demands d "
    "JOIN units u ON u.id = d.unit_id "
    "LEFT JOIN regions r ON r.code = d.region_code ";

Demand ReadDemand(const store::Row& r) {
  Demand d;
  d.id = r.Int(0);
  d.title = r.Text(1);
  d.category = r.Text(2);
  d.region_code = r.Text(3);
  d.region_name = r.Text(4);
  d.headcount = r.Int(5);
  d.window_start = r.Text(6);
  d.window_end = r.Text(7);
  d.target_group = r.OptText(8);
  d.description = r.OptText(9);
  d.unit_id = r.Int(10);
  d.unit_name = r.Text(11);
  d.status = ParseListingStatus(r.Text(12)).value_or(ListingStatus::kOpen);
  d.matched = r.Int(13);
  d.created_at = r.Text(14);
  d.updated_at = r.Text(15);
  d.worker_id = r.OptInt(16);
  return d;
}

constexpr const char* kResourceSelect =
    "SELECT s.id, s.org_id, o.name, o.grade, o.registration_unit_id, s.title, s.category, "
    "s.region_codes, s.capacity, s.reserved, s.window_start, s.window_end, "
    "s.cost_per_person_fen, s.description, s.status, s.created_at, s.updated_at "
    "FROM resources s JOIN orgs o ON o.id = s.org_id ";

Resource ReadResource(const store::Row& r) {
  Resource s;
  s.id = r.Int(0);
  s.org_id = r.Int(1);
  s.org_name = r.Text(2);
  s.org_grade = r.OptText(3);
  s.org_unit_id = r.Int(4);
  s.title = r.Text(5);
  s.category = r.Text(6);
  s.region_codes = SplitCodes(r.Text(7));
  s.capacity = r.Int(8);
  s.reserved = r.Int(9);
  s.window_start = r.Text(10);
  s.window_end = r.Text(11);
  s.cost_per_person_fen = r.Int(12);
  s.description = r.OptText(13);
  s.status = ParseListingStatus(r.Text(14)).value_or(ListingStatus::kOpen);
  s.created_at = r.Text(15);
  s.updated_at = r.Text(16);
  return s;
}

// A WHERE condition and its parameters, built clause by clause.
// List filters: the scope's condition with the filter's conditions appended.
using Where = common::ScopeFilter;

constexpr std::string_view kOpenStatuses = " AND {}.status IN ('open', 'partly_matched')";

// A listing's table: demands count `matched` against `headcount`, resources `reserved`
// against `capacity`.
struct Listing {
  std::string_view table, count, total;
};
constexpr Listing kDemands{"demands", "matched", "headcount"};
constexpr Listing kResources{"resources", "reserved", "capacity"};

// The SQL of the status that follows a count (expression `count` of `total`): open at 0,
// matched at the total, partly matched between; closed and withdrawn stay unless `reopen`.
std::string FollowingStatus(std::string_view count, std::string_view total, bool reopen = false) {
  return fmt::format(
      "CASE {2}WHEN {0} <= 0 THEN 'open' WHEN {0} >= {1} THEN 'matched' "
      "ELSE 'partly_matched' END",
      count, total, reopen ? "" : "WHEN status IN ('closed', 'withdrawn') THEN status ");
}

// Sets `to` unless a concurrent change moved the listing from `from`; "open" takes the status
// its count gives.
bool Move(store::Session& session, const Listing& l, std::int64_t id, ListingStatus from,
          ListingStatus to, std::string_view now) {
  const std::string from_name(StatusName(from));
  if (to == ListingStatus::kOpen) {
    return session.Execute(fmt::format("UPDATE {} SET status = {}, updated_at = ? WHERE id = ? "
                                       "AND status = ?",
                                       l.table, FollowingStatus(l.count, l.total, true)),
                           {std::string(now), id, from_name}) == 1;
  }
  return session.Execute(
             fmt::format("UPDATE {} SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                         l.table),
             {std::string(StatusName(to)), std::string(now), id, from_name}) == 1;
}

// Adds `delta` to the listing's count within [0, total] — a positive one only while open or
// partly matched — and sets the status that follows. One conditional UPDATE.
bool AddCount(store::Session& session, const Listing& l, std::int64_t id, std::int64_t delta,
              std::string_view now) {
  const std::string count = fmt::format("{} + ?", l.count);
  const std::string open = delta > 0 ? " AND status IN ('open', 'partly_matched')" : "";
  return session.Execute(
             fmt::format("UPDATE {0} SET status = {1}, {2} = {3}, updated_at = ? "
                         "WHERE id = ? AND {3} >= 0 AND {3} <= {4}{5}",
                         l.table, FollowingStatus(count, l.total), l.count, count, l.total, open),
             {delta, delta, delta, std::string(now), id, delta, delta}) == 1;
}

void InsertRegions(store::Session& session, std::int64_t id,
                   const std::vector<std::string>& codes) {
  session.Execute("DELETE FROM resource_regions WHERE resource_id = ?", {id});
  for (const std::string& code : codes) {
    session.Execute("INSERT INTO resource_regions (resource_id, region_code) VALUES (?, ?)",
                    {id, code});
  }
}

}  // namespace

std::int64_t MatchingRepo::InsertDemand(const NewDemand& d, std::optional<std::int64_t> by_user_id,
                                        std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO demands (title, category, region_code, headcount, window_start, window_end, "
      "target_group, description, unit_id, worker_id, status, created_by, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id");
  stmt.BindAll({d.title, d.category, d.region_code, d.headcount, d.window_start, d.window_end,
                OptValue(d.target_group), OptValue(d.description), d.unit_id, OptValue(d.worker_id),
                OptValue(by_user_id), std::string(now), std::string(now)});
  stmt.Next();
  return stmt.row().Int(0);
}

bool MatchingRepo::UpdateDemand(std::int64_t id, const NewDemand& d, const Demand& before,
                                std::string_view now) {
  return session_.Execute(
             "UPDATE demands SET title = ?, category = ?, region_code = ?, headcount = ?, "
             "window_start = ?, window_end = ?, target_group = ?, description = ?, unit_id = ?, "
             "status = " +
                 FollowingStatus("matched", "?") +
                 ", updated_at = ? WHERE id = ? AND matched = ? AND status = ?",
             {d.title, d.category, d.region_code, d.headcount, d.window_start, d.window_end,
              OptValue(d.target_group), OptValue(d.description), d.unit_id, d.headcount,
              std::string(now), id, before.matched, std::string(StatusName(before.status))}) == 1;
}

std::optional<std::int64_t> MatchingRepo::WorkerUnit(const common::Scope& scope) {
  if (!scope.worker_id) return std::nullopt;
  const common::ScopeFilter visible = common::Visible(scope, account::kWorkerRows);
  auto stmt = session_.Prepare("SELECT w.unit_id FROM workers w WHERE w.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({*scope.worker_id}));
  if (!stmt.Next()) return std::nullopt;
  return stmt.row().Int(0);
}

std::optional<Demand> MatchingRepo::FindDemand(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kDemandRows);
  auto stmt = session_.Prepare(std::string(kDemandSelect) + "WHERE d.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadDemand(stmt.row());
}

namespace {

Where DemandWhere(const DemandFilter& f, const common::Scope& scope) {
  Where w = common::Visible(scope, kDemandRows);
  if (f.category) w.Add(" AND d.category = ?", *f.category);
  if (f.status) w.Add(" AND d.status = ?", std::string(StatusName(*f.status)));
  if (f.open_only) w.sql += fmt::format(kOpenStatuses, "d");
  if (f.unit_id) {
    w.Add(" AND d.unit_id IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)", *f.unit_id);
  }
  if (f.region_code) {
    w.Add(" AND d.region_code IN (SELECT descendant FROM region_closure WHERE ancestor = ?)",
          *f.region_code);
  }
  if (f.q && !f.q->empty()) {
    w.Add(std::string(" AND lower(d.title) LIKE ?") + std::string(kLikeEscape),
          ContainsPattern(*f.q));
  }
  return w;
}

Where ResourceWhere(const ResourceFilter& f) {
  Where w{"1 = 1", {}};
  if (f.category) w.Add(" AND s.category = ?", *f.category);
  if (f.status) w.Add(" AND s.status = ?", std::string(StatusName(*f.status)));
  if (f.open_only) w.sql += fmt::format(kOpenStatuses, "s");
  if (f.org_id) w.Add(" AND s.org_id = ?", *f.org_id);
  if (f.region_code) {
    w.Add(
        " AND EXISTS (SELECT 1 FROM resource_regions rr JOIN region_closure rc ON rc.ancestor = "
        "rr.region_code WHERE rr.resource_id = s.id AND rc.descendant = ?)",
        *f.region_code);
  }
  if (f.q && !f.q->empty()) {
    w.Add(std::string(" AND lower(s.title) LIKE ?") + std::string(kLikeEscape),
          ContainsPattern(*f.q));
  }
  return w;
}

}  // namespace

std::vector<Demand> MatchingRepo::ListDemands(const DemandFilter& f, const common::Scope& scope,
                                              std::int64_t limit, std::int64_t offset) {
  Where w = DemandWhere(f, scope);
  auto stmt = session_.Prepare(std::string(kDemandSelect) + "WHERE " + w.sql +
                               " ORDER BY d.id DESC LIMIT ? OFFSET ?");
  w.params.push_back(limit);
  w.params.push_back(offset);
  stmt.BindAll(w.params);
  return Collect<Demand>(stmt, ReadDemand);
}

std::int64_t MatchingRepo::CountDemands(const DemandFilter& f, const common::Scope& scope) {
  const Where w = DemandWhere(f, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM demands d WHERE " + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

bool MatchingRepo::MoveDemand(std::int64_t id, ListingStatus from, ListingStatus to,
                              std::string_view now) {
  return Move(session_, kDemands, id, from, to, now);
}

bool MatchingRepo::AddMatched(std::int64_t id, std::int64_t delta, std::string_view now) {
  return AddCount(session_, kDemands, id, delta, now);
}

std::int64_t MatchingRepo::InsertResource(const NewResource& r,
                                          std::optional<std::int64_t> by_user_id,
                                          std::string_view now) {
  auto stmt = session_.Prepare(
      "INSERT INTO resources (org_id, title, category, region_codes, capacity, window_start, "
      "window_end, cost_per_person_fen, description, status, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id");
  stmt.BindAll({r.org_id, r.title, r.category, JoinCodes(r.region_codes), r.capacity,
                r.window_start, r.window_end, r.cost_per_person_fen, OptValue(r.description),
                OptValue(by_user_id), std::string(now), std::string(now)});
  stmt.Next();
  const std::int64_t id = stmt.row().Int(0);
  InsertRegions(session_, id, r.region_codes);
  return id;
}

bool MatchingRepo::UpdateResource(std::int64_t id, const NewResource& r, const Resource& before,
                                  std::string_view now) {
  const bool updated =
      session_.Execute(
          "UPDATE resources SET title = ?, category = ?, region_codes = ?, capacity = ?, "
          "window_start = ?, window_end = ?, cost_per_person_fen = ?, description = ?, "
          "status = " +
              FollowingStatus("reserved", "?") +
              ", updated_at = ? WHERE id = ? AND reserved = ? AND status = ?",
          {r.title, r.category, JoinCodes(r.region_codes), r.capacity, r.window_start, r.window_end,
           r.cost_per_person_fen, OptValue(r.description), r.capacity, std::string(now), id,
           before.reserved, std::string(StatusName(before.status))}) == 1;
  if (updated) InsertRegions(session_, id, r.region_codes);
  return updated;
}

std::optional<Resource> MatchingRepo::FindPublicResource(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kResourceSelect) + "WHERE s.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return ReadResource(stmt.row());
}

bool MatchingRepo::ResourceInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kResourceRows);
  auto stmt = session_.Prepare(
      "SELECT 1 FROM resources s JOIN orgs o ON o.id = s.org_id WHERE s.id = ? AND " + visible.sql);
  stmt.BindAll(visible.After({id}));
  return stmt.Next();
}

std::optional<OrgRef> MatchingRepo::FindOfferingOrg(const common::Scope& scope,
                                                    std::int64_t org_id) {
  const common::ScopeFilter visible =
      common::Visible(scope, common::Ownership{"o.registration_unit_id", "o.id"});
  auto stmt = session_.Prepare(
      "SELECT o.id, o.name, o.status, o.registration_unit_id FROM orgs o WHERE o.id = ? AND "
      "o.import_id IS NULL AND " +
      visible.sql);
  stmt.BindAll(visible.After({org_id}));
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return OrgRef{r.Int(0), r.Text(1), r.Text(2), r.Int(3)};
}

std::vector<Resource> MatchingRepo::ListResources(const ResourceFilter& f, std::int64_t limit,
                                                  std::int64_t offset) {
  Where w = ResourceWhere(f);
  auto stmt = session_.Prepare(std::string(kResourceSelect) + "WHERE " + w.sql +
                               " ORDER BY s.id DESC LIMIT ? OFFSET ?");
  w.params.push_back(limit);
  w.params.push_back(offset);
  stmt.BindAll(w.params);
  return Collect<Resource>(stmt, ReadResource);
}

std::int64_t MatchingRepo::CountResources(const ResourceFilter& f) {
  const Where w = ResourceWhere(f);
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM resources s WHERE " + w.sql);
  stmt.BindAll(w.params);
  stmt.Next();
  return stmt.row().Int(0);
}

bool MatchingRepo::MoveResource(std::int64_t id, ListingStatus from, ListingStatus to,
                                std::string_view now) {
  return Move(session_, kResources, id, from, to, now);
}

bool MatchingRepo::AddReserved(std::int64_t id, std::int64_t delta, std::string_view now) {
  return AddCount(session_, kResources, id, delta, now);
}

std::vector<Demand> MatchingRepo::MatchableDemands(const common::Scope& scope,
                                                   const RunRequest& request) {
  DemandFilter f;
  f.category = request.category;
  f.region_code = request.region_code;
  f.open_only = true;
  Where w = DemandWhere(f, scope);
  auto stmt = session_.Prepare(std::string(kDemandSelect) + "WHERE " + w.sql +
                               " AND d.matched < d.headcount ORDER BY d.id");
  stmt.BindAll(w.params);
  std::vector<Demand> all = Collect<Demand>(stmt, ReadDemand);
  if (request.demand_ids.empty()) return all;
  const std::set<std::int64_t> wanted(request.demand_ids.begin(), request.demand_ids.end());
  std::erase_if(all, [&](const Demand& d) { return !wanted.contains(d.id); });
  return all;
}

std::vector<Resource> MatchingRepo::MatchableResources(const RunRequest& request) {
  ResourceFilter f;
  f.category = request.category;
  Where w = ResourceWhere(f);
  // Full ones too (matched): a demand whose compatible resources are all used up is left for
  // capacity, not for want of a resource.
  auto stmt = session_.Prepare(std::string(kResourceSelect) + "WHERE " + w.sql +
                               " AND s.status IN ('open', 'partly_matched', 'matched') "
                               "ORDER BY s.id");
  stmt.BindAll(w.params);
  std::vector<Resource> all = Collect<Resource>(stmt, ReadResource);
  if (request.resource_ids.empty()) return all;
  const std::set<std::int64_t> wanted(request.resource_ids.begin(), request.resource_ids.end());
  std::erase_if(all, [&](const Resource& r) { return !wanted.contains(r.id); });
  return all;
}

std::vector<Resource> MatchingRepo::CandidatesFor(const Demand& demand) {
  auto stmt = session_.Prepare(
      std::string(kResourceSelect) +
      "WHERE s.category = ? AND s.status IN ('open', 'partly_matched') AND s.reserved < "
      "s.capacity AND s.window_start <= ? AND s.window_end >= ? AND EXISTS (SELECT 1 FROM "
      "resource_regions rr JOIN region_closure rc ON rc.ancestor = rr.region_code WHERE "
      "rr.resource_id = s.id AND rc.descendant = ?) ORDER BY s.id");
  stmt.BindAll({demand.category, demand.window_end, demand.window_start, demand.region_code});
  return Collect<Resource>(stmt, ReadResource);
}

std::map<std::string, std::vector<std::string>> MatchingRepo::CoveringCodes(
    const std::vector<std::string>& codes) {
  std::map<std::string, std::vector<std::string>> out;
  for (const std::string& code : codes) out[code] = {code};
  for (std::size_t start = 0; start < codes.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, codes.size() - start);
    auto stmt = session_.Prepare(
        "SELECT descendant, ancestor FROM region_closure WHERE depth > 0 AND descendant IN (" +
        Placeholders(n) + ")");
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), codes[start + i]);
    while (stmt.Next()) out[stmt.row().Text(0)].push_back(stmt.row().Text(1));
  }
  return out;
}

std::map<std::int64_t, std::pair<double, std::int64_t>> MatchingRepo::Ratings(
    const std::vector<std::int64_t>& org_ids) {
  std::map<std::int64_t, std::pair<double, std::int64_t>> out;
  for (std::size_t start = 0; start < org_ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, org_ids.size() - start);
    auto stmt = session_.Prepare(
        "SELECT org_id, SUM(rating), COUNT(*) FROM matches WHERE rating IS NOT NULL AND org_id "
        "IN (" +
        Placeholders(n) + ") GROUP BY org_id");
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), org_ids[start + i]);
    while (stmt.Next()) {
      const store::Row r = stmt.row();
      const std::int64_t count = r.Int(2);
      out[r.Int(0)] = {static_cast<double>(r.Int(1)) / static_cast<double>(count), count};
    }
  }
  return out;
}

}  // namespace lianyin::domain::matching
