#pragma once
// JSON of workers (docs/api.md "Workers (issue #11)") and their JSON Schemas for the OpenAPI
// document (internal to the handlers). Phones and ID numbers only ever appear masked.

#include <boost/json.hpp>

#include "domain/account/account.hpp"
#include "domain/worker/worker.hpp"

namespace lianyin::http::handlers {

boost::json::object WorkerJson(const domain::worker::Worker& worker);
// The account POST /auth/activate created.
boost::json::object ActivatedJson(const domain::account::User& user);

boost::json::object WorkerSchema();
boost::json::object NewWorkerSchema();
boost::json::object WorkerPatchSchema();
boost::json::object SelfPatchSchema();
boost::json::object ActivationSchema();
boost::json::object ActivatedSchema();
boost::json::object ImportedSchema();

}  // namespace lianyin::http::handlers
