#pragma once
// How credit changes are recorded (internal to the credit area).

#include <boost/json/object.hpp>
#include <string>

#include "domain/common/change.hpp"
#include "domain/credit/credit.hpp"

namespace lianyin::domain::credit {

// The stored fields of an entry and of an objection, for Change::before / after.
boost::json::object AuditJson(const CreditEntry& entry);
boost::json::object AuditJson(const Objection& objection);

// A Change to `entry` (entity credit_entry) or to one of its objections (credit_objection),
// owned by the entry's unit (the organisation's registration unit).
common::Change EntryChange(std::string action, const CreditEntry& entry, boost::json::value before,
                           boost::json::value after);
common::Change ObjectionChange(std::string action, const CreditEntry& entry,
                               const Objection& objection, boost::json::value before,
                               boost::json::value after);

}  // namespace lianyin::domain::credit
