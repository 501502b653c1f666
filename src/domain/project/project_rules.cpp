#include "domain/project/project_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

#include "core/mask.hpp"
#include "domain/org/org.hpp"

namespace lianyin::domain::project {
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

std::optional<core::Date> CheckDate(Errors& errors, const std::string& field,
                                    const std::string& text) {
  auto date = core::ParseDate(text, field);
  if (!date) Fail(errors, field, "must be a date like 2023-04-01");
  return date ? std::optional<core::Date>(*date) : std::nullopt;
}

core::Result<void> Done(Errors errors) {
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

void CheckFields(Errors& errors, const NewProject& p) {
  CheckText(errors, "title", p.title, kMaxTitleChars);
  if (!org::IsServiceCategory(p.category)) {
    Fail(errors, "category",
         "must be one of: " + fmt::format("{}", fmt::join(org::ServiceCategories(), ", ")));
  }
  if (p.funding_unit_id <= 0) Fail(errors, "funding_unit_id", "is required");
  if (!IsMode(p.mode)) Fail(errors, "mode", "must be purchase or cooperation");
  if (p.provider_org_ids.size() > kMaxProviders) {
    Fail(errors, "provider_org_ids",
         fmt::format("must be at most {} organisations", kMaxProviders));
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < p.provider_org_ids.size(); ++i) {
    const std::int64_t id = p.provider_org_ids[i];
    const std::string field = fmt::format("provider_org_ids[{}]", i);
    if (id <= 0) {
      Fail(errors, field, "must be a positive integer");
    } else if (!seen.insert(id).second) {
      Fail(errors, field, "is given twice");
    }
  }
  if (p.budget_fen < 0) Fail(errors, "budget_fen", "must not be negative");
  if (p.region_code.size() != 6 || !std::all_of(p.region_code.begin(), p.region_code.end(),
                                                [](char c) { return c >= '0' && c <= '9'; })) {
    Fail(errors, "region_code", "must be a six-digit region code");
  }
  const auto start = CheckDate(errors, "start_on", p.start_on);
  const auto end = CheckDate(errors, "end_on", p.end_on);
  if (start && end && *end < *start) Fail(errors, "end_on", "must not be before start_on");
  std::set<std::string> groups;
  for (std::size_t i = 0; i < p.target_groups.size(); ++i) {
    const std::string field = fmt::format("target_groups[{}]", i);
    if (!IsTargetGroup(p.target_groups[i])) {
      Fail(errors, field, "not a target_group code");
    } else if (!groups.insert(p.target_groups[i]).second) {
      Fail(errors, field, "is given twice");
    }
  }
  if (p.description) CheckText(errors, "description", *p.description, kMaxDescriptionChars, false);
}

}  // namespace

core::Result<void> CheckNewProject(const NewProject& project) {
  Errors errors;
  CheckFields(errors, project);
  return Done(std::move(errors));
}

core::Result<NewProject> ApplyPatch(const NewProject& current, ProjectStatus status,
                                    const ProjectPatch& patch) {
  const bool open = status == ProjectStatus::kDraft || status == ProjectStatus::kPublished;
  const bool running = status == ProjectStatus::kContracted || status == ProjectStatus::kInProgress;
  if (!open && !running) {
    return core::Error::Conflict(
        fmt::format("a project that is {} can no longer be edited", StatusName(status)));
  }
  Errors errors;
  NewProject next = current;
  // A field only an open project may change.
  const auto open_only = [&](const char* field, bool present) {
    if (present && !open) Fail(errors, field, "cannot be changed once the project is contracted");
    return present && open;
  };
  if (patch.title) next.title = *patch.title;
  if (open_only("category", patch.category.has_value())) next.category = *patch.category;
  if (open_only("funding_unit_id", patch.funding_unit_id.has_value())) {
    next.funding_unit_id = *patch.funding_unit_id;
  }
  if (open_only("mode", patch.mode.has_value())) next.mode = *patch.mode;
  if (open_only("provider_org_ids", patch.provider_org_ids.has_value())) {
    next.provider_org_ids = *patch.provider_org_ids;
  }
  if (open_only("budget_fen", patch.budget_fen.has_value())) next.budget_fen = *patch.budget_fen;
  if (open_only("region_code", patch.region_code.has_value()))
    next.region_code = *patch.region_code;
  if (open_only("start_on", patch.start_on.has_value())) next.start_on = *patch.start_on;
  if (patch.end_on) next.end_on = *patch.end_on;
  if (patch.target_groups) next.target_groups = *patch.target_groups;
  if (patch.description) next.description = *patch.description;
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  CheckFields(errors, next);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return next;
}

bool CanTransition(ProjectStatus from, ProjectStatus to) {
  using S = ProjectStatus;
  if (to == S::kCancelled) {
    return from == S::kDraft || from == S::kPublished || from == S::kContracted ||
           from == S::kInProgress;
  }
  return (from == S::kDraft && to == S::kPublished) ||
         (from == S::kPublished && to == S::kContracted) ||
         (from == S::kContracted && to == S::kInProgress) ||
         (from == S::kInProgress && to == S::kAccepted) ||
         (from == S::kAccepted && to == S::kClosed);
}

core::Error IllegalTransition(ProjectStatus from, ProjectStatus to) {
  return core::Error::Conflict(
      fmt::format("cannot change from {} to {}", StatusName(from), StatusName(to)));
}

core::Result<ProjectStatus> CheckTransition(const Transition& t, const core::Date& today) {
  Errors errors;
  const auto to = ParseStatus(t.to);
  if (!to) Fail(errors, "to", "not a project_status code");
  if (t.reason) CheckText(errors, "reason", *t.reason, kMaxReasonChars, false);
  if (to == ProjectStatus::kContracted) {
    if (!t.contract_fen) {
      Fail(errors, "contract_fen", "is required");
    } else if (*t.contract_fen <= 0) {
      Fail(errors, "contract_fen", "must be positive");
    }
    if (!t.contracted_on) {
      Fail(errors, "contracted_on", "is required");
    } else if (auto d = CheckDate(errors, "contracted_on", *t.contracted_on); d && *d > today) {
      Fail(errors, "contracted_on", "must not be in the future");
    }
  }
  if (to == ProjectStatus::kCancelled && (!t.reason || t.reason->empty())) {
    Fail(errors, "reason", "is required");
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return *to;
}

core::Result<void> CheckOutput(const NewOutput& o, const core::Date& today,
                               const std::optional<std::string>& contracted_on,
                               std::string_view prefix) {
  Errors errors;
  const auto field = [&](const char* name) { return std::string(prefix) + name; };
  if (auto on = CheckDate(errors, field("on"), o.on)) {
    if (*on > today) {
      Fail(errors, field("on"), "must not be in the future");
    } else if (contracted_on && o.on < *contracted_on) {
      Fail(errors, field("on"),
           fmt::format("must not be before the contract date {}", *contracted_on));
    }
  }
  if (o.person_times < 0) Fail(errors, field("person_times"), "must not be negative");
  if (o.events < 0) Fail(errors, field("events"), "must not be negative");
  if (o.spent_fen < 0) Fail(errors, field("spent_fen"), "must not be negative");
  if (o.person_times == 0 && o.events == 0 && o.spent_fen == 0) {
    Fail(errors, field("person_times"), "an output needs at least one figure above zero");
  }
  if (o.note) CheckText(errors, field("note"), *o.note, kMaxNoteChars, false);
  return Done(std::move(errors));
}

core::Result<void> CheckReversalReason(const std::string& reason) {
  Errors errors;
  CheckText(errors, "reason", reason, kMaxReasonChars);
  return Done(std::move(errors));
}

bool TakesOutputs(ProjectStatus s) {
  return s == ProjectStatus::kContracted || s == ProjectStatus::kInProgress;
}

core::Result<void> CheckMilestone(const Milestone& m) {
  Errors errors;
  CheckText(errors, "title", m.title, kMaxTitleChars);
  CheckDate(errors, "due_on", m.due_on);
  if (m.done_on) CheckDate(errors, "done_on", *m.done_on);
  if (m.note) CheckText(errors, "note", *m.note, kMaxNoteChars, false);
  return Done(std::move(errors));
}

core::Result<void> CheckPayment(const Payment& p, const core::Date& today) {
  Errors errors;
  CheckDate(errors, "due_on", p.due_on);
  if (p.amount_fen <= 0) Fail(errors, "amount_fen", "must be positive");
  if (p.paid_on) {
    if (auto d = CheckDate(errors, "paid_on", *p.paid_on); d && *d > today) {
      Fail(errors, "paid_on", "must not be in the future");
    }
  }
  if (p.note) CheckText(errors, "note", *p.note, kMaxNoteChars, false);
  return Done(std::move(errors));
}

bool TakesMilestones(ProjectStatus s) {
  return s != ProjectStatus::kAccepted && s != ProjectStatus::kClosed &&
         s != ProjectStatus::kCancelled;
}

bool TakesPayments(ProjectStatus s) {
  return s != ProjectStatus::kClosed && s != ProjectStatus::kCancelled;
}

bool HasCase(std::string_view q) {
  const auto uncased = [](char32_t c) {
    return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x30FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF01 && c <= 0xFF20) ||
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
           (c >= 0x20000 && c <= 0x2FFFF);
  };
  for (std::size_t i = 0; i < q.size();) {
    const auto lead = static_cast<unsigned char>(q[i]);
    if (lead < 0x80) {
      if ((lead >= 'A' && lead <= 'Z') || (lead >= 'a' && lead <= 'z')) return true;
      ++i;
      continue;
    }
    const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > q.size()) return true;
    char32_t c = lead & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const auto next = static_cast<unsigned char>(q[i + k]);
      if ((next & 0xC0) != 0x80) return true;
      c = (c << 6) | (next & 0x3F);
    }
    if (!uncased(c)) return true;
    i += n;
  }
  return false;
}

std::optional<std::string> DocumentMediaType(std::string_view file_name, std::string_view content) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(file_name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  const auto starts = [&](std::string_view magic) {
    return content.substr(0, magic.size()) == magic;
  };
  const std::string_view zip("PK\x03\x04", 4);
  const std::string_view ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  if (ext == "pdf" && starts("%PDF-")) return "application/pdf";
  if (ext == "ofd" && starts(zip)) return "application/ofd";
  if (ext == "docx" && starts(zip)) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (ext == "xlsx" && starts(zip)) {
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  if (ext == "doc" && starts(ole)) return "application/msword";
  if (ext == "xls" && starts(ole)) return "application/vnd.ms-excel";
  if ((ext == "jpg" || ext == "jpeg") && starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (ext == "png" && starts("\x89PNG\r\n\x1A\n")) return "image/png";
  return std::nullopt;
}

}  // namespace lianyin::domain::project
