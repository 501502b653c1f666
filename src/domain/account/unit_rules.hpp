#pragma once
// Pure rules of the unit tree (SPEC §1 "Units").

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::domain::account {

// A union unit hangs below the root or a union unit, a civil_affairs unit below the root or a
// civil_affairs unit; an `other` unit anywhere. `parent` is the would-be parent.
bool KindFitsParent(UnitKind kind, const Unit& parent);

// Non-empty (422 on name); the HTTP layer trims and bounds the length.
core::Result<void> CheckUnitName(std::string_view name);

// A real calendar date not after `today`; failures are 422 on leading_group_established_on.
core::Result<void> CheckEstablishedOn(const std::optional<std::string>& date, core::Date today);

}  // namespace lianyin::domain::account
