#include "http/handlers/worker_json.hpp"

#include "http/handlers/json_schema.hpp"

namespace lianyin::http::handlers {
namespace {

namespace json = boost::json;
namespace worker = domain::worker;
using schema::Array;
using schema::Opt;
using schema::Prop;

json::object GroupsSchema() {
  return Array(schema::Enum(worker::GroupNames(), "dictionary worker_group"),
               "groups (职工群体), codes of dictionary worker_group");
}

json::object WorkerProps() {
  return {{"id", Prop("integer", "worker id")},
          {"unit_id", Prop("integer", "the owner: the unit that registered it")},
          {"unit_name", Prop("string", "its name")},
          {"name", Prop("string", "name, 1-50 characters")},
          {"phone", Prop("string", "mobile number, masked (139****5678)", true)},
          {"id_number", Prop("string", "resident ID number, masked (1101**********002X)", true)},
          {"employer", Prop("string", "employer (工作单位), at most 100 characters", true)},
          {"region_code", Prop("string", "GB/T 2260 code where the worker lives or works", true)},
          {"region_name", Prop("string", "its name")},
          {"groups", GroupsSchema()},
          {"has_account", Prop("boolean", "a worker account stands for it (activated)")},
          {"created_at", Prop("string", "date-time")},
          {"updated_at", Prop("string", "date-time")}};
}

json::object EditableProps() {
  return {{"name", Prop("string", "1-50 characters")},
          {"phone", Prop("string", "a mainland mobile number, in clear (never returned)")},
          {"id_number", Prop("string",
                             "an 18-character resident ID number, in clear (never "
                             "returned); empty clears",
                             true)},
          {"employer", Prop("string", "at most 100 characters; empty clears", true)},
          {"region_code", Prop("string", "a known GB/T 2260 code")},
          {"groups", GroupsSchema()}};
}

}  // namespace

json::object WorkerJson(const worker::Worker& w) {
  return {{"id", w.id},
          {"unit_id", w.unit_id},
          {"unit_name", w.unit_name},
          {"name", w.name},
          {"phone", Opt(w.phone_masked)},
          {"id_number", Opt(w.id_number_masked)},
          {"employer", Opt(w.employer)},
          {"region_code", Opt(w.region_code)},
          {"region_name", w.region_name},
          {"groups", json::array(w.groups.begin(), w.groups.end())},
          {"has_account", w.has_account},
          {"created_at", w.created_at},
          {"updated_at", w.updated_at}};
}

json::object ActivatedJson(const domain::account::User& u) {
  return {{"user", json::object{{"id", u.id},
                                {"username", u.username},
                                {"display_name", u.display_name},
                                {"unit_id", u.unit_id},
                                {"roles", json::array(u.roles.begin(), u.roles.end())},
                                {"worker_id", schema::Opt(u.worker_id)}}}};
}

json::object WorkerSchema() { return schema::Closed(WorkerProps()); }

json::object NewWorkerSchema() {
  json::object props = EditableProps();
  props["unit_id"] = Prop("integer", "the owner, a unit in scope (default: the caller's)");
  return schema::Object(std::move(props), {"name", "phone", "region_code"});
}

json::object WorkerPatchSchema() { return schema::Object(EditableProps(), {}); }

json::object SelfPatchSchema() {
  json::object all = EditableProps();
  return schema::Object({{"employer", all.at("employer")},
                         {"region_code", all.at("region_code")},
                         {"groups", all.at("groups")}},
                        {});
}

json::object ActivationSchema() {
  return schema::Closed({{"name", Prop("string", "the name on the roster")},
                         {"id_number", Prop("string", "the resident ID number on the roster")},
                         {"phone", Prop("string", "the mobile number on the roster")},
                         {"password", Prop("string", "the new password (the password policy)")}});
}

json::object ActivatedSchema() {
  return schema::Closed(
      {{"user", schema::Closed({{"id", Prop("integer", "user id")},
                                {"username", Prop("string",
                                                  "the account's username (the worker "
                                                  "logs in with the phone)")},
                                {"display_name", Prop("string", "the worker's name")},
                                {"unit_id", Prop("integer", "the worker's unit")},
                                {"roles", Array(Prop("string", "role"), "[\"worker\"]")},
                                {"worker_id", Prop("integer", "the worker")}})}});
}

json::object ImportedSchema() {
  return schema::Closed({{"imported", Prop("integer", "workers registered")}});
}

}  // namespace lianyin::http::handlers
