#include "http/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace lianyin::http {
namespace {

// Prometheus label values escape backslash, double quote and newline.
std::string EscapeLabel(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      escaped += "\\\\";
    } else if (c == '"') {
      escaped += "\\\"";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

// HELP text escapes backslash and newline.
std::string EscapeHelp(std::string_view help) {
  std::string escaped;
  for (char c : help) {
    if (c == '\\') {
      escaped += "\\\\";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string FormatValue(double value) { return fmt::format("{}", value); }

}  // namespace

std::string_view Metrics::MethodLabel(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "OTHER";
}

void Metrics::Observe(std::string_view method, std::string_view route, int status, double seconds) {
  const std::string_view label = MethodLabel(method);
  if (status < 100 || status > 599) status = 0;
  std::lock_guard lock(mutex_);
  auto counter = requests_.find(std::make_tuple(label, route, status));
  if (counter == requests_.end()) {
    counter =
        requests_.emplace(std::make_tuple(std::string(label), std::string(route), status), 0).first;
  }
  ++counter->second;
  auto series = durations_.find(std::make_tuple(label, route));
  if (series == durations_.end()) {
    series =
        durations_.emplace(std::make_tuple(std::string(label), std::string(route)), Histogram{})
            .first;
  }
  Histogram& histogram = series->second;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.buckets[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::RenderCounters(std::string& out) const {
  out += "# HELP lianyin_http_requests_total HTTP requests answered.\n";
  out += "# TYPE lianyin_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out +=
        fmt::format("lianyin_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                    EscapeLabel(method), EscapeLabel(route), status, count);
  }
}

void Metrics::RenderHistograms(std::string& out) const {
  out += "# HELP lianyin_http_request_duration_seconds Time to answer HTTP requests.\n";
  out += "# TYPE lianyin_http_request_duration_seconds histogram\n";
  for (const auto& [key, histogram] : durations_) {
    const std::string labels = fmt::format(
        "method=\"{}\",route=\"{}\"", EscapeLabel(std::get<0>(key)), EscapeLabel(std::get<1>(key)));
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
      cumulative += histogram.buckets[i];
      out += fmt::format("lianyin_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                         labels, FormatValue(kBuckets[i]), cumulative);
    }
    out += fmt::format("lianyin_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n",
                       labels, histogram.count);
    out += fmt::format("lianyin_http_request_duration_seconds_sum{{{}}} {}\n", labels,
                       FormatValue(histogram.sum));
    out += fmt::format("lianyin_http_request_duration_seconds_count{{{}}} {}\n", labels,
                       histogram.count);
  }
}

std::string Metrics::Render(const std::vector<Gauge>& extra) const {
  std::string out;
  {
    std::lock_guard lock(mutex_);
    RenderCounters(out);
    RenderHistograms(out);
  }
  // Samples of one metric must be adjacent: group by name, keeping the caller's order within.
  std::vector<const Gauge*> gauges;
  gauges.reserve(extra.size());
  for (const Gauge& gauge : extra) gauges.push_back(&gauge);
  std::stable_sort(gauges.begin(), gauges.end(),
                   [](const Gauge* a, const Gauge* b) { return a->name < b->name; });
  std::set<std::string> described;
  for (const Gauge* gauge_ptr : gauges) {
    const Gauge& gauge = *gauge_ptr;
    if (described.insert(gauge.name).second) {
      out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n", gauge.name, EscapeHelp(gauge.help),
                         gauge.name);
    }
    std::string labels;
    for (const auto& [name, value] : gauge.labels) {
      labels += fmt::format("{}{}=\"{}\"", labels.empty() ? "" : ",", name, EscapeLabel(value));
    }
    out += labels.empty()
               ? fmt::format("{} {}\n", gauge.name, FormatValue(gauge.value))
               : fmt::format("{}{{{}}} {}\n", gauge.name, labels, FormatValue(gauge.value));
  }
  return out;
}

}  // namespace lianyin::http
