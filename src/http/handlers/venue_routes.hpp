#pragma once
// The venue routes' second file (internal to the handlers).

#include "http/router.hpp"

namespace lianyin::domain::venue {
class VenueService;
}

namespace lianyin::http::handlers {

// A venue's photos: upload, list, read, delete (venue_photo_handlers.cpp).
void AddVenuePhotoRoutes(Router& router, domain::venue::VenueService& venues);

}  // namespace lianyin::http::handlers
