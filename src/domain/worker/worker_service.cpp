// WorkerService: the roster — registering, editing, reading, listing and deleting (PIPL) workers.

#include "domain/worker/worker_service.hpp"

#include <boost/json.hpp>

#include "core/phone.hpp"
#include "core/resident_id.hpp"
#include "domain/account/scope.hpp"
#include "domain/account/unit_repo.hpp"
#include "domain/account/user_repo.hpp"
#include "domain/org/org_import_repo.hpp"
#include "domain/region/region_repo.hpp"
#include "domain/worker/worker_internal.hpp"
#include "domain/worker/worker_repo.hpp"

namespace lianyin::domain::worker {
namespace {

using account::Actor;

core::Error PhoneTaken() {
  return core::Error::Conflict("a worker with this phone is already registered");
}

// 422 unless the region is known.
core::Result<void> CheckRegion(store::Session& session, const CleanWorker& w) {
  if (w.region_code && !region::RegionRepo(session).Find(*w.region_code)) {
    return core::Error::Invalid("region_code", "unknown region");
  }
  return {};
}

// `checked` (the field rules' result) with "unknown region" added when `region_code` names no
// region — read before the write, so a form hears of every bad field at once.
template <typename T>
core::Result<T> WithKnownRegion(core::Result<T> checked, store::Session& session,
                                const std::optional<std::string>& region_code) {
  if (!region_code || region::RegionRepo(session).Find(*region_code)) return checked;
  std::vector<core::FieldError> errors;
  if (!checked) {
    if (checked.error().code != core::ErrorCode::kValidationFailed) return checked;
    errors = checked.error().details;
    for (const core::FieldError& e : errors) {
      if (e.field == "region_code") return checked;  // malformed: said already
    }
  }
  errors.push_back({"region_code", "unknown region", std::nullopt});
  return core::Error::Invalid(std::move(errors));
}

common::Change WorkerChange(std::string action, const Worker& w, boost::json::value before) {
  return {std::move(action), "worker", std::to_string(w.id), std::move(before), AuditJson(w), true,
          w.unit_id};
}

// The filter with the phone and ID number replaced by their blind indexes: 422 on a group that is
// no worker_group code or a malformed phone or ID number (checked on `today`).
core::Result<IndexedFilter> Indexed(const WorkerKeys& keys, const WorkerFilter& filter,
                                    const core::Date& today) {
  IndexedFilter f{filter.q, filter.region_code, filter.group, {}, {}, filter.after_id};
  std::vector<core::FieldError> errors;
  if (filter.group && !IsGroup(*filter.group)) {
    errors.push_back({"group", "not a worker_group code", {}});
  }
  if (filter.phone) {
    auto phone = core::NormaliseMobile(*filter.phone, "phone");
    if (phone) {
      f.phone_index = keys.Index(Personal::kPhone, *phone);
    } else {
      errors.push_back(phone.error().details.at(0));
    }
  }
  if (filter.id_number) {
    auto id = core::ParseResidentId(Trim(*filter.id_number), today);
    if (id) {
      f.id_number_index = keys.Index(Personal::kIdNumber, id->number());
    } else {
      errors.push_back(id.error().details.at(0));
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

}  // namespace

core::Result<Worker> WorkerService::Create(const Actor& actor, const NewWorker& input) {
  auto clean = NormaliseWorker(input, core::LocalDate(clock_()));
  if (!clean) return clean.error();
  const SealedWorker sealed = SealOf(keys_, *clean, std::nullopt);
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  const std::int64_t unit_id = input.unit_id.value_or(actor.unit_id);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Worker> {
    if (!account::UnitRepo(tx.session()).FindInScope(scope, unit_id)) {
      return core::Error::Invalid("unit_id", "no such unit");
    }
    if (auto ok = CheckRegion(tx.session(), *clean); !ok) return ok.error();
    WorkerRepo repo(tx.session());
    auto id = repo.Insert(unit_id, sealed, actor.user_id, at);
    if (!id) return PhoneTaken();
    Worker created = Masked(keys_, repo.FindInScope(common::Scope{.platform = true}, *id).value());
    tx.Record(WorkerChange("create", created, nullptr));
    return created;
  });
}

core::Result<Worker> WorkerService::Update(const Actor& actor, std::int64_t id,
                                           const WorkerPatch& patch) {
  const core::Date today = core::LocalDate(clock_());
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  // Read, patch and seal before the transaction; the write re-reads and only goes ahead when
  // the row is unchanged since (else 409: another change came first).
  std::optional<WorkerRow> current;
  core::Result<CleanWorker> next = core::Error::NotFound();
  {
    store::Session session = writer_.db().Acquire();
    current = WorkerRepo(session).FindInScope(scope, id);
    if (!current) return common::OutOfScope();
    next = WithKnownRegion(ApplyPatch(ClearOf(keys_, *current), patch, today), session,
                           patch.region_code);
  }
  if (!next) return next.error();
  const SealedWorker sealed = SealOf(keys_, *next, current->seal_id);
  const Worker before = Masked(keys_, *current);
  try {
    return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Worker> {
      WorkerRepo repo(tx.session());
      auto again = repo.FindInScope(scope, id);
      if (!again) return common::OutOfScope();
      if (again->worker.updated_at != current->worker.updated_at) {
        return core::Error::Conflict("the worker changed meanwhile: try again");
      }
      if (auto ok = CheckRegion(tx.session(), *next); !ok) return ok.error();
      repo.Update(id, sealed, at);
      Worker after = Masked(keys_, repo.FindInScope(scope, id).value());
      tx.Record(WorkerChange("update", after, AuditJson(before)));
      // The account of a worker logs in by phone: it follows a new one.
      account::UserRepo users(tx.session());
      auto account = users.FindForWorker(id);
      const std::optional<std::string> username =
          sealed.phone_index ? std::optional(WorkerKeys::AccountUsername(*sealed.phone_index))
                             : std::nullopt;
      if (account && username && account->username != *username) {
        if (!users.Rename(account->id, *username, at)) return PhoneTaken();
        tx.Record({"update", "user", std::to_string(account->id),
                   boost::json::object{{"username", account->username}},
                   boost::json::object{{"username", *username}}, true, account->unit_id});
      }
      return after;
    });
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::kUniqueViolation) throw;
    return PhoneTaken();  // the new phone is another live worker's (workers_phone)
  }
}

core::Result<Worker> WorkerService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto row = WorkerRepo(session).FindInScope(account::ScopeOf(actor), id);
  if (!row) return common::OutOfScope();
  return Masked(keys_, std::move(*row));
}

