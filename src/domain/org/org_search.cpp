// OrgRepo: the registry list, its search, and links.
//
// `q` matches any part of the name. SQLite keeps an FTS5 index of every name with the
// lianyin_ngram tokenizer (store/sqlite/ngram_tokenizer.hpp), which answers substring queries of
// any length, one-character Chinese queries included, from its posting lists in rowid order, so
// the newest page stops after page_size hits. PostgreSQL scans: its parallel sequential scan beat
// every gram join we measured (docs/BENCHMARKS.md).

#include <algorithm>
#include <map>

#include "domain/common/sql_text.hpp"
#include "domain/org/org_repo.hpp"

namespace lianyin::domain::org {
namespace {

// The text as one FTS5 phrase: "..." with any '"' doubled, so no query syntax applies.
std::string Phrase(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Each of `codes` with its count from a `SELECT code, COUNT(*) ... GROUP BY code` (0 for a code
// the query did not return), in the order of `codes`.
std::vector<std::pair<std::string, std::int64_t>> CountsOf(store::Statement& counts,
                                                           const std::vector<std::string>& codes) {
  std::map<std::string, std::int64_t, std::less<>> counted;
  while (counts.Next()) counted[counts.row().Text(0)] = counts.row().Int(1);
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const std::string& code : codes) {
    auto it = counted.find(code);
    out.emplace_back(code, it == counted.end() ? 0 : it->second);
  }
  return out;
}

}  // namespace

OrgRepo::Query OrgRepo::Where(const OrgFilter& f, const common::Scope& scope, Staged staged) {
  // Organisations an import has staged but not yet published are nobody's to see. A page tests
  // each row it reads; a COUNT adds the condition only while an import runs, since on SQLite it
  // makes the count read the table instead of its smallest index. (A NOT IN over the staged ids
  // instead built a set of up to 100 k ids for every statement during an import: measured, p99
  // ~1 s.)
  Query query{"FROM orgs o", "WHERE 1 = 1", {}, "o.id DESC"};
  if (staged == Staged::kAlways || AnyStaged()) query.where = "WHERE o.import_id IS NULL";
  const auto add = [&](std::string_view clause, store::Value value) {
    query.where += clause;
    query.params.push_back(std::move(value));
  };
  if (f.q && !f.q->empty() && session_.dialect() == store::Dialect::kPostgres) {
    add(" AND lower(o.name) LIKE ?" + std::string(common::kLikeEscape),
        common::ContainsPattern(*f.q));
  } else if (f.q && !f.q->empty()) {
    query.from = "FROM org_name_fts f JOIN orgs o ON o.id = f.rowid";
    query.order = "f.rowid DESC";
    add(" AND org_name_fts MATCH ?", Phrase(*f.q));
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
  if (f.disclosed_only) query.where += " AND o.status NOT IN ('applying', 'rejected')";
  const auto founded_on = [&](std::string_view direction) {
    // Only the dates the caller may see: the others are null on its rows and sort last.
    const common::ScopeFilter manages = common::Visible(scope, kOrgRows);
    const std::string visible = "CASE WHEN " + manages.sql + " THEN o.founded_on END";
    query.order = visible + " IS NULL, " + visible + std::string(direction) + ", o.id DESC";
    for (int i = 0; i < 2; ++i) {
      query.order_params.insert(query.order_params.end(), manages.params.begin(),
                                manages.params.end());
    }
  };
  switch (f.sort) {
    case OrgFilter::Sort::kNewest:
      break;
    case OrgFilter::Sort::kOldest:
      query.order = "o.id";
      break;
    case OrgFilter::Sort::kName:
      query.order = "o.name, o.id DESC";
      break;
    case OrgFilter::Sort::kNameDesc:
      query.order = "o.name DESC, o.id DESC";
      break;
    case OrgFilter::Sort::kFoundedOn:
      founded_on("");
      break;
    case OrgFilter::Sort::kFoundedOnDesc:
      founded_on(" DESC");
      break;
  }
  if (f.in_scope_only) {
    const common::ScopeFilter managed = common::Visible(scope, kOrgRows);
    query.where += " AND " + managed.sql;
    query.params.insert(query.params.end(), managed.params.begin(), managed.params.end());
  }
  return query;
}

bool OrgRepo::AnyStaged() {
  auto stmt = session_.Prepare("SELECT 1 FROM orgs WHERE import_id IS NOT NULL LIMIT 1");
  return stmt.Next();
}

std::vector<OrgView> OrgRepo::List(const OrgFilter& filter, const common::Scope& scope,
                                   std::int64_t limit, std::int64_t offset) {
  Query q = Where(filter, scope, Staged::kAlways);
  std::vector<store::Value> params;
  const std::string select = Select(scope, params);
  params.insert(params.end(), q.params.begin(), q.params.end());
  params.insert(params.end(), q.order_params.begin(), q.order_params.end());
  params.emplace_back(limit);
  params.emplace_back(offset);
  auto stmt = session_.Prepare(select + q.from +
                               " LEFT JOIN regions r ON r.code = o.region_code "
                               "LEFT JOIN units u ON u.id = o.registration_unit_id " +
                               q.where + " ORDER BY " + q.order + " LIMIT ? OFFSET ?");
  stmt.BindAll(params);
  std::vector<OrgView> out;
  out.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(limit, 0, 1000)));
  while (stmt.Next()) out.push_back(ReadView(stmt.row()));
  return out;
}

std::int64_t OrgRepo::Count(const OrgFilter& filter, const common::Scope& scope) {
  const Query q = Where(filter, scope, Staged::kWhileStaged);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from + " " + q.where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

OrgSummary OrgRepo::Summary(const common::Scope& scope, std::string_view since) {
  const common::ScopeFilter managed = common::Visible(scope, kOrgRows);
  const std::string where = " WHERE o.import_id IS NULL AND " + managed.sql;
  OrgSummary out;
  auto statuses =
      session_.Prepare("SELECT o.status, COUNT(*) FROM orgs o" + where + " GROUP BY o.status");
  statuses.BindAll(managed.params);
  out.by_status = CountsOf(statuses, OrgStatusNames());
  for (const auto& [status, n] : out.by_status) out.total += n;
  auto categories = session_.Prepare(
      "SELECT c.category, COUNT(*) FROM org_categories c JOIN orgs o ON o.id = c.org_id" + where +
      " GROUP BY c.category");
  categories.BindAll(managed.params);
  out.by_category = CountsOf(categories, ServiceCategories());
  auto created = session_.Prepare("SELECT COUNT(*) FROM orgs o" + where + " AND o.created_at >= ?");
  std::vector<store::Value> params = managed.params;
  params.emplace_back(std::string(since));
  created.BindAll(params);
  created.Next();
  out.created_since = created.row().Int(0);
  return out;
}

std::optional<std::int64_t> OrgRepo::InsertLink(std::int64_t unit_id, std::int64_t org_id,
                                                std::string_view since, std::string_view now) {
  return store::InsertOrConflict(
      session_, "INSERT INTO org_links (unit_id, org_id, since, created_at) VALUES (?, ?, ?, ?)",
      {unit_id, org_id, std::string(since), std::string(now)});
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

bool OrgRepo::EndLink(std::int64_t link_id, std::string_view until) {
  return session_.Execute("UPDATE org_links SET until = ? WHERE id = ? AND until IS NULL",
                          {std::string(until), link_id}) == 1;
}

std::vector<Link> OrgRepo::ActiveLinks(std::int64_t unit_id, std::int64_t limit,
                                       std::int64_t offset) {
  auto stmt = session_.Prepare(
      "SELECT l.id, l.unit_id, l.org_id, o.name, o.uscc, l.since, l.until FROM org_links l "
      "JOIN orgs o ON o.id = l.org_id WHERE l.unit_id = ? AND l.until IS NULL "
      "ORDER BY l.id LIMIT ? OFFSET ?");
  stmt.BindAll({unit_id, limit, offset});
  std::vector<Link> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.OptText(6)});
  }
  return out;
}

std::int64_t OrgRepo::CountActiveLinks(std::int64_t unit_id) {
  auto stmt =
      session_.Prepare("SELECT COUNT(*) FROM org_links WHERE unit_id = ? AND until IS NULL");
  stmt.Bind(0, unit_id);
  stmt.Next();
  return stmt.row().Int(0);
}

}  // namespace lianyin::domain::org
