#include "domain/venue/venue_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::venue {
namespace {

// 2023-05-01T08:00:00+08:00
const core::DateTime kNow = core::ParseDateTime("2023-05-01T08:00:00+08:00").value();

NewVenue ValidVenue() {
  return {"福州市职工服务中心多功能厅", 7,           "350100",
          "福州市鼓楼区五一北路 1 号",  200,         "投影、音响",
          "周一至周五 9:00-21:00",      std::nullopt};
}

NewBooking ValidBooking() {
  return {3, "2023-05-02T09:00:00+08:00", "2023-05-02T11:00:00+08:00", "职工健康讲座", 1};
}

template <class T>
bool HasField(const core::Result<T>& r, const std::string& field) {
  if (r) return false;
  for (const auto& d : r.error().details) {
    if (d.field == field) return true;
  }
  return false;
}

TEST(VenueRules, AcceptsAValidVenueAndNamesEveryBadField) {
  EXPECT_TRUE(CheckNewVenue(ValidVenue()));
  NewVenue v = ValidVenue();
  v.name = "";
  v.region_code = "3501";
  v.address = std::string(201, 'a');
  v.capacity = 0;
  v.opening_hours = std::string(201, 'h');
  const auto r = CheckNewVenue(v);
  for (const char* field : {"name", "region_code", "address", "capacity", "opening_hours"}) {
    EXPECT_TRUE(HasField(r, field)) << field;
  }
  v = ValidVenue();
  v.name.clear();
  for (int i = 0; i < 100; ++i) v.name += "场";  // 100 characters, 300 bytes
  v.capacity = kMaxCapacity;
  EXPECT_TRUE(CheckNewVenue(v));
  v.name += "地";
  v.capacity = kMaxCapacity + 1;
  EXPECT_TRUE(HasField(CheckNewVenue(v), "name"));
  EXPECT_TRUE(HasField(CheckNewVenue(v), "capacity"));
}

TEST(VenueRules, PatchesClearOptionalTextsAndAreChecked) {
  VenuePatch patch;
  patch.facilities = std::optional<std::string>("");
  patch.capacity = 50;
  auto next = ApplyPatch(ValidVenue(), patch);
  ASSERT_TRUE(next);
  EXPECT_FALSE(next->facilities);
  EXPECT_EQ(next->capacity, 50);
  EXPECT_EQ(next->opening_hours, ValidVenue().opening_hours);
  patch.capacity = -1;
  EXPECT_TRUE(HasField(ApplyPatch(ValidVenue(), patch), "capacity"));
}

TEST(VenueRules, VenuesCloseAndReopen) {
  EXPECT_EQ(CheckVenueMove(VenueStatus::kActive, {"closed", {}}).value(), VenueStatus::kClosed);
  EXPECT_EQ(CheckVenueMove(VenueStatus::kClosed, {"active", {}}).value(), VenueStatus::kActive);
  EXPECT_EQ(CheckVenueMove(VenueStatus::kClosed, {"closed", {}}).error().code,
            core::ErrorCode::kConflict);
  EXPECT_TRUE(HasField(CheckVenueMove(VenueStatus::kActive, {"gone", {}}), "to"));
}

TEST(VenueRules, ABookingNormalisesItsSlot) {
  NewBooking b = ValidBooking();
  b.start = "2023-05-02T01:00:00Z";  // 09:00 in Shanghai
  b.end = "2023-05-02T11:00:00";     // no offset: +08:00
  auto slots = CheckNewBooking(b, kNow);
  ASSERT_TRUE(slots) << slots.error().message;
  ASSERT_EQ(slots->size(), 1u);
  EXPECT_EQ((*slots)[0].start, "2023-05-02T09:00:00+08:00");
  EXPECT_EQ((*slots)[0].end, "2023-05-02T11:00:00+08:00");
}

TEST(VenueRules, ABookingNamesEveryBadField) {
  NewBooking b = ValidBooking();
  b.end = b.start;
  b.purpose = "";
  b.weeks = 0;
  auto r = CheckNewBooking(b, kNow);
  EXPECT_TRUE(HasField(r, "end"));
  EXPECT_TRUE(HasField(r, "purpose"));
  EXPECT_TRUE(HasField(r, "weeks"));

  b = ValidBooking();
  b.start = "2023-04-30T09:00:00+08:00";  // the past
  b.end = "2023-05-08T09:00:01+08:00";    // over 7 days
  b.weeks = kMaxWeeks + 1;
  r = CheckNewBooking(b, kNow);
  EXPECT_TRUE(HasField(r, "start"));
  EXPECT_TRUE(HasField(r, "end"));
  EXPECT_TRUE(HasField(r, "weeks"));

  b = ValidBooking();
  b.start = "tomorrow";
  b.end = "2023-05-02";
  r = CheckNewBooking(b, kNow);
  EXPECT_TRUE(HasField(r, "start"));
  EXPECT_TRUE(HasField(r, "end"));
}

TEST(VenueRules, ExactlySevenDaysAndStartingNowAreAllowed) {
  NewBooking b = ValidBooking();
  b.start = "2023-05-01T08:00:00+08:00";
  b.end = "2023-05-08T08:00:00+08:00";
  EXPECT_TRUE(CheckNewBooking(b, kNow));
}

TEST(VenueRules, AWeeklySeriesRepeatsTheSlot) {
  NewBooking b = ValidBooking();
  b.weeks = kMaxWeeks;
  auto slots = CheckNewBooking(b, kNow);
  ASSERT_TRUE(slots);
  ASSERT_EQ(slots->size(), 52u);
  EXPECT_EQ((*slots)[1].start, "2023-05-09T09:00:00+08:00");
  EXPECT_EQ((*slots)[51].end, "2024-04-23T11:00:00+08:00");
  for (std::size_t i = 1; i < slots->size(); ++i) {
    EXPECT_FALSE(Overlaps((*slots)[i - 1], (*slots)[i]));
  }
  // A week-long weekly series is back to back, and still does not overlap itself.
  b.end = "2023-05-09T09:00:00+08:00";
  b.weeks = 2;
  slots = CheckNewBooking(b, kNow);
  ASSERT_TRUE(slots);
  EXPECT_FALSE(Overlaps((*slots)[0], (*slots)[1]));
}

TEST(VenueRules, IntervalsAreHalfOpen) {
  const Slot nine_ten{"2023-05-02T09:00:00+08:00", "2023-05-02T10:00:00+08:00"};
  const Slot ten_eleven{"2023-05-02T10:00:00+08:00", "2023-05-02T11:00:00+08:00"};
  const Slot half_past{"2023-05-02T09:30:00+08:00", "2023-05-02T10:30:00+08:00"};
  const Slot inside{"2023-05-02T09:10:00+08:00", "2023-05-02T09:20:00+08:00"};
  EXPECT_FALSE(Overlaps(nine_ten, ten_eleven));
  EXPECT_FALSE(Overlaps(ten_eleven, nine_ten));
  EXPECT_TRUE(Overlaps(nine_ten, half_past));
  EXPECT_TRUE(Overlaps(half_past, ten_eleven));
  EXPECT_TRUE(Overlaps(nine_ten, inside));
  EXPECT_TRUE(Overlaps(inside, nine_ten));
  EXPECT_TRUE(Overlaps(nine_ten, nine_ten));
}

TEST(VenueRules, TheBookingLifecycle) {
  using S = BookingStatus;
  EXPECT_TRUE(CanMove(S::kPending, S::kApproved));
  EXPECT_TRUE(CanMove(S::kPending, S::kRejected));
  EXPECT_TRUE(CanMove(S::kPending, S::kCancelled));
  EXPECT_TRUE(CanMove(S::kApproved, S::kCancelled));
  EXPECT_FALSE(CanMove(S::kApproved, S::kRejected));
  EXPECT_FALSE(CanMove(S::kRejected, S::kApproved));
  EXPECT_FALSE(CanMove(S::kCancelled, S::kPending));
  EXPECT_FALSE(CanMove(S::kCancelled, S::kCancelled));
  EXPECT_TRUE(HoldsSlot(S::kPending));
  EXPECT_TRUE(HoldsSlot(S::kApproved));
  EXPECT_FALSE(HoldsSlot(S::kRejected));
  EXPECT_FALSE(HoldsSlot(S::kCancelled));
  EXPECT_EQ(IllegalMove(S::kRejected, S::kApproved).message,
            "a booking that is rejected cannot become approved");
}

TEST(VenueRules, ReviewsAndReasons) {
  EXPECT_EQ(CheckReview({"approve", {}}).value(), BookingStatus::kApproved);
  EXPECT_EQ(CheckReview({"reject", std::string("时间冲突")}).value(), BookingStatus::kRejected);
  EXPECT_TRUE(HasField(CheckReview({"maybe", {}}), "action"));
  EXPECT_TRUE(HasField(CheckReview({"reject", std::string(501, 'r')}), "reason"));
  EXPECT_TRUE(CheckReason(std::nullopt));
  EXPECT_TRUE(HasField(CheckReason(std::string(501, 'r')), "reason"));
}

TEST(VenueRules, CalendarRanges) {
  auto week = CheckCalendarRange("2023-05-01", "2023-05-07");
  ASSERT_TRUE(week);
  EXPECT_EQ(week->first, "2023-05-01T00:00:00+08:00");
  EXPECT_EQ(week->second, "2023-05-08T00:00:00+08:00");
  auto day = CheckCalendarRange("2023-05-01", "2023-05-01");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->second, "2023-05-02T00:00:00+08:00");
  EXPECT_TRUE(CheckCalendarRange("2023-05-01T12:00:00+08:00", "2023-05-01T13:00:00+08:00"));
  EXPECT_TRUE(
      HasField(CheckCalendarRange("2023-05-01T12:00:00+08:00", "2023-05-01T12:00:00+08:00"), "to"));
  EXPECT_TRUE(HasField(CheckCalendarRange("2023-01-01", "2023-03-31"), "to"));
  EXPECT_TRUE(HasField(CheckCalendarRange("May", "2023-03-31"), "from"));
}

