#include "http/handlers/cached_read.hpp"

#include <string>

#include "domain/account/scope.hpp"

namespace lianyin::http::handlers {
namespace {

// "<target>#<scope>": the platform, or a unit subtree narrowed to an organisation or a worker.
std::string KeyOf(const Context& ctx) {
  const domain::common::Scope scope = domain::account::ScopeOf(*ctx.actor);
  std::string key = ctx.request.target;
  key += scope.platform ? "#p" : "#u" + std::to_string(scope.unit_id);
  if (scope.org_id) key += "o" + std::to_string(*scope.org_id);
  if (scope.worker_id) key += "w" + std::to_string(*scope.worker_id);
  return key;
}

}  // namespace

Response CachedRead(PageCache& cache, const Context& ctx,
                    const std::function<std::int64_t()>& version,
                    const std::function<Response()>& render) {
  std::string key = KeyOf(ctx);
  const std::int64_t current = version();
  if (auto body = cache.Find(key, current)) {
    Response hit;
    hit.body = std::move(*body);
    return hit;
  }
  Response r = render();
  if (r.status == 200 && r.headers.empty() && !r.stream && r.content_type == "application/json") {
    cache.Store(std::move(key), current, r.body);
  }
  return r;
}

}  // namespace lianyin::http::handlers
