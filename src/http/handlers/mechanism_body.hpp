#pragma once
// Reading the work mechanism's request bodies (internal to the handlers): meetings (POST and
// PATCH), decisions, templates with their nested meeting / report_task objects. Every bad field
// is recorded in the reader, nested ones with their path ("meeting.kind", "attendees[1].name").

#include <boost/json.hpp>

#include "domain/mechanism/mechanism.hpp"
#include "http/json.hpp"

namespace lianyin::http::handlers {

// POST /meetings (creating) or PATCH /meetings/{id}: present fields only for a PATCH.
domain::mechanism::MeetingInput ReadMeeting(const boost::json::object& body, FieldReader& in,
                                            bool creating);
domain::mechanism::NewDecision ReadDecision(FieldReader& in);
domain::mechanism::NewTemplate ReadTemplate(const boost::json::object& body, FieldReader& in);

}  // namespace lianyin::http::handlers
