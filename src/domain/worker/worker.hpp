#pragma once
// Workers (职工, SPEC §4 "/workers"; issue #11): plain types. A worker's phone and ID number
// travel in clear only inside the service (input, normalisation, sealing); everything it
// returns carries them masked (SPEC §2). Group codes are the data dictionary's worker_group.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::worker {

// The groups a worker may belong to, in code order (dictionary worker_group).
const std::vector<std::string>& GroupNames();
bool IsGroup(std::string_view code);

// The name a worker keeps after the PIPL deletion (个人信息删除): its row stays for the counts.
inline constexpr std::string_view kDeletedName = "已删除职工";

// A worker as responses show it: personal fields masked, never in clear.
struct Worker {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the owner (SPEC §1): the unit that registered it
  std::string unit_name;
  std::string name;
  std::optional<std::string> phone_masked;      // "139****5678"
  std::optional<std::string> id_number_masked;  // "1101**********002X"
  std::optional<std::string> employer;
  std::optional<std::string> region_code;
  std::string region_name;  // "" when unknown or absent
  std::vector<std::string> groups;
  bool has_account = false;  // a worker account stands for it
  bool deleted = false;      // personal fields removed (PIPL)
  std::string created_at;
  std::string updated_at;
};

// POST /workers and an import row, as the client wrote them (clear text; normalised by
// worker_rules.hpp before anything is stored).
struct NewWorker {
  std::string name;
  std::string phone;
  std::optional<std::string> id_number;
  std::optional<std::string> employer;
  std::string region_code;
  std::vector<std::string> groups;
  std::optional<std::int64_t> unit_id;  // the owner; absent: the creator's unit
};

// PATCH /workers/{id}: present members change; employer and id_number present-but-empty clear.
struct WorkerPatch {
  std::optional<std::string> name;
  std::optional<std::string> phone;
  std::optional<std::optional<std::string>> id_number;
  std::optional<std::optional<std::string>> employer;
  std::optional<std::string> region_code;
  std::optional<std::vector<std::string>> groups;
};

// PATCH /me/worker: what a worker changes of itself.
struct SelfPatch {
  std::optional<std::optional<std::string>> employer;
  std::optional<std::string> region_code;
  std::optional<std::vector<std::string>> groups;
};

// GET /workers filters; absent members do not filter. Phone and ID number are looked up exactly
// (through their blind index), never by part.
struct WorkerFilter {
  std::optional<std::string> q;            // part of the name
  std::optional<std::string> region_code;  // workers whose region it covers
  std::optional<std::string> group;        // a worker_group code
  std::optional<std::string> phone;        // clear, as typed
  std::optional<std::string> id_number;    // clear, as typed
  std::optional<std::int64_t> after_id;    // keyset paging for exports: ids above this only
};

// POST /auth/activate: the first login of a worker on the roster (clear, as typed).
struct Activation {
  std::string name;
  std::string id_number;
  std::string phone;
  std::string password;
};

// What an import wrote.
struct ImportResult {
  std::int64_t imported = 0;
};

}  // namespace lianyin::domain::worker