core::Result<account::Page<Worker>> WorkerService::List(const Actor& actor,
                                                        const WorkerFilter& filter,
                                                        const account::PageRequest& page) {
  auto f = Indexed(keys_, filter, core::LocalDate(clock_()));
  if (!f) return f.error();
  const account::Scope scope = account::ScopeOf(actor);
  store::Session session = writer_.db().Acquire();
  WorkerRepo repo(session);
  account::Page<Worker> out;
  for (WorkerRow& row : repo.List(scope, *f, page.page_size, page.Offset())) {
    out.items.push_back(Masked(keys_, std::move(row)));
  }
  out.total = repo.Count(scope, *f);
  return out;
}

core::Result<std::vector<Worker>> WorkerService::Slice(const Actor& actor,
                                                       const WorkerFilter& filter,
                                                       std::int64_t limit) {
  auto f = Indexed(keys_, filter, core::LocalDate(clock_()));
  if (!f) return f.error();
  store::Session session = writer_.db().Acquire();
  std::vector<Worker> out;
  for (WorkerRow& row : WorkerRepo(session).List(account::ScopeOf(actor), *f, limit, 0)) {
    out.push_back(Masked(keys_, std::move(row)));
  }
  return out;
}

core::Result<std::int64_t> WorkerService::Count(const Actor& actor, const WorkerFilter& filter) {
  auto f = Indexed(keys_, filter, core::LocalDate(clock_()));
  if (!f) return f.error();
  store::Session session = writer_.db().Acquire();
  return WorkerRepo(session).Count(account::ScopeOf(actor), *f);
}

org::ImportPlaces WorkerService::Places() {
  store::Session session = writer_.db().Acquire();
  return org::ImportPlaces({}, org::OrgImportRepo(session).AllRegions());
}

core::Result<void> WorkerService::Delete(const Actor& actor, std::int64_t id) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    WorkerRepo repo(tx.session());
    auto row = repo.FindInScope(scope, id);
    if (!row) return common::OutOfScope();
    const Worker before = Masked(keys_, std::move(*row));
    if (!repo.Erase(id, at)) return common::OutOfScope();  // deleted meanwhile
    Worker after = before;
    after.name = std::string(kDeletedName);
    after.phone_masked.reset();
    after.id_number_masked.reset();
    after.employer.reset();
    after.groups.clear();
    after.deleted = true;
    tx.Record(WorkerChange("delete", after, AuditJson(before)));
    account::UserRepo users(tx.session());
    if (auto account = users.FindForWorker(id)) {
      account::User retired = *account;
      retired.display_name = std::string(kDeletedName);
      retired.disabled = true;
      users.UpdateUser(retired, at);
      users.Rename(retired.id, "deleted-" + std::to_string(retired.id), at);
      users.DeleteSessions(retired.id);
      tx.Record({"update", "user", std::to_string(retired.id), nullptr,
                 boost::json::object{{"disabled", true}, {"reason", "worker deleted"}}, true,
                 retired.unit_id});
    }
    return {};
  });
}

}  // namespace lianyin::domain::worker
