#include "http/handlers/org_json.hpp"

#include <algorithm>
#include <iterator>

#include "http/handlers/query.hpp"

namespace lianyin::http::handlers {

namespace org = domain::org;

boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

void WritePublicFields(JsonWriter& w, const org::Org& o, bool registration_unit_id) {
  w.Key("id").Int(o.id);
  w.Key("name").String(o.name);
  w.Key("uscc").String(o.uscc);
  w.Key("org_type").String(o.org_type);
  w.Key("region_code").String(o.region_code);
  w.Key("region_name").String(o.region_name);
  if (registration_unit_id) w.Key("registration_unit_id").Int(o.registration_unit_id);
  w.Key("registration_unit_name").String(o.registration_unit_name);
  w.Key("service_categories").BeginArray();
  for (const std::string& c : o.service_categories) w.String(c);
  w.EndArray();
  w.Key("labour_field").Bool(o.labour_field);
  w.Key("status").String(org::OrgStatusName(o.status));
  w.Key("grade");
  o.grade ? w.String(*o.grade) : w.Null();
  w.Key("grade_valid_until");
  o.grade_valid_until ? w.String(*o.grade_valid_until) : w.Null();
  w.Key("created_at").String(o.created_at);
  w.Key("updated_at").String(o.updated_at);
}

void WriteOrg(JsonWriter& w, const org::OrgView& view) {
  w.BeginObject();
  WritePublicFields(w, view.org, true);
  const auto own = [&](const char* key, const std::string& value) {
    w.Key(key);
    view.full ? w.String(value) : w.Null();
  };
  own("legal_rep", view.org.legal_rep);
  own("phone", view.org.phone);
  own("founded_on", view.org.founded_on);
  own("business_scope", view.org.business_scope);
  w.EndObject();
}

Response OrgResponse(int status, const org::OrgView& view) {
  JsonWriter w;
  WriteOrg(w, view);
  Response r;
  r.status = status;
  r.body = w.Take();
  return r;
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
                                                  {"id", Sort::kOldest},
                                                  {"name", Sort::kName},
                                                  {"-name", Sort::kNameDesc},
                                                  {"founded_on", Sort::kFoundedOn},
                                                  {"-founded_on", Sort::kFoundedOnDesc}};
    auto it = std::find_if(std::begin(sorts), std::end(sorts),
                           [&](const auto& s) { return *sort == s.first; });
    if (it == std::end(sorts)) {
      errors.push_back({"sort", "must be -id, id, name, -name, founded_on or -founded_on", {}});
    } else {
      f.sort = it->second;
    }
  }
  if (f.before_id && f.sort != org::OrgFilter::Sort::kNewest) {
    // The cursor is an id of the newest-first order; in any other it would skip rows.
    errors.push_back({"before_id", "only with the newest-first order (sort=-id)", {}});
  }
  if (f.category && !org::IsServiceCategory(*f.category)) {
    errors.push_back({"category", "unknown category", std::nullopt});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

}  // namespace lianyin::http::handlers
