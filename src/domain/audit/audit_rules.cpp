#include "domain/audit/audit_rules.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "core/crypto.hpp"
#include "core/json_text.hpp"
#include "core/mask.hpp"

namespace lianyin::domain::audit {
namespace {

template <class Number>
void AppendNumber(std::string& out, Number number) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, end);
}

void Append(std::string& out, const boost::json::value& value);

void AppendArray(std::string& out, const boost::json::array& array) {
  out += '[';
  bool first = true;
  for (const auto& element : array) {
    if (!std::exchange(first, false)) out += ',';
    Append(out, element);
  }
  out += ']';
}

void AppendObject(std::string& out, const boost::json::object& object) {
  // String views compare as unsigned bytes, which for UTF-8 is code point order.
  std::vector<const boost::json::key_value_pair*> members;
  for (const auto& member : object) members.push_back(&member);
  std::stable_sort(members.begin(), members.end(),
                   [](const auto* a, const auto* b) { return a->key() < b->key(); });
  out += '{';
  bool first = true;
  for (const auto* member : members) {
    if (!std::exchange(first, false)) out += ',';
    core::AppendJsonString(out, member->key());
    out += ':';
    Append(out, member->value());
  }
  out += '}';
}

void Append(std::string& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null:
      out += "null";
      break;
    case boost::json::kind::bool_:
      out += value.get_bool() ? "true" : "false";
      break;
    case boost::json::kind::int64:
      AppendNumber(out, value.get_int64());
      break;
    case boost::json::kind::uint64:
      AppendNumber(out, value.get_uint64());
      break;
    case boost::json::kind::double_:
      // JSON has no NaN or infinity; Boost writes them as null too.
      if (std::isfinite(value.get_double())) {
        AppendNumber(out, value.get_double());
      } else {
        out += "null";
      }
      break;
    case boost::json::kind::string:
      core::AppendJsonString(out, value.get_string());
      break;
    case boost::json::kind::array:
      AppendArray(out, value.get_array());
      break;
    case boost::json::kind::object:
      AppendObject(out, value.get_object());
      break;
  }
}

boost::json::value OptionalJson(const auto& optional) {
  return optional ? boost::json::value(*optional) : boost::json::value(nullptr);
}

constexpr std::int64_t kSecondsPerDay = 86400;

// A date "YYYY-MM-DD" is the whole day: its start, and the start of the next day.
std::optional<std::pair<core::DateTime, core::DateTime>> ParseBound(std::string_view text) {
  if (text.size() == 10) {
    auto date = core::ParseDate(text);
    if (!date) return std::nullopt;
    return std::pair{core::StartOfDay(*date), core::StartOfDay(core::AddDays(*date, 1))};
  }
  auto instant = core::ParseDateTime(text);
  if (!instant) return std::nullopt;
  return std::pair{*instant, core::DateTime{instant->unix_seconds + 1}};
}

// How a member of a document about `entity` is masked: nullptr when it is not personal data.
using Masker = std::string (*)(std::string_view);
Masker MaskerOf(std::string_view entity, std::string_view key) {
  if (key == "phone" || key == "mobile" || key == "contact_phone") return core::MaskPhone;
  if (key == "id_number") return core::MaskIdNumber;
  if (key == "legal_rep" || (entity == "worker" && key == "name")) return core::MaskName;
  return nullptr;
}

boost::json::value Masked(std::string_view entity, const boost::json::value& value) {
  if (value.is_array()) {
    boost::json::array out;
    for (const auto& element : value.get_array()) out.push_back(Masked(entity, element));
    return out;
  }
  if (!value.is_object()) return value;
  boost::json::object out;
  for (const auto& member : value.get_object()) {
    const Masker mask = MaskerOf(entity, member.key());
    if (mask != nullptr && member.value().is_string()) {
      out[member.key()] = mask(member.value().get_string());
    } else {
      out[member.key()] = Masked(entity, member.value());
    }
  }
  return out;
}

}  // namespace

boost::json::value MaskPersonalData(std::string_view entity, const boost::json::value& document) {
  return Masked(entity, document);
}

std::string CanonicalJson(const boost::json::value& value) {
  std::string out;
  Append(out, value);
  return out;
}

boost::json::object EntryJson(const AuditEntry& entry) {
  const AuditEvent& e = entry.event;
  boost::json::object object{{"id", entry.id},
                             {"at", entry.at},
                             {"actor_user_id", OptionalJson(e.actor_user_id)},
                             {"actor_username", e.actor_username},
                             {"ip", e.ip},
                             {"request_id", e.request_id},
                             {"action", e.action},
                             {"entity", e.entity},
                             {"entity_id", OptionalJson(e.entity_id)},
                             {"before", e.before},
                             {"after", e.after},
                             {"outcome", OutcomeName(e.outcome)},
                             {"prev_hash", entry.prev_hash}};
  if (e.owner_unit_id) object["owner_unit_id"] = *e.owner_unit_id;
  return object;
}

std::string EntryHash(const AuditEntry& entry) {
  return core::Sha256Hex(core::AsBytes(entry.prev_hash + CanonicalJson(EntryJson(entry))));
}

core::Result<AtRange> ParseAtRange(const std::optional<std::string>& from,
                                   const std::optional<std::string>& to) {
  constexpr std::string_view kMessage =
      "must be a date like 2023-04-01 or a date-time like 2023-04-01T09:00:00+08:00";
  AtRange range;
  std::vector<core::FieldError> errors;
  if (from) {
    auto bound = ParseBound(*from);
    if (bound)
      range.at_from = core::FormatDateTime(bound->first);
    else
      errors.push_back({"from", std::string(kMessage), std::nullopt});
  }
  if (to) {
    auto bound = ParseBound(*to);
    if (bound)
      range.at_before = core::FormatDateTime(bound->second);
    else
      errors.push_back({"to", std::string(kMessage), std::nullopt});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return range;
}

core::Result<std::int64_t> ParseRetentionDays(const std::optional<std::string>& setting) {
  if (!setting) return kDefaultRetentionDays;
  std::int64_t days = 0;
  const char* end = setting->data() + setting->size();
  auto [ptr, ec] = std::from_chars(setting->data(), end, days);
  if (ec != std::errc() || ptr != end || days < 1 || days > 365 * 100) {
    return core::Error::Invalid("audit_retention_days", "must be a whole number of days from 1");
  }
  return days;
}

std::string RetentionCutoff(core::DateTime now, std::int64_t days) {
  return core::FormatDateTime(core::DateTime{now.unix_seconds - days * kSecondsPerDay});
}

}  // namespace lianyin::domain::audit
