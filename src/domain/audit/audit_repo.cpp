#include "domain/audit/audit_repo.hpp"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <utility>

#include "domain/audit/audit_rules.hpp"

namespace lianyin::domain::audit {
namespace {

constexpr std::string_view kColumns =
    "id, at, actor_user_id, actor_username, ip, request_id, action, entity, entity_id, "
    "before_json, after_json, outcome, prev_hash, hash, owner_unit_id";
const std::vector<std::string> kColumnList = {
    "id",         "at",      "actor_user_id", "actor_username", "ip",
    "request_id", "action",  "entity",        "entity_id",      "before_json",
    "after_json", "outcome", "prev_hash",     "hash",           "owner_unit_id"};
// Past this many entries one append goes through the bulk loader instead of prepared INSERTs.
constexpr std::size_t kBulkAppend = 64;

// Stored JSON that no longer parses (someone edited it) is kept as its raw text, so the entry
// still loads and its hash no longer matches.
boost::json::value ReadJson(const store::Row& row, int col) {
  if (row.IsNull(col)) return nullptr;
  const std::string text = row.Text(col);
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(text, ec);
  return ec ? boost::json::value(text) : value;
}

AuditEntry ReadEntry(const store::Row& row) {
  AuditEntry entry;
  entry.id = row.Int(0);
  entry.at = row.Text(1);
  AuditEvent& e = entry.event;
  e.actor_user_id = row.OptInt(2);
  e.actor_username = row.Text(3);
  e.ip = row.Text(4);
  e.request_id = row.Text(5);
  e.action = row.Text(6);
  e.entity = row.Text(7);
  e.entity_id = row.OptText(8);
  e.before = ReadJson(row, 9);
  e.after = ReadJson(row, 10);
  e.outcome = ParseOutcome(row.Text(11)).value_or(Outcome::kFailure);
  entry.prev_hash = row.Text(12);
  entry.hash = row.Text(13);
  e.owner_unit_id = row.OptInt(14);
  return entry;
}

store::Value JsonColumn(const boost::json::value& value) {
  if (value.is_null()) return store::Null{};
  return CanonicalJson(value);
}

template <class T>
store::Value OptionalColumn(const std::optional<T>& value) {
  if (!value) return store::Null{};
  return *value;
}

std::vector<store::Value> Values(const AuditEntry& entry) {
  const AuditEvent& e = entry.event;
  return {entry.id,
          entry.at,
          OptionalColumn(e.actor_user_id),
          e.actor_username,
          e.ip,
          e.request_id,
          e.action,
          e.entity,
          OptionalColumn(e.entity_id),
          JsonColumn(e.before),
          JsonColumn(e.after),
          std::string(OutcomeName(e.outcome)),
          entry.prev_hash,
          entry.hash,
          OptionalColumn(e.owner_unit_id)};
}

// " WHERE ..." for the scope and the set filters, appending their parameters to `params`.
std::string Where(const common::Scope& scope, const ListQuery& q,
                  std::vector<store::Value>& params) {
  const common::ScopeFilter visible = common::Visible(scope, kAuditOwnership);
  std::string sql = " WHERE " + visible.sql;
  params = visible.params;
  auto add = [&](std::string_view condition, store::Value value) {
    sql += " AND ";
    sql += condition;
    params.push_back(std::move(value));
  };
  if (q.entity) add("entity = ?", *q.entity);
  if (q.entity_id) add("entity_id = ?", *q.entity_id);
  if (q.actor_user_id) add("actor_user_id = ?", *q.actor_user_id);
  if (q.action) add("action = ?", *q.action);
  if (q.outcome) add("outcome = ?", std::string(OutcomeName(*q.outcome)));
  if (q.at_from) add("at >= ?", *q.at_from);
  if (q.at_before) add("at < ?", *q.at_before);
  if (q.before_id) add("id < ?", *q.before_id);
  return sql;
}

}  // namespace

ChainHead AuditRepo::ClaimRange(std::int64_t count) {
  auto stmt = session_.Prepare(
      "UPDATE audit_head SET last_id = last_id + ? WHERE id = 1 RETURNING last_id, last_hash");
  stmt.Bind(0, count);
  if (!stmt.Next()) throw store::DbError(store::DbError::Kind::kOther, "audit_head row missing");
  ChainHead before{stmt.row().Int(0) - count, stmt.row().Text(1)};
  while (stmt.Next()) {
  }
  return before;
}

void AuditRepo::InsertAll(const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return;
  if (entries.size() > kBulkAppend) {
    auto loader = session_.Load("audit_log", kColumnList);
    for (const AuditEntry& entry : entries) loader->Add(Values(entry));
    loader->Finish();
  } else {
    auto insert = session_.Prepare(fmt::format(
        "INSERT INTO audit_log ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        kColumns));
    for (const AuditEntry& entry : entries) insert.BindAll(Values(entry)).Execute();
  }
  session_.Execute("UPDATE audit_head SET last_hash = ? WHERE id = 1", {entries.back().hash});
}

ChainHead AuditRepo::Head() {
  auto stmt = session_.Prepare("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
  if (!stmt.Next()) throw store::DbError(store::DbError::Kind::kOther, "audit_head row missing");
  return {stmt.row().Int(0), stmt.row().Text(1)};
}

std::vector<AuditEntry> AuditRepo::Chain(std::int64_t after_id, std::int64_t max_id,
                                         std::int64_t limit) {
  auto stmt = session_.Prepare(fmt::format(
      "SELECT {} FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", kColumns));
  stmt.BindAll({after_id, max_id, limit});
  std::vector<AuditEntry> out;
  while (stmt.Next()) out.push_back(ReadEntry(stmt.row()));
  return out;
}

std::vector<AuditEntry> AuditRepo::List(const common::Scope& scope, const ListQuery& query,
                                        std::int64_t offset, std::int64_t limit) {
  std::vector<store::Value> params;
  const std::string where = Where(scope, query, params);
  auto stmt = session_.Prepare(
      fmt::format("SELECT {} FROM audit_log{} ORDER BY id DESC LIMIT ? OFFSET ?", kColumns, where));
  stmt.BindAll(params);
  const int next = static_cast<int>(params.size());
  stmt.Bind(next, limit).Bind(next + 1, offset);
  std::vector<AuditEntry> out;
  while (stmt.Next()) out.push_back(ReadEntry(stmt.row()));
  return out;
}

std::int64_t AuditRepo::Count(const common::Scope& scope, const ListQuery& query) {
  std::vector<store::Value> params;
  auto stmt = session_.Prepare("SELECT COUNT(*) FROM audit_log" + Where(scope, query, params));
  stmt.BindAll(params);
  return stmt.Next() ? stmt.row().Int(0) : 0;
}

std::optional<std::int64_t> AuditRepo::FirstIdAtOrAfter(std::string_view at_cutoff) {
  auto stmt = session_.Prepare("SELECT MIN(id) FROM audit_log WHERE at >= ?");
  stmt.Bind(0, std::string(at_cutoff));
  return stmt.Next() ? stmt.row().OptInt(0) : std::nullopt;
}

std::optional<std::string> AuditRepo::PrevHashOf(std::int64_t id) {
  auto stmt = session_.Prepare("SELECT prev_hash FROM audit_log WHERE id = ?");
  stmt.Bind(0, id);
  if (!stmt.Next()) return std::nullopt;
  return stmt.row().Text(0);
}

std::int64_t AuditRepo::DeleteBefore(std::int64_t id) {
  return session_.Execute("DELETE FROM audit_log WHERE id < ?", {id});
}

std::optional<std::string> AuditRepo::Setting(std::string_view key) {
  auto stmt = session_.Prepare("SELECT value FROM settings WHERE key = ?");
  stmt.Bind(0, std::string(key));
  if (!stmt.Next()) return std::nullopt;
  return stmt.row().Text(0);
}

void AuditRepo::SetSetting(std::string_view key, const std::string& value) {
  session_.Execute(
      "INSERT INTO settings (key, value) VALUES (?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {std::string(key), value});
}

}  // namespace lianyin::domain::audit
