#pragma once
// The demo's grade evaluations (等级评估, issue #12 part 2): organisations of Fuzhou's shared base
// evaluated on the national 1000-point scale by five experts of 福州市民政局, finalised through
// the same use cases officers and experts call, so that grades 5A to 1A show in the registry, the
// public disclosure and the evaluation pages; one evaluation is left being scored.

#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/account/account.hpp"

namespace lianyin::app {

class Services;

struct DemoEvaluationsReport {
  int finalized = 0;
  int scoring = 0;                      // left being scored (its experts have not all scored)
  std::map<std::string, int> by_grade;  // "5A" → organisations graded so
  std::int64_t officer_user_id = 0;     // kDemoEvaluationOfficer
};

inline constexpr const char* kDemoEvaluationOfficer = "demo.fz.civil";
inline constexpr int kDemoEvaluators = 5;  // demo.evaluator1 … 5

// `org_ids`: organisations registered at one civil-affairs unit (Fuzhou's shared base, at
// 福州市民政局), where the officer and the experts are made, all with `password`. Two
// organisations per grade from 5A down to 1A, then one left being scored; fewer organisations
// build fewer (none: nothing).
core::Result<DemoEvaluationsReport> BuildDemoEvaluations(Services& services,
                                                         const domain::account::Actor& admin,
                                                         const std::vector<std::int64_t>& org_ids,
                                                         const std::string& password);

}  // namespace lianyin::app
