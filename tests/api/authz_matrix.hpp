#pragma once
// The authorisation matrix (issue #7): for every route of the API, the status each role gets on
// an object of its own scope and on one outside it. authz_matrix_test.cpp runs it over HTTP on
// both engines and fails when a route of the route table has no row.

#include <string>
#include <vector>

namespace lianyin::test {

// The callers: "platform" is the administrator at the platform root; every other role has a
// user at 北京市总工会 (the civil-affairs officer at 北京市民政局); "anon" sends no session.
inline const std::vector<std::string> kMatrixRoles = {"platform",
                                                      "admin",
                                                      "sys_admin",
                                                      "security_admin",
                                                      "audit_admin",
                                                      "union_officer",
                                                      "civil_affairs_officer",
                                                      "inspector",
                                                      "expert",
                                                      "org_member",
                                                      "worker",
                                                      "anon"};

struct MatrixRow {
  std::string route;    // "METHOD pattern", exactly as registered
  std::string own;      // target inside the caller's scope (placeholders, see the fixture)
  std::string foreign;  // target outside it; "" when the route names no object
  std::string body;
  std::string foreign_body;  // "" = body
  // "role=own/foreign" (or "role=status" without a foreign target) for each role that differs
  // from `others`; anon is 401 unless listed.
  std::string expect;
  std::string others = "403";
  std::string content_type = "application/json";
};

const std::vector<MatrixRow>& MatrixRows();

}  // namespace lianyin::test
