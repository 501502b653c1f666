#include "domain/mechanism/mechanism_codec.hpp"

namespace lianyin::domain::mechanism {
namespace {

namespace json = boost::json;

std::optional<std::int64_t> IdAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) return std::nullopt;
  return v->as_int64();
}

std::string TextAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::vector<Attendee> AttendeesOf(const json::value* v) {
  std::vector<Attendee> out;
  if (v == nullptr || !v->is_array()) return out;
  for (const json::value& item : v->as_array()) {
    if (!item.is_object()) continue;
    const json::object& o = item.as_object();
    out.push_back({IdAt(o, "unit_id"), IdAt(o, "org_id"), TextAt(o, "name")});
  }
  return out;
}

}  // namespace

json::array AttendeesJson(const std::vector<Attendee>& attendees) {
  json::array out;
  for (const Attendee& a : attendees) {
    json::object o;
    if (a.unit_id) o["unit_id"] = *a.unit_id;
    if (a.org_id) o["org_id"] = *a.org_id;
    o["name"] = a.name;
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Attendee> ParseAttendees(const std::string& text) {
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec) return {};
  return AttendeesOf(&v);
}

json::object MeetingSpecJson(const MeetingSpec& s) {
  return {{"kind", s.kind},
          {"title_pattern", s.title_pattern},
          {"location", s.location ? json::value(*s.location) : json::value(nullptr)},
          {"attendees", AttendeesJson(s.attendees)}};
}

json::object ReportTaskSpecJson(const ReportTaskSpec& s) {
  return {{"title_pattern", s.title_pattern},
          {"indicators", json::array(s.indicators.begin(), s.indicators.end())},
          {"scope_unit_id", s.scope_unit_id},
          {"deadline_days", s.deadline_days}};
}

void ReadSpec(const std::string& text, MechanismTemplate& t) {
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return;
  const json::object& o = v.as_object();
  if (t.kind == "meeting") {
    MeetingSpec s{TextAt(o, "kind"), TextAt(o, "title_pattern"), std::nullopt,
                  AttendeesOf(o.if_contains("attendees"))};
    if (const auto* loc = o.if_contains("location"); loc != nullptr && loc->is_string()) {
      s.location = std::string(loc->as_string());
    }
    t.meeting = std::move(s);
    return;
  }
  ReportTaskSpec s{TextAt(o, "title_pattern"),
                   {},
                   IdAt(o, "scope_unit_id").value_or(0),
                   IdAt(o, "deadline_days").value_or(0)};
  if (const auto* codes = o.if_contains("indicators"); codes != nullptr && codes->is_array()) {
    for (const json::value& c : codes->as_array()) {
      if (c.is_string()) s.indicators.emplace_back(c.as_string());
    }
  }
  t.report_task = std::move(s);
}

}  // namespace lianyin::domain::mechanism
