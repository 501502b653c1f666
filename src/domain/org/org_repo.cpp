#include "domain/org/org_repo.hpp"

#include <algorithm>

#include "domain/common/sql_text.hpp"
#include "domain/org/org_rules.hpp"

namespace lianyin::domain::org {
namespace {

using common::OptValue;

// Categories as stored in orgs.categories: sorted, ';'-separated.
std::string JoinCategories(std::vector<std::string> categories) {
  std::sort(categories.begin(), categories.end());
  std::string out;
  for (const std::string& c : categories) out += (out.empty() ? "" : ";") + c;
  return out;
}

std::vector<std::string> SplitCategories(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

OrgView OrgRepo::ReadView(const store::Row& r) {
  OrgView view;
  Org& o = view.org;
  o.id = r.Int(0);
  o.name = r.Text(1);
  o.uscc = r.Text(2);
  o.org_type = r.Text(3);
  o.region_code = r.Text(4);
  o.region_name = r.Text(5);
  o.registration_unit_id = r.Int(6);
  o.registration_unit_name = r.Text(7);
  o.legal_rep = r.Text(8);
  o.phone = r.Text(9);
  o.founded_on = r.Text(10);
  o.business_scope = r.Text(11);
  o.labour_field = r.Bool(12);
  o.status = ParseOrgStatus(r.Text(13)).value_or(OrgStatus::kRegistered);
  o.grade = r.OptText(14);
  o.grade_valid_until = r.OptText(15);
  o.created_at = r.Text(16);
  o.updated_at = r.Text(17);
  o.service_categories = SplitCategories(r.Text(18));
  view.full = r.Bool(19);
  return view;
}

namespace {

constexpr const char* kOrgColumns =
    "name, uscc, org_type, region_code, registration_unit_id, legal_rep, phone, founded_on, "
    "business_scope, labour_field, status, created_at, updated_at, categories";

std::vector<store::Value> OrgValues(const NewOrg& o, std::string_view now) {
  return {o.name,
          o.uscc,
          o.org_type,
          o.region_code,
          o.registration_unit_id,
          o.legal_rep,
          o.phone,
          o.founded_on,
          o.business_scope,
          std::int64_t{o.labour_field},
          o.status,
          std::string(now),
          std::string(now),
          JoinCategories(o.service_categories)};
}

// An IN list is bound in batches of this many values.
constexpr std::size_t kInBatch = 500;

}  // namespace

bool OrgInScope(store::Session& session, const common::Scope& scope, std::int64_t org_id) {
  return OrgRepo(session).FindManaged(scope, org_id).has_value();
}

std::string OrgRepo::Select(const common::Scope& scope, std::vector<store::Value>& params) const {
  const common::ScopeFilter manages = common::Visible(scope, kOrgRows);
  params.insert(params.end(), manages.params.begin(), manages.params.end());
  return "SELECT o.id, o.name, o.uscc, o.org_type, o.region_code, COALESCE(r.name, ''), "
         "o.registration_unit_id, COALESCE(u.name, ''), o.legal_rep, o.phone, o.founded_on, "
         "o.business_scope, o.labour_field, o.status, o.grade, o.grade_valid_until, "
         "o.created_at, o.updated_at, o.categories, CASE WHEN " +
         manages.sql + " THEN 1 ELSE 0 END ";
}

std::optional<std::int64_t> OrgRepo::Insert(const NewOrg& o, std::string_view now) {
  auto id = store::InsertOrConflict(session_,
                                    std::string("INSERT INTO orgs (") + kOrgColumns +
                                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    OrgValues(o, now));
  if (!id) return std::nullopt;
  auto insert = session_.Prepare("INSERT INTO org_categories (org_id, category) VALUES (?, ?)");
  for (const std::string& c : o.service_categories) insert.BindAll({*id, c}).Execute();
  IndexName(*id, o.name);
  return id;
}

std::vector<std::int64_t> OrgRepo::AllocateIds(std::size_t count) {
  std::vector<std::int64_t> ids;
  ids.reserve(count);
  if (count == 0) return ids;
  if (session_.dialect() == store::Dialect::kPostgres) {
    auto stmt = session_.Prepare(
        "SELECT nextval(pg_get_serial_sequence('orgs', 'id')) FROM generate_series(1, ?)");
    stmt.Bind(0, static_cast<std::int64_t>(count));
    while (stmt.Next()) ids.push_back(stmt.row().Int(0));
    return ids;
  }
  auto stmt = session_.Prepare("SELECT COALESCE(MAX(id), 0) FROM orgs");
  stmt.Next();
  const std::int64_t max = stmt.row().Int(0);
  for (std::size_t i = 1; i <= count; ++i) ids.push_back(max + static_cast<std::int64_t>(i));
  return ids;
}

void OrgRepo::InsertMany(const std::vector<NewOrgRow>& rows, std::string_view now,
                         std::int64_t import_id) {
  if (rows.empty()) return;
  {
    auto orgs = session_.Load(
        "orgs", {"id", "name", "uscc", "org_type", "region_code", "registration_unit_id",
                 "legal_rep", "phone", "founded_on", "business_scope", "labour_field", "status",
                 "created_at", "updated_at", "categories", "import_id"});
    for (const NewOrgRow& row : rows) {
      std::vector<store::Value> values{row.id};
      std::vector<store::Value> rest = OrgValues(*row.org, now);
      values.insert(values.end(), std::make_move_iterator(rest.begin()),
                    std::make_move_iterator(rest.end()));
      values.emplace_back(import_id);
      orgs->Add(values);
    }
    orgs->Finish();
  }
  {
    auto categories = session_.Load("org_categories", {"org_id", "category"});
    for (const NewOrgRow& row : rows) {
      for (const std::string& c : row.org->service_categories) categories->Add({row.id, c});
    }
    categories->Finish();
  }
  if (session_.dialect() == store::Dialect::kSqlite) {
    auto index = session_.Prepare("INSERT INTO org_name_fts (rowid, name) VALUES (?, ?)");
    for (const NewOrgRow& row : rows) index.BindAll({row.id, row.org->name}).Execute();
  }
}

std::set<std::string> OrgRepo::TakenUsccs(const std::vector<std::string>& usccs) {
  std::set<std::string> taken;
  for (std::size_t start = 0; start < usccs.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, usccs.size() - start);
    std::string sql = "SELECT uscc FROM orgs WHERE uscc IN (?";
    for (std::size_t i = 1; i < n; ++i) sql += ", ?";
    sql += ")";
    auto stmt = session_.Prepare(sql);
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), usccs[start + i]);
    while (stmt.Next()) taken.insert(stmt.row().Text(0));
  }
  return taken;
}

