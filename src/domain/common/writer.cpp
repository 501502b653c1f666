#include "domain/common/writer.hpp"

#include <spdlog/spdlog.h>

#include <random>
#include <thread>

namespace lianyin::domain::common {

core::Error Unavailable(const store::DbError& last) {
  spdlog::warn("database unavailable, answering 503: {}", last.what());
  return core::Unavailable();
}

void Writer::Flush(store::Session& session, const Origin& origin,
                   const std::vector<Change>& changes) {
  if (changes.empty()) return;
  for (ChangeSink* sink : sinks_) sink->Apply(session, origin, changes);
}

void Writer::Committed(const Origin& origin, const std::vector<Change>& changes) noexcept {
  if (changes.empty()) return;
  for (ChangeSink* sink : sinks_) sink->Committed(origin, changes);
}

bool Writer::RetryAfter(const store::DbError& error, int attempt,
                        std::chrono::steady_clock::time_point first_start) {
  if (attempt >= retry_.max_attempts) return false;
  const auto elapsed = std::chrono::steady_clock::now() - first_start;
  if (elapsed >= retry_.deadline) return false;
  thread_local std::minstd_rand jitter(std::random_device{}());
  const auto base = retry_.first_backoff * (1 << (attempt - 1));
  const auto wait = base + std::chrono::milliseconds(jitter() % (base.count() + 1));
  spdlog::debug("retrying a write transaction (attempt {}): {}", attempt + 1, error.what());
  std::this_thread::sleep_for(wait);
  return true;
}

}  // namespace lianyin::domain::common
