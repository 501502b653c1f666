#include "domain/worker/worker_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/mask.hpp"
#include "core/phone.hpp"
#include "core/resident_id.hpp"
#include "domain/region/region_rules.hpp"

namespace lianyin::domain::worker {
namespace {

using Errors = std::vector<core::FieldError>;

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), std::nullopt});
}

void AddAll(Errors& errors, const core::Error& error) {
  errors.insert(errors.end(), error.details.begin(), error.details.end());
}

void CheckText(Errors& errors, const std::string& field, const std::string& value, std::size_t max,
               bool required) {
  if (!core::ValidUtf8(value)) return Fail(errors, field, "must be valid UTF-8");
  const std::size_t n = core::CodepointCount(value).value_or(0);
  if (n == 0 && required) return Fail(errors, field, "is required");
  if (n > max) Fail(errors, field, fmt::format("must be at most {} characters", max));
}

std::optional<std::string> Phone(Errors& errors, std::string_view text) {
  auto phone = core::NormaliseMobile(text, "phone");
  if (!phone) return AddAll(errors, phone.error()), std::nullopt;
  return *phone;
}

std::optional<std::string> IdNumber(Errors& errors, std::string_view text,
                                    const core::Date& today) {
  auto id = core::ParseResidentId(Trim(text), today, "id_number");
  if (!id) return AddAll(errors, id.error()), std::nullopt;
  return id->number();
}

// An optional text: blank is none.
std::optional<std::string> OptText(Errors& errors, const std::string& field,
                                   const std::optional<std::string>& value, std::size_t max) {
  if (!value) return std::nullopt;
  std::string text = Trim(*value);
  if (text.empty()) return std::nullopt;
  CheckText(errors, field, text, max, false);
  return text;
}

std::vector<std::string> Groups(Errors& errors, std::vector<std::string> groups) {
  for (std::string& g : groups) g = Trim(g);
  std::erase(groups, std::string());
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  for (const std::string& g : groups) {
    if (!IsGroup(g)) return Fail(errors, "groups", "not a worker_group code"), groups;
  }
  if (groups.size() > kMaxGroups) {
    Fail(errors, "groups", fmt::format("at most {} groups", kMaxGroups));
  }
  return groups;
}

void Region(Errors& errors, CleanWorker& out, const std::string& code) {
  out.region_code = Trim(code);
  if (out.region_code->empty()) return Fail(errors, "region_code", "is required");
  if (!region::IsRegionCode(*out.region_code)) {
    Fail(errors, "region_code", "must be a six-digit region code");
  }
}

void Name(Errors& errors, CleanWorker& out, const std::string& name) {
  out.name = Trim(name);
  CheckText(errors, "name", out.name, kMaxNameChars, true);
}

core::Result<CleanWorker> Done(Errors errors, CleanWorker out) {
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return out;
}

}  // namespace

std::string Trim(std::string_view text) {
  constexpr std::string_view kIdeographicSpace = "\u3000";
  for (;;) {
    const std::size_t before = text.size();
    while (!text.empty() && std::string_view(" \t\r\n").find(text.front()) != std::string::npos) {
      text.remove_prefix(1);
    }
    while (!text.empty() && std::string_view(" \t\r\n").find(text.back()) != std::string::npos) {
      text.remove_suffix(1);
    }
    if (text.starts_with(kIdeographicSpace)) text.remove_prefix(kIdeographicSpace.size());
    if (text.ends_with(kIdeographicSpace)) text.remove_suffix(kIdeographicSpace.size());
    if (text.size() == before) return std::string(text);
  }
}

core::Result<CleanWorker> NormaliseWorker(const NewWorker& w, const core::Date& today) {
  Errors errors;
  CleanWorker out;
  Name(errors, out, w.name);
  if (Trim(w.phone).empty()) {
    Fail(errors, "phone", "is required");
  } else {
    out.phone = Phone(errors, w.phone);
  }
  if (w.id_number && !Trim(*w.id_number).empty()) {
    out.id_number = IdNumber(errors, *w.id_number, today);
  }
  out.employer = OptText(errors, "employer", w.employer, kMaxEmployerChars);
  Region(errors, out, w.region_code);
  out.groups = Groups(errors, w.groups);
  return Done(std::move(errors), std::move(out));
}

core::Result<CleanWorker> ApplyPatch(const CleanWorker& current, const WorkerPatch& p,
                                     const core::Date& today) {
  Errors errors;
  CleanWorker out = current;
  if (p.name) Name(errors, out, *p.name);
  if (p.phone) {
    if (Trim(*p.phone).empty()) {
      Fail(errors, "phone", "is required");
    } else {
      out.phone = Phone(errors, *p.phone);
    }
  }
  if (p.id_number) {
    out.id_number = *p.id_number && !Trim(**p.id_number).empty()
                        ? IdNumber(errors, **p.id_number, today)
                        : std::nullopt;
  }
  if (p.employer) out.employer = OptText(errors, "employer", *p.employer, kMaxEmployerChars);
  if (p.region_code) Region(errors, out, *p.region_code);
  if (p.groups) out.groups = Groups(errors, *p.groups);
  return Done(std::move(errors), std::move(out));
}

core::Result<CleanWorker> ApplySelfPatch(const CleanWorker& current, const SelfPatch& p,
                                         const core::Date& today) {
  return ApplyPatch(current, WorkerPatch{{}, {}, {}, p.employer, p.region_code, p.groups}, today);
}

core::Result<CleanActivation> CheckActivation(const Activation& a, const core::Date& today) {
  Errors errors;
  CleanActivation out;
  out.name = Trim(a.name);
  CheckText(errors, "name", out.name, kMaxNameChars, true);
  if (auto id = IdNumber(errors, a.id_number, today)) out.id_number = *id;
  if (auto phone = Phone(errors, a.phone)) out.phone = *phone;
  if (a.password.empty()) Fail(errors, "password", "is required");
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return out;
}

}  // namespace lianyin::domain::worker
