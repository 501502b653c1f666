#include "domain/dictionary/messages.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/period.hpp"
#include "core/phone.hpp"
#include "core/resident_id.hpp"
#include "core/uscc.hpp"
#include "domain/dictionary/dictionary.hpp"
#include "domain/dictionary/messages_catalogue.hpp"
#include "domain/event/event_rules.hpp"
#include "domain/venue/venue_rules.hpp"
#include "domain/worker/worker.hpp"
#include "domain/worker/worker_rules.hpp"

namespace lianyin::domain::dictionary {
namespace {

TEST(PreferredLang, ChineseUnlessEnglishIsPreferred) {
  EXPECT_EQ(PreferredLang(""), Lang::kZh);
  EXPECT_EQ(PreferredLang("zh-CN,zh;q=0.9,en;q=0.8"), Lang::kZh);
  EXPECT_EQ(PreferredLang("en-US,en;q=0.9"), Lang::kEn);
  EXPECT_EQ(PreferredLang("EN"), Lang::kEn);
  EXPECT_EQ(PreferredLang("en;q=0.5, zh-Hans;q=0.7"), Lang::kZh);
  EXPECT_EQ(PreferredLang("zh;q=0.5, en;q=0.7"), Lang::kEn);
  EXPECT_EQ(PreferredLang("en, zh"), Lang::kEn);  // equal quality: the first named
  EXPECT_EQ(PreferredLang("zh, en"), Lang::kZh);
  EXPECT_EQ(PreferredLang("fr-FR, de"), Lang::kZh);
  EXPECT_EQ(PreferredLang("en;q=0"), Lang::kZh);  // q=0: not acceptable
  EXPECT_EQ(PreferredLang("english"), Lang::kZh);
  EXPECT_EQ(LangTag(Lang::kZh), "zh-CN");
  EXPECT_EQ(LangTag(Lang::kEn), "en");
}

TEST(Translate, ExactMessagesAndFieldLabels) {
  EXPECT_EQ(Translate("is required", Lang::kZh), "不能为空");
  EXPECT_EQ(Translate("is required", Lang::kEn), "is required");
  EXPECT_EQ(FieldLabel("uscc", Lang::kZh), "统一社会信用代码");
  EXPECT_EQ(FieldLabel("uscc", Lang::kEn), "credit code");
  EXPECT_EQ(FieldLabel("no_such_field", Lang::kZh), "no_such_field");
}

TEST(Translate, CarriesParametersAndLabelsCodes) {
  EXPECT_EQ(Translate("must be at most 200 characters", Lang::kZh), "不能超过 200 个字符");
  EXPECT_EQ(Translate("must have 2-100 characters", Lang::kZh), "须为 2–100 个字符");
  EXPECT_EQ(Translate("cannot go from registered to deregistered", Lang::kZh),
            "不能从“登记”变为“已注销”");
  EXPECT_EQ(Translate("a union unit cannot hang below a civil_affairs unit", Lang::kZh),
            "工会单位不能设在民政部门单位之下");
  // A parameter that is itself a message is translated too.
  EXPECT_EQ(Translate("CSV row 3: unexpected character after a closing quote", Lang::kZh),
            "CSV 第 3 行：右引号后有多余字符");
  EXPECT_EQ(Translate("wrong password; account locked", Lang::kZh), "密码错误；账号已锁定");
  EXPECT_EQ(Translate("wrong password; account already locked", Lang::kZh),
            "密码错误；账号此前已锁定");
}

TEST(Translate, TheMostSpecificTemplateWins) {
  EXPECT_EQ(Translate("an organisation with this USCC exists: 西安市职工协会 (id 12)", Lang::kZh),
            "统一社会信用代码已被“西安市职工协会”使用");
  EXPECT_EQ(Translate("an organisation with this USCC exists", Lang::kZh),
            "统一社会信用代码已被使用");
  // A holder's name containing the separator still names the whole holder.
  EXPECT_EQ(Translate("already registered to A (id 1) 协会", Lang::kZh), "已被“A (id 1) 协会”使用");
}

TEST(Translate, UnknownTextIsReturnedUnchanged) {
  EXPECT_EQ(Translate("something no catalogue knows", Lang::kZh), "something no catalogue knows");
  EXPECT_FALSE(TranslationOf("something no catalogue knows"));
  EXPECT_FALSE(TranslationOf("must be at most  characters"));  // an empty parameter
  EXPECT_TRUE(TranslationOf("more than 7 rows"));
}

// Every marker in a Chinese template names an existing parameter and a known kind; every
// English template is listed once; every translation has Chinese in it.
TEST(Catalogue, TemplatesAreWellFormed) {
  std::set<std::string_view> seen;
  for (const Message& m : Messages()) {
    EXPECT_TRUE(seen.insert(m.en).second) << "listed twice: " << m.en;
    std::size_t params = 0;
    for (std::size_t at = 0; (at = m.en.find("{}", at)) != std::string_view::npos; at += 2)
      ++params;
    EXPECT_NE(m.en.find("{}{}"), 0u) << m.en;
    bool chinese = false;
    for (unsigned char c : m.zh) chinese = chinese || c >= 0xE4;
    EXPECT_TRUE(chinese) << m.en;
    for (std::size_t open = 0; (open = m.zh.find('{', open)) != std::string_view::npos; ++open) {
      const std::size_t close = m.zh.find('}', open);
      ASSERT_NE(close, std::string_view::npos) << m.zh;
      const std::string_view marker = m.zh.substr(open + 1, close - open - 1);
      const std::string_view index = marker.substr(0, marker.find(':'));
      ASSERT_EQ(index.size(), 1u) << m.zh;
      EXPECT_LT(static_cast<std::size_t>(index[0] - '0'), params) << m.zh;
      if (marker.size() > 1) {
        const std::string_view kind = marker.substr(2);
        EXPECT_TRUE(kind == "msg" || kind == "field" || Find(kind) != nullptr) << m.zh;
      }
    }
  }
  std::set<std::string_view> fields;
  for (const FieldName& f : FieldNames()) {
    EXPECT_TRUE(fields.insert(f.field).second) << f.field;
    EXPECT_FALSE(f.zh.empty());
    EXPECT_FALSE(f.en.empty());
  }
}

void ExpectTranslated(const core::Error& error) {
  EXPECT_TRUE(TranslationOf(error.message) || !error.details.empty()) << error.message;
  for (const core::FieldError& d : error.details) {
    EXPECT_TRUE(TranslationOf(d.message)) << d.message;
  }
}

// The value checks of core/ word their messages in the catalogue's terms.
TEST(Catalogue, CoversTheValueChecks) {
  const core::Date today{2026, 12, 1};
  for (const char* bad : {"91110000", "91350100M000100Y4X", "51350100M000100Y4X"}) {
    if (auto u = core::ParseUscc(bad); !u) ExpectTranslated(u.error());
  }
  if (auto u = core::ValidateOrgUscc("91350100M000100Y42", core::OrgType::kSocialGroup); !u) {
    ExpectTranslated(u.error());
  }
  ExpectTranslated(core::ParseDate("2023-13-01").error());
  ExpectTranslated(core::ParseDateTime("yesterday").error());
  ExpectTranslated(core::NormaliseMobile("12345").error());
  ExpectTranslated(core::ValidateContactPhone("abc").error());
  ExpectTranslated(core::ParseYuan("12.345").error());
  ExpectTranslated(core::ParsePeriod("2023Q5").error());
  ExpectTranslated(core::ParseResidentId("123", today).error());
  ExpectTranslated(core::ParseResidentId("110101199913320013", today).error());
  ExpectTranslated(core::ParseResidentId("110101199003070000", today).error());
}

// Every message of the venue rules and use cases has its Chinese.
TEST(Catalogue, CoversTheVenueMessages) {
  const core::DateTime now = core::ParseDateTime("2023-05-01T08:00:00+08:00").value();
  ExpectTranslated(venue::CheckNewVenue({"", 1, "35", "", 0, {}, {}, {}}).error());
  ExpectTranslated(venue::CheckVenueMove(venue::VenueStatus::kActive, {"gone", {}}).error());
  ExpectTranslated(venue::CheckVenueMove(venue::VenueStatus::kClosed, {"closed", {}}).error());
  ExpectTranslated(
      venue::CheckNewBooking({1, "2023-04-01T09:00:00", "2023-04-01T08:00:00", "", 0}, now)
          .error());
  ExpectTranslated(
      venue::CheckNewBooking({1, "2023-05-02T09:00:00", "2023-05-12T08:00:00", "x", 1}, now)
          .error());
  ExpectTranslated(venue::CheckNewBooking({1, "soon", "later", "x", 1}, now).error());
  ExpectTranslated(venue::CheckReview({"maybe", {}}).error());
  ExpectTranslated(venue::CheckCalendarRange("2023-05-02", "2023-05-01").error());
  ExpectTranslated(venue::CheckCalendarRange("2023-01-01", "2023-05-01").error());
  ExpectTranslated(venue::CheckCalendarRange("May", "June").error());
  ExpectTranslated(
      venue::IllegalMove(venue::BookingStatus::kRejected, venue::BookingStatus::kApproved));
  for (const char* message :
       {"the venue is already booked on 2023-05-09, 2023-05-23",
        "2023-05-09T09:00:00+08:00 overlaps a pending or approved booking",
        "the venue is closed and takes no bookings",
        "approving it would overlap an approved booking of the venue",
        "a booking that has ended cannot be cancelled", "the venue's unit reviews its bookings",
        "organisations book venues", "the venue changed meanwhile: try again"}) {
    EXPECT_TRUE(TranslationOf(message)) << message;
  }
  EXPECT_EQ(Translate("a booking that is rejected cannot become approved", Lang::kZh),
            "预约当前为“已驳回”，不能变为“已批准”");
}

// Every message of the event rules and use cases has its Chinese.
TEST(Catalogue, CoversTheEventMessages) {
  using event::EventFields;
  const core::DateTime now = core::ParseDateTime("2023-05-12T08:00:00+08:00").value();
  EventFields bad{"",
                  "music",
                  std::string(5001, 'x'),
                  "2023-05-10T09:00:00",
                  "2023-05-10T08:00:00",
                  0,
                  "2023-05-11T00:00:00",
                  "2023-05-10T09:00:00",
                  {"A", "a", "a", "b", "c", "d", "e", "f", "g", "h", "i"},
                  "35",
                  ""};
  ExpectTranslated(event::CheckEventFields(bad).error());
  EventFields window{"讲座",
                     "health",
                     {},
                     "2023-05-10T09:00:00",
                     "2023-06-20T08:00:00",
                     5,
                     {},
                     "2023-06-21T00:00:00",
                     {},
                     "350100",
                     "地址"};
  ExpectTranslated(event::CheckEventFields(window).error());
  event::EventPatch patch;
  patch.address = "别处";
  ExpectTranslated(event::ApplyPatch(window, patch, true).error());
  event::Event e;
  e.status = event::EventStatus::kCancelled;
  e.start = "2023-05-10T09:00:00+08:00";
  e.end = "2023-05-10T12:00:00+08:00";
  e.signup_opens = "2023-05-13T00:00:00+08:00";
  e.signup_closes = "2023-05-10T09:00:00+08:00";
  ExpectTranslated(event::CheckTransition(e, {"gone", {}}, now).error());
  ExpectTranslated(event::CheckTransition(e, {"published", {}}, now).error());
  ExpectTranslated(event::CheckSignupOpen(e, now).error());
  ExpectTranslated(event::CheckCheckinTime(e, now, now).error());
  e.status = event::EventStatus::kPublished;
  ExpectTranslated(event::CheckTransition(e, {"cancelled", {}}, now).error());
  ExpectTranslated(event::CheckSignupOpen(e, now).error());
  ExpectTranslated(event::CheckCheckinTime(e, now, now).error());
  ExpectTranslated(event::CheckCheckinTime(e, now, core::DateTime{0}).error());  // the future
  e.signup_opens.reset();
  e.signup_closes = "2023-05-11T00:00:00+08:00";
  ExpectTranslated(event::CheckSignupOpen(e, now).error());
  const core::DateTime before = core::ParseDateTime("2023-05-09T08:00:00+08:00").value();
  ExpectTranslated(event::CheckTransition(e, {"ended", {}}, before).error());
  for (const char* message :
       {"must be a booking of the organisation",
        "must be an approved booking",
        "must cover the event's time (booked 2023-05-10T08:00:00+08:00 to "
        "2023-05-10T18:00:00+08:00)",
        "must not exceed the venue's capacity of 200",
        "no such booking",
        "must be a project the organisation provides",
        "must be a contracted or in-progress project",
        "organisations and officers create events",
        "the event would belong to a unit outside your scope: link a booking or a project of "
        "your scope",
        "an event that is ended cannot be changed",
        "3 seats are taken: the capacity cannot be lower",
        "the event changed meanwhile: try again",
        "the worker has signed up for this event already",
        "the event is full",
        "workers sign up themselves or through officers",
        "the event is cancelled: its sign-ups stay as they are",
        "a sign-up is cancelled before the event starts",
        "only workers have events of their own",
        "the worker has checked in already",
        "has checked in already",
        "only officers record the time of a check-in",
        "only officers check in a list",
        "is not the event's current check-in code",
        "scan the event's QR code or enter its code",
        "check in needs a confirmed sign-up",
        "must name 1 to 200 workers",
        "not an event_status code",
        "not a signup_status code",
        "must be an http or https origin"}) {
    EXPECT_TRUE(TranslationOf(message)) << message;
  }
  EXPECT_EQ(Translate("an event that is draft cannot become ended", Lang::kZh),
            "活动当前为“草稿”，不能变为“已结束”");
}

// Every message of the worker rules and use cases has its Chinese.
TEST(Catalogue, CoversTheWorkerMessages) {
  const core::Date today = core::ParseDate("2026-05-01").value();
  ExpectTranslated(worker::NormaliseWorker(
                       {"", "123", "abc", std::string(101, 'x'), "35", {"astronaut"}, {}}, today)
                       .error());
  ExpectTranslated(worker::CheckActivation({"", "", "", ""}, today).error());
  for (const char* message :
       {"a worker with this phone is already registered", "the worker changed meanwhile: try again",
        "the name, ID number and phone do not match a worker on the roster",
        "this worker already has an account", "unknown worker group 宇航员", "has no data rows",
        "at most 20 groups", "duplicates row 2"}) {
    EXPECT_TRUE(TranslationOf(message)) << message;
  }
  for (const char* field : {"id_number", "employer", "groups", "group"}) {
    EXPECT_NE(FieldLabel(field, Lang::kZh), field);
  }
}

}  // namespace
}  // namespace lianyin::domain::dictionary
