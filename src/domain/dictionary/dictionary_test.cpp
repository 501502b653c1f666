#include "domain/dictionary/dictionary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/uscc.hpp"
#include "domain/account/account.hpp"
#include "domain/account/roles.hpp"
#include "domain/annual/annual.hpp"
#include "domain/audit/audit.hpp"
#include "domain/credit/credit.hpp"
#include "domain/evaluation/evaluation.hpp"
#include "domain/event/event.hpp"
#include "domain/inspection/inspection.hpp"
#include "domain/matching/matching.hpp"
#include "domain/matching/matching_rules.hpp"
#include "domain/mechanism/mechanism.hpp"
#include "domain/org/org.hpp"
#include "domain/project/project.hpp"
#include "domain/team/team.hpp"
#include "domain/venue/venue.hpp"
#include "domain/worker/worker.hpp"

namespace lianyin::domain::dictionary {
namespace {

const Dictionary& Get(std::string_view name) {
  const Dictionary* d = Find(name);
  EXPECT_NE(d, nullptr) << name;
  static const Dictionary kEmpty{};
  return d ? *d : kEmpty;
}

void ExpectLabelled(std::string_view dictionary, std::string_view code) {
  const Entry* e = FindEntry(Get(dictionary), code);
  ASSERT_NE(e, nullptr) << dictionary << " lacks " << code;
  EXPECT_FALSE(e->label.empty());
  EXPECT_FALSE(e->label_en.empty());
}

TEST(Dictionary, NamesCodesAndLabelsAreUniqueAndComplete) {
  std::set<std::string_view> names;
  for (const Dictionary& d : All()) {
    EXPECT_TRUE(names.insert(d.name).second) << d.name;
    EXPECT_FALSE(d.label.empty());
    EXPECT_FALSE(d.entries.empty()) << d.name;
    std::set<std::string_view> codes, labels, labels_en;
    for (const Entry& e : d.entries) {
      EXPECT_TRUE(codes.insert(e.code).second) << d.name << " " << e.code;
      EXPECT_TRUE(labels.insert(e.label).second) << d.name << " " << e.label;
      EXPECT_TRUE(labels_en.insert(e.label_en).second) << d.name << " " << e.label_en;
    }
  }
  EXPECT_EQ(Find("no_such_dictionary"), nullptr);
}

// Every code the areas define has a label: a new status or role without one fails here.
TEST(Dictionary, CoversEveryCodeTheAreasDefine) {
  for (core::OrgType t : {core::OrgType::kSocialGroup, core::OrgType::kSocialService,
                          core::OrgType::kFoundation, core::OrgType::kOther}) {
    ExpectLabelled("org_type", core::OrgTypeName(t));
  }
  EXPECT_EQ(Get("org_type").entries.size(), 4u);
  for (const std::string& s : org::OrgStatusNames()) ExpectLabelled("org_status", s);
  EXPECT_EQ(Get("org_status").entries.size(), 6u);
  for (const std::string& c : org::ServiceCategories()) ExpectLabelled("service_category", c);
  EXPECT_EQ(Get("service_category").entries.size(), org::ServiceCategories().size());
  for (auto k :
       {account::UnitKind::kUnion, account::UnitKind::kCivilAffairs, account::UnitKind::kOther}) {
    ExpectLabelled("unit_kind", account::UnitKindName(k));
  }
  for (const std::string& role : account::KnownRoles()) {
    ExpectLabelled("role", role);
    EXPECT_EQ(FindEntry(Get("role"), role)->label, account::RoleName(role)) << role;
  }
  EXPECT_EQ(Get("role").entries.size(), account::KnownRoles().size());
  for (auto o : {audit::Outcome::kSuccess, audit::Outcome::kFailure, audit::Outcome::kDenied}) {
    ExpectLabelled("audit_outcome", audit::OutcomeName(o));
  }
  for (const std::string& list : credit::CreditListNames()) ExpectLabelled("credit_list", list);
  EXPECT_EQ(Get("credit_list").entries.size(), credit::CreditListNames().size());
  for (const std::string& s : credit::ObjectionStatusNames()) {
    ExpectLabelled("credit_objection_status", s);
  }
  EXPECT_EQ(Get("credit_objection_status").entries.size(), credit::ObjectionStatusNames().size());
  const std::pair<const char*, const std::vector<std::string>*> project_codes[] = {
      {"project_status", &project::StatusNames()},
      {"project_mode", &project::ModeNames()},
      {"target_group", &project::TargetGroupNames()},
      {"project_document_kind", &project::DocumentKindNames()},
      {"listing_status", &matching::ListingStatusNames()},
      {"match_status", &matching::MatchStatusNames()},
      {"unmatched_reason", &matching::UnmatchedReasonNames()},
      {"venue_status", &venue::VenueStatusNames()},
      {"booking_status", &venue::BookingStatusNames()},
      {"event_status", &event::EventStatusNames()},
      {"signup_status", &event::SignupStatusNames()},
      {"checkin_method", &event::CheckinMethodNames()},
      {"worker_group", &worker::GroupNames()},
      {"evaluation_status", &evaluation::StatusNames()}};
  for (const auto& [dictionary, codes] : project_codes) {
    for (const std::string& code : *codes) ExpectLabelled(dictionary, code);
    EXPECT_EQ(Get(dictionary).entries.size(), codes->size()) << dictionary;
  }
}

// The audit trail of venues and bookings shows labels for its records and actions.
TEST(Dictionary, LabelsTheVenueAuditTrail) {
  for (const char* entity : {"venue", "booking", "venue_photo", "venues"}) {
    ExpectLabelled("audit_entity", entity);
  }
  for (const char* action :
       {"create", "update", "transition", "approve", "reject", "cancel", "delete"}) {
    ExpectLabelled("audit_action", action);
  }
}

// The audit trail of events, sign-ups and check-ins shows labels for its records and actions.
TEST(Dictionary, LabelsTheEventAuditTrail) {
  for (const char* entity : {"event", "event_signup", "event_checkin", "events"}) {
    ExpectLabelled("audit_entity", entity);
  }
  for (const char* action : {"create", "update", "transition", "cancel", "promote"}) {
    ExpectLabelled("audit_action", action);
  }
}

// Annual reports and penalties: their statuses, results and kinds, and their audit trail (the
// dated credit rules' timeline events too).
TEST(Dictionary, LabelsAnnualReportsAndPenalties) {
  for (const std::string& s : annual::ReportStatusNames())
    ExpectLabelled("annual_report_status", s);
  EXPECT_EQ(Get("annual_report_status").entries.size(), annual::ReportStatusNames().size());
  for (const std::string& r : annual::ReportResultNames())
    ExpectLabelled("annual_report_result", r);
  EXPECT_EQ(CodeOf(Get("annual_report_result"), "基本合格"), "basic_pass");
  for (const std::string& k : annual::PenaltyKinds()) ExpectLabelled("penalty_kind", k);
  EXPECT_EQ(Get("penalty_kind").entries.size(), annual::PenaltyKinds().size());
  for (const char* entity : {"annual_report", "penalty", "annual"}) {
    ExpectLabelled("audit_entity", entity);
  }
  for (const char* action : {"create", "review", "return", "update", "submit", "credit_rule"}) {
    ExpectLabelled("audit_action", action);
  }
}

// The audit trail of grade evaluations shows labels for its records and actions.
TEST(Dictionary, LabelsTheEvaluationAuditTrail) {
  for (const char* entity : {"evaluation_template", "evaluation", "evaluations", "org"}) {
    ExpectLabelled("audit_entity", entity);
  }
  for (const char* action : {"create", "update", "score", "finalize", "grade"}) {
    ExpectLabelled("audit_action", action);
  }
}

// Inspection plans, results and declarations carry labels for their codes and audit trail.
TEST(Dictionary, LabelsTheInspections) {
  for (const std::string& s : inspection::PlanStatusNames()) ExpectLabelled("inspection_status", s);
  EXPECT_EQ(Get("inspection_status").entries.size(), inspection::PlanStatusNames().size());
  for (const std::string& r : inspection::ResultNames()) ExpectLabelled("inspection_result", r);
  EXPECT_EQ(Get("inspection_result").entries.size(), inspection::ResultNames().size());
  for (const char* entity :
       {"inspection_plan", "inspection_result", "user_conflict", "inspections"}) {
    ExpectLabelled("audit_entity", entity);
  }
  for (const char* action : {"create", "draw", "publish", "record_result"}) {
    ExpectLabelled("audit_action", action);
  }
}

// A match made an event is audited with its own action.
TEST(Dictionary, LabelsTheMatchMadeAnEvent) { ExpectLabelled("audit_action", "make_event"); }

// The audit trail of workers and of their activations shows labels for its records and actions.
TEST(Dictionary, LabelsTheWorkerAuditTrail) {
  for (const char* entity : {"worker", "workers", "user"}) ExpectLabelled("audit_entity", entity);
  for (const char* action : {"create", "update", "import", "delete", "activate"}) {
    ExpectLabelled("audit_action", action);
  }
  EXPECT_EQ(CodeOf(Get("worker_group"), "新就业形态劳动者"), "new_employment_workers");
  EXPECT_EQ(CodeOf(Get("worker_group"), "劳模工匠"), "model_workers");
}

// Workers' groups and the target groups of projects, demands and events are one vocabulary:
// every worker group is a target group with the same labels.
TEST(Dictionary, WorkerGroupsAreTargetGroups) {
  const Dictionary& targets = Get("target_group");
  for (const Entry& group : Get("worker_group").entries) {
    const auto same = std::find_if(targets.entries.begin(), targets.entries.end(),
                                   [&](const Entry& t) { return t.code == group.code; });
    ASSERT_NE(same, targets.entries.end()) << group.code;
    EXPECT_EQ(same->label, group.label) << group.code;
    EXPECT_EQ(same->label_en, group.label_en) << group.code;
  }
}

TEST(Dictionary, CodeOfAcceptsTheCodeEitherLabelAndBlanks) {
  const Dictionary& types = Get("org_type");
  EXPECT_EQ(CodeOf(types, "social_group"), "social_group");
  EXPECT_EQ(CodeOf(types, "社会团体"), "social_group");
  EXPECT_EQ(CodeOf(types, " 基金会 "), "foundation");
  EXPECT_EQ(CodeOf(types, "Social Group"), "social_group");
  EXPECT_EQ(CodeOf(types, "SOCIAL_SERVICE"), "social_service");
  EXPECT_FALSE(CodeOf(types, "社团"));
  EXPECT_FALSE(CodeOf(types, ""));
  EXPECT_EQ(CodeOf(Get("yes_no"), "是"), "true");
  EXPECT_EQ(CodeOf(Get("yes_no"), "No"), "false");
  EXPECT_EQ(CodeOf(Get("org_status"), "异常"), "abnormal");
}

// Teams: their domains and consumption kinds, and their audit trail.
TEST(Dictionary, LabelsTheTeams) {
  for (const std::string& d : team::DomainNames()) ExpectLabelled("team_domain", d);
  EXPECT_EQ(Get("team_domain").entries.size(), team::DomainNames().size());
  EXPECT_EQ(CodeOf(Get("team_domain"), "产业振兴"), "industry");
  for (const std::string& k : team::ConsumptionKinds()) ExpectLabelled("consumption_kind", k);
  EXPECT_EQ(Get("consumption_kind").entries.size(), team::ConsumptionKinds().size());
  for (const char* entity : {"team", "team_plan", "help_project", "team_consumption", "teams"}) {
    ExpectLabelled("audit_entity", entity);
  }
  for (const char* action : {"create", "update"}) ExpectLabelled("audit_action", action);
}

// The work mechanism: meeting kinds, task statuses (with overdue), template kinds and
// recurrences, and its audit trail.
TEST(Dictionary, LabelsTheWorkMechanism) {
  const std::vector<std::pair<const char*, const std::vector<std::string>*>> codes = {
      {"meeting_kind", &mechanism::MeetingKindNames()},
      {"supervised_task_status", &mechanism::TaskDisplayStatusNames()},
      {"mechanism_template_kind", &mechanism::TemplateKindNames()},
      {"mechanism_recurrence", &mechanism::RecurrenceNames()}};
  for (const auto& [dictionary, names] : codes) {
    for (const std::string& code : *names) ExpectLabelled(dictionary, code);
    EXPECT_EQ(Get(dictionary).entries.size(), names->size()) << dictionary;
  }
  EXPECT_EQ(CodeOf(Get("meeting_kind"), "季度调度"), "dispatch");
  for (const char* entity :
       {"meeting", "supervised_task", "mechanism_template", "mechanism_occurrence", "mechanism"}) {
    ExpectLabelled("audit_entity", entity);
  }
  for (const char* action : {"create", "update", "record_minutes", "progress", "transition"}) {
    ExpectLabelled("audit_action", action);
  }
}

}  // namespace
}  // namespace lianyin::domain::dictionary
