#pragma once
// Use cases of workers (职工, SPEC §4 "/workers"; issue #11): the roster units keep, its import,
// a worker's first activation and own profile, and the PIPL deletion. Every change runs in one
// short write transaction (common::Writer) with a Change per changed record.
//
// Personal data (SPEC §2): phones and ID numbers are normalised, sealed and indexed
// (worker_keys.hpp) before the transaction starts, and come back masked in every Worker, audit
// entry and error: the clear values never leave this service. A phone identifies one live worker:
// the unique index workers_phone decides (a create → 409, an import row → 422), never a probe.
//
// Scope (SPEC §1): officers see and change the workers of units in their subtree; a worker
// account sees only its own row (GET /me/worker); anything else answers 404.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/account/auth_service.hpp"
#include "domain/common/writer.hpp"
#include "domain/org/org_import_places.hpp"
#include "domain/worker/worker.hpp"
#include "domain/worker/worker_keys.hpp"

namespace lianyin::domain::worker {

class WorkerService {
 public:
  using Clock = std::function<core::DateTime()>;
  // `keys` and `auth` must outlive the service; `auth` counts failed activations toward the
  // lockout of the account's username, like failed logins.
  WorkerService(common::Writer& writer, const WorkerKeys& keys, account::AuthService& auth,
                Clock clock = core::Now)
      : writer_(writer), keys_(keys), auth_(auth), clock_(std::move(clock)) {}

  // NormaliseWorker (422); unit_id (default the actor's unit) a unit in scope, region_code known
  // (422 on the field); 409 when a live worker has the phone.
  core::Result<Worker> Create(const account::Actor& actor, const NewWorker& worker);
  // ApplyPatch (422), 404 outside scope, 409 when the new phone is another live worker's. A
  // changed phone renames the worker's account, so it logs in with the new one.
  core::Result<Worker> Update(const account::Actor& actor, std::int64_t id,
                              const WorkerPatch& patch);
  core::Result<Worker> Get(const account::Actor& actor, std::int64_t id);
  // Live workers in scope; a malformed phone or id_number filter → 422 on it (looked up exactly
  // through the blind index); region_code by coverage. Two queries.
  core::Result<account::Page<Worker>> List(const account::Actor& actor, const WorkerFilter& filter,
                                           const account::PageRequest& page);
  // The first `limit` live workers in scope matching `filter` (after filter.after_id), by id,
  // masked, without counting them: exports walk the roster page by page with after_id. 422 as
  // List. One query.
  core::Result<std::vector<Worker>> Slice(const account::Actor& actor, const WorkerFilter& filter,
                                          std::int64_t limit);
  // How many live workers in scope match `filter` (after_id included). 422 as List. One query.
  core::Result<std::int64_t> Count(const account::Actor& actor, const WorkerFilter& filter);
  // The region table by full name, for the files that write regions as text (exports). One
  // query.
  org::ImportPlaces Places();
  // At most this many workers in one XLSX export (built in memory; CSV streams without limit).
  static constexpr std::int64_t kMaxXlsxExportRows = 100000;
  // PIPL deletion (个人信息删除): personal fields removed, the row id kept for anonymous counts,
  // the worker's account disabled and renamed; audited masked. 404 outside scope or when deleted.
  core::Result<void> Delete(const account::Actor& actor, std::int64_t id);

  // The roster in a table (rows[0] the header; worker_import.hpp reads it): every row checked
  // first — phones repeated in the file or held by a live worker are errors of their rows — and
  // when any fails nothing is written: 422 with {row, field, message}. Else every worker, owned
  // by the actor's unit, in one transaction (a phone taken meanwhile fails it as a row error).
  core::Result<ImportResult> Import(const account::Actor& actor,
                                    const std::vector<std::vector<std::string>>& rows);
  static constexpr std::size_t kMaxImportRows = 20000;
  static constexpr std::size_t kMaxImportErrors = 200;

  // POST /auth/activate, not logged in: the phone's worker on the roster whose name and ID
  // number are those given gets an account (role worker, worker_id set, username
  // WorkerKeys::AccountUsername, the password policy applied; 422 on password). Malformed
  // fields → 422 on them; no such worker or a different name or ID number → one 422 without
  // details that does not say which, counted as a failed login for that username (the lockout
  // → 423, the per-address rate → 429). 409 when the worker already has an account.
  core::Result<account::User> Activate(const Activation& activation,
                                       const account::ClientInfo& client);
  // The actor's own worker (a worker account); 404 for any other.
  core::Result<Worker> Me(const account::Actor& actor);
  // A worker changes its employer, region and groups (ApplySelfPatch; 422); 404 as Me.
  core::Result<Worker> UpdateMe(const account::Actor& actor, const SelfPatch& patch);

 private:
  common::Writer& writer_;
  const WorkerKeys& keys_;
  account::AuthService& auth_;
  Clock clock_;
};

}  // namespace lianyin::domain::worker
