#include "domain/credit/credit_repo.hpp"

#include <algorithm>
#include <tuple>

#include "domain/common/sql_text.hpp"

namespace lianyin::domain::credit {
namespace {

using common::kInBatch;
using common::OptValue;
using common::Placeholders;

// How the registry owns organisations (org::kOrgRows): credit entries are owned alike.
constexpr common::Ownership kOrgRows{"o.registration_unit_id", "o.id"};

// The columns ReadEntry reads, over kEntryFrom.
constexpr const char* kEntrySelect =
    "SELECT e.id, e.org_id, o.name, o.uscc, e.list, e.reason, e.entered_on, "
    "e.entered_by_user_id, COALESCE(bu.display_name, ''), e.unit_id, COALESCE(u.name, ''), "
    "e.removed_on, e.removal_reason, e.removed_by_user_id, COALESCE(ru.display_name, ''), "
    "(SELECT COUNT(*) FROM credit_objections c WHERE c.entry_id = e.id AND c.status = 'open'), "
    "e.created_at, e.updated_at ";
constexpr const char* kEntryFrom =
    "FROM credit_entries e JOIN orgs o ON o.id = e.org_id "
    "LEFT JOIN units u ON u.id = e.unit_id "
    "LEFT JOIN users bu ON bu.id = e.entered_by_user_id "
    "LEFT JOIN users ru ON ru.id = e.removed_by_user_id ";

CreditEntry ReadEntry(const store::Row& r) {
  CreditEntry e;
  e.id = r.Int(0);
  e.org_id = r.Int(1);
  e.org_name = r.Text(2);
  e.uscc = r.Text(3);
  e.list = ParseCreditList(r.Text(4)).value_or(CreditList::kAbnormal);
  e.reason = r.Text(5);
  e.entered_on = r.Text(6);
  e.entered_by_user_id = r.OptInt(7);
  e.entered_by_name = r.Text(8);
  e.unit_id = r.Int(9);
  e.unit_name = r.Text(10);
  e.removed_on = r.OptText(11);
  e.removal_reason = r.OptText(12);
  e.removed_by_user_id = r.OptInt(13);
  e.removed_by_name = r.Text(14);
  e.open_objections = r.Int(15);
  e.created_at = r.Text(16);
  e.updated_at = r.Text(17);
  return e;
}

constexpr const char* kObjectionSelect =
    "SELECT c.id, c.entry_id, c.text, c.by_user_id, COALESCE(bu.display_name, ''), c.status, "
    "c.reply, c.answered_by_user_id, COALESCE(au.display_name, ''), c.answered_at, "
    "c.created_at, c.updated_at FROM credit_objections c "
    "LEFT JOIN users bu ON bu.id = c.by_user_id "
    "LEFT JOIN users au ON au.id = c.answered_by_user_id ";

Objection ReadObjection(const store::Row& r) {
  Objection o;
  o.id = r.Int(0);
  o.entry_id = r.Int(1);
  o.text = r.Text(2);
  o.by_user_id = r.Int(3);
  o.by_name = r.Text(4);
  o.status = ParseObjectionStatus(r.Text(5)).value_or(ObjectionStatus::kOpen);
  o.reply = r.OptText(6);
  o.answered_by_user_id = r.OptInt(7);
  o.answered_by_name = r.Text(8);
  o.answered_at = r.OptText(9);
  o.created_at = r.Text(10);
  o.updated_at = r.Text(11);
  return o;
}

}  // namespace

std::optional<OrgRef> CreditRepo::FindOrg(const common::Scope& scope, std::int64_t org_id) {
  const common::ScopeFilter manages = common::Visible(scope, kOrgRows);
  auto stmt = session_.Prepare(
      "SELECT o.id, o.name, o.registration_unit_id, o.status, CASE WHEN " + manages.sql +
      " THEN 1 ELSE 0 END FROM orgs o WHERE o.id = ? AND o.import_id IS NULL");
  std::vector<store::Value> params = manages.params;
  params.emplace_back(org_id);
  stmt.BindAll(params);
  if (!stmt.Next()) return std::nullopt;
  const store::Row r = stmt.row();
  return OrgRef{r.Int(0), r.Text(1), r.Int(2), r.Text(3), r.Bool(4)};
}

std::optional<std::int64_t> CreditRepo::InsertEntry(const OrgRef& org, CreditList list,
                                                    const std::string& reason,
                                                    const std::string& entered_on,
                                                    std::optional<std::int64_t> by_user_id,
                                                    std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO credit_entries (org_id, list, reason, entered_on, entered_by_user_id, "
      "unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {org.id, std::string(CreditListName(list)), reason, entered_on, OptValue(by_user_id),
       org.registration_unit_id, std::string(now), std::string(now)});
}

