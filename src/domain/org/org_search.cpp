// OrgRepo: the registry list and its search.
//
// `q` matches any part of the name through org_name_grams, which holds every one- and
// two-character window of every name (primary key (gram, org_id)). A query is driven from its
// rarest gram — found by counting each of its grams up to a cap, O(grams × cap) — whose index
// range yields candidates already ordered by id, so the newest page stops after 20 hits; a query
// longer than two characters is then confirmed as a real substring of the candidate's name.
// This serves the one- and two-character Chinese queries that trigram indexes (FTS5 trigram,
// pg_trgm) cannot. On SQLite it is 2-3.4x the substring scan at 1 M rows; on PostgreSQL the
// parallel scan is faster, so PostgreSQL scans (bench/org_search_bench.cpp, both measured).

#include "core/mask.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_rules.hpp"

namespace lianyin::domain::org {
namespace {

// Counting a gram's postings stops here: past it, any gram is as good a driver as another.
constexpr int kGramCountCap = 2000;

std::string LowerAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// LIKE treats % and _ as wildcards: a query means them literally.
std::string EscapeLike(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out;
}

}  // namespace

std::string OrgRepo::RarestGram(const std::vector<std::string>& grams) {
  auto count = session_.Prepare(
      "SELECT COUNT(*) FROM (SELECT 1 FROM org_name_grams WHERE gram = ? LIMIT ?) AS hits");
  std::string best;
  std::int64_t best_count = -1;
  for (const std::string& gram : grams) {
    count.BindAll({gram, std::int64_t{kGramCountCap}});  // rebinding restarts the statement
    count.Next();
    const std::int64_t n = count.row().Int(0);
    if (best_count < 0 || n < best_count) {
      best = gram;
      best_count = n;
    }
  }
  return best;
}

OrgRepo::Query OrgRepo::Where(const OrgFilter& f, const account::Scope& scope) {
  Query query{"FROM orgs o", "WHERE 1 = 1", {}, "o.id DESC"};
  const auto add = [&](const char* clause, store::Value value) {
    query.where += clause;
    query.params.push_back(std::move(value));
  };
  if (f.q && !f.q->empty() && session_.dialect() == store::Dialect::kPostgres) {
    // Measured at 1 M rows (docs/BENCHMARKS.md): PostgreSQL's parallel sequential scan answers
    // in 60-90 ms where the gram join takes 280-550 ms, so PostgreSQL scans.
    add(" AND lower(o.name) LIKE ? ESCAPE '!'", "%" + EscapeLike(LowerAscii(*f.q)) + "%");
  } else if (f.q && !f.q->empty()) {
    const std::string q = LowerAscii(*f.q);
    query.from = "FROM org_name_grams g JOIN orgs o ON o.id = g.org_id";
    query.order = "g.org_id DESC";
    add(" AND g.gram = ?", RarestGram(QueryGrams(q)));
    if (core::CodepointCount(q).value_or(0) > 2) {
      add(" AND instr(lower(o.name), ?) > 0", q);
    }
  }
  if (f.region_code) {
    add(" AND o.region_code IN (SELECT descendant FROM region_closure WHERE ancestor = ?)",
        *f.region_code);
  }
  if (f.category) {
    add(" AND o.id IN (SELECT org_id FROM org_categories WHERE category = ?)", *f.category);
  }
  if (f.status) add(" AND o.status = ?", std::string(OrgStatusName(*f.status)));
  if (f.grade) add(" AND o.grade = ?", *f.grade);
  if (f.labour_field) add(" AND o.labour_field = ?", std::int64_t{*f.labour_field});
  if (f.registration_unit_id) add(" AND o.registration_unit_id = ?", *f.registration_unit_id);
  if (f.before_id) add(" AND o.id < ?", *f.before_id);
  switch (f.sort) {
    case OrgFilter::Sort::kNewest: break;
    case OrgFilter::Sort::kName: query.order = "o.name, o.id DESC"; break;
    case OrgFilter::Sort::kNameDesc: query.order = "o.name DESC, o.id DESC"; break;
    case OrgFilter::Sort::kFoundedOn: query.order = "o.founded_on, o.id DESC"; break;
    case OrgFilter::Sort::kFoundedOnDesc: query.order = "o.founded_on DESC, o.id DESC"; break;
  }
  if (f.in_scope_only) {
    const account::ScopeFilter in_scope = account::UnitSubtree(scope, "o.registration_unit_id");
    query.where += " AND " + in_scope.sql;
    query.params.insert(query.params.end(), in_scope.params.begin(), in_scope.params.end());
  }
  return query;
}

std::vector<Org> OrgRepo::List(const OrgFilter& filter, const account::Scope& scope,
                               std::int64_t limit, std::int64_t offset) {
  Query q = Where(filter, scope);
  auto stmt = session_.Prepare("SELECT o.id " + q.from + " " + q.where + " ORDER BY " + q.order +
                               " LIMIT ? OFFSET ?");
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  stmt.BindAll(q.params);
  std::vector<std::int64_t> ids;
  while (stmt.Next()) ids.push_back(stmt.row().Int(0));
  std::vector<Org> out;
  for (std::int64_t id : ids) out.push_back(Find(id).value());  // ≤ 200 indexed lookups a page
  return out;
}

std::int64_t OrgRepo::Count(const OrgFilter& filter, const account::Scope& scope) {
  const Query q = Where(filter, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from + " " + q.where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::int64_t OrgRepo::InsertLink(std::int64_t unit_id, std::int64_t org_id, std::string_view since,
                                 std::string_view now) {
  auto insert = session_.Prepare(
      "INSERT INTO org_links (unit_id, org_id, since, created_at) VALUES (?, ?, ?, ?) "
      "RETURNING id");
  insert.BindAll({unit_id, org_id, std::string(since), std::string(now)});
  insert.Next();
  return insert.row().Int(0);
}

std::optional<Link> OrgRepo::ActiveLink(std::int64_t unit_id, std::int64_t org_id) {
  auto stmt = session_.Prepare(
      "SELECT l.id, l.unit_id, l.org_id, o.name, o.uscc, l.since, l.until FROM org_links l "
      "JOIN orgs o ON o.id = l.org_id WHERE l.unit_id = ? AND l.org_id = ? AND l.until IS NULL");
  stmt.BindAll({unit_id, org_id});
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return Link{r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.OptText(6)};
}

void OrgRepo::EndLink(std::int64_t link_id, std::string_view until) {
  session_.Execute("UPDATE org_links SET until = ? WHERE id = ?", {std::string(until), link_id});
}

std::vector<Link> OrgRepo::Links(std::int64_t unit_id, bool active_only) {
  auto stmt = session_.Prepare(std::string(
      "SELECT l.id, l.unit_id, l.org_id, o.name, o.uscc, l.since, l.until FROM org_links l "
      "JOIN orgs o ON o.id = l.org_id WHERE l.unit_id = ?") +
      (active_only ? " AND l.until IS NULL" : "") + " ORDER BY l.id");
  stmt.Bind(0, unit_id);
  std::vector<Link> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.OptText(6)});
  }
  return out;
}

}  // namespace lianyin::domain::org
