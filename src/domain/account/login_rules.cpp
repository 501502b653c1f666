#include "domain/account/login_rules.hpp"

namespace lianyin::domain::account {

namespace {
constexpr std::int64_t kWindowSeconds = 60;
}  // namespace

bool IsLocked(const std::optional<FailureState>& state, std::int64_t now) {
  return state && state->locked_until && now < *state->locked_until;
}

std::string LockoutKey(std::string_view username) {
  std::string key(username);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

std::optional<std::int64_t> RateLimiter::Admit(const std::string& key, std::int64_t now,
                                               int limit_per_minute) {
  std::lock_guard lock(mutex_);
  if (now - last_sweep_ >= kWindowSeconds) Forget(now);
  std::deque<std::int64_t>& times = attempts_[key];
  while (!times.empty() && now - times.front() >= kWindowSeconds) times.pop_front();
  if (static_cast<int>(times.size()) >= limit_per_minute) {
    return times.front() + kWindowSeconds - now;
  }
  times.push_back(now);
  return std::nullopt;
}

void RateLimiter::Forget(std::int64_t now) {
  for (auto it = attempts_.begin(); it != attempts_.end();) {
    const bool stale = it->second.empty() || now - it->second.back() >= kWindowSeconds;
    it = stale ? attempts_.erase(it) : std::next(it);
  }
  last_sweep_ = now;
}

}  // namespace lianyin::domain::account
