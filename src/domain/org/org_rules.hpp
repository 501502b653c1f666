#pragma once
// Pure rules of the registry: field validation and the status machine.

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/org/org.hpp"

namespace lianyin::domain::org {

// Checks every field of a new organisation (SPEC §2, §4) and returns it normalised (USCC and
// lower-case letters upper-cased, categories de-duplicated), or a 422 listing every bad field:
// name 2–100 characters; uscc valid, authority 5, type digits matching org_type; org_type known;
// region_code six digits (existence is the service's check); legal_rep 2–50; phone a mobile or
// landline; founded_on a date not after `today`; business_scope 1–2000; categories known;
// status registered or applying.
core::Result<NewOrg> NormaliseNewOrg(NewOrg input, const core::Date& today);

// The same checks for the members a patch carries; `org_type` is the record's.
core::Result<OrgPatch> NormalisePatch(OrgPatch patch, const core::Date& today);

// SPEC §4: applying → registered | rejected; registered ⇄ abnormal; registered | abnormal →
// deregistering → deregistered.
bool TransitionAllowed(OrgStatus from, OrgStatus to);

}  // namespace lianyin::domain::org
