// EventService on both engines: events at bookings and for projects (ownership, scope, 422s),
// the lifecycle, sign-ups with the window and the waiting list, cancellation with promotion,
// check-ins by token, code and officers, the lists and a worker's own events.

#include "domain/event/event_service.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "domain/event/event_rules.hpp"
#include "domain/event/event_test_fixture.hpp"

namespace lianyin::domain::event {
namespace {

using core::ErrorCode;

class EventServiceTest : public EventServiceFixture {};

std::string FieldOf(const core::Error& e) { return e.details.empty() ? "" : e.details[0].field; }

TEST_P(EventServiceTest, AnEventAtABookingTakesTheVenuesPlaceAndUnit) {
  auto e = svc().Create(Member(org_a_), EventAtBooking());
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->status, EventStatus::kDraft);
  EXPECT_EQ(e->owner_unit_id, fuzhou_);
  EXPECT_EQ(e->region_code, "350102");
  EXPECT_EQ(e->region_name, "鼓楼区");
  EXPECT_EQ(e->address, "鼓楼区五一北路 1 号");
  EXPECT_EQ(e->venue_id, venue_);
  EXPECT_EQ(e->venue_name, "职工服务中心多功能厅");
  EXPECT_EQ(e->start, "2023-05-10T09:00:00+08:00");
  EXPECT_EQ(e->signup_closes, e->start) << "sign-up closes at the start by default";
  EXPECT_EQ(Audited(), std::vector<std::string>{"create:event"});

