#pragma once
// One migration's SQL, run again: for tests of data migrations (store.hpp has Migrate).

#include "store/store.hpp"

namespace lianyin::store {

// Runs migration `version`'s portable and dialect SQL in `session`'s current transaction (or
// autocommit), without recording it in schema_migrations. Data migrations are written so that
// running them again is harmless; tests plant old rows and run one this way to check what it
// does on both engines. Throws std::out_of_range for an unknown version, store errors as Execute.
void RunMigrationScript(Session& session, int version);

}  // namespace lianyin::store
