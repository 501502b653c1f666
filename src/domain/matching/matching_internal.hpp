#pragma once
// Shared steps of the matching use cases (internal to the area).

#include <boost/json/value.hpp>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "domain/common/writer.hpp"
#include "domain/matching/matching.hpp"
#include "domain/matching/matching_repo.hpp"

namespace lianyin::domain::matching {

boost::json::value AuditJson(const Demand& d);
boost::json::value AuditJson(const Resource& r);
boost::json::value AuditJson(const Run& r);
boost::json::value AuditJson(const Match& m);

// Reserves the match's headcount on its resource and its demand (two conditional UPDATEs):
// 409 naming what no longer fits. The caller rolls back on an error.
core::Result<void> Reserve(MatchingRepo& repo, const Match& match, const std::string& at);
// Gives the match's headcount back to its resource and its demand.
void Release(MatchingRepo& repo, const Match& match, const std::string& at);

// Moves the match `from` → `to` and records the change: 409 when a concurrent step won.
core::Result<Match> MoveAndRecord(common::WriteTx& tx, MatchingRepo& repo, const Match& before,
                                  MatchStatus to, std::optional<std::int64_t> by_user_id,
                                  const std::string& at);

// Withdrawing a demand or resource: its proposals rejected, its accepted matches withdrawn
// (their reservations freed), each recorded. `column` is "demand_id" or "resource_id".
void EndMatchesOf(common::WriteTx& tx, MatchingRepo& repo, std::string_view column, std::int64_t id,
                  std::optional<std::int64_t> by_user_id, const std::string& at);

}  // namespace lianyin::domain::matching
