#pragma once
// The unit of work of every write use case: one short write transaction whose changes go to the
// change sinks before it commits, retried when the database is busy, never a 500 for contention.
//
//   return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Unit> {
//     UnitRepo repo(tx.session());
//     ... check, write ...
//     tx.Record({"create", "unit", std::to_string(id), nullptr, AuditJson(unit), true, unit_id});
//     return unit;
//   });
//
// Validate, hash passwords, parse and render *before* Run: the body holds the write lock (SQLite)
// or row locks (PostgreSQL) while it runs. The body may run more than once (after a busy or
// serialisation failure), so it must not change anything outside the transaction.

#include <chrono>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "domain/common/change.hpp"
#include "domain/common/change_sink.hpp"
#include "store/store.hpp"

namespace lianyin::domain::common {

struct RetryPolicy {
  int max_attempts = 5;
  // No new attempt starts after this long since the first began: a transaction that already
  // waited out the write turn or the pool (busy_timeout) is not tried again.
  std::chrono::milliseconds deadline{3000};
  std::chrono::milliseconds first_backoff{2};  // doubled per attempt, with jitter
};

// A write transaction in progress, handed to the body of Writer::Run.
class WriteTx {
 public:
  explicit WriteTx(store::Session& session) : session_(session) {}
  store::Session& session() { return session_; }
  // Queues a change for the sinks; dropped if the transaction does not commit.
  void Record(Change change) { changes_.push_back(std::move(change)); }
  const std::vector<Change>& changes() const { return changes_; }

 private:
  store::Session& session_;
  std::vector<Change> changes_;
};

// 503 `unavailable` with Retry-After: the database stayed busy (or unreachable) through every
// attempt. Nothing was written.
core::Error Unavailable(const store::DbError& last);

class Writer {
 public:
  // `sinks` are not owned and must outlive the Writer; they run in this order.
  explicit Writer(store::Database& db, std::vector<ChangeSink*> sinks = {}, RetryPolicy retry = {})
      : db_(db), sinks_(std::move(sinks)), retry_(retry) {}

  store::Database& db() { return db_; }

  // Runs `body(WriteTx&) -> core::Result<T>` in a write transaction. A success is handed with
  // its recorded changes to every sink and committed; an error result rolls back (changes
  // dropped) and is returned. store::DbError that IsTransient (busy, serialisation failure,
  // deadlock, lost connection) before COMMIT restarts the body on a fresh transaction, up to the
  // RetryPolicy, then answers Unavailable. A connection lost during COMMIT is not retried (its
  // outcome is unknown) and answers Unavailable. Other DbErrors propagate.
  template <class Body>
  std::invoke_result_t<Body&, WriteTx&> Run(const Origin& origin, Body&& body);

 private:
  // Applies the sinks inside the transaction.
  void Flush(store::Session& session, const Origin& origin, const std::vector<Change>& changes);
  void Committed(const Origin& origin, const std::vector<Change>& changes) noexcept;
  // Whether to try again after `error` on attempt `attempt` that started at `first_start`;
  // sleeps the backoff when so.
  bool RetryAfter(const store::DbError& error, int attempt,
                  std::chrono::steady_clock::time_point first_start);

  store::Database& db_;
  std::vector<ChangeSink*> sinks_;
  RetryPolicy retry_;
};

template <class Body>
std::invoke_result_t<Body&, WriteTx&> Writer::Run(const Origin& origin, Body&& body) {
  const auto first_start = std::chrono::steady_clock::now();
  for (int attempt = 1;; ++attempt) {
    bool committing = false;
    try {
      store::Session session = db_.Acquire();
      store::Transaction tx = session.Begin(store::TxMode::kWrite);
      WriteTx work(session);
      auto result = body(work);
      if (!result) return result;
      Flush(session, origin, work.changes());
      committing = true;
      tx.Commit();
      Committed(origin, work.changes());
      return result;
    } catch (const store::DbError& e) {
      // A COMMIT that failed as busy definitely did not commit; one whose connection broke may
      // have, so it is answered, not repeated.
      const bool unknown_outcome = committing && e.kind() == store::DbError::Kind::kConnection;
      if (!store::IsTransient(e)) throw;
      if (unknown_outcome || !RetryAfter(e, attempt, first_start)) return Unavailable(e);
    }
  }
}

}  // namespace lianyin::domain::common
