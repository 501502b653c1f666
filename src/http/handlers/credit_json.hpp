#pragma once
// JSON of credit entries and objections, and their JSON Schemas for the OpenAPI document
// (internal to the handlers).

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "domain/credit/credit.hpp"

namespace lianyin::http::handlers {

// {"id","org_id","org_name","uscc","list","reason","entered_on","entered_by_user_id",
//  "entered_by_name","unit_id","unit_name","active","removed_on","removal_reason",
//  "removed_by_user_id","removed_by_name","open_objections","created_at","updated_at"}
boost::json::object EntryJson(const domain::credit::CreditEntry& entry);
// {"id","entry_id","text","by_user_id","by_name","status","reply","answered_by_user_id",
//  "answered_by_name","answered_at","created_at","updated_at"}
boost::json::object ObjectionJson(const domain::credit::Objection& objection);
// EntryJson with "objections": [ObjectionJson…], oldest first.
boost::json::object DetailJson(const domain::credit::EntryDetail& detail);
// [{"list","reason","entered_on","unit_name","removed_on","removal_reason"}…]: no people.
boost::json::array PublicEntriesJson(const std::vector<domain::credit::PublicEntry>& entries);

// JSON Schema text (OpenAPI 3.0) of those objects, of a page of them, and of the request bodies.
std::string EntrySchema();
std::string DetailSchema();
std::string ObjectionSchema();
std::string EntryPageSchema();
std::string DetailPageSchema();
std::string NewEntrySchema();
std::string RemovalSchema();
std::string NewObjectionSchema();
std::string AnswerSchema();

}  // namespace lianyin::http::handlers
