// CreditService: objections (异议) to entries and their answers.

#include <algorithm>
#include <boost/json.hpp>

#include "domain/account/scope.hpp"
#include "domain/credit/credit_audit.hpp"
#include "domain/credit/credit_repo.hpp"
#include "domain/credit/credit_rules.hpp"
#include "domain/credit/credit_service.hpp"

namespace lianyin::domain::credit {

using account::Actor;

core::Result<Objection> CreditService::FileObjection(const Actor& actor, std::int64_t entry_id,
                                                     const std::string& text) {
  if (auto ok = CheckObjection(text); !ok) return ok.error();
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Objection> {
    CreditRepo repo(tx.session());
    auto entry = repo.FindInScope(scope, entry_id);
    if (!entry) return account::OutOfScope();
    if (!entry->active()) return core::Error::Conflict("the entry has already been removed");
    auto id = repo.InsertObjection(entry_id, text, actor.user_id, at);
    if (!id) return core::Error::Conflict("an objection to this entry is awaiting an answer");
    Objection filed = repo.FindObjectionInScope(scope, *id).value();
    tx.Record(ObjectionChange("create", *entry, filed, nullptr, AuditJson(filed)));
    return filed;
  });
}

core::Result<Objection> CreditService::AnswerObjection(const Actor& actor,
                                                       std::int64_t objection_id,
                                                       const Answer& answer) {
  if (auto ok = CheckAnswer(answer); !ok) return ok.error();
  const core::DateTime now = clock_();
  const std::string today = core::FormatDate(core::LocalDate(now));
  const std::string at = core::FormatDateTime(now);
  const account::Scope scope = account::ScopeOf(actor);
  const ObjectionStatus status =
      answer.accept ? ObjectionStatus::kAccepted : ObjectionStatus::kRejected;
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Objection> {
    CreditRepo repo(tx.session());
    auto before = repo.FindObjectionInScope(scope, objection_id);
    if (!before) return account::OutOfScope();
    const core::Error answered = core::Error::Conflict("the objection has already been answered");
    if (before->status != ObjectionStatus::kOpen) return answered;
    const CreditEntry entry = repo.FindInScope(scope, before->entry_id).value();
    if (!repo.AnswerObjection(objection_id, status, answer.reply, actor.user_id, at)) {
      return answered;  // a concurrent answer won
    }
    // An accepted objection takes the entry off its list, unless it was removed meanwhile;
    // dated today, or on the entry's own date should the clock have been set back.
    if (answer.accept && entry.active() &&
        repo.Remove(entry.id, std::max(today, entry.entered_on), answer.reply, actor.user_id, at)) {
      const CreditEntry removed = repo.FindInScope(scope, entry.id).value();
      tx.Record(EntryChange("remove", removed, AuditJson(entry), AuditJson(removed)));
    }
    Objection after = repo.FindObjectionInScope(scope, objection_id).value();
    tx.Record(ObjectionChange("answer", entry, after, AuditJson(*before), AuditJson(after)));
    return after;
  });
}

}  // namespace lianyin::domain::credit
