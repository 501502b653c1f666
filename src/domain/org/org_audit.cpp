#include "domain/org/org_audit.hpp"

#include <boost/json.hpp>

namespace lianyin::domain::org {

boost::json::object AuditJson(const Org& o) {
  boost::json::array categories(o.service_categories.begin(), o.service_categories.end());
  return {{"id", o.id},
          {"name", o.name},
          {"uscc", o.uscc},
          {"org_type", o.org_type},
          {"region_code", o.region_code},
          {"registration_unit_id", o.registration_unit_id},
          {"legal_rep", o.legal_rep},
          {"phone", o.phone},
          {"founded_on", o.founded_on},
          {"business_scope", o.business_scope},
          {"service_categories", std::move(categories)},
          {"labour_field", o.labour_field},
          {"status", OrgStatusName(o.status)}};
}

common::Change OrgChange(std::string action, const Org& org, boost::json::value before,
                         boost::json::value after) {
  return {std::move(action), "org", std::to_string(org.id),  std::move(before),
          std::move(after),  true,  org.registration_unit_id};
}

}  // namespace lianyin::domain::org
