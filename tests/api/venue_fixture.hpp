#pragma once
// The fixture of the venue API tests (issue #11; venue_api_test.cpp): the matching fixture's
// units, organisations and role users, and helpers for venues and bookings.

#include <gtest/gtest.h>

#include <string>

#include "api/matching_fixture.hpp"

namespace lianyin::test {

class VenueApiFixture : public MatchingApiFixture {
 protected:
  // A venue of 北京市总工会 in 东城区 unless told otherwise.
  boost::json::object VenueBody(const std::string& name = "职工之家活动中心",
                                std::int64_t unit = 0) const {
    return {{"name", name},
            {"unit_id", unit ? unit : bj_union_},
            {"region_code", unit == sx_union_ ? "610000" : "110101"},
            {"address", "东城区东直门南大街 1 号"},
            {"capacity", 120},
            {"facilities", "投影仪、音响"},
            {"opening_hours", "周一至周五 9:00-21:00"}};
  }
  // Made by the Beijing union officer unless `as` is given (expecting 201).
  std::int64_t MakeVenue(const std::string& name = "职工之家活动中心", const Session* as = nullptr,
                         std::int64_t unit = 0) {
    auto r = Call(as ? *as : union_, "POST", "/api/v1/venues",
                  boost::json::serialize(VenueBody(name, unit)));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("id").as_int64() : 0;
  }

  static std::string V(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/venues/" + std::to_string(id) + rest;
  }
  static std::string B(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/bookings/" + std::to_string(id) + rest;
  }
  // "2030-05-06T10:00:00+08:00" of a date and an hour:minute.
  static std::string At(const std::string& date, const std::string& hm) {
    return date + "T" + hm + ":00+08:00";
  }

  // POST /venues/{id}/bookings as `as` for `org` over [start, end) (hh:mm on `date`).
  HttpResult BookCall(const Session& as, std::int64_t venue, std::int64_t org,
                      const std::string& date, const std::string& start, const std::string& end,
                      std::int64_t weeks = 1) {
    boost::json::object body{{"org_id", org},
                             {"start", At(date, start)},
                             {"end", At(date, end)},
                             {"purpose", "职工技能培训"}};
    if (weeks != 1) body["weeks"] = weeks;
    return Call(as, "POST", V(venue, "/bookings"), boost::json::serialize(body));
  }
  // The same, expecting 201: the first booking's id.
  std::int64_t BookOk(const Session& as, std::int64_t venue, std::int64_t org,
                      const std::string& date, const std::string& start, const std::string& end) {
    auto r = BookCall(as, venue, org, date, start, end);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? Json(r).at("items").at(0).at("id").as_int64() : 0;
  }
  std::string StatusOf(std::int64_t booking) {
    auto r = Call(union_, "GET", B(booking));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? std::string(Json(r).at("status").as_string()) : "";
  }
};

}  // namespace lianyin::test