std::optional<std::int64_t> CreditRepo::InsertRuleEntry(const OrgRef& org, CreditList list,
                                                        const std::string& reason,
                                                        const std::string& entered_on,
                                                        const std::string& rule,
                                                        std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO credit_entries (org_id, list, reason, entered_on, rule, unit_id, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {org.id, std::string(CreditListName(list)), reason, entered_on, rule,
       org.registration_unit_id, std::string(now), std::string(now)});
}

std::optional<CreditEntry> CreditRepo::ActiveEntry(std::int64_t org_id, CreditList list) {
  auto stmt = session_.Prepare(std::string(kEntrySelect) + kEntryFrom +
                               "WHERE e.org_id = ? AND e.list = ? AND e.removed_on IS NULL");
  stmt.BindAll({org_id, std::string(CreditListName(list))});
  if (!stmt.Next()) return std::nullopt;
  return ReadEntry(stmt.row());
}

std::optional<CreditEntry> CreditRepo::FindInScope(const common::Scope& scope, std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kEntryRows);
  auto stmt = session_.Prepare(std::string(kEntrySelect) + kEntryFrom + "WHERE e.id = ? AND " +
                               visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadEntry(stmt.row());
}

bool CreditRepo::Remove(std::int64_t id, const std::string& removed_on, const std::string& reason,
                        std::int64_t by_user_id, std::string_view now) {
  return session_.Execute(
             "UPDATE credit_entries SET removed_on = ?, removal_reason = ?, "
             "removed_by_user_id = ?, updated_at = ? WHERE id = ? AND removed_on IS NULL",
             {removed_on, reason, by_user_id, std::string(now), id}) == 1;
}

CreditRepo::Query CreditRepo::Where(const EntryFilter& f, const common::Scope& scope) const {
  const common::ScopeFilter visible = common::Visible(scope, kEntryRows);
  Query q{std::string(kEntryFrom) + "WHERE " + visible.sql, visible.params};
  const auto add = [&](std::string_view clause, store::Value value) {
    q.from_where += clause;
    q.params.push_back(std::move(value));
  };
  if (f.list) add(" AND e.list = ?", std::string(CreditListName(*f.list)));
  if (f.active)
    q.from_where += *f.active ? " AND e.removed_on IS NULL" : " AND e.removed_on IS NOT NULL";
  if (f.org_id) add(" AND e.org_id = ?", *f.org_id);
  if (f.q && !f.q->empty()) {
    const std::string pattern = common::ContainsPattern(*f.q);
    const std::string escape(common::kLikeEscape);
    q.from_where +=
        " AND (lower(o.name) LIKE ?" + escape + " OR lower(o.uscc) LIKE ?" + escape + ")";
    q.params.insert(q.params.end(), {pattern, pattern});
  }
  if (f.open_objection) {
    q.from_where += *f.open_objection ? " AND EXISTS" : " AND NOT EXISTS";
    q.from_where +=
        " (SELECT 1 FROM credit_objections c WHERE c.entry_id = e.id AND c.status = 'open')";
  }
  return q;
}

std::vector<CreditEntry> CreditRepo::List(const EntryFilter& filter, const common::Scope& scope,
                                          std::int64_t limit, std::int64_t offset) {
  Query q = Where(filter, scope);
  q.params.emplace_back(limit);
  q.params.emplace_back(offset);
  auto stmt = session_.Prepare(std::string(kEntrySelect) + q.from_where +
                               " ORDER BY e.id DESC LIMIT ? OFFSET ?");
  stmt.BindAll(q.params);
  std::vector<CreditEntry> out;
  while (stmt.Next()) out.push_back(ReadEntry(stmt.row()));
  return out;
}

std::int64_t CreditRepo::Count(const EntryFilter& filter, const common::Scope& scope) {
  const Query q = Where(filter, scope);
  auto stmt = session_.Prepare("SELECT COUNT(*) " + q.from_where);
  stmt.BindAll(q.params);
  stmt.Next();
  return stmt.row().Int(0);
}

