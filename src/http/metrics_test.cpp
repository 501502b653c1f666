#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace lianyin::http {
namespace {

bool Contains(const std::string& text, std::string_view line) {
  return text.find(line) != std::string::npos;
}

TEST(MetricsTest, CountsAndHistogramBuckets) {
  Metrics metrics;
  metrics.Observe("GET", "/api/v1/orgs/{id}", 200, 0.003);
  metrics.Observe("GET", "/api/v1/orgs/{id}", 200, 0.2);
  metrics.Observe("GET", "/api/v1/orgs/{id}", 404, 20);
  const std::string text = metrics.Render({});
  EXPECT_TRUE(Contains(text, "# TYPE lianyin_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(text,
                       "lianyin_http_requests_total{method=\"GET\",route=\"/api/v1/orgs/"
                       "{id}\",status=\"200\"} 2\n"));
  EXPECT_TRUE(Contains(text, "status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(text, "# TYPE lianyin_http_request_duration_seconds histogram\n"));
  const std::string labels = "method=\"GET\",route=\"/api/v1/orgs/{id}\"";
  const std::string bucket = "lianyin_http_request_duration_seconds_bucket{" + labels;
  EXPECT_TRUE(Contains(text, bucket + ",le=\"0.001\"} 0\n"));
  EXPECT_TRUE(Contains(text, bucket + ",le=\"0.005\"} 1\n"));
  EXPECT_TRUE(Contains(text, bucket + ",le=\"0.25\"} 2\n"));
  EXPECT_TRUE(Contains(text, bucket + ",le=\"10\"} 2\n"));
  EXPECT_TRUE(Contains(text, bucket + ",le=\"+Inf\"} 3\n"));
  EXPECT_TRUE(Contains(text, "lianyin_http_request_duration_seconds_count{" + labels + "} 3\n"));
  EXPECT_TRUE(Contains(text, "lianyin_http_request_duration_seconds_sum{" + labels + "} 20.203"));
}

TEST(MetricsTest, EscapesLabelsAndGroupsGauges) {
  Metrics metrics;
  metrics.Observe("GET", "a\"b\\c\nd", 200, 0.1);
  const std::string text = metrics.Render({
      {"lianyin_db_pool_size", "Connections in the pool.", 8, {}},
      {"lianyin_db_pool_in_use", "Connections in use.", 2, {{"db", "main"}}},
      {"lianyin_db_pool_size", "Connections in the pool.", 4, {{"db", "replica"}}},
  });
  EXPECT_TRUE(Contains(text, "route=\"a\\\"b\\\\c\\nd\""));
  EXPECT_TRUE(Contains(
      text, "# TYPE lianyin_db_pool_in_use gauge\nlianyin_db_pool_in_use{db=\"main\"} 2\n"));
  EXPECT_TRUE(Contains(text,
                       "# TYPE lianyin_db_pool_size gauge\nlianyin_db_pool_size 8\n"
                       "lianyin_db_pool_size{db=\"replica\"} 4\n"));
}

TEST(MetricsTest, ObserveIsThreadSafe) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) metrics.Observe("GET", "/x", 200, 0.001);
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_TRUE(
      Contains(metrics.Render({}),
               "lianyin_http_requests_total{method=\"GET\",route=\"/x\",status=\"200\"} 4000\n"));
}

}  // namespace
}  // namespace lianyin::http
