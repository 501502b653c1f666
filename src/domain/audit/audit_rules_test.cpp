#include "domain/audit/audit_rules.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace lianyin::domain::audit {
namespace {

// Expected values were computed independently with Python:
//   json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
//   hashlib.sha256((prev_hash + canonical).encode()).hexdigest()

TEST(CanonicalJsonTest, SortsKeysByUtf8BytesAtEveryLevelWithoutSpaces) {
  const auto value = boost::json::parse(
      R"json({"b": 1, "a": {"z": [1, -2, {"y": null, "x": true}], "m": "x"}, "B": false,
              "é": "工会", "中": "\"q\\\n\t\u0001/"})json");
  EXPECT_EQ(CanonicalJson(value),
            R"json({"B":false,"a":{"m":"x","z":[1,-2,{"x":true,"y":null}]},"b":1,"é":"工会",)json"
            R"json("中":"\"q\\\n\t\u0001/"})json");
}

TEST(CanonicalJsonTest, EscapesOnlyQuotesBackslashesAndControlCharacters) {
  const boost::json::value value(std::string("\b\f\x1f\x7f") + "</script>\u2028中");
  EXPECT_EQ(CanonicalJson(value), "\"\\b\\f\\u001f\x7f</script>\u2028中\"");
}

TEST(CanonicalJsonTest, WritesIntegersAsIntegersAndOtherNumbersShortest) {
  EXPECT_EQ(CanonicalJson(boost::json::parse("[0, -9223372036854775808, 18446744073709551615]")),
            "[0,-9223372036854775808,18446744073709551615]");
  EXPECT_EQ(CanonicalJson(boost::json::parse("[1.5, 0.1, -0.25, 2.0]")), "[1.5,0.1,-0.25,2]");
  EXPECT_EQ(CanonicalJson(boost::json::value(12345)), "12345");
  EXPECT_EQ(CanonicalJson(boost::json::parse("{}")), "{}");
  EXPECT_EQ(CanonicalJson(boost::json::parse("[]")), "[]");
}

AuditEntry UnitRename() {
  AuditEntry entry;
  entry.id = 1;
  entry.at = "2026-01-01T09:00:00+08:00";
  entry.event = {7,
                 "admin",
                 "127.0.0.1",
                 "req-1",
                 "update",
                 "unit",
                 "42",
                 boost::json::parse(R"({"name":"旧名"})"),
                 boost::json::parse(R"({"name":"新名","kind":"union"})"),
                 Outcome::kSuccess};
  entry.prev_hash = std::string(kGenesisHash);
  return entry;
}

TEST(EntryHashTest, HashesThePrevHashThenTheCanonicalEntryWithoutHash) {
  const AuditEntry entry = UnitRename();
  EXPECT_EQ(CanonicalJson(EntryJson(entry)),
            R"json({"action":"update","actor_user_id":7,"actor_username":"admin",)json"
            R"json("after":{"kind":"union","name":"新名"},"at":"2026-01-01T09:00:00+08:00",)json"
            R"json("before":{"name":"旧名"},"entity":"unit","entity_id":"42","id":1,)json"
            R"json("ip":"127.0.0.1","outcome":"success","prev_hash":")json" +
                std::string(kGenesisHash) + R"json(","request_id":"req-1"})json");
  EXPECT_EQ(EntryHash(entry), "75dee9af8943859cf383c3e86b5030e7121334922c500ad0a7cde61909ebb945");
}

TEST(EntryHashTest, AbsentValuesAreNullAndTheChainLinksThroughPrevHash) {
  AuditEntry login = UnitRename();
  login.id = 2;
  login.event.actor_user_id.reset();
  login.event.entity_id.reset();
  login.event.before = nullptr;
  login.event.after = nullptr;
  login.event.action = "login";
  login.event.entity = "session";
  login.event.outcome = Outcome::kFailure;
  login.prev_hash = EntryHash(UnitRename());
  EXPECT_EQ(EntryHash(login), "94eb35e4696302bad08b6b6164cd437131a8a69dbd20fb1a64673f200c2c6e46");
}

TEST(EntryHashTest, EveryFieldIsCovered) {
  const std::string original = EntryHash(UnitRename());
  auto changed = [&](auto edit) {
    AuditEntry entry = UnitRename();
    edit(entry);
    return EntryHash(entry) != original;
  };
  EXPECT_TRUE(changed([](AuditEntry& e) { e.id = 2; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.at = "2026-01-01T09:00:01+08:00"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.actor_user_id = 8; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.actor_username = "root"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.ip = "10.0.0.1"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.request_id = "req-2"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.action = "delete"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.entity = "user"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.entity_id = "43"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.before = nullptr; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.after.as_object()["kind"] = "other"; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.event.outcome = Outcome::kDenied; }));
  EXPECT_TRUE(changed([](AuditEntry& e) { e.prev_hash[0] = '1'; }));
}

TEST(AtRangeTest, DatesCoverTheWholeDayAndDateTimesAreInclusive) {
  auto days = ParseAtRange(std::string("2026-01-01"), std::string("2026-01-31"));
  ASSERT_TRUE(days);
  EXPECT_EQ(days->at_from, "2026-01-01T00:00:00+08:00");
  EXPECT_EQ(days->at_before, "2026-02-01T00:00:00+08:00");
  auto instants = ParseAtRange(std::nullopt, std::string("2026-01-31T09:30:00+08:00"));
  ASSERT_TRUE(instants);
  EXPECT_FALSE(instants->at_from);
  EXPECT_EQ(instants->at_before, "2026-01-31T09:30:01+08:00");
}

TEST(AtRangeTest, ReportsEveryBadBound) {
  auto bad = ParseAtRange(std::string("yesterday"), std::string("2026-02-30"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, core::ErrorCode::kValidationFailed);
  ASSERT_EQ(bad.error().details.size(), 2u);
  EXPECT_EQ(bad.error().details[0].field, "from");
  EXPECT_EQ(bad.error().details[1].field, "to");
}

TEST(RetentionTest, DefaultsTo184DaysAndRejectsNonsense) {
  EXPECT_EQ(ParseRetentionDays(std::nullopt).value(), 184);
  EXPECT_EQ(ParseRetentionDays(std::string("30")).value(), 30);
  EXPECT_FALSE(ParseRetentionDays(std::string("0")));
  EXPECT_FALSE(ParseRetentionDays(std::string("30d")));
  EXPECT_EQ(RetentionCutoff(core::DateTime{86400 * 2}, 1), "1970-01-02T08:00:00+08:00");
}

}  // namespace
}  // namespace lianyin::domain::audit
