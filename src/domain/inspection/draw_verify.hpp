#pragma once
// Checking a published draw from its public answer alone (GET /api/public/inspections/{id}, as
// saved by anyone): what `lianyin verify-draw FILE` runs. Deliberately a second implementation of
// SPEC §5.2 — a textbook Fisher–Yates over full copies of the pools, its own stream — rather than
// a call into draw.hpp, so that the property test comparing the two catches a slip in either.

#include <boost/json/value.hpp>
#include <string>

namespace lianyin::domain::inspection {

struct VerifyOutcome {
  bool ok = false;
  // ok: a one-line summary ("draw of 3 organisations from 120 matches its seed commitment");
  // otherwise the first difference ("selection 3: expected uscc X, file has Y"), or what is
  // missing or malformed in the file.
  std::string message;
};

// Checks SHA-256(seed) = seed_commitment, then re-computes the selections from seed, org_pool,
// inspector_pool, conflicts, sample_size and inspectors_per_team and compares them with the
// file's, organisation by organisation, inspector by inspector. A draw not made yet (seed null)
// is not ok.
VerifyOutcome VerifyPublicDraw(const boost::json::value& answer);

}  // namespace lianyin::domain::inspection
