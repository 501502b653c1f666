#include "domain/credit/credit_rules.hpp"

#include <fmt/format.h>

#include <vector>

#include "core/mask.hpp"

namespace lianyin::domain::credit {
namespace {

using Errors = std::vector<core::FieldError>;

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), std::nullopt});
}

void CheckText(Errors& errors, const char* field, const std::string& value, std::size_t max) {
  if (!core::ValidUtf8(value)) return Fail(errors, field, "must be valid UTF-8");
  const std::size_t n = core::CodepointCount(value).value_or(0);
  if (n == 0) return Fail(errors, field, "is required");
  if (n > max) Fail(errors, field, fmt::format("must be at most {} characters", max));
}

// The date of `field`, checked not to be after `today`; nullopt (with its error) otherwise.
std::optional<core::Date> CheckPastDate(Errors& errors, const char* field, const std::string& text,
                                        const core::Date& today) {
  auto date = core::ParseDate(text, field);
  if (!date) {
    Fail(errors, field, "must be a date like 2023-04-01");
    return std::nullopt;
  }
  if (*date > today) {
    Fail(errors, field, "must not be in the future");
    return std::nullopt;
  }
  return *date;
}

core::Result<void> Done(Errors errors) {
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

}  // namespace

core::Result<CreditList> CheckNewEntry(const NewEntry& entry, const core::Date& today) {
  Errors errors;
  const auto list = ParseCreditList(entry.list);
  if (!list) Fail(errors, "list", "must be abnormal or dishonest");
  CheckText(errors, "reason", entry.reason, kMaxReasonChars);
  CheckPastDate(errors, "entered_on", entry.entered_on, today);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return *list;
}

core::Result<void> CheckRemoval(const Removal& removal, std::string_view entered_on,
                                const core::Date& today) {
  Errors errors;
  CheckText(errors, "reason", removal.reason, kMaxReasonChars);
  const auto removed = CheckPastDate(errors, "removed_on", removal.removed_on, today);
  const auto entered = core::ParseDate(entered_on, "entered_on");
  if (removed && entered && *removed < *entered) {
    Fail(errors, "removed_on", fmt::format("must not be before the entry date {}", entered_on));
  }
  return Done(std::move(errors));
}

core::Result<void> CheckObjection(const std::string& text) {
  Errors errors;
  CheckText(errors, "text", text, kMaxObjectionChars);
  return Done(std::move(errors));
}

core::Result<void> CheckAnswer(const Answer& answer) {
  Errors errors;
  CheckText(errors, "reply", answer.reply, kMaxReplyChars);
  return Done(std::move(errors));
}

}  // namespace lianyin::domain::credit
