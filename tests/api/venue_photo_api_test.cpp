// Venue photos (issue #11 point 1; docs/api.md "Venues and bookings (issue #11)", photos) over
// HTTP on both engines: uploads by the venue's unit (raw and multipart), typed by their first
// bytes and extension (422 otherwise), 413 over 5 MiB, at most 10 a venue — exact under parallel
// uploads —, read by everyone (the venue's cover_photo_id is the first), deleted by its unit,
// each change in the audit log.

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "api/venue_fixture.hpp"
#include "core/crypto.hpp"

namespace lianyin::test {
namespace {

namespace json = boost::json;

// The first bytes of each format, then a few more (the server reads no further).
constexpr char kPngBytes[] = "\x89PNG\r\n\x1A\nIHDR-venue-photo";
constexpr char kJpegBytes[] = "\xFF\xD8\xFF\xE0JFIF-venue-photo";
constexpr char kWebpBytes[] = "RIFF\x20\x00\x00\x00WEBPVP8 photo";
const std::string kPng(kPngBytes, sizeof kPngBytes - 1);
const std::string kJpeg(kJpegBytes, sizeof kJpegBytes - 1);
const std::string kWebp(kWebpBytes, sizeof kWebpBytes - 1);

class VenuePhotoApiTest : public VenueApiFixture {
 protected:
  // POST …/photos?file_name= with the raw `content` as `as`.
  HttpResult Upload(const Session& as, std::int64_t venue, const std::string& file_name,
                    const std::string& content) {
    return Send(port_, "POST", V(venue, "/photos?file_name=" + file_name),
                {{"Cookie", as.cookie}, {"X-CSRF-Token", as.csrf}, {"Content-Type", "image/png"}},
                content);
  }
  std::string Photo(std::int64_t venue, std::int64_t photo) {
    return V(venue, "/photos/" + std::to_string(photo));
  }
};

TEST_P(VenuePhotoApiTest, PhotosAreStoredWithTheirHashTypedByContentAndShownToEveryone) {
  const std::int64_t venue = MakeVenue();
  EXPECT_TRUE(Get(V(venue)).at("cover_photo_id").is_null());
  EXPECT_EQ(Get(V(venue)).at("photo_count").as_int64(), 0);

  auto png = Upload(union_, venue, "%E5%A4%A7%E5%8E%85.png", kPng);  // 大厅.png
  ASSERT_EQ(png.status, 201) << png.body;
  const json::object first = Json(png);
  EXPECT_EQ(first.at("file_name").as_string(), "大厅.png");
  EXPECT_EQ(first.at("media_type").as_string(), "image/png");
  EXPECT_EQ(first.at("size").as_int64(), static_cast<std::int64_t>(kPng.size()));
  EXPECT_EQ(first.at("sha256").as_string(), core::Sha256Hex(core::AsBytes(kPng)));
  EXPECT_EQ(first.at("venue_id").as_int64(), venue);
  const std::int64_t first_id = first.at("id").as_int64();

  // multipart/form-data, part `file`, its file name.
  const std::string boundary = "lianyinboundary";
  const std::string body = "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; "
                           "filename=\"活动室.JPG\"\r\nContent-Type: image/jpeg\r\n\r\n" +
                           kJpeg + "\r\n--" + boundary + "--\r\n";
  auto jpeg = Send(port_, "POST", V(venue, "/photos"),
                   {{"Cookie", union_.cookie},
                    {"X-CSRF-Token", union_.csrf},
                    {"Content-Type", "multipart/form-data; boundary=" + boundary}},
                   body);
  ASSERT_EQ(jpeg.status, 201) << jpeg.body;
  EXPECT_EQ(Json(jpeg).at("media_type").as_string(), "image/jpeg");
  EXPECT_EQ(Json(jpeg).at("file_name").as_string(), "活动室.JPG");
  auto webp = Upload(union_, venue, "hall.webp", kWebp);
  ASSERT_EQ(webp.status, 201) << webp.body;
  EXPECT_EQ(Json(webp).at("media_type").as_string(), "image/webp");

  // Not an image, or not the one its extension names: 422 on `file`; a bad name on file_name.
  for (const auto& [name, content] : std::vector<std::pair<std::string, std::string>>{
           {"a.png", kJpeg}, {"a.gif", "GIF89a......"}, {"a.jpg", "%PDF-1.4"}, {"a.jpg", ""}}) {
    auto refused = Upload(union_, venue, name, content);
    ASSERT_EQ(refused.status, 422) << name << ": " << refused.body;
    EXPECT_EQ(Field(refused), "file") << name;
  }
  auto unnamed = Upload(union_, venue, "", kPng);
  ASSERT_EQ(unnamed.status, 422);
  EXPECT_EQ(Field(unnamed), "file_name");
  auto big = Upload(union_, venue, "big.png", kPng + std::string(5u << 20, 'x'));
  ASSERT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(Message(big), "照片不能超过 5 MiB");

  // Everyone reads the list and the image; the venue's first photo is its cover.
  for (const Session* s : {&member_, &worker_, &expert_, &foreign_}) {
    const json::object list = Get(V(venue, "/photos"), s);
    ASSERT_EQ(list.at("items").as_array().size(), 3u);
    EXPECT_EQ(list.at("items").at(0).at("id").as_int64(), first_id);
  }
  EXPECT_EQ(Get(V(venue)).at("cover_photo_id").as_int64(), first_id);
  EXPECT_EQ(Get(V(venue)).at("photo_count").as_int64(), 3);
  const json::object listed = Get("/api/v1/venues", &member_);
  EXPECT_EQ(listed.at("items").at(0).at("cover_photo_id").as_int64(), first_id);
  auto image = Call(worker_, "GET", Photo(venue, first_id));
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.body, kPng);
  EXPECT_EQ(image.Header("content-type"), "image/png");
  EXPECT_EQ(image.Header("x-content-sha256"), first.at("sha256").as_string());
  EXPECT_EQ(image.Header("x-content-type-options"), "nosniff");