std::optional<OrgView> OrgRepo::FindPublic(const common::Scope& scope, std::int64_t id) {
  std::vector<store::Value> params;
  std::string sql = Select(scope, params) +
                    "FROM orgs o LEFT JOIN regions r ON r.code = o.region_code "
                    "LEFT JOIN units u ON u.id = o.registration_unit_id "
                    "WHERE o.id = ? AND o.import_id IS NULL";
  params.emplace_back(id);
  auto stmt = session_.Prepare(sql);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  return ReadView(stmt.row());
}

std::optional<Org> OrgRepo::FindManaged(const common::Scope& scope, std::int64_t id) {
  auto view = FindPublic(scope, id);
  if (!view || !view->full) return std::nullopt;
  return std::move(view->org);
}

std::optional<Org> OrgRepo::FindByUscc(std::string_view uscc) {
  auto stmt = session_.Prepare("SELECT id FROM orgs WHERE uscc = ? AND import_id IS NULL");
  stmt.Bind(0, std::string(uscc));
  if (!stmt.Next()) return std::nullopt;
  const std::int64_t id = stmt.row().Int(0);
  // The full record; whether a caller may see all of it is the caller's concern.
  auto view = FindPublic(common::Scope{}, id);
  if (!view) return std::nullopt;
  return std::move(view->org);
}

std::vector<Org> OrgRepo::FindStaged(std::int64_t import_id, std::int64_t limit) {
  std::vector<store::Value> params;
  std::string sql = Select(common::Scope{}, params) +
                    "FROM orgs o LEFT JOIN regions r ON r.code = o.region_code "
                    "LEFT JOIN units u ON u.id = o.registration_unit_id "
                    "WHERE o.import_id = ? ORDER BY o.id LIMIT ?";
  params.emplace_back(import_id);
  params.emplace_back(limit);
  auto stmt = session_.Prepare(sql);
  stmt.BindAll(params);
  std::vector<Org> out;
  while (stmt.Next()) out.push_back(ReadView(stmt.row()).org);
  return out;
}

void OrgRepo::Publish(std::int64_t import_id, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return;
  // The ids of one FindStaged page are ordered; the range holds no other import's rows that
  // carry this import_id.
  session_.Execute("UPDATE orgs SET import_id = NULL WHERE import_id = ? AND id BETWEEN ? AND ?",
                   {import_id, ids.front(), ids.back()});
}

