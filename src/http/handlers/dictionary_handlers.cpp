#include <boost/json.hpp>

#include "domain/dictionary/dictionary.hpp"
#include "http/error_mapping.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {
namespace {

namespace dictionary = domain::dictionary;

boost::json::object DictionaryJson(const dictionary::Dictionary& d) {
  boost::json::array entries;
  for (const dictionary::Entry& e : d.entries) {
    entries.push_back(
        boost::json::object{{"code", e.code}, {"label", e.label}, {"label_en", e.label_en}});
  }
  return {{"name", d.name},
          {"label", d.label},
          {"label_en", d.label_en},
          {"entries", std::move(entries)}};
}

// Reference data that changes only with a release: browsers may keep it a few minutes.
Response Cacheable(Response r) {
  r.SetHeader("Cache-Control", "public, max-age=300");
  return r;
}

}  // namespace

void AddDictionaryRoutes(Router& router) {
  router.Add(
      "GET", "/api/v1/dictionaries",
      [](Context&) {
        boost::json::array items;
        for (const dictionary::Dictionary& d : dictionary::All())
          items.push_back(DictionaryJson(d));
        const auto n = static_cast<std::int64_t>(items.size());
        return Cacheable(JsonResponse(200, ListEnvelope(std::move(items), n, 1, n)));
      },
      {.summary = "The data dictionary: every code people see, labelled in zh-CN and English",
       .tag = "dictionaries",
       .requires_auth = false});
  router.Add("GET", "/api/v1/dictionaries/{name}",
             [](Context& ctx) {
               const dictionary::Dictionary* d = dictionary::Find(ctx.Param("name"));
               if (d == nullptr) return ErrorResponse(core::Error::NotFound("no such dictionary"));
               return Cacheable(JsonResponse(200, DictionaryJson(*d)));
             },
             {.summary = "One dictionary of the data dictionary",
              .tag = "dictionaries",
              .requires_auth = false});
}

}  // namespace lianyin::http::handlers
