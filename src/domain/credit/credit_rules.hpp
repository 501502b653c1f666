#pragma once
// Pure rules of the credit lists: what an entry, a removal, an objection and an answer must hold.
// Each returns a 422 listing every bad field.

#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/credit/credit.hpp"

namespace lianyin::domain::credit {

// Longest texts, in characters.
inline constexpr std::size_t kMaxReasonChars = 500;
inline constexpr std::size_t kMaxObjectionChars = 2000;
inline constexpr std::size_t kMaxReplyChars = 1000;

// list a CreditList name; reason 1–kMaxReasonChars characters; entered_on a date not after
// `today`. The list, parsed.
core::Result<CreditList> CheckNewEntry(const NewEntry& entry, const core::Date& today);

// reason 1–kMaxReasonChars characters; removed_on a date not after `today` and not before the
// entry's `entered_on`.
core::Result<void> CheckRemoval(const Removal& removal, std::string_view entered_on,
                                const core::Date& today);

// text 1–kMaxObjectionChars characters.
core::Result<void> CheckObjection(const std::string& text);

// reply 1–kMaxReplyChars characters.
core::Result<void> CheckAnswer(const Answer& answer);

}  // namespace lianyin::domain::credit
