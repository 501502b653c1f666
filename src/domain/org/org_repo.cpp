#include "domain/org/org_repo.hpp"

#include <algorithm>

#include "domain/account/repo_values.hpp"
#include "domain/org/org_rules.hpp"

namespace lianyin::domain::org {
namespace {

constexpr const char* kSelect =
    "SELECT o.id, o.name, o.uscc, o.org_type, o.region_code, COALESCE(r.name, ''), "
    "o.registration_unit_id, COALESCE(u.name, ''), o.legal_rep, o.phone, o.founded_on, "
    "o.business_scope, o.labour_field, o.status, o.grade, o.grade_valid_until, o.created_at, "
    "o.updated_at FROM orgs o LEFT JOIN regions r ON r.code = o.region_code "
    "LEFT JOIN units u ON u.id = o.registration_unit_id ";

Org ReadOrg(const store::Row& r) {
  Org o;
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
  return o;
}

}  // namespace

std::int64_t OrgRepo::Insert(const NewOrg& o, std::string_view now, bool index_name) {
  auto insert = session_.Prepare(
      "INSERT INTO orgs (name, uscc, org_type, region_code, registration_unit_id, legal_rep, "
      "phone, founded_on, business_scope, labour_field, status, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.BindAll({o.name, o.uscc, o.org_type, o.region_code, o.registration_unit_id, o.legal_rep,
                  o.phone, o.founded_on, o.business_scope, std::int64_t{o.labour_field}, o.status,
                  std::string(now), std::string(now)});
  insert.Next();
  const std::int64_t id = insert.row().Int(0);
  AddCategories(id, o.service_categories);
  if (index_name) AddGrams(id, o.name);
  return id;
}

std::optional<Org> OrgRepo::Find(std::int64_t id) {
  auto stmt = session_.Prepare(std::string(kSelect) + "WHERE o.id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  Org org = ReadOrg(stmt.row());
  org.service_categories = Categories(id);
  return org;
}

std::optional<Org> OrgRepo::FindByUscc(std::string_view uscc) {
  auto stmt = session_.Prepare("SELECT id FROM orgs WHERE uscc = ?");
  stmt.Bind(0, std::string(uscc));
  if (!stmt.Next()) return std::nullopt;
  return Find(stmt.row().Int(0));
}

bool OrgRepo::UsccTaken(std::string_view uscc) {
  auto stmt = session_.Prepare("SELECT 1 FROM orgs WHERE uscc = ?");
  stmt.Bind(0, std::string(uscc));
  return stmt.Next();
}

void OrgRepo::Update(const Org& o, bool name_changed, std::string_view now) {
  session_.Execute(
      "UPDATE orgs SET name = ?, region_code = ?, legal_rep = ?, phone = ?, founded_on = ?, "
      "business_scope = ?, labour_field = ?, updated_at = ? WHERE id = ?",
      {o.name, o.region_code, o.legal_rep, o.phone, o.founded_on, o.business_scope,
       std::int64_t{o.labour_field}, std::string(now), o.id});
  SetCategories(o.id, o.service_categories);
  if (name_changed) IndexName(o.id, o.name);
}

void OrgRepo::SetStatus(std::int64_t id, OrgStatus status, std::string_view now) {
  session_.Execute("UPDATE orgs SET status = ?, updated_at = ? WHERE id = ?",
                   {std::string(OrgStatusName(status)), std::string(now), id});
}

void OrgRepo::IndexName(std::int64_t id, std::string_view name) {
  session_.Execute("DELETE FROM org_name_grams WHERE org_id = ?", {id});
  AddGrams(id, name);
}

void OrgRepo::IndexNames(const std::vector<std::pair<std::int64_t, std::string>>& names) {
  std::vector<std::pair<std::string, std::int64_t>> postings;
  for (const auto& [id, name] : names) {
    for (std::string& gram : NameGrams(name)) postings.emplace_back(std::move(gram), id);
  }
  std::sort(postings.begin(), postings.end());
  auto insert = session_.Prepare("INSERT INTO org_name_grams (gram, org_id) VALUES (?, ?)");
  for (const auto& [gram, id] : postings) insert.BindAll({gram, id}).Execute();
}

void OrgRepo::AddGrams(std::int64_t id, std::string_view name) {
  auto insert = session_.Prepare("INSERT INTO org_name_grams (gram, org_id) VALUES (?, ?)");
  for (const std::string& gram : NameGrams(name)) insert.BindAll({gram, id}).Execute();
}

void OrgRepo::SetCategories(std::int64_t id, const std::vector<std::string>& categories) {
  session_.Execute("DELETE FROM org_categories WHERE org_id = ?", {id});
  AddCategories(id, categories);
}

void OrgRepo::AddCategories(std::int64_t id, const std::vector<std::string>& categories) {
  auto insert = session_.Prepare("INSERT INTO org_categories (org_id, category) VALUES (?, ?)");
  for (const std::string& c : categories) insert.BindAll({id, c}).Execute();
}

std::vector<std::string> OrgRepo::Categories(std::int64_t id) {
  auto stmt =
      session_.Prepare("SELECT category FROM org_categories WHERE org_id = ? ORDER BY category");
  stmt.Bind(0, id);
  std::vector<std::string> out;
  while (stmt.Next()) out.push_back(stmt.row().Text(0));
  return out;
}

void OrgRepo::AddEvent(const OrgEvent& e, std::int64_t org_id) {
  session_.Execute(
      "INSERT INTO org_events (org_id, at, actor_user_id, actor_username, action, from_status, "
      "to_status, reason, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {org_id, e.at,
       account::OptValue(e.actor_user_id), e.actor_username, e.action,
       account::OptValue(e.from_status), account::OptValue(e.to_status), e.reason,
       e.details_json});
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
