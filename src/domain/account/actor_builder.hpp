#pragma once

#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

// The actor of `user` (of `unit`): identity, roles, the permissions its roles grant, and its
// second-factor state (enrolled; or required to enrol by require_mfa_for_admins).
// Session fields (id, CSRF token, IP, request id) are left for the caller.
Actor BuildActor(store::Session& session, const User& user, const Unit& unit);

}  // namespace lianyin::domain::account