  // Another venue's photo id under this venue, or no such venue: 404.
  const std::int64_t other = MakeVenue("朝阳职工书屋");
  EXPECT_EQ(Call(member_, "GET", Photo(other, first_id)).status, 404);
  EXPECT_EQ(Call(member_, "GET", V(venue + 1000, "/photos")).status, 404);
  EXPECT_EQ(Upload(union_, venue + 1000, "a.png", kPng).status, 404);

  // Changes are for the venue's unit: another province 403, org members and workers 403.
  EXPECT_EQ(Upload(foreign_, venue, "a.png", kPng).status, 403);
  EXPECT_EQ(Upload(member_, venue, "a.png", kPng).status, 403);
  EXPECT_EQ(Call(foreign_, "DELETE", Photo(venue, first_id)).status, 403);
  EXPECT_EQ(Call(member_, "DELETE", Photo(venue, first_id)).status, 403);
  ASSERT_EQ(Call(union_, "DELETE", Photo(venue, first_id)).status, 200);
  EXPECT_EQ(Call(union_, "GET", Photo(venue, first_id)).status, 404);
  EXPECT_EQ(Call(union_, "DELETE", Photo(venue, first_id)).status, 404);
  EXPECT_EQ(Get(V(venue)).at("cover_photo_id").as_int64(), Json(jpeg).at("id").as_int64());
  EXPECT_EQ(Get(V(venue)).at("photo_count").as_int64(), 2);

  // The audit log: three uploads and a deletion, owned by the venue's unit.
  EXPECT_EQ(
      Get("/api/v1/audit?entity=venue_photo&action=create&outcome=success").at("total").as_int64(),
      3);
  EXPECT_EQ(
      Get("/api/v1/audit?entity=venue_photo&action=delete&outcome=success").at("total").as_int64(),
      1);
}

// At most 10 photos a venue: the eleventh → 409; a deletion frees a place. 14 parallel uploads to
// an empty venue: exactly 10 succeed, the rest 409 (never 500), on both engines.
TEST_P(VenuePhotoApiTest, AVenueHoldsAtMostTenPhotosEvenUnderParallelUploads) {
  const std::int64_t venue = MakeVenue();
  std::int64_t last = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = Upload(union_, venue, "p" + std::to_string(i) + ".png", kPng);
    ASSERT_EQ(r.status, 201) << r.body;
    last = Json(r).at("id").as_int64();
  }
  auto full = Upload(union_, venue, "p10.png", kPng);
  ASSERT_EQ(full.status, 409) << full.body;
  EXPECT_EQ(Message(full), "每个场地最多 10 张照片");
  ASSERT_EQ(Call(union_, "DELETE", Photo(venue, last)).status, 200);
  EXPECT_EQ(Upload(union_, venue, "p11.png", kPng).status, 201);

  constexpr int kUploads = 14;
  for (int round = 0; round < 2; ++round) {
    const std::int64_t fresh = MakeVenue("并发照片场地" + std::to_string(round));
    std::vector<HttpResult> answers(kUploads);
    std::vector<std::thread> threads;
    for (int k = 0; k < kUploads; ++k) {
      threads.emplace_back([&, k] {
        answers[k] = Upload(k % 2 ? union_ : admin_, fresh, "c" + std::to_string(k) + ".png", kPng);
      });
    }
    for (auto& t : threads) t.join();
    std::map<int, int> counted;
    for (const HttpResult& a : answers) {
      ++counted[a.status];
      EXPECT_TRUE(a.status == 201 || a.status == 409) << a.status << ": " << a.body;
    }
    EXPECT_EQ(counted[201], 10) << "round " << round;
    EXPECT_EQ(counted[409], kUploads - 10) << "round " << round;
    EXPECT_EQ(Get(V(fresh, "/photos")).at("items").as_array().size(), 10u);
    EXPECT_EQ(Get(V(fresh)).at("photo_count").as_int64(), 10);
  }
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(VenuePhotoApiTest);

}  // namespace
}  // namespace lianyin::test
