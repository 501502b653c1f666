#include "domain/selection/selection_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "core/mask.hpp"
#include "domain/org/org.hpp"

namespace lianyin::domain::selection {
namespace {

using Errors = std::vector<core::FieldError>;

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), std::nullopt});
}

void CheckText(Errors& errors, const std::string& field, const std::string& value,
               std::size_t max) {
  if (!core::ValidUtf8(value)) return Fail(errors, field, "must be valid UTF-8");
  const std::size_t n = core::CodepointCount(value).value_or(0);
  if (n == 0) return Fail(errors, field, "is required");
  if (n > max) Fail(errors, field, fmt::format("must be at most {} characters", max));
}

bool IsCode(const std::string& code) {
  return !code.empty() && code.size() <= 40 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

constexpr std::array<std::string_view, 4> kStatuses = {"draft", "nominating", "scoring",
                                                       "published"};

}  // namespace

std::string_view RoundStatusName(RoundStatus status) {
  return kStatuses[static_cast<std::size_t>(status)];
}

std::optional<RoundStatus> ParseRoundStatus(std::string_view name) {
  for (std::size_t i = 0; i < kStatuses.size(); ++i) {
    if (kStatuses[i] == name) return static_cast<RoundStatus>(i);
  }
  return std::nullopt;
}

const std::vector<std::string>& RoundStatusNames() {
  static const std::vector<std::string> names(kStatuses.begin(), kStatuses.end());
  return names;
}

int Round::MaxTotal() const {
  int total = 0;
  for (const Criterion& c : rubric) total += c.max_score;
  return total;
}

std::optional<int> Round::QuotaOf(std::string_view category) const {
  for (const Quota& q : quotas) {
    if (q.category == category) return q.quota;
  }
  return std::nullopt;
}

