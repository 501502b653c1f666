// EventService: events — creating, editing, moving along the lifecycle and reading them.
// Ownership and scope are explained in event_service.hpp.

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/event/event_internal.hpp"
#include "domain/event/event_links.hpp"
#include "domain/event/event_repo.hpp"
#include "domain/event/event_rules.hpp"
#include "domain/event/event_service.hpp"
#include "domain/region/region_repo.hpp"

namespace lianyin::domain::event {
namespace {

using account::Actor;

// What Create learns of the links, checked.
struct Links {
  std::int64_t owner_unit_id = 0;
  std::optional<BookedVenue> venue;
};

// 422 unless the booking is the organisation's, approved, covers the event and holds its
// capacity.
core::Result<void> CheckBooking(const BookedVenue& b, std::int64_t org_id, const EventFields& f) {
  std::vector<core::FieldError> errors;
  if (b.org_id != org_id) {
    errors.push_back({"booking_id", "must be a booking of the organisation", std::nullopt});
  } else if (!b.approved) {
    errors.push_back({"booking_id", "must be an approved booking", std::nullopt});
  } else if (f.start < b.start || f.end > b.end) {
    errors.push_back({"booking_id",
                      fmt::format("must cover the event's time (booked {} to {})", b.start, b.end),
                      std::nullopt});
  }
  if (f.capacity > b.capacity) {
    errors.push_back({"capacity",
                      fmt::format("must not exceed the venue's capacity of {}", b.capacity),
                      std::nullopt});
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return {};
}

// The organisation, booking and project of a new event checked for the actor; the owner unit.
core::Result<Links> CheckLinks(store::Session& session, const Actor& actor,
                               const common::Scope& scope, const NewEvent& input,
                               const EventFields& fields) {
  auto org = FindOrg(session, input.org_id);
  if (!org || (actor.org_id && *actor.org_id != input.org_id)) {
    return core::Error::Invalid("org_id", "no such organisation");
  }
  if (!org->registered) return core::Error::Invalid("org_id", "must be a registered organisation");
  Links links{org->registration_unit_id, std::nullopt};
  std::optional<ProjectRef> project;
  if (input.project_id) {
    project = FindProject(session, scope, *input.project_id);
    if (!project) return core::Error::Invalid("project_id", "no such project");
    const auto& ids = project->provider_ids;
    if (std::find(ids.begin(), ids.end(), input.org_id) == ids.end()) {
      return core::Error::Invalid("project_id", "must be a project the organisation provides");
    }
    if (!project->running) {
      return core::Error::Invalid("project_id", "must be a contracted or in-progress project");
    }
    links.owner_unit_id = project->funding_unit_id;
  }
  if (input.booking_id) {
    links.venue = FindBookedVenue(session, scope, *input.booking_id);
    if (!links.venue) return core::Error::Invalid("booking_id", "no such booking");
    if (auto ok = CheckBooking(*links.venue, input.org_id, fields); !ok) return ok.error();
    links.owner_unit_id = links.venue->unit_id;
  }
  return links;
}

core::Result<void> CheckRegion(store::Session& session, const std::string& code) {
  if (!region::RegionRepo(session).Find(code)) {
    return core::Error::Invalid("region_code", "unknown region");
  }
  return {};
}

EventFields FieldsOf(const Event& e) {
  return {e.title,        e.category,      e.description,   e.start,       e.end,    e.capacity,
          e.signup_opens, e.signup_closes, e.target_groups, e.region_code, e.address};
}

// A date (from: its start; to: the end of that day) or a date-time bound of a list.
core::Result<std::optional<std::string>> Bound(const std::optional<std::string>& text,
                                               const char* field, bool end_of_day) {
  if (!text || text->empty()) return std::optional<std::string>();
  if (auto date = core::ParseDate(*text)) {
    return std::optional<std::string>(
        core::FormatDateTime(core::StartOfDay(end_of_day ? core::AddDays(*date, 1) : *date)));
  }
  if (auto at = core::ParseDateTime(*text)) {
    return std::optional<std::string>(core::FormatDateTime(*at));
  }
  return core::Error::Invalid(
      field, "must be a date like 2023-04-01 or a date-time like 2023-04-01T09:00:00+08:00");
}

// The fields of a new event checked (422), a booked one's place left to the venue.
core::Result<EventFields> CheckedFields(const NewEvent& input) {
  EventFields draft = event::FieldsOf(input);
  if (input.booking_id) {
    // The venue's region and address replace these inside the transaction.
    draft.region_code = "100000";
    draft.address = "-";
  }
  return CheckEventFields(draft);
}

// Create's writes, its fields checked: the links, the owner unit in an officer's scope, the
// row and its audit record.
core::Result<Event> InsertChecked(common::WriteTx& tx, const Actor& actor, const NewEvent& input,
                                  const EventFields& fields, const std::string& at) {
  const account::Scope scope = account::ScopeOf(actor);
  auto links = CheckLinks(tx.session(), actor, scope, input, fields);
  if (!links) return links.error();
  EventRow row{fields,           input.org_id, links->owner_unit_id,
               input.booking_id, std::nullopt, input.project_id};
  if (links->venue) {
    row.venue_id = links->venue->venue_id;
    row.fields.region_code = links->venue->region_code;
    row.fields.address = links->venue->address;
  } else if (auto ok = CheckRegion(tx.session(), row.fields.region_code); !ok) {
    return ok.error();
  }
  if (IsOfficer(actor) && !common::UnitInScope(tx.session(), scope, row.owner_unit_id)) {
    return core::Error::Forbidden(
        "the event would belong to a unit outside your scope: link a booking or a project of "
        "your scope");
  }
  EventRepo repo(tx.session());
  const std::int64_t id = repo.Insert(row, actor.user_id, at);
  Event created = repo.FindPublic(id).value();
  tx.Record({"create", "event", std::to_string(id), nullptr, AuditJson(created), true,
             created.owner_unit_id});
  return created;
}

core::Error ForWorkers() {
  return core::Error::Forbidden("organisations and officers create events");
}

}  // namespace

core::Result<Event> EventService::Create(const Actor& actor, const NewEvent& input) {
  if (actor.worker_id) return ForWorkers();
  auto fields = CheckedFields(input);
  if (!fields) return fields.error();
  const std::string at = core::FormatDateTime(clock_());
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Event> {
    return InsertChecked(tx, actor, input, *fields, at);
  });
}

core::Result<Event> EventService::CreateIn(common::WriteTx& tx, const Actor& actor,
                                           const NewEvent& input, const std::string& at) {
  if (actor.worker_id) return ForWorkers();
  auto fields = CheckedFields(input);
  if (!fields) return fields.error();
  return InsertChecked(tx, actor, input, *fields, at);
}

core::Result<Event> EventService::Update(const Actor& actor, std::int64_t id,
                                         const EventPatch& patch) {
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Event> {
    EventRepo repo(tx.session());
    auto before = LoadOwned(repo, scope, id);
    if (!before) return before.error();
    if (before->status == EventStatus::kCancelled || before->status == EventStatus::kEnded) {
      return core::Error::Conflict(
          fmt::format("an event that is {} cannot be changed", StatusName(before->status)));
    }
    auto next = ApplyPatch(FieldsOf(*before), patch, before->booking_id.has_value());
    if (!next) return next.error();
    if (before->booking_id) {
      // The booking the event names, read unscoped: it was checked in scope at creation.
      const common::Scope everything{0, {}, {}, true};
      auto venue = FindBookedVenue(tx.session(), everything, *before->booking_id);
      if (!venue) return core::Error::Invalid("booking_id", "no such booking");
      if (auto ok = CheckBooking(*venue, before->org_id, *next); !ok) return ok.error();
    } else if (next->region_code != before->region_code) {
      if (auto ok = CheckRegion(tx.session(), next->region_code); !ok) return ok.error();
    }
    if (!repo.Update(id, *next, at)) {
      return core::Error::Conflict(fmt::format("{} seats are taken: the capacity cannot be lower",
                                               repo.FindPublic(id).value().seats_taken));
    }
    Event after = repo.FindPublic(id).value();
    tx.Record({"update", "event", std::to_string(id), AuditJson(*before), AuditJson(after), true,
               after.owner_unit_id});
    return after;
  });
}

