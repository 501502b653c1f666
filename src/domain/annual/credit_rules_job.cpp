#include "domain/annual/credit_rules_job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <vector>

#include "domain/annual/annual_repo.hpp"
#include "domain/annual/annual_rules.hpp"
#include "domain/credit/credit_rule_entry.hpp"
#include "domain/org/org_repo.hpp"

namespace lianyin::domain::annual {
namespace {

const common::Origin kSystem{std::nullopt, "system", "", ""};

struct Batch {
  std::int64_t made = 0;
  std::int64_t status_changes = 0;
  std::int64_t last_id = 0;  // the cursor: the last candidate looked at
  bool more = false;         // a full batch: there may be more
};

// What a rule enters for one organisation.
struct Effect {
  const OrgRef& org;
  credit::CreditList list;
  std::string reason;
  std::string entered_on;
  std::string rule;
};

// Enters the organisation, moves a registered one to abnormal, and adds the timeline event.
// Returns whether anything was written and whether the status changed.
std::pair<bool, bool> Apply(common::WriteTx& tx, const Effect& e, const std::string& now) {
  auto entry = credit::EnterByRule(
      tx, {e.org.id, e.org.registration_unit_id, e.list, e.reason, e.entered_on, e.rule}, now);
  if (!entry) return {false, false};
  const bool moved = e.list == credit::CreditList::kAbnormal &&
                     AnnualRepo(tx.session()).MarkAbnormal(e.org.id, now);
  org::OrgEvent event;
  event.at = now;
  event.actor_username = kSystem.username;
  event.action = "credit_rule";
  if (moved) {
    event.from_status = "registered";
    event.to_status = "abnormal";
  }
  event.reason = e.reason;
  event.details_json = boost::json::serialize(boost::json::object{
      {"entry_id", entry->id}, {"list", credit::CreditListName(e.list)}, {"rule", e.rule}});
  org::OrgRepo(tx.session()).AddEvent(event, e.org.id);
  if (moved) {
    tx.Record({"transition", "org", std::to_string(e.org.id),
               boost::json::object{{"status", "registered"}},
               boost::json::object{{"status", "abnormal"}, {"reason", e.reason}}, true,
               e.org.registration_unit_id});
  }
  return {true, moved};
}

core::Result<Batch> Unreported(common::Writer& writer, std::int64_t year, std::int64_t after,
                               const std::string& now) {
  const std::string rule = fmt::format("annual_report:{}", year);
  // Found outside the write transaction (the scan may be long; the write lock is not held
  // meanwhile): an entry made since, by another run, makes the insert a no-op.
  std::vector<OrgRef> candidates;
  {
    store::Session session = writer.db().Acquire();
    candidates = AnnualRepo(session).Unreported(year, rule, after, kRuleBatch);
  }
  return writer.Run(kSystem, [&](common::WriteTx& tx) -> core::Result<Batch> {
    Batch batch;
    batch.last_id = after;
    for (const OrgRef& org : candidates) {
      const Effect effect{org, credit::CreditList::kAbnormal,
                          fmt::format("未按规定报送{}年度工作报告（截止{}）", year,
                                      core::FormatDate(Deadline(year))),
                          core::FormatDate(core::AddDays(Deadline(year), 1)), rule};
      const auto [made, moved] = Apply(tx, effect, now);
      batch.made += made;
      batch.status_changes += moved;
      batch.last_id = org.id;
    }
    batch.more = static_cast<std::int64_t>(candidates.size()) == kRuleBatch;
    return batch;
  });
}

// `date` two years on; 29 February becomes 28 February.
core::Date TwoYearsAfter(core::Date date) {
  date.year += 2;
  date.day = std::min(date.day, core::DaysInMonth(date.year, date.month));
  return date;
}

core::Result<Batch> LongAbnormal(common::Writer& writer, const core::Date& today,
                                 std::int64_t after, const std::string& now) {
  core::Date cutoff{today.year - 2, today.month, today.day};
  cutoff.day = std::min(cutoff.day, core::DaysInMonth(cutoff.year, cutoff.month));
  std::vector<AnnualRepo::AbnormalEntry> entries;
  {
    store::Session session = writer.db().Acquire();
    entries = AnnualRepo(session).LongAbnormal(core::FormatDate(cutoff), after, kRuleBatch);
  }
  return writer.Run(kSystem, [&](common::WriteTx& tx) -> core::Result<Batch> {
    Batch batch;
    batch.last_id = after;
    for (const AnnualRepo::AbnormalEntry& e : entries) {
      batch.last_id = e.entry_id;
      auto entered = core::ParseDate(e.entered_on);
      if (!entered || TwoYearsAfter(*entered) > today) continue;
      const Effect effect{e.org, credit::CreditList::kDishonest,
                          fmt::format("列入活动异常名录满两年（{}列入）", e.entered_on),
                          core::FormatDate(TwoYearsAfter(*entered)),
                          fmt::format("dishonest_after:{}", e.entry_id)};
      batch.made += Apply(tx, effect, now).first;
    }
    batch.more = static_cast<std::int64_t>(entries.size()) == kRuleBatch;
    return batch;
  });
}

}  // namespace

core::Result<CreditRulesReport> RunCreditRules(common::Writer& writer, const core::Date& today,
                                               const std::string& now) {
  CreditRulesReport report;
  report.year = LatestDueYear(today);
  for (Batch b{.more = true}; b.more;) {
    auto next = Unreported(writer, report.year, b.last_id, now);
    if (!next) return next.error();
    b = *next;
    report.abnormal += b.made;
    report.status_changes += b.status_changes;
  }
  for (Batch b{.more = true}; b.more;) {
    auto next = LongAbnormal(writer, today, b.last_id, now);
    if (!next) return next.error();
    b = *next;
    report.dishonest += b.made;
  }
  return report;
}

}  // namespace lianyin::domain::annual
