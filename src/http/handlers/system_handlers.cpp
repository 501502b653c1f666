#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {

namespace {

// Whether this request may read /metrics (ApiOptions::metrics_token).
bool MayReadMetrics(const Request& request, const std::string& token) {
  if (!token.empty()) {
    const std::string expected = "Bearer " + token;
    const std::string_view sent = request.Header("authorization").value_or("");
    return core::ConstantTimeEquals(core::AsBytes(sent), core::AsBytes(expected));
  }
  const bool loopback = request.remote_ip == "127.0.0.1" || request.remote_ip == "::1" ||
                        request.remote_ip.starts_with("::ffff:127.");
  // Behind a reverse proxy every client looks local: a forwarded request is not.
  return loopback && !request.Header("x-forwarded-for") && !request.Header("forwarded");
}

}  // namespace

void AddSystemRoutes(Router& router, std::function<std::string()> metrics_text,
                     std::function<std::string()> openapi_text, std::string metrics_token) {
  router.Add("GET", "/api/health",
             [](Context&) {
               return JsonResponse(200, boost::json::object{{"status", "ok"}});
             },
             {.summary = "Liveness: the server answers", .tag = "system", .requires_auth = false});
  router.Add(
      "GET", "/metrics",
      [metrics_text, metrics_token](Context& ctx) {
        if (!MayReadMetrics(ctx.request, metrics_token)) {
          return ErrorResponse(core::Error::Forbidden(
              "metrics are served to loopback clients, or with the metrics token"));
        }
        Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics_text();
        return r;
      },
      {.summary = "Prometheus metrics (loopback clients, or Authorization: Bearer <metrics_token>)",
       .tag = "system",
       .requires_auth = false});
  router.Add("GET", "/api/v1/openapi.json",
             [openapi_text](Context&) {
               Response r;
               r.body = openapi_text();
               return r;
             },
             {.summary = "This API's OpenAPI 3 document", .tag = "system", .requires_auth = false});
}

}  // namespace lianyin::http::handlers
