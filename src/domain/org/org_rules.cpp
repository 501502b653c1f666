#include "domain/org/org_rules.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/mask.hpp"
#include "core/phone.hpp"
#include "core/uscc.hpp"

namespace lianyin::domain::org {
namespace {

using Errors = std::vector<core::FieldError>;

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), std::nullopt});
}

void CheckText(Errors& errors, const char* field, const std::string& value, std::size_t min,
               std::size_t max) {
  const std::size_t n = core::CodepointCount(value).value_or(0);
  if (!core::ValidUtf8(value)) return Fail(errors, field, "must be valid UTF-8");
  if (n < min || n > max) {
    Fail(errors, field,
         "must have " + std::to_string(min) + "-" + std::to_string(max) + " characters");
  }
}

void CheckFoundedOn(Errors& errors, const std::string& value, const core::Date& today) {
  auto date = core::ParseDate(value, "founded_on");
  if (!date) return Fail(errors, "founded_on", "must be a date like 2015-06-01");
  if (*date > today) Fail(errors, "founded_on", "must not be in the future");
}

void CheckPhone(Errors& errors, std::string& phone) {
  auto normal = core::ValidateContactPhone(phone, "phone");
  if (!normal) return Fail(errors, "phone", "must be a mobile or landline number");
  phone = *normal;
}

void CheckCategories(Errors& errors, std::vector<std::string>& categories) {
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  for (const std::string& c : categories) {
    if (!IsServiceCategory(c)) Fail(errors, "service_categories", "unknown category " + c);
  }
}

bool IsSixDigits(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

core::Result<NewOrg> NormaliseNewOrg(NewOrg in, const core::Date& today) {
  Errors errors;
  CheckText(errors, "name", in.name, 2, 100);
  auto type = core::ParseOrgType(in.org_type);
  if (!type) {
    Fail(errors, "org_type", "must be social_group, social_service, foundation or other");
  }
  auto uscc = type ? core::ValidateOrgUscc(in.uscc, *type) : core::ParseUscc(in.uscc);
  if (!uscc) {
    const core::Error why = uscc.error();  // error() returns a copy: keep it alive
    for (const auto& d : why.details) Fail(errors, "uscc", d.message);
  } else {
    in.uscc = uscc->code();
  }
  if (!IsSixDigits(in.region_code)) Fail(errors, "region_code", "must be a six-digit code");
  if (in.registration_unit_id <= 0) Fail(errors, "registration_unit_id", "is required");
  CheckText(errors, "legal_rep", in.legal_rep, 2, 50);
  CheckPhone(errors, in.phone);
  CheckFoundedOn(errors, in.founded_on, today);
  CheckText(errors, "business_scope", in.business_scope, 1, 2000);
  CheckCategories(errors, in.service_categories);
  if (in.status != "registered" && in.status != "applying") {
    Fail(errors, "status", "must be registered or applying");
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return in;
}

core::Result<OrgPatch> NormalisePatch(OrgPatch patch, const core::Date& today) {
  Errors errors;
  if (patch.name) CheckText(errors, "name", *patch.name, 2, 100);
  if (patch.region_code && !IsSixDigits(*patch.region_code)) {
    Fail(errors, "region_code", "must be a six-digit code");
  }
  if (patch.legal_rep) CheckText(errors, "legal_rep", *patch.legal_rep, 2, 50);
  if (patch.phone) CheckPhone(errors, *patch.phone);
  if (patch.founded_on) CheckFoundedOn(errors, *patch.founded_on, today);
  if (patch.business_scope) CheckText(errors, "business_scope", *patch.business_scope, 1, 2000);
  if (patch.service_categories) CheckCategories(errors, *patch.service_categories);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return patch;
}

bool TransitionAllowed(OrgStatus from, OrgStatus to) {
  using S = OrgStatus;
  switch (from) {
    case S::kApplying:
      return to == S::kRegistered || to == S::kRejected;
    case S::kRegistered:
      return to == S::kAbnormal || to == S::kDeregistering;
    case S::kAbnormal:
      return to == S::kRegistered || to == S::kDeregistering;
    case S::kDeregistering:
      return to == S::kDeregistered;
    case S::kDeregistered:
    case S::kRejected:
      return false;
  }
  return false;
}

}  // namespace lianyin::domain::org