TEST(VenueRules, PhotosAreJpegPngOrWebpByTheirFirstBytesAndTheirExtension) {
  const std::string jpeg(
      "\xFF\xD8\xFF\xE0"
      "JFIF",
      8);
  const std::string png(
      "\x89PNG\r\n\x1A\n"
      "IHDR",
      12);
  const std::string webp("RIFF\x10\x00\x00\x00WEBPVP8 ", 16);
  EXPECT_EQ(PhotoMediaType("大厅.jpg", jpeg), "image/jpeg");
  EXPECT_EQ(PhotoMediaType("大厅.JPEG", jpeg), "image/jpeg");
  EXPECT_EQ(PhotoMediaType("hall.png", png), "image/png");
  EXPECT_EQ(PhotoMediaType("hall.WebP", webp), "image/webp");
  // The extension must name what the content is; a GIF, a PDF or a truncated header is none.
  EXPECT_FALSE(PhotoMediaType("hall.png", jpeg));
  EXPECT_FALSE(PhotoMediaType("hall.jpg", png));
  EXPECT_FALSE(PhotoMediaType("hall", jpeg));
  EXPECT_FALSE(PhotoMediaType("hall.gif", "GIF89a"));
  EXPECT_FALSE(PhotoMediaType("hall.jpg", "%PDF-1.7"));
  EXPECT_FALSE(PhotoMediaType("hall.webp", "RIFF\x10\x00\x00\x00WAVE"));
  EXPECT_FALSE(PhotoMediaType("hall.webp", "RIFF"));
  EXPECT_FALSE(PhotoMediaType("hall.jpg", std::string("\xFF\xD8", 2)));

  auto ok = CheckPhoto("大厅.jpg", jpeg);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, "image/jpeg");
  EXPECT_TRUE(HasField(CheckPhoto("大厅.gif", "GIF89a"), "file"));
  EXPECT_TRUE(HasField(CheckPhoto("大厅.jpg", ""), "file"));
  EXPECT_TRUE(HasField(CheckPhoto("", jpeg), "file_name"));
  EXPECT_TRUE(HasField(CheckPhoto("a/b.jpg", jpeg), "file_name"));
  EXPECT_TRUE(HasField(CheckPhoto(std::string(197, 'a') + ".jpeg", jpeg), "file_name"));
  auto both = CheckPhoto("", "");
  EXPECT_TRUE(HasField(both, "file_name") && HasField(both, "file"));
  // Over the size limit: 413 before any other check.
  std::string large = png;
  large.resize(kMaxPhotoBytes + 1, '\0');
  auto too_large = CheckPhoto("", large);
  ASSERT_FALSE(too_large);
  EXPECT_EQ(too_large.error().code, core::ErrorCode::kPayloadTooLarge);
  large.resize(kMaxPhotoBytes);
  EXPECT_TRUE(CheckPhoto("hall.png", large));
}

}  // namespace
}  // namespace lianyin::domain::venue
