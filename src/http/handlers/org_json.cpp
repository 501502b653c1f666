#include "http/handlers/org_json.hpp"

#include <algorithm>
#include <iterator>

#include "http/handlers/query.hpp"

namespace lianyin::http::handlers {

namespace org = domain::org;

boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object PublicJson(const org::Org& o, boost::json::storage_ptr storage) {
  boost::json::object out(storage);
  out.reserve(19);  // with OrgJson's four
  boost::json::array categories(storage);
  categories.reserve(o.service_categories.size());
  for (const std::string& c : o.service_categories) categories.emplace_back(c);
  out.emplace("id", o.id);
  out.emplace("name", o.name);
  out.emplace("uscc", o.uscc);
  out.emplace("org_type", o.org_type);
  out.emplace("region_code", o.region_code);
  out.emplace("region_name", o.region_name);
  out.emplace("registration_unit_id", o.registration_unit_id);
  out.emplace("registration_unit_name", o.registration_unit_name);
  out.emplace("service_categories", std::move(categories));
  out.emplace("labour_field", o.labour_field);
  out.emplace("status", org::OrgStatusName(o.status));
  out.emplace("grade", o.grade ? boost::json::value(*o.grade, storage) : nullptr);
  out.emplace("grade_valid_until",
              o.grade_valid_until ? boost::json::value(*o.grade_valid_until, storage) : nullptr);
  out.emplace("created_at", o.created_at);
  out.emplace("updated_at", o.updated_at);
  return out;
}

boost::json::object OrgJson(const org::OrgView& view, boost::json::storage_ptr storage) {
  boost::json::object o = PublicJson(view.org, storage);
  const auto own = [&](const std::string& v) {
    return view.full ? boost::json::value(v, storage) : boost::json::value(nullptr);
  };
  o.emplace("legal_rep", own(view.org.legal_rep));
  o.emplace("phone", own(view.org.phone));
  o.emplace("founded_on", own(view.org.founded_on));
  o.emplace("business_scope", own(view.org.business_scope));
  return o;
}

core::Result<org::OrgFilter> ReadOrgFilter(const Request& request) {
  std::vector<core::FieldError> errors;
  org::OrgFilter f;
  f.q = QueryText(request, "q", kMaxQueryChars, errors);
  f.before_id = QueryId(request, "before_id", errors);
  f.region_code = QueryText(request, "region_code");
  f.category = QueryText(request, "category");
  if (auto status = QueryText(request, "status")) {
    f.status = org::ParseOrgStatus(*status);
    if (!f.status) errors.push_back({"status", "unknown status", std::nullopt});
  }
  f.grade = QueryText(request, "grade");
  f.labour_field = QueryBool(request, "labour_field", errors);
  f.registration_unit_id = QueryId(request, "registration_unit_id", errors);
  f.in_scope_only = QueryBool(request, "in_scope", errors).value_or(false);
  if (auto sort = QueryText(request, "sort")) {
    using Sort = org::OrgFilter::Sort;
    const std::pair<const char*, Sort> sorts[] = {{"-id", Sort::kNewest},
                                                  {"name", Sort::kName},
                                                  {"-name", Sort::kNameDesc},
                                                  {"founded_on", Sort::kFoundedOn},
                                                  {"-founded_on", Sort::kFoundedOnDesc}};
    auto it = std::find_if(std::begin(sorts), std::end(sorts),
                           [&](const auto& s) { return *sort == s.first; });
    if (it == std::end(sorts)) {
      errors.push_back({"sort", "must be -id, name, -name, founded_on or -founded_on", {}});
    } else {
      f.sort = it->second;
    }
  }
  if (f.category && !org::IsServiceCategory(*f.category)) {
    errors.push_back({"category", "unknown category", std::nullopt});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

}  // namespace lianyin::http::handlers
