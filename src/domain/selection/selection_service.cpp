// SelectionService: rounds and nominations.

#include "domain/selection/selection_service.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/mask.hpp"
#include "domain/account/scope.hpp"
#include "domain/project/project_repo.hpp"
#include "domain/selection/selection_internal.hpp"
#include "domain/selection/selection_rules.hpp"

namespace lianyin::domain::selection {
namespace {

using account::Actor;

// Whether the actor may change rounds at all (`managed` says so only with the permission).
bool MayManage(const Actor& actor) {
  return actor.permissions.contains("*") || actor.permissions.contains("project:selection:manage");
}

Round AsSeenBy(const Actor& actor, Round round) {
  round.managed = round.managed && MayManage(actor);
  return round;
}

core::Error DuplicateBatch(const NewRound& r) {
  core::Error e =
      core::Error::Conflict(fmt::format("your unit already has batch {} of {}", r.batch, r.year));
  e.details.push_back({"batch", e.message, std::nullopt});
  return e;
}

}  // namespace

core::Result<Round> SelectionService::CreateRound(const Actor& actor, const NewRound& round) {
  if (auto ok = CheckRound(round); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Round> {
    SelectionRepo repo(tx.session());
    auto id = repo.InsertRound(round, actor.unit_id, at);
    if (!id) return DuplicateBatch(round);
    Round created = repo.FindRound(scope, *id).value();
    tx.Record(RoundChange("create", created, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<Round> SelectionService::UpdateRound(const Actor& actor, std::int64_t id,
                                                  const NewRound& round) {
  if (auto ok = CheckRound(round); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Round> {
    SelectionRepo repo(tx.session());
    auto before = LoadManagedRound(repo, scope, id);
    if (!before) return before.error();
    if (before->status != RoundStatus::kDraft) {
      return core::Error::Conflict("only a draft round can be edited");
    }
    if (!repo.UpdateRound(id, round, at)) return DuplicateBatch(round);
    Round after = repo.FindRound(scope, id).value();
    tx.Record(RoundChange("update", after, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

core::Result<Round> SelectionService::GetRound(const Actor& actor, std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto round = SelectionRepo(session).FindRound(account::ScopeOf(actor), id);
  if (!round) return core::Error::NotFound();
  return AsSeenBy(actor, std::move(*round));
}

account::Page<Round> SelectionService::ListRounds(const Actor& actor,
                                                  std::optional<RoundStatus> status,
                                                  const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  account::Page<Round> out{
      repo.ListRounds(account::ScopeOf(actor), status, false, page.page_size, page.Offset()),
      repo.CountRounds(status, false)};
  for (Round& r : out.items) r = AsSeenBy(actor, std::move(r));
  return out;
}

core::Result<Nomination> SelectionService::Nominate(const Actor& actor, std::int64_t round_id,
                                                    std::int64_t project_id,
                                                    const std::string& story) {
  {
    const std::size_t n = core::ValidUtf8(story) ? core::CodepointCount(story).value_or(0) : 0;
    if (n == 0) return core::Error::Invalid("story", "is required");
    if (n > kMaxStoryChars) {
      return core::Error::Invalid("story",
                                  fmt::format("must be at most {} characters", kMaxStoryChars));
    }
  }
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Nomination> {
    SelectionRepo repo(tx.session());
    auto round = repo.FindRound(scope, round_id);
    if (!round) return core::Error::NotFound();
    // Units nominate to rounds organised above them (or by themselves).
    common::Scope organiser;
    organiser.unit_id = round->unit_id;
    if (!round->managed && !common::UnitInScope(tx.session(), organiser, actor.unit_id)) {
      return account::ForbiddenOutsideScope();
    }
    if (round->status != RoundStatus::kNominating) {
      return core::Error::Conflict("the round is not taking nominations");
    }
    auto project = project::ProjectRepo(tx.session()).FindInScope(scope, project_id);
    if (!project) return core::Error::Invalid("project_id", "no such project");
    if (project->status != project::ProjectStatus::kAccepted &&
        project->status != project::ProjectStatus::kClosed) {
      return core::Error::Invalid("project_id", "only an accepted project can be nominated");
    }
    if (!round->QuotaOf(project->category)) {
      return core::Error::Invalid("project_id", "the round selects no projects of this category");
    }
    auto id = repo.InsertNomination(round_id, project_id, actor.unit_id, project->category, story,
                                    actor.user_id, at);
    if (!id) {
      core::Error e = core::Error::Conflict("this project has been nominated to the round already");
      e.details.push_back({"project_id", e.message, std::nullopt});
      return e;
    }
    Nomination created = repo.FindNomination(PlatformScope(), round_id, *id).value();
    tx.Record(NominationChange("create", *round, created, nullptr, AuditJson(created)));
    return created;
  });
}

core::Result<void> SelectionService::Withdraw(const Actor& actor, std::int64_t round_id,
                                              std::int64_t nomination_id) {
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    SelectionRepo repo(tx.session());
    auto round = repo.FindRound(scope, round_id);
    if (!round) return core::Error::NotFound();
    auto nomination = repo.FindNomination(scope, round_id, nomination_id);
    if (!nomination) return core::Error::NotFound();
    if (!round->managed && !common::UnitInScope(tx.session(), scope, nomination->unit_id)) {
      return account::ForbiddenOutsideScope();
    }
    if (round->status != RoundStatus::kNominating) {
      return core::Error::Conflict("nominations are withdrawn only while the round takes them");
    }
    repo.DeleteNomination(nomination_id);
    tx.Record(NominationChange("delete", *round, *nomination, AuditJson(*nomination), nullptr));
    return {};
  });
}

core::Result<account::Page<Nomination>> SelectionService::Nominations(
    const Actor& actor, std::int64_t round_id, const NominationFilter& filter,
    const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  const account::Scope scope = account::ScopeOf(actor);
  if (!repo.FindRound(scope, round_id)) return core::Error::NotFound();
  return account::Page<Nomination>{
      repo.ListNominations(scope, round_id, filter, page.page_size, page.Offset()),
      repo.CountNominations(scope, round_id, filter)};
}

account::Page<Round> SelectionService::PublishedRounds(const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  return {repo.ListRounds(PublicScope(), std::nullopt, true, page.page_size, page.Offset()),
          repo.CountRounds(std::nullopt, true)};
}

core::Result<Round> SelectionService::PublishedRound(std::int64_t id) {
  store::Session session = writer_.db().Acquire();
  auto round = SelectionRepo(session).FindRound(PublicScope(), id);
  if (!round || round->status != RoundStatus::kPublished) return core::Error::NotFound();
  return std::move(*round);
}

account::Page<Nomination> SelectionService::Showcase(std::optional<std::int64_t> round_id,
                                                     const NominationFilter& filter,
                                                     const account::PageRequest& page) {
  store::Session session = writer_.db().Acquire();
  SelectionRepo repo(session);
  return {repo.Excellent(round_id, filter, page.page_size, page.Offset()),
          repo.CountExcellent(round_id, filter)};
}

}  // namespace lianyin::domain::selection
