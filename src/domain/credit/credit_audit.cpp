#include "domain/credit/credit_audit.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::credit {
namespace {

boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object AuditJson(const CreditEntry& e) {
  return {{"id", e.id},
          {"org_id", e.org_id},
          {"org_name", e.org_name},
          {"list", CreditListName(e.list)},
          {"reason", e.reason},
          {"entered_on", e.entered_on},
          {"unit_id", e.unit_id},
          {"removed_on", Opt(e.removed_on)},
          {"removal_reason", Opt(e.removal_reason)}};
}

boost::json::object AuditJson(const Objection& o) {
  return {{"id", o.id},
          {"entry_id", o.entry_id},
          {"text", o.text},
          {"status", ObjectionStatusName(o.status)},
          {"reply", Opt(o.reply)}};
}

common::Change EntryChange(std::string action, const CreditEntry& entry, boost::json::value before,
                           boost::json::value after) {
  return {std::move(action), "credit_entry",   std::to_string(entry.id),
          std::move(before), std::move(after), true,
          entry.unit_id};
}

common::Change ObjectionChange(std::string action, const CreditEntry& entry,
                               const Objection& objection, boost::json::value before,
                               boost::json::value after) {
  return {std::move(action), "credit_objection", std::to_string(objection.id),
          std::move(before), std::move(after),   true,
          entry.unit_id};
}

}  // namespace lianyin::domain::credit
