#include "domain/account/session_cache.hpp"

namespace lianyin::domain::account {
namespace {

// Changes after which a cached actor may be wrong: who the user is, what its roles grant, which
// unit it is in, the settings (MFA enforcement, timeouts) and the sessions themselves.
bool Relevant(const common::Change& change) {
  if (change.entity == "session") return change.action != "login";
  return change.entity == "user" || change.entity == "role" || change.entity == "unit" ||
         change.entity == "setting";
}

}  // namespace

std::optional<SessionCache::Entry> SessionCache::Fresh(const std::string& token_hash,
                                                       std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  const Entry& entry = it->second;
  if (entry.generation != generation_ || now - entry.validated_at >= kRevalidateSeconds ||
      now < entry.validated_at) {
    return std::nullopt;
  }
  return entry;
}

std::optional<std::int64_t> SessionCache::LastSeen(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  return it->second.last_seen;
}

void SessionCache::Put(const std::string& token_hash, Entry entry, std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;  // a change committed while it was being read
  if (entries_.size() >= kMaxEntries) SweepLocked(entry.validated_at);
  entry.generation = generation;
  entries_[token_hash] = std::move(entry);
}

void SessionCache::Seen(const std::string& token_hash, std::int64_t now,
                        std::optional<std::int64_t> persisted) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return;
  if (now > it->second.last_seen) it->second.last_seen = now;
  if (persisted && *persisted > it->second.persisted_seen) it->second.persisted_seen = *persisted;
}

void SessionCache::Erase(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  entries_.erase(token_hash);
}

std::uint64_t SessionCache::generation() {
  std::lock_guard lock(mutex_);
  return generation_;
}

void SessionCache::Committed(const common::Origin&,
                             const std::vector<common::Change>& changes) noexcept {
  for (const common::Change& change : changes) {
    if (!Relevant(change)) continue;
    std::lock_guard lock(mutex_);
    ++generation_;
    return;
  }
}

void SessionCache::SweepLocked(std::int64_t now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    const bool idle = now >= it->second.last_seen + it->second.idle_seconds;
    it = idle || now >= it->second.expires ? entries_.erase(it) : std::next(it);
  }
  if (entries_.size() >= kMaxEntries) entries_.clear();  // all active: start over, stay bounded
}

}  // namespace lianyin::domain::account
