// OrgService::Import: all-or-nothing import of a table of organisations. Everything that can be
// decided without writing — parsing, field rules, units, regions, duplicates — is decided first,
// outside any write transaction. The writing is a batch of short transactions, so that other
// writers wait at most one chunk, never a whole import (SQLite has one write lock):
//   1. stage: the new organisations are inserted in chunks with import_id set — invisible to
//      every read, though their USCCs are taken — and the updates are recorded;
//      a USCC registered concurrently meanwhile fails the import: its staged rows are deleted
//      and the rows that clash are reported, so nothing of it is ever seen;
//   2. publish: the batch is marked publishing, then chunk by chunk its organisations become
//      visible and its updates are applied, each with its Change (the audit entry with before /
//      after) in that chunk's transaction; a batch interrupted here is finished at the next
//      start (RecoverImports), so an acknowledged import is always complete.

#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/org/org_audit.hpp"
#include "domain/org/org_import.hpp"
#include "domain/org/org_import_repo.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_service.hpp"

namespace lianyin::domain::org {
namespace {

using account::Actor;

// A row to write: a new organisation, or the changes to an existing one.
struct Planned {
  const ImportRow* row = nullptr;
  std::optional<Org> existing;
};

Org Updated(const Org& existing, const NewOrg& n) {
  Org o = existing;
  o.name = n.name;
  o.region_code = n.region_code;
  o.legal_rep = n.legal_rep;
  o.phone = n.phone;
  o.founded_on = n.founded_on;
  o.business_scope = n.business_scope;
  o.service_categories = n.service_categories;
  o.labour_field = n.labour_field;
  return o;
}

core::Error RowErrors(std::vector<core::FieldError> errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  if (errors.size() > OrgService::kMaxImportErrors) errors.resize(OrgService::kMaxImportErrors);
  return core::Error::Invalid(std::move(errors));
}

// The rows whose USCC another user registered while the import was staged, as row errors.
core::Error Clashes(store::Database& db, const std::vector<Planned>& plan) {
  std::vector<core::FieldError> errors;
  store::Session session = db.Acquire();
  std::vector<std::string> usccs;
  for (const Planned& p : plan) {
    if (!p.existing) usccs.push_back(p.row->org.uscc);
  }
  const std::set<std::string> taken = OrgRepo(session).TakenUsccs(usccs);
  for (const Planned& p : plan) {
    if (!p.existing && taken.contains(p.row->org.uscc)) {
      errors.push_back(
          {"uscc", "an organisation with this USCC was registered meanwhile", p.row->row});
    }
  }
  if (errors.empty()) return core::Error::Conflict("a USCC was registered meanwhile");
  return RowErrors(std::move(errors));
}

constexpr std::int64_t kChunk = 2000;  // rows per transaction

// A staged change as the import's event and Change name it.
OrgEvent BatchEvent(const common::Origin& origin, const std::string& at, std::int64_t row,
                    const char* action) {
  OrgEvent event;
  event.at = at;
  event.actor_user_id = origin.user_id;
  event.actor_username = origin.username;
  event.action = action;
  event.reason = "import row " + std::to_string(row);
  event.details_json = "{}";
  return event;
}

Org FromAuditJson(const Org& before, const std::string& after_json) {
  const boost::json::object after = boost::json::parse(after_json).as_object();
  Org o = before;
  o.name = std::string(after.at("name").as_string());
  o.region_code = std::string(after.at("region_code").as_string());
  o.legal_rep = std::string(after.at("legal_rep").as_string());
  o.phone = std::string(after.at("phone").as_string());
  o.founded_on = std::string(after.at("founded_on").as_string());
  o.business_scope = std::string(after.at("business_scope").as_string());
  o.service_categories.clear();
  for (const auto& c : after.at("service_categories").as_array()) {
    o.service_categories.emplace_back(c.as_string());
  }
  o.labour_field = after.at("labour_field").as_bool();
  return o;
}

// Step 2: publishes what `batch` staged, chunk by chunk, then marks it done.
core::Result<void> Publish(common::Writer& writer, const ImportBatch& batch,
                           const std::string& at) {
  const common::Origin& origin = batch.origin;
  for (bool more = true; more;) {
    auto published = writer.Run(origin, [&](common::WriteTx& tx) -> core::Result<bool> {
      OrgRepo repo(tx.session());
      const std::vector<Org> staged = repo.FindStaged(batch.id, kChunk);
      std::vector<std::int64_t> ids;
      for (const Org& org : staged) {
        ids.push_back(org.id);
        tx.Record(OrgChange("create", org, nullptr, AuditJson(org)));
      }
      repo.Publish(batch.id, ids);
      return static_cast<std::int64_t>(staged.size()) == kChunk;
    });
    if (!published) return published.error();
    more = *published;
  }
  for (bool more = true; more;) {
    auto applied = writer.Run(origin, [&](common::WriteTx& tx) -> core::Result<bool> {
      OrgRepo repo(tx.session());
      OrgImportRepo imports(tx.session());
      const std::vector<StagedUpdate> updates = imports.Updates(batch.id, kChunk);
      std::vector<std::pair<std::int64_t, OrgEvent>> events;
      std::vector<std::int64_t> done;
      for (const StagedUpdate& u : updates) {
        done.push_back(u.org_id);
        auto before = repo.FindPublic(common::Scope{}, u.org_id);
        if (!before) continue;  // deleted meanwhile: nothing to update
        const Org after = FromAuditJson(before->org, u.after_json);
        repo.Update(after, before->org.name, at);
        events.emplace_back(after.id, BatchEvent(origin, at, u.row, "update"));
        tx.Record(OrgChange("update", after, AuditJson(before->org), AuditJson(after)));
      }
      repo.AddEvents(events);
      imports.DropUpdates(batch.id, done);
      return static_cast<std::int64_t>(updates.size()) == kChunk;
    });
    if (!applied) return applied.error();
    more = *applied;
  }
  return writer.Run(origin, [&](common::WriteTx& tx) -> core::Result<void> {
    OrgImportRepo(tx.session()).SetState(batch.id, ImportState::kDone, at);
    tx.Record({"import", "org", std::to_string(batch.id), nullptr,
               boost::json::object{{"imported", batch.created}, {"updated", batch.updated}}, true,
               batch.unit_id});
    return {};
  });
}

// Deletes what `batch` staged, then marks it failed with `why`.
core::Result<void> Discard(common::Writer& writer, const ImportBatch& batch, const std::string& why,
                           const std::string& at) {
  for (bool more = true; more;) {
    auto discarded = writer.Run(batch.origin, [&](common::WriteTx& tx) -> core::Result<bool> {
      return OrgRepo(tx.session()).DiscardStaged(batch.id, kChunk) == kChunk;
    });
    if (!discarded) return discarded.error();
    more = *discarded;
  }
  return writer.Run(batch.origin, [&](common::WriteTx& tx) -> core::Result<void> {
    OrgImportRepo imports(tx.session());
    imports.DropAllUpdates(batch.id);
    imports.SetState(batch.id, ImportState::kFailed, at);
    tx.Record({"import", "org", std::to_string(batch.id), nullptr,
               boost::json::object{{"failed", why}}, false, batch.unit_id});
    return {};
  });
}

ImportPlaces LoadPlaces(store::Session& session, const account::Scope& scope) {
  OrgImportRepo repo(session);
  return ImportPlaces(repo.UnitsInScope(scope), repo.AllRegions());
}

// What an update by import may not change (transitions, not files, change statuses); nullopt
// when `row` keeps them.
std::optional<core::FieldError> Unchangeable(const ImportRow& row, const Org& existing) {
  const auto refuse = [&](const char* field) {
    return core::FieldError{field, "cannot be changed by an import", row.row};
  };
  if (row.status != OrgStatusName(existing.status)) return refuse("status");
  if (row.org.org_type != existing.org_type) return refuse("org_type");
  if (row.unit_named && row.org.registration_unit_id != existing.registration_unit_id) {
    return refuse("registration_unit_id");
  }
  return std::nullopt;
}

}  // namespace

ImportPlaces OrgService::Places(const Actor& actor) {
  store::Session session = writer_.db().Acquire();
  store::Transaction snapshot = session.Begin(store::TxMode::kRead);
  ImportPlaces places = LoadPlaces(session, account::ScopeOf(actor));
  snapshot.Commit();
  return places;
}

core::Result<OrgService::ImportResult> OrgService::Import(
    const Actor& actor, const std::vector<std::vector<std::string>>& table, bool update_existing,
    bool dry_run) {
  const core::DateTime now = clock_();
  const account::Scope scope = account::ScopeOf(actor);
  ParsedImport parsed;
  std::vector<Planned> plan;
  std::int64_t unchanged = 0;
  {
    store::Session session = writer_.db().Acquire();
    store::Transaction snapshot = session.Begin(store::TxMode::kRead);
    const ImportPlaces places = LoadPlaces(session, scope);
    parsed = ParseImport(table, places, actor.unit_id, core::LocalDate(now));
    OrgRepo repo(session);
    std::vector<std::string> usccs;
    usccs.reserve(parsed.rows.size());
    for (const ImportRow& row : parsed.rows) usccs.push_back(row.org.uscc);
    const std::set<std::string> taken = repo.TakenUsccs(usccs);
    for (const ImportRow& row : parsed.rows) {
      if (auto problem = places.CheckPlace(row.org.registration_unit_id, row.org.region_code)) {
        problem->row = row.row;
        parsed.errors.push_back(std::move(*problem));
        continue;
      }
      if (!taken.contains(row.org.uscc)) {
        if (row.status != row.org.status) {
          parsed.errors.push_back(
              {"status", "a new organisation's status must be registered or applying", row.row});
          continue;
        }
        plan.push_back({&row, std::nullopt});
        continue;
      }
      auto existing = repo.FindByUscc(row.org.uscc);
      if (!update_existing || !existing) {
        parsed.errors.push_back({"uscc",
                                 existing ? "an organisation with this USCC exists"
                                          : "another import in progress holds this USCC",
                                 row.row});
        continue;
      }
      if (!repo.FindManaged(scope, existing->id)) {
        parsed.errors.push_back({"uscc", "registered outside your scope", row.row});
        continue;
      }
      if (auto problem = Unchangeable(row, *existing)) {
        parsed.errors.push_back(std::move(*problem));
        continue;
      }
      if (AuditJson(Updated(*existing, row.org)) == AuditJson(*existing)) {
        ++unchanged;  // an exported row imported again as it was: nothing to write or audit
        continue;
      }
      plan.push_back({&row, std::move(existing)});
    }
    snapshot.Commit();
  }
  if (!parsed.errors.empty()) return RowErrors(std::move(parsed.errors));
  ImportResult result{.unchanged = unchanged};
  for (const Planned& p : plan) ++(p.existing ? result.updated : result.imported);
  if (dry_run) return result;

  const std::string at = core::FormatDateTime(now);
  ImportBatch batch{
      0, actor.unit_id, OriginOf(actor), ImportState::kStaging, result.imported, result.updated};
  auto begun = writer_.Run(batch.origin, [&](common::WriteTx& tx) -> core::Result<std::int64_t> {
    return OrgImportRepo(tx.session()).Begin(batch, at);
  });
  if (!begun) return begun.error();
  batch.id = *begun;

  // Step 1: stage, chunk by chunk.
  std::vector<const Planned*> creations;
  std::vector<StagedUpdate> updates;
  for (const Planned& p : plan) {
    if (!p.existing) {
      creations.push_back(&p);
    } else {
      updates.push_back({p.existing->id, p.row->row,
                         boost::json::serialize(AuditJson(Updated(*p.existing, p.row->org)))});
    }
  }
  bool duplicate = false;
  for (std::size_t start = 0; start < creations.size() && !duplicate; start += kChunk) {
    const std::size_t end = std::min(creations.size(), start + static_cast<std::size_t>(kChunk));
    auto staged = writer_.Run(batch.origin, [&](common::WriteTx& tx) -> core::Result<void> {
      OrgRepo repo(tx.session());
      const std::vector<std::int64_t> ids = repo.AllocateIds(end - start);
      std::vector<NewOrgRow> rows;
      std::vector<std::pair<std::int64_t, OrgEvent>> events;
      for (std::size_t i = start; i < end; ++i) {
        const Planned& p = *creations[i];
        rows.push_back({ids[i - start], &p.row->org});
        OrgEvent event = BatchEvent(batch.origin, at, p.row->row, "create");
        event.to_status = p.row->org.status;
        events.emplace_back(ids[i - start], std::move(event));
      }
      try {
        repo.InsertMany(rows, at, batch.id);
      } catch (const store::DbError& e) {
        if (e.kind() != store::DbError::Kind::kUniqueViolation) throw;
        duplicate = true;  // registered meanwhile by someone else: reported as row errors
        return core::Error::Conflict("a USCC was registered meanwhile");
      }
      repo.AddEvents(events);
      return {};
    });
    if (!staged && !duplicate) {
      (void)Discard(writer_, batch, staged.error().message, at);
      return staged.error();
    }
  }
  if (duplicate) {
    if (auto discarded = Discard(writer_, batch, "a USCC was registered meanwhile", at);
        !discarded) {
      return discarded.error();
    }
    return Clashes(writer_.db(), plan);
  }
  for (std::size_t start = 0; start < updates.size(); start += kChunk) {
    const std::size_t end = std::min(updates.size(), start + static_cast<std::size_t>(kChunk));
    auto staged = writer_.Run(batch.origin, [&](common::WriteTx& tx) -> core::Result<void> {
      OrgImportRepo(tx.session())
          .AddUpdates(batch.id, {updates.begin() + static_cast<std::ptrdiff_t>(start),
                                 updates.begin() + static_cast<std::ptrdiff_t>(end)});
      return {};
    });
    if (!staged) {
      (void)Discard(writer_, batch, staged.error().message, at);
      return staged.error();
    }
  }
  // Step 2: from here on the import is finished, now or at the next start.
  auto publishing = writer_.Run(batch.origin, [&](common::WriteTx& tx) -> core::Result<void> {
    OrgImportRepo(tx.session()).SetState(batch.id, ImportState::kPublishing, at);
    return {};
  });
  if (!publishing) {
    (void)Discard(writer_, batch, publishing.error().message, at);
    return publishing.error();
  }
  if (auto published = Publish(writer_, batch, at); !published) return published.error();
  return result;
}

core::Result<int> OrgService::RecoverImports() {
  const std::string at = core::FormatDateTime(clock_());
  std::vector<ImportBatch> staging, publishing;
  {
    store::Session session = writer_.db().Acquire();
    OrgImportRepo imports(session);
    staging = imports.InState(ImportState::kStaging);
    publishing = imports.InState(ImportState::kPublishing);
  }
  for (const ImportBatch& batch : staging) {
    if (auto done = Discard(writer_, batch, "interrupted while staging", at); !done) {
      return done.error();
    }
  }
  for (const ImportBatch& batch : publishing) {
    if (auto done = Publish(writer_, batch, at); !done) return done.error();
  }
  return static_cast<int>(staging.size() + publishing.size());
}

}  // namespace lianyin::domain::org
