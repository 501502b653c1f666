#pragma once

#include "domain/account/audit_sink.hpp"

namespace lianyin::app {

// The sink every account use case reports its changes to.
domain::account::AuditSink MakeAuditSink();

}  // namespace lianyin::app