core::Result<void> CheckRound(const NewRound& r) {
  Errors errors;
  CheckText(errors, "title", r.title, kMaxTitleChars);
  if (r.year < 2000 || r.year > 2100) Fail(errors, "year", "must be a year like 2022");
  if (r.batch < 1 || r.batch > 99) Fail(errors, "batch", "must be between 1 and 99");
  if (r.experts_per_project < 1 || r.experts_per_project > 15) {
    Fail(errors, "experts_per_project", "must be between 1 and 15");
  }
  if (r.rubric.empty()) Fail(errors, "rubric", "is required");
  if (r.rubric.size() > kMaxCriteria) {
    Fail(errors, "rubric", fmt::format("must have at most {} criteria", kMaxCriteria));
  }
  std::set<std::string> codes;
  for (std::size_t i = 0; i < r.rubric.size(); ++i) {
    const Criterion& c = r.rubric[i];
    const std::string at = fmt::format("rubric[{}]", i);
    if (!IsCode(c.code)) {
      Fail(errors, at + ".code", "must be 1-40 of a-z, 0-9 and _");
    } else if (!codes.insert(c.code).second) {
      Fail(errors, at + ".code", "is given twice");
    }
    CheckText(errors, at + ".name", c.name, 100);
    if (c.max_score < 1 || c.max_score > 1000) {
      Fail(errors, at + ".max_score", "must be between 1 and 1000");
    }
  }
  if (r.quotas.empty()) Fail(errors, "quotas", "is required");
  std::set<std::string> categories;
  for (std::size_t i = 0; i < r.quotas.size(); ++i) {
    const Quota& q = r.quotas[i];
    const std::string at = fmt::format("quotas[{}]", i);
    if (!org::IsServiceCategory(q.category)) {
      Fail(errors, at + ".category", "not a service_category code");
    } else if (!categories.insert(q.category).second) {
      Fail(errors, at + ".category", "is given twice");
    }
    if (q.quota < 1 || q.quota > 10000) Fail(errors, at + ".quota", "must be between 1 and 10000");
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

bool CanMove(RoundStatus from, RoundStatus to) {
  return static_cast<int>(to) == static_cast<int>(from) + 1;
}

core::Result<std::int64_t> CheckScores(const std::vector<Criterion>& rubric,
                                       const std::map<std::string, std::int64_t>& scores) {
  Errors errors;
  std::int64_t total = 0;
  std::set<std::string> known;
  for (const Criterion& c : rubric) {
    known.insert(c.code);
    const auto it = scores.find(c.code);
    if (it == scores.end()) {
      Fail(errors, "scores." + c.code, "is required");
    } else if (it->second < 0 || it->second > c.max_score) {
      Fail(errors, "scores." + c.code, fmt::format("must be between 0 and {}", c.max_score));
    } else {
      total += it->second;
    }
  }
  for (const auto& [code, value] : scores) {
    if (!known.contains(code)) Fail(errors, "scores." + code, "not a criterion of this round");
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return total;
}

bool Conflicts(const Expert& e, const ConflictKeys& k) {
  if (e.unit_id == k.funding_unit_id || e.unit_id == k.nominating_unit_id) return true;
  return e.org_id && std::find(k.provider_org_ids.begin(), k.provider_org_ids.end(), *e.org_id) !=
                         k.provider_org_ids.end();
}

AutoAssignment AssignExperts(const std::vector<std::pair<std::int64_t, ConflictKeys>>& nominations,
                             const std::map<std::int64_t, std::vector<std::int64_t>>& existing,
                             const std::vector<Expert>& experts, int per_project) {
  AutoAssignment out;
  std::map<std::int64_t, int> load;
  for (const Expert& e : experts) load[e.user_id] = 0;
  for (const auto& [nomination, ids] : existing) {
    for (std::int64_t id : ids) ++load[id];
  }
  for (const auto& [nomination, keys] : nominations) {
    const auto have = existing.find(nomination);
    std::set<std::int64_t> on(
        have == existing.end() ? std::set<std::int64_t>{}
                               : std::set<std::int64_t>(have->second.begin(), have->second.end()));
    const int needed = per_project - static_cast<int>(on.size());
    if (needed <= 0) continue;
    std::vector<const Expert*> eligible;
    for (const Expert& e : experts) {
      if (!on.contains(e.user_id) && !Conflicts(e, keys)) eligible.push_back(&e);
    }
    if (static_cast<int>(eligible.size()) < needed) {
      out.short_of = nomination;
      return out;
    }
    std::sort(eligible.begin(), eligible.end(), [&](const Expert* a, const Expert* b) {
      return std::pair(load[a->user_id], a->user_id) < std::pair(load[b->user_id], b->user_id);
    });
    for (int i = 0; i < needed; ++i) {
      out.experts[nomination].push_back(eligible[static_cast<std::size_t>(i)]->user_id);
      ++load[eligible[static_cast<std::size_t>(i)]->user_id];
    }
  }
  return out;
}

std::int64_t ScoreTenths(const std::vector<std::int64_t>& totals) {
  if (totals.empty()) return 0;
  std::int64_t sum = 0;
  for (std::int64_t t : totals) sum += t;
  const auto n = static_cast<std::int64_t>(totals.size());
  return (20 * sum + n) / (2 * n);  // round(10 * sum / n), halves up (totals are ≥ 0)
}

std::vector<RankResult> Rank(std::vector<RankInput> inputs,
                             const std::map<std::string, int>& quotas) {
  std::sort(inputs.begin(), inputs.end(), [](const RankInput& a, const RankInput& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.score_tenths != b.score_tenths) return a.score_tenths > b.score_tenths;
    if (a.lowest_total != b.lowest_total) return a.lowest_total > b.lowest_total;
    if (a.person_times != b.person_times) return a.person_times > b.person_times;
    return a.nomination_id < b.nomination_id;
  });
  std::vector<RankResult> out;
  std::string category;
  int rank = 0;
  for (const RankInput& in : inputs) {
    if (in.category != category) {
      category = in.category;
      rank = 0;
    }
    ++rank;
    const auto quota = quotas.find(in.category);
    out.push_back({in.nomination_id, rank, quota != quotas.end() && rank <= quota->second});
  }
  return out;
}

}  // namespace lianyin::domain::selection
