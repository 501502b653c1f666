#pragma once
// Authenticated sessions kept in memory between requests, so that most requests learn who makes
// them without a database round trip (docs/BENCHMARKS.md "Authenticated reads").

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/account/account.hpp"
#include "domain/common/change_sink.hpp"

namespace lianyin::domain::account {

// An entry is trusted for kRevalidateSeconds after it was read from the database. Being a change
// sink, the cache sees every change this process commits: one to a user, role, unit, setting or
// session (other than opening a new one) makes every entry be read again on its next use, so a
// forced logout, a disabled user or a changed permission take effect at once here, and within
// kRevalidateSeconds on other server processes sharing the database.
//
// Thread-safe (one mutex; every operation O(1) but the occasional sweep, O(entries), when the
// cache outgrows kMaxEntries).
class SessionCache final : public common::ChangeSink {
 public:
  static constexpr std::int64_t kRevalidateSeconds = 5;
  static constexpr std::size_t kMaxEntries = 100'000;

  struct Entry {
    Actor actor;                      // without ip / request_id (per request)
    std::int64_t last_seen = 0;       // Unix seconds of the latest request
    std::int64_t persisted_seen = 0;  // last_seen_at as stored
    std::int64_t expires = 0;         // the absolute end
    std::int64_t idle_seconds = 0;    // the idle timeout in force when read
    std::int64_t validated_at = 0;    // when read from the database
    std::uint64_t generation = 0;     // the cache generation it was read in
  };

  // The entry of `token_hash` when it was read at most kRevalidateSeconds before `now` and
  // nothing relevant changed since; nullopt otherwise.
  std::optional<Entry> Fresh(const std::string& token_hash, std::int64_t now);
  // The latest request time known for `token_hash`, fresh or not (carried over a re-read, since
  // the stored last_seen_at lags behind by up to a minute).
  std::optional<std::int64_t> LastSeen(const std::string& token_hash);
  // Stores `entry` read from the database in generation `generation` (read it with
  // generation() *before* the database read: a change committed meanwhile then wins).
  void Put(const std::string& token_hash, Entry entry, std::uint64_t generation);
  // Records a request at `now`; with `persisted`, that last_seen_at now holds that time.
  void Seen(const std::string& token_hash, std::int64_t now,
            std::optional<std::int64_t> persisted = std::nullopt);
  void Erase(const std::string& token_hash);
  std::uint64_t generation();

  void Apply(store::Session&, const common::Origin&, const std::vector<common::Change>&) override {}
  void Committed(const common::Origin& origin,
                 const std::vector<common::Change>& changes) noexcept override;

 private:
  void SweepLocked(std::int64_t now);

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 1;
};

}  // namespace lianyin::domain::account
