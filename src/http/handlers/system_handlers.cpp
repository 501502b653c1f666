#include <boost/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {

void AddSystemRoutes(Router& router, std::function<std::string()> metrics_text,
                     std::function<std::string()> openapi_text) {
  router.Add(
      "GET", "/api/health",
      [](Context&) { return JsonResponse(200, boost::json::object{{"status", "ok"}}); },
      {.summary = "Liveness: the server answers", .tag = "system", .requires_auth = false});
  router.Add(
      "GET", "/metrics",
      [metrics_text](Context&) {
        Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics_text();
        return r;
      },
      {.summary = "Prometheus metrics", .tag = "system", .requires_auth = false});
  router.Add(
      "GET", "/api/v1/openapi.json",
      [openapi_text](Context&) {
        Response r;
        r.body = openapi_text();
        return r;
      },
      {.summary = "This API's OpenAPI 3 document", .tag = "system", .requires_auth = false});
}

}  // namespace lianyin::http::handlers
