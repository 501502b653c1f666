#pragma once
// Use cases of the credit lists (SPEC §4 "Credit lists"; issue #9). Every change runs in one
// short write transaction (common::Writer) with its Change, owned by the organisation's
// registration unit (the entry's unit_id).
//
// Scope (SPEC §1): entries are the registration authority's records — its subtree reads and
// changes them, an org member reads its own organisation's and objects to them; anything else
// answers 404, like a missing id. Organisations themselves are readable by everyone logged in, so
// entering one outside the caller's scope answers 403.

#include <functional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/account/account.hpp"
#include "domain/common/writer.hpp"
#include "domain/credit/credit.hpp"

namespace lianyin::domain::credit {

class CreditService {
 public:
  using Clock = std::function<core::DateTime()>;
  explicit CreditService(common::Writer& writer, Clock clock = core::Now)
      : writer_(writer), clock_(std::move(clock)) {}

  // Enters the organisation on a list. 422 on fields (CheckNewEntry) or an application or
  // rejected organisation (field org_id); 404 when there is no such organisation, 403 when the
  // caller's scope does not manage it; 409 when it is on that list already, naming since when
  // (exact under concurrency: a partial unique index decides).
  core::Result<CreditEntry> Enter(const account::Actor& actor, std::int64_t org_id,
                                  const NewEntry& entry);
  // Removes an active entry (移出). 422 on fields (CheckRemoval), 404 outside scope, 409 when it
  // was removed already.
  core::Result<CreditEntry> Remove(const account::Actor& actor, std::int64_t entry_id,
                                   const Removal& removal);
  // Files an objection to an active entry of the actor's scope (an org member: its own
  // organisation's). 422 on the text, 404 outside scope, 409 when the entry was removed or has
  // an objection awaiting an answer (exact under concurrency).
  core::Result<Objection> FileObjection(const account::Actor& actor, std::int64_t entry_id,
                                        const std::string& text);
  // Answers an open objection; accepting removes the entry if still active (removed today, the
  // reply its removal reason) in the same transaction. 422 on the reply, 404 outside scope, 409
  // when it was answered already.
  core::Result<Objection> AnswerObjection(const account::Actor& actor, std::int64_t objection_id,
                                          const Answer& answer);

  // The organisation's entries, newest first, each with its objections (two queries), and
  // their total; 404 unless the actor's scope manages the organisation.
  core::Result<account::Page<EntryDetail>> OrgEntries(const account::Actor& actor,
                                                      std::int64_t org_id,
                                                      const account::PageRequest& page);
  // One page of the entries in the actor's scope matching `filter`, newest first (one query),
  // and their total (one more).
  account::Page<CreditEntry> List(const account::Actor& actor, const EntryFilter& filter,
                                  const account::PageRequest& page);
  // One entry with its objections; 404 outside scope.
  core::Result<EntryDetail> Get(const account::Actor& actor, std::int64_t entry_id);

  // Public disclosure: every entry of the organisation, newest first, without people or
  // objections (the caller decides whether the organisation is disclosed).
  std::vector<PublicEntry> PublicEntries(std::int64_t org_id);

 private:
  common::Writer& writer_;
  Clock clock_;
};

}  // namespace lianyin::domain::credit
