// Routes of a venue's photos (docs/api.md "Venues and bookings (issue #11)", photos): JPEG, PNG
// or WebP images uploaded by the venue's unit and shown to everyone logged in.

#include <boost/json.hpp>

#include "domain/venue/venue_service.hpp"
#include "http/handlers/download.hpp"
#include "http/handlers/query.hpp"
#include "http/handlers/venue_json.hpp"
#include "http/handlers/venue_routes.hpp"
#include "http/handlers/with_id.hpp"
#include "tabular/multipart.hpp"

namespace lianyin::http::handlers {
namespace {

namespace venue = domain::venue;
namespace json = boost::json;
using venue::VenueService;

// The uploaded photo: the `file` part of multipart/form-data (its file name unless ?file_name=
// names one), or the raw body with ?file_name=.
Response Upload(VenueService& s, Context& ctx, std::int64_t id) {
  const Request& request = ctx.request;
  std::string file_name = QueryText(request, "file_name").value_or("");
  std::string content;
  const std::string content_type(request.Header("content-type").value_or(""));
  if (content_type.rfind("multipart/form-data", 0) == 0) {
    auto part = tabular::FindPart(request.body, content_type, "file");
    if (!part) return ErrorResponse(core::Error::Invalid("file", part.error().message));
    if (file_name.empty()) file_name = part->filename;
    content.assign(part->data);
  } else {
    content = request.body;
  }
  return ResultOr(201, s.AddPhoto(*ctx.actor, id, file_name, content), PhotoJson);
}

// The image itself: its media type, its name and hash; cached by the browser (a photo's id
// never names other content).
Response Show(VenueService& s, Context& ctx, std::int64_t id, std::int64_t photo_id) {
  auto file = s.PhotoContent(*ctx.actor, id, photo_id);
  if (!file) return ErrorResponse(file.error());
  Response r;
  r.content_type = file->photo.media_type;
  r.body = std::move(file->content);
  const std::string& name = file->photo.file_name;
  const auto dot = name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  r.SetHeader("Content-Disposition",
              Disposition({name, "venue-photo-" + std::to_string(photo_id) + ext}));
  r.SetHeader("X-Content-SHA256", file->photo.sha256);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Cache-Control", "private, max-age=86400");
  return r;
}

}  // namespace

void AddVenuePhotoRoutes(Router& router, VenueService& venues) {
  const auto with_id = [&venues](auto f) {
    return WithId("id", [&venues, f](Context& ctx, std::int64_t id) { return f(venues, ctx, id); });
  };
  const auto with_photo = [&venues](auto f) {
    return WithIds("id", "photo_id",
                   [&venues, f](Context& ctx, std::int64_t id, std::int64_t part) {
                     return f(venues, ctx, id, part);
                   });
  };
  router.Add("GET", "/api/v1/venues/{id}/photos",
             with_id([](VenueService& s, Context& ctx, std::int64_t id) {
               auto photos = s.Photos(*ctx.actor, id);
               if (!photos) return ErrorResponse(photos.error());
               json::array items;
               for (const venue::Photo& p : *photos) items.push_back(PhotoJson(p));
               return JsonResponse(200, json::object{{"items", std::move(items)}});
             }),
             {.summary = "The venue's photos in upload order (the first is its thumbnail)",
              .tag = "venues",
              .permission = "venue:venue:list",
              .response_schema = json::serialize(PhotoListSchema())});
  router.Add("POST", "/api/v1/venues/{id}/photos", with_id(Upload),
             {.summary = "Add a photo (multipart part `file`, or the raw body with ?file_name=): "
                         "JPEG, PNG or WebP by content, at most 5 MiB, 10 a venue",
              .tag = "venues",
              .permission = "venue:venue:edit",
              .large_body = true,
              .response_schema = json::serialize(PhotoSchema())});
  router.Add("GET", "/api/v1/venues/{id}/photos/{photo_id}", with_photo(Show),
             {.summary = "The photo's image (X-Content-SHA256 carries its hash)",
              .tag = "venues",
              .permission = "venue:venue:list"});
  router.Add("DELETE", "/api/v1/venues/{id}/photos/{photo_id}",
             with_photo([](VenueService& s, Context& ctx, std::int64_t id, std::int64_t part) {
               return EmptyOr(s.DeletePhoto(*ctx.actor, id, part));
             }),
             {.summary = "Delete a photo", .tag = "venues", .permission = "venue:venue:edit"});
}

}  // namespace lianyin::http::handlers
