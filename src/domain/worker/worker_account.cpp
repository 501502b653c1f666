// WorkerService: a worker's own account — first activation against the roster, and its profile.

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/mask.hpp"
#include "domain/account/password_rules.hpp"
#include "domain/account/scope.hpp"
#include "domain/account/user_repo.hpp"
#include "domain/region/region_repo.hpp"
#include "domain/worker/worker_internal.hpp"
#include "domain/worker/worker_repo.hpp"
#include "domain/worker/worker_service.hpp"

namespace lianyin::domain::worker {
namespace {

using account::Actor;

// One answer for every mismatch, so the roster cannot be probed field by field.
core::Error NoMatch() {
  return {core::ErrorCode::kValidationFailed,
          "the name, ID number and phone do not match a worker on the roster",
          {}};
}

bool Matches(const WorkerKeys& keys, const WorkerRow& row, const CleanActivation& a) {
  if (!row.id_number_index) return false;
  const std::string index = keys.Index(Personal::kIdNumber, a.id_number);
  const bool id_ok =
      core::ConstantTimeEquals(core::AsBytes(index), core::AsBytes(*row.id_number_index));
  const bool name_ok =
      core::ConstantTimeEquals(core::AsBytes(Trim(row.worker.name)), core::AsBytes(a.name));
  return id_ok && name_ok;
}

}  // namespace

core::Result<account::User> WorkerService::Activate(const Activation& input,
                                                    const account::ClientInfo& client) {
  auto clean = CheckActivation(input, core::LocalDate(clock_()));
  if (!clean) return clean.error();
  // The policy first: its answer says nothing about the roster.
  if (auto ok = account::CheckPasswordPolicy(input.password, clean->phone, "password",
                                             auth_.CurrentPasswordPolicy());
      !ok) {
    return ok.error();
  }
  const std::string phone_index = keys_.Index(Personal::kPhone, clean->phone);
  const std::string username = WorkerKeys::AccountUsername(phone_index);
  if (auto ok = auth_.AdmitAttempt(username, client); !ok) return ok.error();
  std::optional<WorkerRow> row;
  {
    store::Session session = writer_.db().Acquire();
    row = WorkerRepo(session).FindForActivation(phone_index);
  }
  // Hashed whatever the outcome, so a mismatch costs what a match does.
  const std::string hash = core::HashPassword(input.password);
  if (!row || !Matches(keys_, *row, *clean)) {
    core::Error refused = auth_.CountFailedAttempt(username, client, "activation did not match");
    return refused.code == core::ErrorCode::kUnauthenticated ? NoMatch() : refused;
  }
  const std::string at = core::FormatDateTime(clock_());
  const common::Origin origin{std::nullopt, username, client.ip, client.request_id};
  return writer_.Run(origin, [&](common::WriteTx& tx) -> core::Result<account::User> {
    auto again = WorkerRepo(tx.session()).FindForActivation(phone_index);
    if (!again || again->worker.id != row->worker.id) return NoMatch();  // deleted meanwhile
    account::User user{0,
                       username,
                       again->worker.name,
                       again->worker.unit_id,
                       std::nullopt,
                       again->worker.id,
                       false,
                       false,
                       {"worker"},
                       at,
                       at};
    auto id = account::UserRepo(tx.session()).InsertUser(user, hash, at);
    if (!id) return core::Error::Conflict("this worker already has an account");
    user.id = *id;
    tx.Record({"activate", "user", std::to_string(user.id), nullptr,
               boost::json::object{{"username", user.username},
                                   {"display_name", core::MaskName(user.display_name)},
                                   {"worker_id", user.worker_id.value()},
                                   {"roles", boost::json::array{"worker"}}},
               true, user.unit_id});
    return user;
  });
}

core::Result<Worker> WorkerService::Me(const Actor& actor) {
  if (!actor.worker_id) return common::OutOfScope();
  return Get(actor, *actor.worker_id);
}

core::Result<Worker> WorkerService::UpdateMe(const Actor& actor, const SelfPatch& patch) {
  if (!actor.worker_id) return common::OutOfScope();
  return Update(actor, *actor.worker_id,
                WorkerPatch{{}, {}, {}, patch.employer, patch.region_code, patch.groups});
}

}  // namespace lianyin::domain::worker
