#include "domain/event/event_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/mask.hpp"
#include "domain/org/org.hpp"
#include "domain/project/project.hpp"
#include "domain/region/region_rules.hpp"

namespace lianyin::domain::event {
namespace {

using Errors = std::vector<core::FieldError>;
constexpr std::string_view kDateTimeMessage = "must be a date-time like 2023-04-01T09:00:00+08:00";

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), std::nullopt});
}

void CheckText(Errors& errors, const std::string& field, const std::string& value, std::size_t max,
               bool required = true) {
  if (!core::ValidUtf8(value)) return Fail(errors, field, "must be valid UTF-8");
  const std::size_t n = core::CodepointCount(value).value_or(0);
  if (n == 0 && required) return Fail(errors, field, "is required");
  if (n > max) Fail(errors, field, fmt::format("must be at most {} characters", max));
}

void Patch(std::optional<std::string>& field,
           const std::optional<std::optional<std::string>>& patch) {
  if (!patch) return;
  field = *patch && !(*patch)->empty() ? *patch : std::nullopt;
}

// A date-time field normalised to +08:00 (an error recorded when malformed).
std::optional<core::DateTime> Instant(Errors& errors, const std::string& field, std::string& text) {
  auto at = core::ParseDateTime(text, field);
  if (!at) {
    Fail(errors, field, std::string(kDateTimeMessage));
    return std::nullopt;
  }
  text = core::FormatDateTime(*at);
  return *at;
}

void CheckGroups(Errors& errors, const std::vector<std::string>& groups) {
  if (groups.size() > kMaxTargetGroups) {
    Fail(errors, "target_groups", fmt::format("at most {} groups", kMaxTargetGroups));
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::string field = fmt::format("target_groups[{}]", i);
    if (!project::IsTargetGroup(groups[i])) {
      Fail(errors, field, "not a target_group code");
    } else if (std::find(groups.begin(), groups.begin() + i, groups[i]) != groups.begin() + i) {
      Fail(errors, field, "is given twice");
    }
  }
}

}  // namespace

EventFields FieldsOf(const NewEvent& e) {
  return {e.title,
          e.category,
          e.description,
          e.start,
          e.end,
          e.capacity,
          e.signup_opens,
          e.signup_closes.value_or(e.start),
          e.target_groups,
          e.region_code.value_or(""),
          e.address.value_or("")};
}

core::Result<EventFields> CheckEventFields(EventFields f) {
  Errors errors;
  CheckText(errors, "title", f.title, kMaxTitleChars);
  if (!org::IsServiceCategory(f.category)) {
    Fail(errors, "category",
         "must be one of: " + fmt::format("{}", fmt::join(org::ServiceCategories(), ", ")));
  }
  if (f.description) CheckText(errors, "description", *f.description, kMaxDescriptionChars, false);
  const auto start = Instant(errors, "start", f.start);
  const auto end = Instant(errors, "end", f.end);
  if (start && end) {
    if (end->unix_seconds <= start->unix_seconds) {
      Fail(errors, "end", "must be after start");
    } else if (end->unix_seconds - start->unix_seconds > kMaxEventSeconds) {
      Fail(errors, "end", "an event may last at most 31 days");
    }
  }
  if (f.capacity < 1 || f.capacity > kMaxCapacity) {
    Fail(errors, "capacity", fmt::format("must be between 1 and {}", kMaxCapacity));
  }
  std::optional<core::DateTime> opens;
  if (f.signup_opens) opens = Instant(errors, "signup_opens", *f.signup_opens);
  const auto closes = Instant(errors, "signup_closes", f.signup_closes);
  if (opens && closes && opens->unix_seconds >= closes->unix_seconds) {
    Fail(errors, "signup_closes", "must be after signup_opens");
  }
  if (closes && end && closes->unix_seconds > end->unix_seconds) {
    Fail(errors, "signup_closes", "must not be after the end");
  }
  CheckGroups(errors, f.target_groups);
  if (!region::IsRegionCode(f.region_code)) {
    Fail(errors, "region_code", "must be a six-digit region code");
  }
  CheckText(errors, "address", f.address, kMaxAddressChars);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return f;
}