  NewEvent outside = EventAtBooking();
  outside.end = "2023-05-10T19:00:00";
  EXPECT_EQ(FieldOf(svc().Create(Member(org_a_), outside).error()), "booking_id");
  NewEvent crowded = EventAtBooking(201);
  EXPECT_EQ(FieldOf(svc().Create(Member(org_a_), crowded).error()), "capacity");
  NewEvent others = EventAtBooking();
  others.org_id = org_b_;
  // Another organisation's booking: its member cannot read it; an officer learns it is not theirs.
  EXPECT_EQ(FieldOf(svc().Create(Member(org_b_), others).error()), "booking_id");
  EXPECT_EQ(svc().Create(ActorAt(fuzhou_), others).error().details.at(0).message,
            "must be a booking of the organisation");
  EXPECT_EQ(FieldOf(svc().Create(Member(org_b_), EventAtBooking()).error()), "org_id");
  EXPECT_EQ(svc().Create(WorkerActor(worker_[0]), EventAtBooking()).error().code,
            ErrorCode::kForbidden);
  // Every bad field at once.
  NewEvent bad = EventAtBooking();
  bad.title = "";
  bad.category = "sports";
  bad.target_groups = {"Migrant Workers", "migrant_workers"};
  EXPECT_EQ(svc().Create(Member(org_a_), bad).error().details.size(), 3u);
}

TEST_P(EventServiceTest, OwnersFollowTheProjectOrTheRegistrationUnit) {
  NewEvent e = EventAtBooking();
  e.booking_id.reset();
  e.region_code = "350102";
  e.address = "鼓楼区东街 8 号";
  e.project_id = project_;
  auto for_project = svc().Create(Member(org_a_), e);
  ASSERT_TRUE(for_project) << for_project.error().message;
  EXPECT_EQ(for_project->owner_unit_id, fuzhou_);
  EXPECT_EQ(for_project->project_title, "职工心理健康服务");
  e.org_id = org_b_;
  EXPECT_EQ(FieldOf(svc().Create(ActorAt(fuzhou_), e).error()), "project_id");

  e.project_id.reset();
  auto plain = svc().Create(Member(org_b_), e);
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ(plain->owner_unit_id, civil_);
  // A union officer's event of neither would belong to the civil-affairs unit.
  EXPECT_EQ(svc().Create(ActorAt(fuzhou_), e).error().code, ErrorCode::kForbidden);
  e.region_code = "350999";
  EXPECT_EQ(FieldOf(svc().Create(Member(org_b_), e).error()), "region_code");
}

TEST_P(EventServiceTest, DraftsAreTheOwnersOthersReadPublishedEvents) {
  auto draft = svc().Create(Member(org_a_), EventAtBooking());
  ASSERT_TRUE(draft);
  const std::int64_t id = draft->id;
  EXPECT_TRUE(svc().Get(ActorAt(fujian_), id));
  EXPECT_EQ(svc().Get(ActorAt(xiamen_), id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().Get(WorkerActor(worker_[0]), id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(svc().List(WorkerActor(worker_[0]), {}, {}).value().total, 0);
  ASSERT_TRUE(svc().Move(ActorAt(fuzhou_), id, {"published", {}}));
  EXPECT_TRUE(svc().Get(WorkerActor(worker_[0]), id));
  EXPECT_EQ(svc().List(ActorAt(xiamen_), {}, {}).value().total, 1);
  EventPatch patch;
  patch.title = "职工心理健康讲座";
  EXPECT_EQ(svc().Update(ActorAt(xiamen_), id, patch).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(svc().Update(Member(org_b_), id, patch).error().code, ErrorCode::kForbidden);
  auto updated = svc().Update(Member(org_a_), id, patch);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->title, "职工心理健康讲座");
  patch.address = "别处";
  EXPECT_EQ(FieldOf(svc().Update(Member(org_a_), id, patch).error()), "address");

  EventFilter f;
  f.region_code = "350100";
  EXPECT_EQ(svc().List(ActorAt(xiamen_), f, {}).value().total, 1);
  f.region_code = "350200";
  EXPECT_EQ(svc().List(ActorAt(xiamen_), f, {}).value().total, 0);
  f = {};
  f.from = "2023-05-11";
  EXPECT_EQ(svc().List(ActorAt(xiamen_), f, {}).value().total, 0);
  f.from = "2023-05-10";
  f.to = "2023-05-10";
  EXPECT_EQ(svc().List(ActorAt(xiamen_), f, {}).value().total, 1);
  f.to = "soon";
  EXPECT_EQ(FieldOf(svc().List(ActorAt(xiamen_), f, {}).error()), "to");
}

TEST_P(EventServiceTest, TheLifecycle) {
  auto e = svc().Create(Member(org_a_), EventAtBooking());
  ASSERT_TRUE(e);
  EXPECT_EQ(svc().Move(Member(org_a_), e->id, {"ended", {}}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(FieldOf(svc().Move(Member(org_a_), e->id, {"draft", {}}).error()), "to");
  ASSERT_TRUE(svc().Move(Member(org_a_), e->id, {"published", {}}));
  EXPECT_EQ(svc().Move(Member(org_a_), e->id, {"ended", {}}).error().message,
            "an event is ended only after its end time");
  now_ = At("2023-05-10T12:00:00");
  EXPECT_EQ(svc().Move(Member(org_a_), e->id, {"cancelled", {}}).error().code,
            ErrorCode::kConflict);
  auto ended = svc().Move(Member(org_a_), e->id, {"ended", {}});
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->status, EventStatus::kEnded);
  EventPatch patch;
  patch.capacity = 5;
  EXPECT_EQ(svc().Update(Member(org_a_), e->id, patch).error().code, ErrorCode::kConflict);
  EXPECT_EQ(Audited(),
            (std::vector<std::string>{"create:event", "transition:event", "transition:event"}));
}

TEST_P(EventServiceTest, SignUpsFillTheSeatsThenTheWaitingList) {
  const std::int64_t id = PublishedEvent(EventAtBooking(1));
  auto first = svc().SignUp(WorkerActor(worker_[0]), id, {worker_[0], false});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->status, SignupStatus::kConfirmed);
  EXPECT_EQ(first->worker_name, "林**");
  auto again = svc().SignUp(WorkerActor(worker_[0]), id, {worker_[0], true});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(FieldOf(again.error()), "worker_id");
  auto full = svc().SignUp(WorkerActor(worker_[1]), id, {worker_[1], false});
  EXPECT_EQ(full.error().code, ErrorCode::kConflict);
  EXPECT_EQ(FieldOf(full.error()), "capacity");
  auto waiting = svc().SignUp(ActorAt(fuzhou_), id, {worker_[1], true});
  ASSERT_TRUE(waiting) << waiting.error().message;
  EXPECT_EQ(waiting->status, SignupStatus::kWaitlisted);
  EXPECT_EQ(waiting->position, 1);
  auto second = svc().SignUp(WorkerActor(worker_[2]), id, {worker_[2], true});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->position, 2);
  const Event e = svc().Get(ActorAt(fuzhou_), id).value();
  EXPECT_EQ(e.seats_taken, 1);
  EXPECT_EQ(e.waitlisted, 2);

  // Who may sign up whom.
  EXPECT_EQ(FieldOf(svc().SignUp(WorkerActor(worker_[0]), id, {worker_[1], true}).error()),
            "worker_id");
  EXPECT_EQ(FieldOf(svc().SignUp(ActorAt(xiamen_), id, {worker_[1], true}).error()), "worker_id");
  EXPECT_EQ(svc().SignUp(Member(org_a_), id, {worker_[1], true}).error().code,
            ErrorCode::kForbidden);

  // The cancelled seat goes to the first on the waiting list.
  auto cancelled = svc().Cancel(WorkerActor(worker_[0]), id, worker_[0]);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  ASSERT_TRUE(cancelled->promoted);
  EXPECT_EQ(cancelled->promoted->worker_id, worker_[1]);
  EXPECT_EQ(cancelled->promoted->status, SignupStatus::kConfirmed);
  auto list = svc().ListSignups(Member(org_a_), id, {}, {}).value();
  ASSERT_EQ(list.total, 2);
  EXPECT_EQ(list.items[0].worker_id, worker_[1]);
  EXPECT_EQ(list.items[1].worker_id, worker_[2]);
  EXPECT_EQ(list.items[1].position, 1);
  EXPECT_EQ(svc().Cancel(WorkerActor(worker_[0]), id, worker_[0]).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(svc().Cancel(WorkerActor(worker_[0]), id, worker_[2]).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(svc().Cancel(ActorAt(xiamen_), id, worker_[2]).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(svc().Cancel(ActorAt(fuzhou_), id, worker_[2]));
  EXPECT_EQ(svc().Get(ActorAt(fuzhou_), id).value().waitlisted, 0);
  EXPECT_EQ(svc().ListSignups(ActorAt(xiamen_), id, {}, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Audited(), (std::vector<std::string>{"create:event", "transition:event",
                                                 "create:event_signup", "create:event_signup",
                                                 "create:event_signup", "cancel:event_signup",
                                                 "promote:event_signup", "cancel:event_signup"}));
}

TEST_P(EventServiceTest, SignUpsKeepToTheWindowAndThePublishedState) {
  NewEvent e = EventAtBooking();
  e.signup_opens = "2023-05-03T09:00:00";
  e.signup_closes = "2023-05-09T18:00:00";
  auto draft = svc().Create(Member(org_a_), e);
  ASSERT_TRUE(draft);
  EXPECT_EQ(FieldOf(svc().SignUp(ActorAt(fuzhou_), draft->id, {worker_[0], false}).error()),
            "status");
  ASSERT_TRUE(svc().Move(Member(org_a_), draft->id, {"published", {}}));
  auto early = svc().SignUp(ActorAt(fuzhou_), draft->id, {worker_[0], false});
  EXPECT_EQ(early.error().details.at(0).message, "sign-up opens at 2023-05-03T09:00:00+08:00");
  now_ = At("2023-05-09T18:00:00");
  EXPECT_EQ(FieldOf(svc().SignUp(ActorAt(fuzhou_), draft->id, {worker_[0], false}).error()),
            "signup_closes");
  now_ = At("2023-05-05T10:00:00");
  ASSERT_TRUE(svc().SignUp(ActorAt(fuzhou_), draft->id, {worker_[0], false}));
  now_ = At("2023-05-10T09:00:00");
  EXPECT_EQ(svc().Cancel(WorkerActor(worker_[0]), draft->id, worker_[0]).error().code,
            ErrorCode::kConflict);
}

// Six digits live 30–60 s: a worker gets ten tries a minute, right or wrong, then 429.
TEST_P(EventServiceTest, AWorkerCannotGuessTheCode) {
  const std::int64_t id = PublishedEvent(EventAtBooking(2));
  ASSERT_TRUE(svc().SignUp(WorkerActor(worker_[0]), id, {worker_[0], false}));
  now_ = At("2023-05-10T09:00:00");
  NewCheckin guess;
  for (int i = 0; i < kCheckinAttemptsPerMinute; ++i) {
    guess.code = fmt::format("{:06d}", i);
    auto wrong = svc().CheckIn(WorkerActor(worker_[0]), id, guess);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::kValidationFailed) << i;
  }
  guess.code = svc().CurrentCode(Member(org_a_), id).value().code;
  auto refused = svc().CheckIn(WorkerActor(worker_[0]), id, guess);
  ASSERT_FALSE(refused) << "even the right code, once the tries are used up";
  EXPECT_EQ(refused.error().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(refused.error().retry_after_seconds, 60);
  EXPECT_TRUE(svc().CheckIn(WorkerActor(worker_[1]), id, guess).error().code !=
              ErrorCode::kTooManyRequests)
      << "another worker has its own tries";
  now_ = At("2023-05-10T09:01:00");
  guess.code = svc().CurrentCode(Member(org_a_), id).value().code;
  EXPECT_TRUE(svc().CheckIn(WorkerActor(worker_[0]), id, guess)) << "a minute later it works";
}

TEST_P(EventServiceTest, WorkersCheckInWithTheCurrentCodeOfficersFromAList) {
  const std::int64_t id = PublishedEvent(EventAtBooking(2));
  ASSERT_TRUE(svc().SignUp(WorkerActor(worker_[0]), id, {worker_[0], false}));
  ASSERT_TRUE(svc().SignUp(WorkerActor(worker_[1]), id, {worker_[1], false}));
  ASSERT_TRUE(svc().SignUp(WorkerActor(worker_[2]), id, {worker_[2], true}));
  NewCheckin by_code;
  now_ = At("2023-05-10T08:20:00");
  auto code = svc().CurrentCode(Member(org_a_), id);
  ASSERT_TRUE(code) << code.error().message;
  EXPECT_EQ(code->code.size(), 6u);
  EXPECT_EQ(code->expires_at, "2023-05-10T08:20:30+08:00");
  by_code.code = code->code;
  // Too early: the window opens 30 minutes before the start.
  EXPECT_EQ(FieldOf(svc().CheckIn(WorkerActor(worker_[0]), id, by_code).error()), "at");
  now_ = At("2023-05-10T08:40:10");
  EXPECT_EQ(FieldOf(svc().CheckIn(WorkerActor(worker_[0]), id, by_code).error()), "code");
  by_code.code = svc().CurrentCode(Member(org_a_), id).value().code;
  now_ = At("2023-05-10T08:40:45");  // the next slot still accepts it
  auto mine = svc().CheckIn(WorkerActor(worker_[0]), id, by_code);
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_EQ(mine->method, CheckinMethod::kCode);
  EXPECT_EQ(mine->at, "2023-05-10T08:40:45+08:00");
  auto twice = svc().CheckIn(WorkerActor(worker_[0]), id, by_code);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(svc().Cancel(WorkerActor(worker_[0]), id, worker_[0]).error().code,
            ErrorCode::kConflict)
      << "checked in before the start: the seat and the person-time stay";
  NewCheckin by_token;
  by_token.token = svc().CurrentCode(Member(org_a_), id).value().token;
  EXPECT_EQ(FieldOf(svc().CheckIn(WorkerActor(worker_[2]), id, by_token).error()), "worker_id")
      << "a waitlisted worker has no seat";
  auto scanned = svc().CheckIn(WorkerActor(worker_[1]), id, by_token);
  ASSERT_TRUE(scanned) << scanned.error().message;
  EXPECT_EQ(scanned->method, CheckinMethod::kToken);

  // The officer's list: one new (a walk-in of its scope), one duplicate, one unknown.
  const std::int64_t walk_in = Worker("陈默", fuzhou_);
  const std::int64_t stranger = Worker("周游", xiamen_);
  NewCheckin list;
  list.worker_ids = {walk_in, worker_[0], stranger};
  list.at = "2023-05-10T11:00:00";
  now_ = At("2023-05-11T10:00:00");
  auto outcomes = svc().CheckInList(ActorAt(fuzhou_), id, list);
  ASSERT_TRUE(outcomes) << outcomes.error().message;
  ASSERT_EQ(outcomes->size(), 3u);
  EXPECT_TRUE((*outcomes)[0].checkin);
  EXPECT_EQ((*outcomes)[0].checkin->at, "2023-05-10T11:00:00+08:00");
  EXPECT_EQ((*outcomes)[1].error_code, "conflict");
  EXPECT_EQ((*outcomes)[2].error_code, "validation_failed");
  // The organiser records its signed-up worker (not a stranger) and not after the end.
  NewCheckin late;
  late.worker_id = worker_[2];
  EXPECT_EQ(FieldOf(svc().CheckIn(Member(org_a_), id, late).error()), "at");
  late.at = "2023-05-10T12:00:00";
  EXPECT_EQ(FieldOf(svc().CheckIn(Member(org_a_), id, late).error()), "at");
  late.at = "2023-05-10T11:59:59";
  EXPECT_TRUE(svc().CheckIn(Member(org_a_), id, late));
  late.worker_id = stranger;
  EXPECT_EQ(FieldOf(svc().CheckIn(Member(org_a_), id, late).error()), "worker_id");

  auto attendance = svc().ListCheckins(Member(org_a_), id, {}).value();
  EXPECT_EQ(attendance.total, 4);
  EXPECT_EQ(attendance.items[0].worker_name, "林**");
  EXPECT_EQ(svc().ListCheckins(WorkerActor(worker_[0]), id, {}).value().total, 1);
  EXPECT_EQ(svc().Get(ActorAt(fuzhou_), id).value().checkins, 4);
  EXPECT_EQ(svc().CurrentCode(ActorAt(xiamen_), id).error().code, ErrorCode::kForbidden);
}

TEST_P(EventServiceTest, AWorkerSeesItsOwnEvents) {
  const std::int64_t id = PublishedEvent(EventAtBooking(1));
  ASSERT_TRUE(svc().SignUp(WorkerActor(worker_[0]), id, {worker_[0], false}));
  ASSERT_TRUE(svc().SignUp(WorkerActor(worker_[1]), id, {worker_[1], true}));
  auto mine = svc().MyEvents(WorkerActor(worker_[1]), {}).value();
  ASSERT_EQ(mine.total, 1);
  EXPECT_EQ(mine.items[0].event.id, id);
  EXPECT_EQ(mine.items[0].signup, SignupStatus::kWaitlisted);
  EXPECT_EQ(mine.items[0].position, 1);
  EXPECT_EQ(svc().MyEvents(WorkerActor(worker_[2]), {}).value().total, 0);
  EXPECT_EQ(svc().MyEvents(ActorAt(fuzhou_), {}).error().code, ErrorCode::kForbidden);
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(EventServiceTest);

}  // namespace
}  // namespace lianyin::domain::event
