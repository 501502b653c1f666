#pragma once
// What the demo tests share: the platform administrator as an actor, and one number a query
// answers.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "domain/account/account.hpp"
#include "domain/account/roles.hpp"
#include "store/store.hpp"

namespace lianyin::app::test {

// `admin` as the actor of the platform level, holding "*".
inline domain::account::Actor Admin(const domain::account::User& admin) {
  domain::account::Actor actor;
  actor.user_id = admin.id;
  actor.username = admin.username;
  actor.unit_id = admin.unit_id;
  actor.platform_level = true;
  actor.permissions = {std::string(domain::account::kAllPermissions)};
  return actor;
}

// The first column of the first row `sql` answers (a failure when it answers no row).
inline std::int64_t Count(store::Database& db, const std::string& sql) {
  store::Session s = db.Acquire();
  auto stmt = s.Prepare(sql);
  EXPECT_TRUE(stmt.Next()) << sql;
  return stmt.row().Int(0);
}

}  // namespace lianyin::app::test
