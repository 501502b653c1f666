#include "http/handlers/credit_json.hpp"

#include "domain/credit/credit_rules.hpp"
#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace credit = domain::credit;
namespace json = boost::json;
using schema::Enum;
using schema::Keys;
using schema::Object;
using schema::Opt;
using schema::Prop;

// A user's name beside an optional user id: null with the id.
json::value NameOf(const std::optional<std::int64_t>& id, const std::string& name) {
  return id ? json::value(name) : json::value(nullptr);
}

// --- schemas ---

json::object ObjectionProps() {
  return {{"id", Prop("integer", "objection id")},
          {"entry_id", Prop("integer", "the entry objected to")},
          {"text", Prop("string", "the objection")},
          {"by_user_id", Prop("integer", "who filed it")},
          {"by_name", Prop("string", "their display name")},
          {"status", Enum(credit::ObjectionStatusNames(), "dictionary credit_objection_status")},
          {"reply", Prop("string", "the answer (null while open)", true)},
          {"answered_by_user_id", Prop("integer", "who answered", true)},
          {"answered_by_name", Prop("string", "their display name", true)},
          {"answered_at", Prop("string", "date-time of the answer", true)},
          {"created_at", Prop("string", "date-time it was filed")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object EntryProps() {
  return {{"id", Prop("integer", "entry id")},
          {"org_id", Prop("integer", "the organisation listed")},
          {"org_name", Prop("string", "its name")},
          {"uscc", Prop("string", "its USCC")},
          {"list", Enum(credit::CreditListNames(), "dictionary credit_list")},
          {"reason", Prop("string", "why it was entered")},
          {"entered_on", Prop("string", "date of entry (YYYY-MM-DD)")},
          {"entered_by_user_id", Prop("integer", "who entered it (null: a dated rule)", true)},
          {"entered_by_name", Prop("string", "their display name", true)},
          {"unit_id", Prop("integer", "the owner: the organisation's registration unit")},
          {"unit_name", Prop("string", "its name (the deciding authority)")},
          {"active", Prop("boolean", "on the list now (not removed)")},
          {"removed_on", Prop("string", "date of removal; null while active", true)},
          {"removal_reason", Prop("string", "why it was removed", true)},
          {"removed_by_user_id", Prop("integer", "who removed it", true)},
          {"removed_by_name", Prop("string", "their display name", true)},
          {"open_objections", Prop("integer", "objections awaiting an answer")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object ObjectionObject() {
  json::object props = ObjectionProps();
  json::array keys = Keys(props);
  return Object(std::move(props), std::move(keys));
}

json::object EntryObject(bool with_objections) {
  json::object props = EntryProps();
  json::array keys = Keys(props);
  if (with_objections) {
    props["objections"] = {
        {"type", "array"}, {"items", ObjectionObject()}, {"description", "oldest first"}};
    keys.emplace_back("objections");
  }
  return Object(std::move(props), std::move(keys));
}

std::string PageOf(json::object item) {
  return json::serialize(Object({{"items", {{"type", "array"}, {"items", std::move(item)}}},
                                 {"total", Prop("integer", "matching entries in scope, all pages")},
                                 {"page", Prop("integer", "from 1")},
                                 {"page_size", Prop("integer", "1-200")}},
                                {"items", "total", "page", "page_size"}));
}

json::object Text(std::size_t max, const char* description) {
  json::object p = Prop("string", description);
  p["minLength"] = 1;
  p["maxLength"] = max;
  return p;
}

}  // namespace

json::object EntryJson(const credit::CreditEntry& e) {
  return {{"id", e.id},
          {"org_id", e.org_id},
          {"org_name", e.org_name},
          {"uscc", e.uscc},
          {"list", credit::CreditListName(e.list)},
          {"reason", e.reason},
          {"entered_on", e.entered_on},
          {"entered_by_user_id", Opt(e.entered_by_user_id)},
          {"entered_by_name", NameOf(e.entered_by_user_id, e.entered_by_name)},
          {"unit_id", e.unit_id},
          {"unit_name", e.unit_name},
          {"active", e.active()},
          {"removed_on", Opt(e.removed_on)},
          {"removal_reason", Opt(e.removal_reason)},
          {"removed_by_user_id", Opt(e.removed_by_user_id)},
          {"removed_by_name", NameOf(e.removed_by_user_id, e.removed_by_name)},
          {"open_objections", e.open_objections},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

json::object ObjectionJson(const credit::Objection& o) {
  return {{"id", o.id},
          {"entry_id", o.entry_id},
          {"text", o.text},
          {"by_user_id", o.by_user_id},
          {"by_name", o.by_name},
          {"status", credit::ObjectionStatusName(o.status)},
          {"reply", Opt(o.reply)},
          {"answered_by_user_id", Opt(o.answered_by_user_id)},
          {"answered_by_name", NameOf(o.answered_by_user_id, o.answered_by_name)},
          {"answered_at", Opt(o.answered_at)},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at}};
}

json::object DetailJson(const credit::EntryDetail& d) {
  json::object out = EntryJson(d.entry);
  json::array objections;
  for (const credit::Objection& o : d.objections) objections.push_back(ObjectionJson(o));
  out["objections"] = std::move(objections);
  return out;
}

json::array PublicEntriesJson(const std::vector<credit::PublicEntry>& entries) {
  json::array out;
  for (const credit::PublicEntry& e : entries) {
    out.push_back(json::object{{"list", credit::CreditListName(e.list)},
                               {"reason", e.reason},
                               {"entered_on", e.entered_on},
                               {"unit_name", e.unit_name},
                               {"removed_on", Opt(e.removed_on)},
                               {"removal_reason", Opt(e.removal_reason)}});
  }
  return out;
}

std::string EntrySchema() { return json::serialize(EntryObject(false)); }
std::string DetailSchema() { return json::serialize(EntryObject(true)); }
std::string ObjectionSchema() { return json::serialize(ObjectionObject()); }
std::string EntryPageSchema() { return PageOf(EntryObject(false)); }
std::string DetailPageSchema() { return PageOf(EntryObject(true)); }

std::string NewEntrySchema() {
  return json::serialize(
      Object({{"list", Enum(credit::CreditListNames(), "dictionary credit_list")},
              {"reason", Text(credit::kMaxReasonChars, "why it is entered")},
              {"entered_on", Prop("string", "YYYY-MM-DD, not in the future")}},
             {"list", "reason", "entered_on"}));
}

std::string RemovalSchema() {
  return json::serialize(Object(
      {{"reason", Text(credit::kMaxReasonChars, "why it is removed")},
       {"removed_on", Prop("string", "YYYY-MM-DD, not in the future nor before entered_on")}},
      {"reason", "removed_on"}));
}

std::string NewObjectionSchema() {
  return json::serialize(
      Object({{"text", Text(credit::kMaxObjectionChars, "the objection")}}, {"text"}));
}

std::string AnswerSchema() {
  return json::serialize(
      Object({{"decision", Enum({"accept", "reject"}, "accept removes the entry (today)")},
              {"reply", Text(credit::kMaxReplyChars, "the answer; on accept, the removal reason")}},
             {"decision", "reply"}));
}

}  // namespace lianyin::http::handlers
