#pragma once
// The pure rules of service projects (SPEC §4; issue #9): field checks, which fields a status
// lets change, the lifecycle's transitions, outputs, milestones, payments and document types.
// No I/O; each check reports every failing field at once (422 details).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/project/project.hpp"

namespace lianyin::domain::project {

inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxDescriptionChars = 5000;
inline constexpr std::size_t kMaxNoteChars = 500;
inline constexpr std::size_t kMaxReasonChars = 500;
inline constexpr std::size_t kMaxProviders = 20;
inline constexpr std::size_t kMaxFileNameChars = 200;
inline constexpr std::size_t kMaxDocumentBytes = 10u << 20;  // 10 MiB

// The project as created: every field checked (not the funding unit, the providers' existence
// or the region's coverage, which need the database).
core::Result<void> CheckNewProject(const NewProject& project);

// Applies `patch` to `current` (its fields as a NewProject), checking that `status` lets each
// present field change — draft/published: every field; contracted/in_progress: title,
// description, target_groups, end_on (others 422 on the field); later: 409 — and the fields.
core::Result<NewProject> ApplyPatch(const NewProject& current, ProjectStatus status,
                                    const ProjectPatch& patch);

// Whether the lifecycle allows from → to: the chain draft → published → contracted →
// in_progress → accepted → closed, and cancelled from any state before accepted.
bool CanTransition(ProjectStatus from, ProjectStatus to);
// 409 "cannot change from {from} to {to}".
core::Error IllegalTransition(ProjectStatus from, ProjectStatus to);

// The target status of a transition with its own fields checked: `to` a status; contracted
// needs contract_fen > 0 and contracted_on a date not after `today`; cancelled needs a reason.
core::Result<ProjectStatus> CheckTransition(const Transition& transition, const core::Date& today);

// An output entry: `on` a date not after `today` nor before `contracted_on` (when given),
// figures ≥ 0 and not all zero, the note ≤ 500 characters. `prefix` names the fields of a
// nested object ("replacement.").
core::Result<void> CheckOutput(const NewOutput& output, const core::Date& today,
                               const std::optional<std::string>& contracted_on,
                               std::string_view prefix = "");
// A reversal's reason: 1–500 characters.
core::Result<void> CheckReversalReason(const std::string& reason);
// Whether outputs may be entered or reversed in `status` (contracted, in_progress).
bool TakesOutputs(ProjectStatus status);

core::Result<void> CheckMilestone(const Milestone& milestone);
core::Result<void> CheckPayment(const Payment& payment, const core::Date& today);
// Milestones change until accepted; the payment schedule until closed or cancelled.
bool TakesMilestones(ProjectStatus status);
bool TakesPayments(ProjectStatus status);

// Whether `q` has a character whose case a lower() could change: an ASCII letter, or anything
// but ASCII non-letters, CJK ideographs, kana, CJK and general punctuation and full-width
// digits and punctuation (invalid UTF-8 counts as cased). For a caseless q, `title LIKE '%q%'`
// matches exactly what `lower(title) LIKE '%q%'` matches, without lowering every title.
bool HasCase(std::string_view q);

// The media type of an uploaded document when its extension and its first bytes agree (PDF,
// OFD, DOC/XLS, DOCX/XLSX, JPEG, PNG), else nullopt.
std::optional<std::string> DocumentMediaType(std::string_view file_name, std::string_view content);

}  // namespace lianyin::domain::project
