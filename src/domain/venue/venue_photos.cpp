// VenueService: photos — uploading, listing, reading and deleting them.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "domain/account/scope.hpp"
#include "domain/venue/venue_internal.hpp"
#include "domain/venue/venue_repo.hpp"
#include "domain/venue/venue_rules.hpp"
#include "domain/venue/venue_service.hpp"

namespace lianyin::domain::venue {

core::Result<Photo> VenueService::AddPhoto(const account::Actor& actor, std::int64_t venue_id,
                                           const std::string& file_name,
                                           const std::string& content) {
  auto media_type = CheckPhoto(file_name, content);
  if (!media_type) return media_type.error();
  Photo photo;
  photo.venue_id = venue_id;
  photo.file_name = file_name;
  photo.media_type = *media_type;
  photo.size = static_cast<std::int64_t>(content.size());
  photo.sha256 = core::Sha256Hex(core::AsBytes(content));
  photo.by_user_id = actor.user_id;
  const std::string at = core::FormatDateTime(clock_());
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<Photo> {
    VenueRepo repo(tx.session());
    auto venue = LoadChangeable(repo, scope, venue_id);
    if (!venue) return venue.error();
    if (!repo.TakePhotoSlot(venue_id, kMaxPhotos)) {
      return core::Error::Conflict(fmt::format("a venue may have at most {} photos", kMaxPhotos));
    }
    const std::int64_t id = repo.InsertPhoto(photo, content, at);
    Photo created = repo.FindPhoto(venue_id, id, false).value().photo;
    tx.Record({"create", "venue_photo", std::to_string(id), nullptr, AuditJson(created), true,
               venue->unit_id});
    return created;
  });
}

core::Result<std::vector<Photo>> VenueService::Photos(const account::Actor&,
                                                      std::int64_t venue_id) {
  store::Session session = writer_.db().Acquire();
  VenueRepo repo(session);
  if (!repo.FindPublicVenue(venue_id)) return common::OutOfScope();
  return repo.Photos(venue_id);
}

core::Result<PhotoFile> VenueService::PhotoContent(const account::Actor&, std::int64_t venue_id,
                                                   std::int64_t photo_id) {
  store::Session session = writer_.db().Acquire();
  auto file = VenueRepo(session).FindPhoto(venue_id, photo_id, true);
  if (!file) return common::OutOfScope();
  return std::move(*file);
}

core::Result<void> VenueService::DeletePhoto(const account::Actor& actor, std::int64_t venue_id,
                                             std::int64_t photo_id) {
  const account::Scope scope = account::ScopeOf(actor);
  return writer_.Run(OriginOf(actor), [&](common::WriteTx& tx) -> core::Result<void> {
    VenueRepo repo(tx.session());
    auto venue = LoadChangeable(repo, scope, venue_id);
    if (!venue) return venue.error();
    auto file = repo.FindPhoto(venue_id, photo_id, false);
    if (!file) return common::OutOfScope();
    repo.DeletePhoto(photo_id);
    repo.ReleasePhotoSlot(venue_id);
    tx.Record({"delete", "venue_photo", std::to_string(photo_id), AuditJson(file->photo), nullptr,
               true, venue->unit_id});
    return {};
  });
}

}  // namespace lianyin::domain::venue
