#include "domain/matching/matching_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/date.hpp"
#include "core/mask.hpp"
#include "core/money.hpp"
#include "domain/org/org.hpp"
#include "domain/project/project.hpp"
#include "domain/region/region_rules.hpp"

namespace lianyin::domain::matching {
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

void CheckCategory(Errors& errors, const std::string& category) {
  if (!org::IsServiceCategory(category)) {
    Fail(errors, "category",
         "must be one of: " + fmt::format("{}", fmt::join(org::ServiceCategories(), ", ")));
  }
}

void CheckWindow(Errors& errors, const std::string& start, const std::string& end) {
  auto s = core::ParseDate(start, "window_start");
  auto e = core::ParseDate(end, "window_end");
  if (!s) Fail(errors, "window_start", "must be a date like 2023-04-01");
  if (!e) Fail(errors, "window_end", "must be a date like 2023-04-01");
  if (s && e && *e < *s) Fail(errors, "window_end", "must not be before window_start");
}

void CheckCount(Errors& errors, const char* field, std::int64_t value) {
  if (value < 1 || value > kMaxHeadcount) {
    Fail(errors, field, fmt::format("must be between 1 and {}", kMaxHeadcount));
  }
}

void CheckFields(Errors& errors, const NewDemand& d) {
  CheckText(errors, "title", d.title, kMaxTitleChars);
  CheckCategory(errors, d.category);
  if (!region::IsRegionCode(d.region_code))
    Fail(errors, "region_code", "must be a six-digit region code");
  CheckCount(errors, "headcount", d.headcount);
  CheckWindow(errors, d.window_start, d.window_end);
  if (d.target_group && !project::IsTargetGroup(*d.target_group)) {
    Fail(errors, "target_group", "not a target_group code");
  }
  if (d.description) CheckText(errors, "description", *d.description, kMaxDescriptionChars, false);
}

// Who owns a new demand (CheckNewDemand's contract).
void CheckOwner(Errors& errors, const NewDemand& d, std::optional<std::int64_t> poster_worker_id) {
  if (poster_worker_id) {
    if (d.worker_id && *d.worker_id != *poster_worker_id) {
      Fail(errors, "worker_id", "must be your own worker record");
    }
    return;  // unit_id: OwnedByWorker, against the record
  }
  if (d.worker_id) Fail(errors, "worker_id", "is set only by a worker posting its own demand");
  if (d.unit_id <= 0) Fail(errors, "unit_id", "is required");
}

void CheckFields(Errors& errors, const NewResource& r) {
  if (r.org_id <= 0) Fail(errors, "org_id", "is required");
  CheckText(errors, "title", r.title, kMaxTitleChars);
  CheckCategory(errors, r.category);
  if (r.region_codes.empty()) Fail(errors, "region_codes", "is required");
  if (r.region_codes.size() > kMaxRegionCodes) {
    Fail(errors, "region_codes", fmt::format("must be at most {} codes", kMaxRegionCodes));
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < r.region_codes.size() && i < kMaxRegionCodes; ++i) {
    const std::string field = fmt::format("region_codes[{}]", i);
    if (!region::IsRegionCode(r.region_codes[i])) {
      Fail(errors, field, "must be a six-digit region code");
    } else if (!seen.insert(r.region_codes[i]).second) {
      Fail(errors, field, "is given twice");
    }
  }
  CheckCount(errors, "capacity", r.capacity);
  CheckWindow(errors, r.window_start, r.window_end);
  if (r.cost_per_person_fen < 0 || r.cost_per_person_fen > kMaxCostPerPersonFen) {
    Fail(errors, "cost_per_person_fen",
         fmt::format("must be between 0 and {}", kMaxCostPerPersonFen));
  }
  if (r.description) CheckText(errors, "description", *r.description, kMaxDescriptionChars, false);
}

core::Result<void> Done(Errors errors) {
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

bool Editable(ListingStatus s) {
  return s == ListingStatus::kOpen || s == ListingStatus::kPartlyMatched ||
         s == ListingStatus::kMatched;
}

core::Error NotEditable(ListingStatus s) {
  return core::Error::Conflict(
      fmt::format("a listing that is {} can no longer be edited", StatusName(s)));
}

double Round1(double v) { return std::round(v * 10.0) / 10.0; }

int GradeLevel(const std::optional<std::string>& grade) {
  if (!grade || grade->size() != 2 || (*grade)[1] != 'A') return 0;
  const char c = (*grade)[0];
  return c >= '1' && c <= '5' ? c - '0' : 0;
}

std::int64_t DayNumber(const std::string& text) {
  auto d = core::ParseDate(text);
  return d ? core::DaysFromCivil(*d) : 0;
}

}  // namespace

core::Result<void> CheckNewDemand(const NewDemand& demand,
                                  std::optional<std::int64_t> poster_worker_id) {
  Errors errors;
  CheckFields(errors, demand);
  CheckOwner(errors, demand, poster_worker_id);
  return Done(std::move(errors));
}

core::Result<NewDemand> OwnedByWorker(NewDemand demand, std::int64_t worker_id,
                                      std::int64_t worker_unit_id) {
  if (demand.unit_id != 0 && demand.unit_id != worker_unit_id) {
    return core::Error::Invalid("unit_id", "must be the unit of your worker record");
  }
  if (demand.worker_id && *demand.worker_id != worker_id) {
    return core::Error::Invalid("worker_id", "must be your own worker record");
  }
  demand.unit_id = worker_unit_id;
  demand.worker_id = worker_id;
  return demand;
}

core::Result<void> CheckNewResource(const NewResource& resource) {
  Errors errors;
  CheckFields(errors, resource);
  return Done(std::move(errors));
}

core::Result<void> CheckRunRequest(const RunRequest& request) {
  std::vector<core::FieldError> errors;
  if (request.region_code && !region::IsRegionCode(*request.region_code)) {
    errors.push_back({"region_code", "must be a six-digit region code", {}});
  }
  if (request.category && !org::IsServiceCategory(*request.category)) {
    errors.push_back({"category", "not a service_category code", {}});
  }
  for (const auto& [name, ids] : {std::pair{"demand_ids", &request.demand_ids},
                                  std::pair{"resource_ids", &request.resource_ids}}) {
    if (ids->size() > kMaxRunIds) {
      errors.push_back({name, fmt::format("must be at most {} ids", kMaxRunIds), {}});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

core::Result<NewDemand> ApplyPatch(const NewDemand& current, const Demand& demand,
                                   const DemandPatch& patch) {
  if (!Editable(demand.status)) return NotEditable(demand.status);
  Errors errors;
  NewDemand next = current;
  const bool fixed = demand.matched > 0;
  const auto unmatched_only = [&](const char* field, bool present) {
    if (present && fixed) Fail(errors, field, "cannot be changed once anything is matched");
    return present && !fixed;
  };
  if (patch.title) next.title = *patch.title;
  if (unmatched_only("category", patch.category.has_value())) next.category = *patch.category;
  if (unmatched_only("region_code", patch.region_code.has_value())) {
    next.region_code = *patch.region_code;
  }
  if (unmatched_only("window_start", patch.window_start.has_value())) {
    next.window_start = *patch.window_start;
  }
  if (unmatched_only("window_end", patch.window_end.has_value())) {
    next.window_end = *patch.window_end;
  }
  if (patch.headcount) {
    if (*patch.headcount < demand.matched) {
      Fail(errors, "headcount",
           fmt::format("must not be below the {} already matched", demand.matched));
    }
    next.headcount = *patch.headcount;
  }
  if (patch.target_group) next.target_group = *patch.target_group;
  if (patch.description) next.description = *patch.description;
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  CheckFields(errors, next);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return next;
}

core::Result<NewResource> ApplyPatch(const NewResource& current, const Resource& resource,
                                     const ResourcePatch& patch) {
  if (!Editable(resource.status)) return NotEditable(resource.status);
  Errors errors;
  NewResource next = current;
  const bool fixed = resource.reserved > 0;
  const auto unreserved_only = [&](const char* field, bool present) {
    if (present && fixed) Fail(errors, field, "cannot be changed once anything is reserved");
    return present && !fixed;
  };
  if (patch.title) next.title = *patch.title;
  if (unreserved_only("category", patch.category.has_value())) next.category = *patch.category;
  if (unreserved_only("region_codes", patch.region_codes.has_value())) {
    next.region_codes = *patch.region_codes;
  }
  if (unreserved_only("window_start", patch.window_start.has_value())) {
    next.window_start = *patch.window_start;
  }
  if (unreserved_only("window_end", patch.window_end.has_value())) {
    next.window_end = *patch.window_end;
  }
  if (unreserved_only("cost_per_person_fen", patch.cost_per_person_fen.has_value())) {
    next.cost_per_person_fen = *patch.cost_per_person_fen;
  }
  if (patch.capacity) {
    if (*patch.capacity < resource.reserved) {
      Fail(errors, "capacity",
           fmt::format("must not be below the {} already reserved", resource.reserved));
    }
    next.capacity = *patch.capacity;
  }
  if (patch.description) next.description = *patch.description;
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  CheckFields(errors, next);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return next;
}

ListingStatus DerivedStatus(std::int64_t matched, std::int64_t total) {
  if (matched <= 0) return ListingStatus::kOpen;
  return matched >= total ? ListingStatus::kMatched : ListingStatus::kPartlyMatched;
}

core::Result<ListingStatus> CheckListingMove(ListingStatus from, const ListingTransition& t) {
  const auto to = ParseListingStatus(t.to);
  if (!to || (*to != ListingStatus::kClosed && *to != ListingStatus::kOpen &&
              *to != ListingStatus::kWithdrawn)) {
    return core::Error::Invalid("to", "must be closed, open or withdrawn");
  }
  if (t.reason) {
    Errors errors;
    CheckText(errors, "reason", *t.reason, kMaxReasonChars, false);
    if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  }
  const bool allowed = (*to == ListingStatus::kClosed && Editable(from)) ||
                       (*to == ListingStatus::kOpen && from == ListingStatus::kClosed) ||
                       (*to == ListingStatus::kWithdrawn && from != ListingStatus::kWithdrawn);
  if (!allowed) {
    return core::Error::Conflict(
        fmt::format("a listing cannot change from {} to {}", StatusName(from), StatusName(*to)));
  }
  return *to;
}

bool CanMove(MatchStatus from, MatchStatus to) {
  using S = MatchStatus;
  return (from == S::kProposed && (to == S::kAccepted || to == S::kRejected)) ||
         (from == S::kAccepted && (to == S::kInService || to == S::kWithdrawn)) ||
         (from == S::kInService && to == S::kDone) || (from == S::kDone && to == S::kRated);
}

core::Error IllegalMove(MatchStatus from, MatchStatus to) {
  return core::Error::Conflict(
      fmt::format("a match that is {} cannot become {}", StatusName(from), StatusName(to)));
}

bool Served(MatchStatus status) {
  return status == MatchStatus::kInService || status == MatchStatus::kDone ||
         status == MatchStatus::kRated;
}

event::NewEvent EventOfMatch(const Match& match, const Demand& demand,
                             const EventRequest& request) {
  event::NewEvent e;
  e.org_id = match.org_id;
  e.title = request.title.value_or(demand.title);
  e.category = request.category.value_or(demand.category);
  e.description = request.description;
  e.start = request.start;
  e.end = request.end;
  e.capacity = request.capacity.value_or(match.headcount);
  e.signup_opens = request.signup_opens;
  e.signup_closes = request.signup_closes;
  // One vocabulary (target_group): the demand's target group is the event's.
  e.target_groups = request.target_groups.value_or(
      demand.target_group ? std::vector<std::string>{*demand.target_group}
                          : std::vector<std::string>{});
  e.region_code = request.region_code;
  if (!request.booking_id && !e.region_code) e.region_code = demand.region_code;
  e.address = request.address;
  e.booking_id = request.booking_id;
  e.project_id = request.project_id;
  return e;
}

core::Result<void> CheckRating(const Rating& rating) {
  Errors errors;
  if (rating.rating < 1 || rating.rating > 5) Fail(errors, "rating", "must be between 1 and 5");
  if (rating.comment) CheckText(errors, "comment", *rating.comment, kMaxReasonChars, false);
  return Done(std::move(errors));
}

std::int64_t OverlapDays(const std::string& a_start, const std::string& a_end,
                         const std::string& b_start, const std::string& b_end) {
  const std::int64_t start = std::max(DayNumber(a_start), DayNumber(b_start));
  const std::int64_t end = std::min(DayNumber(a_end), DayNumber(b_end));
  return end >= start ? end - start + 1 : 0;
}

std::int64_t WindowDays(const std::string& start, const std::string& end) {
  return std::max<std::int64_t>(1, DayNumber(end) - DayNumber(start) + 1);
}

Recommendation Score(const Resource& resource, const std::string& category, const Features& f) {
  Recommendation rec;
  rec.resource = resource;
  rec.reasons.push_back({fmt::format("same category: {}", category), std::nullopt});
  const double coverage = 20.0 * (1 + std::clamp(f.coverage_level, 0, 3)) / 4.0;
  rec.reasons.push_back(
      {fmt::format("covers the demand's region through {}", f.covering_region), coverage});
  const double window = 20.0 * static_cast<double>(std::min(f.overlap_days, f.demand_days)) /
                        static_cast<double>(std::max<std::int64_t>(1, f.demand_days));
  rec.reasons.push_back(
      {fmt::format("windows overlap {} of the demand's {} days", f.overlap_days, f.demand_days),
       window});
  const std::int64_t need = std::max<std::int64_t>(1, f.need);
  const double room =
      25.0 * static_cast<double>(std::min(f.remaining, need)) / static_cast<double>(need);
  rec.reasons.push_back(
      {fmt::format("room for {} of the {} still needed", std::min(f.remaining, f.need), f.need),
       room});
  const double cost = f.max_cost_fen > f.min_cost_fen
                          ? 15.0 * static_cast<double>(f.max_cost_fen - f.cost_per_person_fen) /
                                static_cast<double>(f.max_cost_fen - f.min_cost_fen)
                          : 15.0;
  rec.reasons.push_back(
      {fmt::format("costs ¥{} a person", core::FormatYuanGrouped(f.cost_per_person_fen)), cost});
  const int level = GradeLevel(f.grade);
  const double grade = 10.0 * level / 5.0;
  rec.reasons.push_back({level > 0 ? fmt::format("graded {}", *f.grade) : "not graded", grade});
  double rated = 5.0;
  if (f.mean_rating && f.ratings > 0) {
    rated = 10.0 * (std::clamp(*f.mean_rating, 1.0, 5.0) - 1.0) / 4.0;
    rec.reasons.push_back({fmt::format("rated {} on average over {} services",
                                       fmt::format("{:.1f}", *f.mean_rating), f.ratings),
                           rated});
  } else {
    rec.reasons.push_back({"not rated yet", rated});
  }
  for (Reason& r : rec.reasons) {
    if (r.points) r.points = Round1(*r.points);
  }
  rec.score = Round1(coverage + window + room + cost + grade + rated);
  return rec;
}

std::vector<Reason> AssignmentReasons(const Demand& demand, const Resource& resource,
                                      const std::string& covering_region, std::int64_t overlap_days,
                                      std::int64_t headcount) {
  return {{fmt::format("same category: {}", demand.category), std::nullopt},
          {fmt::format("covers the demand's region through {}", covering_region), std::nullopt},
          {fmt::format("windows overlap {} of the demand's {} days", overlap_days,
                       WindowDays(demand.window_start, demand.window_end)),
           std::nullopt},
          {fmt::format("assigns {} of the {} still needed; {} left on the resource", headcount,
                       demand.Remaining(), resource.Remaining()),
           std::nullopt},
          {fmt::format("costs ¥{} a person", core::FormatYuanGrouped(resource.cost_per_person_fen)),
           std::nullopt}};
}

}  // namespace lianyin::domain::matching
