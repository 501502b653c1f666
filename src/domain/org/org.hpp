#pragma once
// Social organisations (社会组织) in the registry: SPEC §2 (USCC) and §4 "Organisations".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::org {

enum class OrgStatus {
  kApplying,
  kRegistered,
  kAbnormal,
  kDeregistering,
  kDeregistered,
  kRejected
};
std::string_view OrgStatusName(OrgStatus status);
std::optional<OrgStatus> ParseOrgStatus(std::string_view name);
// Every status name, in lifecycle order (the enum's).
const std::vector<std::string>& OrgStatusNames();

// The eight service categories of SPEC §2 (dictionary service_category).
const std::vector<std::string>& ServiceCategories();
bool IsServiceCategory(std::string_view code);

struct Org {
  std::int64_t id = 0;
  std::string name;
  std::string uscc;
  std::string org_type;  // social_group | social_service | foundation | other
  std::string region_code;
  std::string region_name;
  std::int64_t registration_unit_id = 0;
  std::string registration_unit_name;
  std::string legal_rep;
  std::string phone;
  std::string founded_on;
  std::string business_scope;
  std::vector<std::string> service_categories;
  bool labour_field = false;
  OrgStatus status = OrgStatus::kRegistered;
  std::optional<std::string> grade;
  std::optional<std::string> grade_valid_until;
  std::string created_at;
  std::string updated_at;
};

// An org as a caller sees it: everyone logged in reads the public fields; the registration
// authority's subtree (and the org's own members) read the rest.
struct OrgView {
  Org org;
  bool full = false;  // false: legal_rep, phone, founded_on and business_scope are withheld
};

// POST /orgs. `status` is registered (entering an existing organisation) or applying.
struct NewOrg {
  std::string name;
  std::string uscc;
  std::string org_type;
  std::string region_code;
  std::int64_t registration_unit_id = 0;
  std::string legal_rep;
  std::string phone;
  std::string founded_on;
  std::string business_scope;
  std::vector<std::string> service_categories;
  bool labour_field = false;
  std::string status = "registered";
};

// PATCH /orgs/{id}: absent members stay. Status changes go through transitions.
struct OrgPatch {
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::string> legal_rep;
  std::optional<std::string> phone;
  std::optional<std::string> founded_on;
  std::optional<std::string> business_scope;
  std::optional<std::vector<std::string>> service_categories;
  std::optional<bool> labour_field;
};

// The registry as an officer's workbench sees it: the organisations its scope manages (a
// registration authority's subtree; everything at the platform level; an org member's own).
struct OrgSummary {
  std::int64_t total = 0;
  std::vector<std::pair<std::string, std::int64_t>> by_status;    // every status, in enum order
  std::vector<std::pair<std::string, std::int64_t>> by_category;  // every category, SPEC order
  std::int64_t created_since = 0;  // entered since the start of this month (+08:00)
};

struct OrgFilter {
  std::optional<std::string> q;            // any part of the name
  std::optional<std::string> region_code;  // by coverage
  std::optional<std::string> category;
  std::optional<OrgStatus> status;
  std::optional<std::string> grade;
  std::optional<bool> labour_field;
  std::optional<std::int64_t> registration_unit_id;
  bool in_scope_only = false;   // only the caller's registration subtree (review queues, exports)
  bool disclosed_only = false;  // only those public disclosure shows: not applying, not rejected
  std::optional<std::int64_t> before_id;  // keyset paging for exports: ids below this only
  // List order: newest first (the default and the only order exports and before_id use),
  // oldest first, or by name or founding date, ascending or descending. Ties go newest first;
  // founding dates the caller may not see (outside its scope, shown as null) sort last either
  // way, so the order reveals nothing the rows do not show.
  enum class Sort { kNewest, kOldest, kName, kNameDesc, kFoundedOn, kFoundedOnDesc };
  Sort sort = Sort::kNewest;
};

// One entry of an org's timeline.
struct OrgEvent {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_username;
  std::string action;  // create | update | transition | review
  std::optional<std::string> from_status;
  std::optional<std::string> to_status;
  std::string reason;
  std::string details_json;
};

// The registration review of an application (登记审查).
struct Review {
  bool approve = false;
  bool business_scope_ok = false;          // 业务范围审查
  bool non_profit_purpose = false;         // 非营利性: purpose
  bool no_profit_distribution = false;     // 非营利性: no distribution of profit
  bool assets_for_public_benefit = false;  // 非营利性: assets stay public-benefit
  std::string comment;
};

struct Link {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string uscc;
  std::string since;
  std::optional<std::string> until;
};

}  // namespace lianyin::domain::org
