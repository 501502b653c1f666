// CreditService: entering and removing entries, and the reads.

#include "domain/credit/credit_service.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>

#include "domain/account/scope.hpp"
#include "domain/credit/credit_audit.hpp"
#include "domain/credit/credit_repo.hpp"
#include "domain/credit/credit_rules.hpp"

namespace lianyin::domain::credit {
namespace {

using account::Actor;

// 409 naming the organisation's active entry on `list` (committed by a concurrent entry when
// the insert lost the race).
core::Error AlreadyListed(CreditRepo& repo, std::int64_t org_id, CreditList list) {
  const auto existing = repo.ActiveEntry(org_id, list);
  const std::string message = existing ? fmt::format("already on the {} list since {}",
                                                     CreditListName(list), existing->entered_on)
                                       : std::string("already on this list");
  core::Error e = core::Error::Conflict(message);
  e.details.push_back({"list", message, std::nullopt});
  return e;
}

// Organisations in the registry but not (yet) registered: applications and rejected ones.
bool NeverRegistered(const std::string& status) {
  return status == "applying" || status == "rejected";
}

// `entries` with their objections (one query for all of them).
std::vector<EntryDetail> WithObjections(CreditRepo& repo, std::vector<CreditEntry> entries) {
  std::vector<std::int64_t> ids;
  for (const CreditEntry& e : entries) ids.push_back(e.id);
  std::map<std::int64_t, std::vector<Objection>> by_entry;
  for (Objection& o : repo.Objections(ids)) by_entry[o.entry_id].push_back(std::move(o));
  std::vector<EntryDetail> out;
  for (CreditEntry& e : entries) {
    auto objections = std::move(by_entry[e.id]);
    out.push_back({std::move(e), std::move(objections)});
  }
  return out;
}

}  // namespace

core::Result<CreditEntry> CreditService::Enter(const Actor& actor, std::int64_t org_id,
                                               const NewEntry& input) {
  const core::DateTime now = clock_();
  auto list = CheckNewEntry(input, core::LocalDate(now));
  if (!list) return list.error();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<CreditEntry> {
    CreditRepo repo(tx.session());
    auto org = repo.FindOrg(scope, org_id);
    if (!org) return core::Error::NotFound();
    if (!org->managed) return account::ForbiddenOutsideScope();
    if (NeverRegistered(org->status)) {
      return core::Error::Invalid("org_id",
                                  "only a registered organisation can be entered on a credit list");
    }
    auto id = repo.InsertEntry(*org, *list, input.reason, input.entered_on, actor.user_id, at);
    if (!id) return AlreadyListed(repo, org_id, *list);
    CreditEntry created = repo.FindInScope(scope, *id).value();
    tx.Record(EntryChange("create", created, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<CreditEntry> CreditService::Remove(const Actor& actor, std::int64_t entry_id,
                                                const Removal& removal) {
  const core::DateTime now = clock_();
  const core::Date today = core::LocalDate(now);
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<CreditEntry> {
    CreditRepo repo(tx.session());
    auto before = repo.FindInScope(scope, entry_id);
    if (!before) return account::OutOfScope();
    const core::Error removed = core::Error::Conflict("the entry has already been removed");
    if (!before->active()) return removed;
    // Checked here, against the entry's own date: pure and cheap.
    if (auto ok = CheckRemoval(removal, before->entered_on, today); !ok) return ok.error();
    if (!repo.Remove(entry_id, removal.removed_on, removal.reason, actor.user_id, at)) {
      return removed;  // a concurrent removal won
    }
    CreditEntry after = repo.FindInScope(scope, entry_id).value();
    tx.Record(EntryChange("remove", after, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<account::Page<EntryDetail>> CreditService::OrgEntries(
    const Actor& actor, std::int64_t org_id, const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  CreditRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  auto org = repo.FindOrg(scope, org_id);
  if (!org || !org->managed) return account::OutOfScope();
  const EntryFilter filter{.org_id = org_id};
  account::Page<EntryDetail> out;
  out.items = WithObjections(repo, repo.List(filter, scope, page.page_size, page.Offset()));
  out.total = repo.Count(filter, scope);
  return out;
}

account::Page<CreditEntry> CreditService::List(const Actor& actor, const EntryFilter& filter,
                                               const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  CreditRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return {repo.List(filter, scope, page.page_size, page.Offset()), repo.Count(filter, scope)};
}

core::Result<EntryDetail> CreditService::Get(const Actor& actor, std::int64_t entry_id) {
  store::Session session = writer_.db().Acquire();
  CreditRepo repo(session);
  auto entry = repo.FindInScope(account::ScopeOf(actor), entry_id);
  if (!entry) return account::OutOfScope();
  return std::move(WithObjections(repo, {std::move(*entry)}).front());
}

std::vector<PublicEntry> CreditService::PublicEntries(std::int64_t org_id) {
  store::Session session = writer_.db().Acquire();
  return CreditRepo(session).PublicEntries(org_id);
}

}  // namespace lianyin::domain::credit
