#pragma once
// JSON of events, sign-ups, check-ins and the check-in code (docs/api.md "Events, sign-ups and
// check-ins (issue #11)"), and their JSON Schemas for the OpenAPI document (internal to the
// handlers). Worker names arrive masked from the domain.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "domain/dictionary/messages.hpp"
#include "domain/event/event.hpp"

namespace lianyin::http::handlers {

boost::json::object EventJson(const domain::event::Event& event);
boost::json::object SignupJson(const domain::event::Signup& signup);
// DELETE …/signups/{worker_id}: {"cancelled": sign-up, "promoted": sign-up | null}.
boost::json::object CancellationJson(const domain::event::Cancellation& cancellation);
boost::json::object CheckinJson(const domain::event::Checkin& checkin);
// A list check-in: {"items":[{"worker_id","status":"checked_in"|"failed","checkin"?,"code"?,
// "message"?}], "checked_in": n}; messages in `lang`.
boost::json::object CheckinListJson(const std::vector<domain::event::CheckinOutcome>& outcomes,
                                    domain::dictionary::Lang lang);
// The code with its check-in link (`link`) and the link drawn as a QR code (`qr_svg`).
boost::json::object CheckinCodeJson(const domain::event::CheckinCode& code, const std::string& link,
                                    const std::string& qr_svg);
boost::json::object MyEventJson(const domain::event::MyEvent& mine);

boost::json::object EventSchema();
boost::json::object NewEventSchema();
boost::json::object EventPatchSchema();
boost::json::object EventTransitionSchema();
boost::json::object SignupSchema();
boost::json::object NewSignupSchema();
boost::json::object CancellationSchema();
boost::json::object CheckinSchema();
boost::json::object NewCheckinSchema();
boost::json::object CheckinCodeSchema();
boost::json::object MyEventSchema();

}  // namespace lianyin::http::handlers