std::optional<CreditEntry> CreditRepo::FirstActive(const std::vector<std::int64_t>& org_ids) {
  std::optional<CreditEntry> first;
  for (std::size_t start = 0; start < org_ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, org_ids.size() - start);
    auto stmt = session_.Prepare(std::string(kEntrySelect) + kEntryFrom + "WHERE e.org_id IN (" +
                                 Placeholders(n) +
                                 ") AND e.removed_on IS NULL ORDER BY e.entered_on, e.id LIMIT 1");
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), org_ids[start + i]);
    if (!stmt.Next()) continue;
    CreditEntry found = ReadEntry(stmt.row());
    if (!first || std::tie(found.entered_on, found.id) < std::tie(first->entered_on, first->id)) {
      first = std::move(found);
    }
  }
  return first;
}

std::vector<CreditEntry> CreditRepo::ActiveOf(const std::vector<std::int64_t>& org_ids) {
  std::vector<CreditEntry> out;
  for (std::size_t start = 0; start < org_ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, org_ids.size() - start);
    auto stmt = session_.Prepare(
        std::string(kEntrySelect) + kEntryFrom + "WHERE e.org_id IN (" + Placeholders(n) +
        ") AND e.removed_on IS NULL ORDER BY e.org_id, e.entered_on, e.id");
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), org_ids[start + i]);
    while (stmt.Next()) out.push_back(ReadEntry(stmt.row()));
  }
  return out;
}

std::vector<PublicEntry> CreditRepo::PublicEntries(std::int64_t org_id) {
  auto stmt = session_.Prepare(
      "SELECT e.list, e.reason, e.entered_on, COALESCE(u.name, ''), e.removed_on, "
      "e.removal_reason FROM credit_entries e LEFT JOIN units u ON u.id = e.unit_id "
      "WHERE e.org_id = ? ORDER BY e.id DESC");
  stmt.Bind(0, org_id);
  std::vector<PublicEntry> out;
  while (stmt.Next()) {
    const store::Row r = stmt.row();
    out.push_back({ParseCreditList(r.Text(0)).value_or(CreditList::kAbnormal), r.Text(1), r.Text(2),
                   r.Text(3), r.OptText(4), r.OptText(5)});
  }
  return out;
}

std::optional<std::int64_t> CreditRepo::InsertObjection(std::int64_t entry_id,
                                                        const std::string& text,
                                                        std::int64_t by_user_id,
                                                        std::string_view now) {
  return store::InsertOrConflict(
      session_,
      "INSERT INTO credit_objections (entry_id, text, by_user_id, status, created_at, "
      "updated_at) VALUES (?, ?, ?, 'open', ?, ?)",
      {entry_id, text, by_user_id, std::string(now), std::string(now)});
}

std::optional<Objection> CreditRepo::FindObjectionInScope(const common::Scope& scope,
                                                          std::int64_t id) {
  const common::ScopeFilter visible = common::Visible(scope, kEntryRows);
  auto stmt = session_.Prepare(std::string(kObjectionSelect) +
                               "JOIN credit_entries e ON e.id = c.entry_id WHERE c.id = ? AND " +
                               visible.sql);
  stmt.BindAll(visible.After({id}));
  if (!stmt.Next()) return std::nullopt;
  return ReadObjection(stmt.row());
}

bool CreditRepo::AnswerObjection(std::int64_t id, ObjectionStatus status, const std::string& reply,
                                 std::int64_t by_user_id, std::string_view now) {
  return session_.Execute(
             "UPDATE credit_objections SET status = ?, reply = ?, answered_by_user_id = ?, "
             "answered_at = ?, updated_at = ? WHERE id = ? AND status = 'open'",
             {std::string(ObjectionStatusName(status)), reply, by_user_id, std::string(now),
              std::string(now), id}) == 1;
}

std::vector<Objection> CreditRepo::Objections(const std::vector<std::int64_t>& entry_ids) {
  std::vector<Objection> out;
  for (std::size_t start = 0; start < entry_ids.size(); start += kInBatch) {
    const std::size_t n = std::min(kInBatch, entry_ids.size() - start);
    auto stmt = session_.Prepare(std::string(kObjectionSelect) + "WHERE c.entry_id IN (" +
                                 Placeholders(n) + ") ORDER BY c.id");
    for (std::size_t i = 0; i < n; ++i) stmt.Bind(static_cast<int>(i), entry_ids[start + i]);
    while (stmt.Next()) out.push_back(ReadObjection(stmt.row()));
  }
  return out;
}

}  // namespace lianyin::domain::credit
