#include "domain/venue/venue_rules.hpp"

#include <fmt/format.h>

#include "core/mask.hpp"
#include "domain/region/region_rules.hpp"

namespace lianyin::domain::venue {
namespace {

using Errors = std::vector<core::FieldError>;

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

void CheckOptText(Errors& errors, const std::string& field, const std::optional<std::string>& value,
                  std::size_t max) {
  if (value) CheckText(errors, field, *value, max, false);
}

// Present-but-empty clears an optional text.
void Patch(std::optional<std::string>& field,
           const std::optional<std::optional<std::string>>& patch) {
  if (!patch) return;
  field = *patch && !(*patch)->empty() ? *patch : std::nullopt;
}

Errors Check(const NewVenue& v) {
  Errors errors;
  CheckText(errors, "name", v.name, kMaxNameChars);
  if (!region::IsRegionCode(v.region_code)) {
    Fail(errors, "region_code", "must be a six-digit region code");
  }
  CheckText(errors, "address", v.address, kMaxAddressChars);
  if (v.capacity < 1 || v.capacity > kMaxCapacity) {
    Fail(errors, "capacity", fmt::format("must be between 1 and {}", kMaxCapacity));
  }
  CheckOptText(errors, "facilities", v.facilities, kMaxFacilitiesChars);
  CheckOptText(errors, "opening_hours", v.opening_hours, kMaxOpeningHoursChars);
  CheckOptText(errors, "description", v.description, kMaxDescriptionChars);
  return errors;
}

// A date means the start of that day; `end_of_day` takes the start of the next one instead.
std::optional<core::DateTime> ParseBound(const std::string& text, bool end_of_day) {
  if (auto date = core::ParseDate(text)) {
    return core::StartOfDay(end_of_day ? core::AddDays(*date, 1) : *date);
  }
  if (auto at = core::ParseDateTime(text)) return *at;
  return std::nullopt;
}

}  // namespace

core::Result<void> CheckNewVenue(const NewVenue& venue) {
  Errors errors = Check(venue);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

core::Result<NewVenue> ApplyPatch(const NewVenue& current, const VenuePatch& patch) {
  NewVenue next = current;
  if (patch.name) next.name = *patch.name;
  if (patch.region_code) next.region_code = *patch.region_code;
  if (patch.address) next.address = *patch.address;
  if (patch.capacity) next.capacity = *patch.capacity;
  Patch(next.facilities, patch.facilities);
  Patch(next.opening_hours, patch.opening_hours);
  Patch(next.description, patch.description);
  if (auto ok = CheckNewVenue(next); !ok) return ok.error();
  return next;
}

core::Result<VenueStatus> CheckVenueMove(VenueStatus from, const VenueTransition& transition) {
  const auto to = ParseVenueStatus(transition.to);
  Errors errors;
  if (!to) Fail(errors, "to", "must be active or closed");
  CheckOptText(errors, "reason", transition.reason, kMaxReasonChars);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  if (*to == from) {
    return core::Error::Conflict(
        fmt::format("a venue that is {} cannot become {}", StatusName(from), StatusName(*to)));
  }
  return *to;
}

core::Result<std::vector<Slot>> CheckNewBooking(const NewBooking& booking, core::DateTime now) {
  Errors errors;
  auto start = core::ParseDateTime(booking.start, "start");
  auto end = core::ParseDateTime(booking.end, "end");
  if (!start) Fail(errors, "start", "must be a date-time like 2023-04-01T09:00:00+08:00");
  if (!end) Fail(errors, "end", "must be a date-time like 2023-04-01T09:00:00+08:00");
  if (start && end) {
    if (end->unix_seconds <= start->unix_seconds) {
      Fail(errors, "end", "must be after start");
    } else if (end->unix_seconds - start->unix_seconds > kMaxBookingSeconds) {
      Fail(errors, "end", "a booking may last at most 7 days");
    }
  }
  if (start && start->unix_seconds < now.unix_seconds) {
    Fail(errors, "start", "must not be in the past");
  }
  CheckText(errors, "purpose", booking.purpose, kMaxPurposeChars);
  if (booking.weeks < 1 || booking.weeks > kMaxWeeks) {
    Fail(errors, "weeks", fmt::format("must be between 1 and {}", kMaxWeeks));
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  std::vector<Slot> slots;
  constexpr std::int64_t kWeek = std::int64_t{7} * 24 * 3600;
  for (std::int64_t i = 0; i < booking.weeks; ++i) {
    slots.push_back({core::FormatDateTime({start->unix_seconds + i * kWeek}),
                     core::FormatDateTime({end->unix_seconds + i * kWeek})});
  }
  return slots;
}

bool Overlaps(const Slot& a, const Slot& b) { return a.start < b.end && b.start < a.end; }

bool CanMove(BookingStatus from, BookingStatus to) {
  using S = BookingStatus;
  return (from == S::kPending &&
          (to == S::kApproved || to == S::kRejected || to == S::kCancelled)) ||
         (from == S::kApproved && to == S::kCancelled);
}

core::Error IllegalMove(BookingStatus from, BookingStatus to) {
  return core::Error::Conflict(
      fmt::format("a booking that is {} cannot become {}", StatusName(from), StatusName(to)));
}

core::Result<BookingStatus> CheckReview(const Review& review) {
  Errors errors;
  std::optional<BookingStatus> to;
  if (review.action == "approve") {
    to = BookingStatus::kApproved;
  } else if (review.action == "reject") {
    to = BookingStatus::kRejected;
  } else {
    Fail(errors, "action", "must be approve or reject");
  }
  CheckOptText(errors, "reason", review.reason, kMaxReasonChars);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return *to;
}

core::Result<void> CheckReason(const std::optional<std::string>& reason) {
  Errors errors;
  CheckOptText(errors, "reason", reason, kMaxReasonChars);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

core::Result<std::pair<std::string, std::string>> CheckCalendarRange(const std::string& from,
                                                                     const std::string& to) {
  constexpr std::string_view kMessage =
      "must be a date like 2023-04-01 or a date-time like 2023-04-01T09:00:00+08:00";
  Errors errors;
  const auto lo = ParseBound(from, false);
  const auto hi = ParseBound(to, true);
  if (!lo) Fail(errors, "from", std::string(kMessage));
  if (!hi) Fail(errors, "to", std::string(kMessage));
  if (lo && hi) {
    if (hi->unix_seconds <= lo->unix_seconds) {
      Fail(errors, "to", "must be after from");
    } else if (hi->unix_seconds - lo->unix_seconds > kMaxCalendarDays * 24 * 3600) {
      Fail(errors, "to", fmt::format("must be at most {} days after from", kMaxCalendarDays));
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return std::pair{core::FormatDateTime(*lo), core::FormatDateTime(*hi)};
}

std::optional<std::string> PhotoMediaType(std::string_view file_name, std::string_view content) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(file_name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  const auto at = [&](std::size_t offset, std::string_view magic) {
    return content.size() >= offset + magic.size() && content.substr(offset, magic.size()) == magic;
  };
  if ((ext == "jpg" || ext == "jpeg") && at(0, "\xFF\xD8\xFF")) return "image/jpeg";
  if (ext == "png" && at(0, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (ext == "webp" && at(0, "RIFF") && at(8, "WEBP")) return "image/webp";
  return std::nullopt;
}

core::Result<std::string> CheckPhoto(std::string_view file_name, std::string_view content) {
  if (content.size() > kMaxPhotoBytes) {
    return core::Error{core::ErrorCode::kPayloadTooLarge,
                       fmt::format("a photo may be at most {} MiB", kMaxPhotoBytes >> 20),
                       {}};
  }
  Errors errors;
  const auto chars = core::ValidUtf8(file_name) ? core::CodepointCount(file_name) : std::nullopt;
  const bool bad_name = !chars || *chars == 0 || *chars > kMaxPhotoNameChars ||
                        file_name.find_first_of("/\\\r\n\"") != std::string_view::npos;
  if (bad_name) Fail(errors, "file_name", "must be a plain file name");
  std::optional<std::string> media_type;
  if (content.empty()) {
    Fail(errors, "file", "is required");
  } else if (!bad_name) {
    media_type = PhotoMediaType(file_name, content);
    if (!media_type)
      Fail(errors, "file", "must be a JPEG, PNG or WebP image matching its extension");
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return *media_type;
}

}  // namespace lianyin::domain::venue