std::int64_t OrgRepo::DiscardStaged(std::int64_t import_id, std::int64_t limit) {
  std::vector<std::pair<std::int64_t, std::string>> staged;
  {
    auto stmt =
        session_.Prepare("SELECT id, name FROM orgs WHERE import_id = ? ORDER BY id LIMIT ?");
    stmt.BindAll({import_id, limit});
    while (stmt.Next()) staged.emplace_back(stmt.row().Int(0), stmt.row().Text(1));
  }
  if (staged.empty()) return 0;
  const std::int64_t first = staged.front().first;
  const std::int64_t last = staged.back().first;
  const std::string in_range =
      " IN (SELECT id FROM orgs WHERE import_id = ? AND id BETWEEN ? AND ?)";
  session_.Execute("DELETE FROM org_categories WHERE org_id" + in_range, {import_id, first, last});
  session_.Execute("DELETE FROM org_events WHERE org_id" + in_range, {import_id, first, last});
  for (const auto& [id, name] : staged) UnindexName(id, name);
  session_.Execute("DELETE FROM orgs WHERE import_id = ? AND id BETWEEN ? AND ?",
                   {import_id, first, last});
  return static_cast<std::int64_t>(staged.size());
}

void OrgRepo::Update(const Org& o, const std::string& old_name, std::string_view now) {
  session_.Execute(
      "UPDATE orgs SET name = ?, region_code = ?, legal_rep = ?, phone = ?, founded_on = ?, "
      "business_scope = ?, labour_field = ?, updated_at = ? WHERE id = ?",
      {o.name, o.region_code, o.legal_rep, o.phone, o.founded_on, o.business_scope,
       std::int64_t{o.labour_field}, std::string(now), o.id});
  SetCategories(o.id, o.service_categories);
  if (o.name != old_name) {
    UnindexName(o.id, old_name);
    IndexName(o.id, o.name);
  }
}

void OrgRepo::SetStatus(std::int64_t id, OrgStatus status, std::string_view now) {
  session_.Execute("UPDATE orgs SET status = ?, updated_at = ? WHERE id = ?",
                   {std::string(OrgStatusName(status)), std::string(now), id});
}

void OrgRepo::IndexName(std::int64_t id, const std::string& name) {
  // PostgreSQL searches with a scan; only SQLite keeps the index (org_search.cpp).
  if (session_.dialect() != store::Dialect::kSqlite) return;
  session_.Execute("INSERT INTO org_name_fts (rowid, name) VALUES (?, ?)", {id, name});
}

void OrgRepo::UnindexName(std::int64_t id, const std::string& name) {
  if (session_.dialect() != store::Dialect::kSqlite) return;
  // A contentless FTS5 table forgets a row given the text it was indexed with.
  session_.Execute("INSERT INTO org_name_fts (org_name_fts, rowid, name) VALUES ('delete', ?, ?)",
                   {id, name});
}

void OrgRepo::SetCategories(std::int64_t id, const std::vector<std::string>& categories) {
  session_.Execute("UPDATE orgs SET categories = ? WHERE id = ?", {JoinCategories(categories), id});
  session_.Execute("DELETE FROM org_categories WHERE org_id = ?", {id});
  auto insert = session_.Prepare("INSERT INTO org_categories (org_id, category) VALUES (?, ?)");
  for (const std::string& c : categories) insert.BindAll({id, c}).Execute();
}

void OrgRepo::AddEvent(const OrgEvent& e, std::int64_t org_id) { AddEvents({{org_id, e}}); }

void OrgRepo::AddEvents(const std::vector<std::pair<std::int64_t, OrgEvent>>& events) {
  const auto values = [](std::int64_t org_id, const OrgEvent& e) {
    return std::vector<store::Value>{org_id,
                                     e.at,
                                     OptValue(e.actor_user_id),
                                     e.actor_username,
                                     e.action,
                                     OptValue(e.from_status),
                                     OptValue(e.to_status),
                                     e.reason,
                                     e.details_json};
  };
  if (events.size() > 64) {
    auto loader =
        session_.Load("org_events", {"org_id", "at", "actor_user_id", "actor_username", "action",
                                     "from_status", "to_status", "reason", "details_json"});
    for (const auto& [org_id, e] : events) loader->Add(values(org_id, e));
    loader->Finish();
    return;
  }
  auto insert = session_.Prepare(
      "INSERT INTO org_events (org_id, at, actor_user_id, actor_username, action, from_status, "
      "to_status, reason, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& [org_id, e] : events) insert.BindAll(values(org_id, e)).Execute();
}

std::vector<OrgEvent> OrgRepo::Events(std::int64_t org_id) {
  auto stmt = session_.Prepare(
      "SELECT id, at, actor_user_id, actor_username, action, from_status, to_status, reason, "
      "details_json FROM org_events WHERE org_id = ? ORDER BY id");
  stmt.Bind(0, org_id);
  std::vector<OrgEvent> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({r.Int(0), r.Text(1), r.OptInt(2), r.Text(3), r.Text(4), r.OptText(5),
                   r.OptText(6), r.Text(7), r.Text(8)});
  }
  return out;
}

}  // namespace lianyin::domain::org
