#pragma once
// Request metrics in the Prometheus text format (GET /metrics).
//
// Thread-safe: one mutex guards both maps. Observe is O(log series) (std::map lookups keyed by
// method/route/status; the route is the pattern, so the series count is bounded by the routes)
// plus O(buckets); Render is O(series × buckets). Contention is one short critical section per
// request, negligible beside a handler's database work.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace lianyin::http {

// A value sampled by the caller at render time, e.g. the database pool's size and in-use count.
struct Gauge {
  std::string name;  // "lianyin_db_pool_in_use"
  std::string help;
  double value = 0;
  std::vector<std::pair<std::string, std::string>> labels;
};

class Metrics {
 public:
  // Upper bounds (seconds) of the duration histogram buckets; +Inf is implied.
  static constexpr double kBuckets[] = {.001, .0025, .005, .01, .025, .05, .1,
                                        .25,  .5,    1,    2.5, 5,    10};
  static constexpr std::size_t kBucketCount = std::size(kBuckets);

  // Counts one finished request. `route` is the route pattern (or a fixed word such as
  // "unmatched"), never the raw path, and methods other than the seven of HTTP/1.1 that routes
  // use are counted as "OTHER": the number of series stays bounded whatever clients send.
  void Observe(std::string_view method, std::string_view route, int status, double seconds);
  // The label of `method`: itself when one of GET HEAD POST PUT PATCH DELETE OPTIONS, else OTHER.
  static std::string_view MethodLabel(std::string_view method);

  // lianyin_http_requests_total{method,route,status}, the histogram
  // lianyin_http_request_duration_seconds{method,route} and the `extra` gauges (gauges sharing a
  // name share one HELP/TYPE block). Label values are escaped.
  std::string Render(const std::vector<Gauge>& extra) const;

 private:
  struct Histogram {
    std::uint64_t buckets[kBucketCount] = {};  // non-cumulative; cumulated when rendered
    std::uint64_t count = 0;
    double sum = 0;
  };

  void RenderCounters(std::string& out) const;
  void RenderHistograms(std::string& out) const;

  mutable std::mutex mutex_;
  // Transparent comparators: a request is counted without building key strings (only a new
  // series allocates).
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> requests_;
  std::map<std::tuple<std::string, std::string>, Histogram, std::less<>> durations_;
};

}  // namespace lianyin::http
