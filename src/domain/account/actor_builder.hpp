#pragma once

#include "domain/account/account.hpp"
#include "store/store.hpp"

namespace lianyin::domain::account {

// The actor of `user` (of `unit`): identity, roles and the permissions its roles grant.
// Session fields (id, CSRF token, IP, request id) are left for the caller.
Actor BuildActor(store::Session& session, const User& user, const Unit& unit);

}  // namespace lianyin::domain::account
