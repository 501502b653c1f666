#pragma once
// The credit gate other areas call (SPEC §4): an organisation on either credit list — an active,
// not removed, entry — cannot be contracted (projects), linked anew (联系引导) or evaluated; the
// refusal is a 422 naming the entry. Call both inside the use case's write transaction:
//
//   if (auto listed = credit::FirstActiveEntry(tx.session(), provider_ids)) {
//     return credit::CreditListed(*listed, "provider_org_ids");
//   }
//
// Kept small and stable: these three functions are the whole interface.

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/credit/credit.hpp"
#include "store/store.hpp"

namespace lianyin::domain::credit {

// The earliest active entry (by entered_on, then id) of any of `org_ids`, with the
// organisation's name; nullopt when none is listed (or `org_ids` is empty: no query). One
// indexed query for up to 500 ids (the partial index of active entries), one more per 500
// beyond. Unscoped: the gate answers for whichever organisations a use case names.
std::optional<CreditEntry> FirstActiveEntry(store::Session& session,
                                            const std::vector<std::int64_t>& org_ids);

// The earliest active entry of each listed organisation among `org_ids`, by organisation id
// (offerings such as resources are left out of recommendations and matching runs for them).
// One indexed query per 500 ids; unscoped, as FirstActiveEntry.
std::map<std::int64_t, CreditEntry> ActiveEntries(store::Session& session,
                                                  const std::vector<std::int64_t>& org_ids);

// 422 validation_failed naming the organisation, the list, entered_on and the reason ("X is on
// the abnormal list since 2023-04-01: …", in Chinese “X”已于2023-04-01列入活动异常名录：…), as the
// message and as the one detail of `field`.
core::Error CreditListed(const CreditEntry& entry, std::string_view field);

}  // namespace lianyin::domain::credit
