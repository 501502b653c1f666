#pragma once
// Reads answered from a PageCache while what they show is unchanged: the pattern of every list
// or record route that is read far more often than it changes.

#include <cstdint>
#include <functional>

#include "http/message.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"

namespace lianyin::http::handlers {

// Answers `render()` — from `cache` when it holds the body for this request under the current
// `version()` (read first, see common/data_versions.hpp). The key is the request target (path
// and query, as received) and the reader's data scope, so `render` must depend on nothing else:
// not the clock, not who the reader is beyond its scope (the route's permission is checked
// before). Only a plain 200 (no extra headers, not streamed) is kept. A hit costs the version
// read and a copy of the body.
Response CachedRead(PageCache& cache, const Context& ctx,
                    const std::function<std::int64_t()>& version,
                    const std::function<Response()>& render);

}  // namespace lianyin::http::handlers
