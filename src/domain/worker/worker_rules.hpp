#pragma once
// The pure rules of workers (SPEC §4 "/workers", §2 identifiers; issue #11): normalising and
// checking the fields a client writes, patches, and the activation form. No I/O; each check
// reports every failing field at once (422 details). Whether the region exists is the service's.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/worker/worker.hpp"

namespace lianyin::domain::worker {

inline constexpr std::size_t kMaxNameChars = 50;
inline constexpr std::size_t kMaxEmployerChars = 100;
inline constexpr std::size_t kMaxGroups = 20;

// A worker's fields as stored (before sealing): texts trimmed, the phone as its 11 digits, the
// ID number checked (an upper-case X), groups deduplicated in code order.
struct CleanWorker {
  std::string name;
  std::optional<std::string> phone;  // nullopt only on rows registered before issue #11
  std::optional<std::string> id_number;
  std::optional<std::string> employer;
  std::optional<std::string> region_code;
  std::vector<std::string> groups;
};

// name 1–50 characters; phone a mainland mobile (core::NormaliseMobile); id_number, when given,
// a resident ID number valid on `today` (core::ParseResidentId: a wrong check character → 422 on
// id_number); employer at most 100 characters (empty: none); region_code six digits; groups
// worker_group codes, at most 20.
core::Result<CleanWorker> NormaliseWorker(const NewWorker& worker, const core::Date& today);
// `current` with the present members of `patch` applied and checked as NormaliseWorker (an
// empty id_number or employer clears it).
core::Result<CleanWorker> ApplyPatch(const CleanWorker& current, const WorkerPatch& patch,
                                     const core::Date& today);
// The same for what a worker changes of itself.
core::Result<CleanWorker> ApplySelfPatch(const CleanWorker& current, const SelfPatch& patch,
                                         const core::Date& today);

// The activation form normalised: phone 11 digits, ID number checked, name trimmed. 422 on the
// fields that are malformed (that reveals nothing about the roster); the password is checked
// against the policy by the service.
struct CleanActivation {
  std::string name;
  std::string id_number;
  std::string phone;
};
core::Result<CleanActivation> CheckActivation(const Activation& activation,
                                              const core::Date& today);

// `text` trimmed of blanks (ASCII and the ideographic space U+3000).
std::string Trim(std::string_view text);

}  // namespace lianyin::domain::worker