core::Result<EventFields> ApplyPatch(const EventFields& current, const EventPatch& patch,
                                     bool booked) {
  Errors errors;
  if (booked && patch.region_code) {
    Fail(errors, "region_code", "is the venue's for a booked event");
  }
  if (booked && patch.address) Fail(errors, "address", "is the venue's for a booked event");
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  EventFields next = current;
  if (patch.title) next.title = *patch.title;
  if (patch.category) next.category = *patch.category;
  Patch(next.description, patch.description);
  if (patch.start) {
    // A closing time that was the start moves with it.
    if (!patch.signup_closes && current.signup_closes == current.start) {
      next.signup_closes = *patch.start;
    }
    next.start = *patch.start;
  }
  if (patch.end) next.end = *patch.end;
  if (patch.capacity) next.capacity = *patch.capacity;
  Patch(next.signup_opens, patch.signup_opens);
  if (patch.signup_closes) next.signup_closes = *patch.signup_closes;
  if (patch.target_groups) next.target_groups = *patch.target_groups;
  if (patch.region_code) next.region_code = *patch.region_code;
  if (patch.address) next.address = *patch.address;
  return CheckEventFields(std::move(next));
}

core::Result<EventStatus> CheckTransition(const Event& event, const EventTransition& transition,
                                          core::DateTime now) {
  using S = EventStatus;
  const auto to = ParseEventStatus(transition.to);
  Errors errors;
  if (!to || *to == S::kDraft) Fail(errors, "to", "must be published, cancelled or ended");
  if (transition.reason) CheckText(errors, "reason", *transition.reason, kMaxReasonChars, false);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  const S from = event.status;
  const bool legal = (from == S::kDraft && (*to == S::kPublished || *to == S::kCancelled)) ||
                     (from == S::kPublished && (*to == S::kCancelled || *to == S::kEnded));
  if (!legal) {
    return core::Error::Conflict(
        fmt::format("an event that is {} cannot become {}", StatusName(from), StatusName(*to)));
  }
  const std::string at = core::FormatDateTime(now);
  if (*to == S::kEnded && at < event.end) {
    return core::Error::Conflict("an event is ended only after its end time");
  }
  if (*to == S::kCancelled && at >= event.end) {
    return core::Error::Conflict("an event that has taken place cannot be cancelled");
  }
  return *to;
}

core::Result<void> CheckSignupOpen(const Event& event, core::DateTime now) {
  if (event.status != EventStatus::kPublished) {
    return core::Error::Invalid(
        "status", fmt::format("the event is {}: it takes no sign-ups", StatusName(event.status)));
  }
  const std::string at = core::FormatDateTime(now);
  if (event.signup_opens && at < *event.signup_opens) {
    return core::Error::Invalid("signup_opens",
                                fmt::format("sign-up opens at {}", *event.signup_opens));
  }
  if (at >= event.signup_closes) {
    return core::Error::Invalid("signup_closes",
                                fmt::format("sign-up closed at {}", event.signup_closes));
  }
  return {};
}

Window CheckinWindow(const Event& event) {
  const core::DateTime start = core::ParseDateTime(event.start).value();
  return {{start.unix_seconds - kCheckinLeadSeconds}, core::ParseDateTime(event.end).value()};
}

core::Result<std::string> CheckCheckinTime(const Event& event, core::DateTime at,
                                           core::DateTime now) {
  if (event.status != EventStatus::kPublished && event.status != EventStatus::kEnded) {
    return core::Error::Invalid(
        "status", fmt::format("the event is {}: it takes no check-ins", StatusName(event.status)));
  }
  if (at.unix_seconds > now.unix_seconds)
    return core::Error::Invalid("at", "must not be in the future");
  const Window w = CheckinWindow(event);
  if (at.unix_seconds < w.from.unix_seconds || at.unix_seconds >= w.to.unix_seconds) {
    return core::Error::Invalid(
        "at", fmt::format("check-in is open from {} to {}", core::FormatDateTime(w.from),
                          core::FormatDateTime(w.to)));
  }
  return core::FormatDateTime(at);
}

}  // namespace lianyin::domain::event