core::Result<Event> EventService::Move(const Actor& actor, std::int64_t id,
                                       const EventTransition& transition) {
  const core::DateTime now = clock_();
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Event> {
    EventRepo repo(tx.session());
    auto before = LoadOwned(repo, scope, id);
    if (!before) return before.error();
    auto to = CheckTransition(*before, transition, now);
    if (!to) return to.error();
    if (!repo.Move(id, before->status, *to, transition.reason, at)) {
      return core::Error::Conflict("the event changed meanwhile: try again");
    }
    Event after = repo.FindPublic(id).value();
    tx.Record({"transition", "event", std::to_string(id), AuditJson(*before), AuditJson(after),
               true, after.owner_unit_id});
    return after;
  });
}

core::Result<Event> EventService::Get(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  EventRepo repo(session);
  return LoadReadable(repo, account::ScopeOf(actor), id);
}

core::Result<account::Page<Event>> EventService::List(const Actor& actor, const EventFilter& filter,
                                                      const account::PageRequest& page) {
  EventFilter f = filter;
  auto from = Bound(filter.from, "from", false);
  if (!from) return from.error();
  auto to = Bound(filter.to, "to", true);
  if (!to) return to.error();
  f.from = *from;
  f.to = *to;
  store::Session session = writer_.db().Acquire();
  EventRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  return account::Page<Event>{repo.List(f, scope, page.page_size, page.Offset()),
                              repo.Count(f, scope)};
}

}  // namespace lianyin::domain::event
