#include "domain/event/event_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::event {
namespace {

core::DateTime At(const std::string& text) { return core::ParseDateTime(text).value(); }

EventFields Fields() {
  return {"职工健康讲座",
          "health",
          {},
          "2023-05-10T09:00:00",
          "2023-05-10T12:00:00",
          30,
          {},
          "2023-05-10T09:00:00",
          {"migrant_workers"},
          "350102",
          "鼓楼区五一北路 1 号"};
}

std::vector<std::string> FieldsOf(const core::Error& e) {
  std::vector<std::string> out;
  for (const core::FieldError& d : e.details) out.push_back(d.field);
  return out;
}

Event Published() {
  Event e;
  e.id = 7;
  e.status = EventStatus::kPublished;
  e.start = "2023-05-10T09:00:00+08:00";
  e.end = "2023-05-10T12:00:00+08:00";
  e.signup_opens = "2023-05-03T00:00:00+08:00";
  e.signup_closes = "2023-05-10T09:00:00+08:00";
  return e;
}

TEST(EventRules, FieldsAreNormalisedAndEveryBadOneIsNamed) {
  auto ok = CheckEventFields(Fields());
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->start, "2023-05-10T09:00:00+08:00");
  EXPECT_EQ(ok->signup_closes, "2023-05-10T09:00:00+08:00");

  EventFields bad = Fields();
  bad.title = "";
  bad.category = "music";
  bad.end = "2023-05-10T08:00:00";
  bad.capacity = 0;
  bad.target_groups = {"migrant_workers", "migrant_workers", "Not A Code"};
  bad.region_code = "35";
  bad.address = "";
  EXPECT_EQ(
      FieldsOf(CheckEventFields(bad).error()),
      (std::vector<std::string>{"title", "category", "end", "capacity", "signup_closes",
                                "target_groups[1]", "target_groups[2]", "region_code", "address"}))
      << "the closing time (the start) falls after the end too";

  EventFields window = Fields();
  window.signup_opens = "2023-05-10T09:00:00";
  EXPECT_EQ(FieldsOf(CheckEventFields(window).error()), std::vector<std::string>{"signup_closes"});
  window.signup_opens.reset();
  window.signup_closes = "2023-05-10T12:00:01";
  EXPECT_EQ(FieldsOf(CheckEventFields(window).error()), std::vector<std::string>{"signup_closes"});
  EventFields long_one = Fields();
  long_one.end = "2023-06-12T09:00:00";
  EXPECT_EQ(CheckEventFields(long_one).error().details.at(0).message,
            "an event may last at most 31 days");
}

TEST(EventRules, APatchMovesTheClosingTimeWithTheStartAndKeepsABookedPlace) {
  const EventFields current = CheckEventFields(Fields()).value();
  EventPatch patch;
  patch.start = "2023-05-10T10:00:00";
  auto moved = ApplyPatch(current, patch, false);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->signup_closes, "2023-05-10T10:00:00+08:00");
  patch.signup_closes = "2023-05-09T18:00:00";
  EXPECT_EQ(ApplyPatch(current, patch, false)->signup_closes, "2023-05-09T18:00:00+08:00");
  patch = {};
  patch.address = "别处";
  EXPECT_EQ(FieldsOf(ApplyPatch(current, patch, true).error()),
            std::vector<std::string>{"address"});
  EXPECT_TRUE(ApplyPatch(current, patch, false));
  patch = {};
  patch.description = std::optional<std::string>("");
  EXPECT_FALSE(ApplyPatch(current, patch, false)->description);
}

TEST(EventRules, TheLifecycle) {
  Event e = Published();
  e.status = EventStatus::kDraft;
  const core::DateTime before = At("2023-05-09T10:00:00");
  const core::DateTime after = At("2023-05-10T12:00:00");
  EXPECT_EQ(CheckTransition(e, {"published", {}}, before).value(), EventStatus::kPublished);
  EXPECT_EQ(CheckTransition(e, {"cancelled", {}}, before).value(), EventStatus::kCancelled);
  EXPECT_EQ(CheckTransition(e, {"ended", {}}, after).error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(CheckTransition(e, {"draft", {}}, before).error().code,
            core::ErrorCode::kValidationFailed);
  e.status = EventStatus::kPublished;
  EXPECT_EQ(CheckTransition(e, {"ended", {}}, before).error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(CheckTransition(e, {"ended", {}}, after).value(), EventStatus::kEnded);
  EXPECT_EQ(CheckTransition(e, {"cancelled", {}}, after).error().code, core::ErrorCode::kConflict);
  e.status = EventStatus::kCancelled;
  EXPECT_EQ(CheckTransition(e, {"published", {}}, before).error().message,
            "an event that is cancelled cannot become published");
}

TEST(EventRules, TheSignUpWindowIsHalfOpen) {
  Event e = Published();
  EXPECT_EQ(CheckSignupOpen(e, At("2023-05-02T23:59:59")).error().details.at(0).field,
            "signup_opens");
  EXPECT_TRUE(CheckSignupOpen(e, At("2023-05-03T00:00:00")));
  EXPECT_TRUE(CheckSignupOpen(e, At("2023-05-10T08:59:59")));
  EXPECT_EQ(CheckSignupOpen(e, At("2023-05-10T09:00:00")).error().details.at(0).message,
            "sign-up closed at 2023-05-10T09:00:00+08:00");
  e.signup_opens.reset();
  EXPECT_TRUE(CheckSignupOpen(e, At("2023-01-01T00:00:00")));
  e.status = EventStatus::kDraft;
  EXPECT_EQ(CheckSignupOpen(e, At("2023-05-05T00:00:00")).error().details.at(0).field, "status");
}

TEST(EventRules, CheckInsFromHalfAnHourBeforeTheStartToTheEnd) {
  const Event e = Published();
  const core::DateTime later = At("2023-05-11T00:00:00");
  EXPECT_EQ(CheckCheckinTime(e, At("2023-05-10T08:29:59"), later).error().details.at(0).message,
            "check-in is open from 2023-05-10T08:30:00+08:00 to 2023-05-10T12:00:00+08:00");
  EXPECT_EQ(CheckCheckinTime(e, At("2023-05-10T08:30:00"), later).value(),
            "2023-05-10T08:30:00+08:00");
  EXPECT_TRUE(CheckCheckinTime(e, At("2023-05-10T11:59:59"), later));
  EXPECT_FALSE(CheckCheckinTime(e, At("2023-05-10T12:00:00"), later));
  EXPECT_EQ(CheckCheckinTime(e, At("2023-05-10T10:00:00"), At("2023-05-10T09:00:00"))
                .error()
                .details.at(0)
                .message,
            "must not be in the future");
  Event ended = e;
  ended.status = EventStatus::kEnded;
  EXPECT_TRUE(CheckCheckinTime(ended, At("2023-05-10T10:00:00"), later));
  Event cancelled = e;
  cancelled.status = EventStatus::kCancelled;
  EXPECT_EQ(
      CheckCheckinTime(cancelled, At("2023-05-10T10:00:00"), later).error().details.at(0).field,
      "status");
}

}  // namespace
}  // namespace lianyin::domain::event
