#include "http/handlers/mechanism_body.hpp"

#include <fmt/format.h>

#include "domain/mechanism/mechanism_rules.hpp"

namespace lianyin::http::handlers {
namespace {

namespace mech = domain::mechanism;
namespace json = boost::json;

constexpr std::size_t kMaxNameChars = 100;
constexpr std::size_t kMaxLocationChars = 200;

// Runs `read` on a nested reader of `object`, copying its errors into `in` under `prefix`.
template <class Read>
auto Nested(FieldReader& in, const json::object& object, const std::string& prefix, Read read) {
  FieldReader nested(object);
  auto value = read(nested);
  for (const core::FieldError& e : nested.errors()) in.Fail(prefix + e.field, e.message);
  return value;
}

// The "attendees" array of `body`: each {unit_id?, org_id?, name}.
std::vector<mech::Attendee> ReadAttendees(const json::object& body, FieldReader& in,
                                          const std::string& field) {
  std::vector<mech::Attendee> out;
  const json::value* v = body.if_contains("attendees");
  if (v == nullptr || v->is_null()) return out;
  if (!v->is_array()) {
    in.Fail(field, "must be an array");
    return out;
  }
  const json::array& items = v->as_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = fmt::format("{}[{}]", field, i);
    if (!items[i].is_object()) {
      in.Fail(at, "must be an object");
      continue;
    }
    out.push_back(Nested(in, items[i].as_object(), at + ".", [](FieldReader& r) {
      mech::Attendee a;
      a.unit_id = r.OptInt64("unit_id");
      a.org_id = r.OptInt64("org_id");
      a.name = r.String("name", kMaxNameChars);
      return a;
    }));
  }
  return out;
}

// The nested object `name` of `body`, or null (recording an error when it is not an object).
const json::object* ObjectAt(const json::object& body, FieldReader& in, const char* name) {
  const json::value* v = body.if_contains(name);
  if (v == nullptr || v->is_null()) return nullptr;
  if (!v->is_object()) {
    in.Fail(name, "must be an object");
    return nullptr;
  }
  return &v->as_object();
}

mech::MeetingSpec ReadMeetingSpec(FieldReader& in, const json::object& o) {
  mech::MeetingSpec spec = Nested(in, o, "meeting.", [](FieldReader& r) {
    mech::MeetingSpec s;
    s.kind = r.String("kind", 40);
    s.title_pattern = r.String("title_pattern", mech::kMaxTitleChars);
    s.location = r.OptString("location", kMaxLocationChars);
    return s;
  });
  spec.attendees = ReadAttendees(o, in, "meeting.attendees");
  return spec;
}

mech::ReportTaskSpec ReadReportTaskSpec(FieldReader& in, const json::object& o) {
  return Nested(in, o, "report_task.", [](FieldReader& r) {
    mech::ReportTaskSpec s;
    s.title_pattern = r.String("title_pattern", mech::kMaxTitleChars);
    s.indicators = r.StringArray("indicators", 60);
    s.scope_unit_id = r.Int64("scope_unit_id");
    s.deadline_days = r.Int64("deadline_days");
    return s;
  });
}

}  // namespace

mech::MeetingInput ReadMeeting(const json::object& body, FieldReader& in, bool creating) {
  mech::MeetingInput m;
  const auto text = [&](const char* name, std::size_t max) -> std::optional<std::string> {
    if (!creating && !in.Has(name)) return std::nullopt;
    return in.String(name, max);
  };
  m.title = text("title", mech::kMaxTitleChars);
  m.kind = text("kind", 40);
  if (creating) m.unit_id = in.Int64("unit_id");
  if (!creating && in.Has("unit_id")) m.unit_id = in.Int64("unit_id");
  m.starts_at = text("starts_at", 40);
  m.location = in.OptString("location", kMaxLocationChars);
  m.agenda = in.OptString("agenda", mech::kMaxTextChars);
  if (creating || in.Has("attendees")) m.attendees = ReadAttendees(body, in, "attendees");
  return m;
}

mech::NewDecision ReadDecision(FieldReader& in) {
  mech::NewDecision d;
  d.text = in.String("text", mech::kMaxTextChars);
  d.owner_unit_id = in.OptInt64("owner_unit_id");
  d.owner_org_id = in.OptInt64("owner_org_id");
  d.owner_name = in.OptString("owner_name", kMaxNameChars);
  d.deadline = in.Date("deadline");
  return d;
}

mech::NewTemplate ReadTemplate(const json::object& body, FieldReader& in) {
  mech::NewTemplate t;
  t.name = in.String("name", mech::kMaxTitleChars);
  t.kind = in.String("kind", 20);
  t.recurrence = in.String("recurrence", 20);
  t.unit_id = in.Int64("unit_id");
  t.starts_on = in.Date("starts_on");
  t.ends_on = in.OptDate("ends_on");
  t.lead_days = in.Int64("lead_days");
  if (const json::object* o = ObjectAt(body, in, "meeting")) t.meeting = ReadMeetingSpec(in, *o);
  if (const json::object* o = ObjectAt(body, in, "report_task")) {
    t.report_task = ReadReportTaskSpec(in, *o);
  }
  return t;
}

}  // namespace lianyin::http::handlers
