#pragma once
// Credit lists (信用名单, SPEC §4 "Credit lists"): an organisation's entries on the abnormal list
// (活动异常名录) or the dishonest list (严重违法失信名单), and the objections (异议) its members
// raise against them. Plain types; the codes are the data dictionary's (credit_list,
// credit_objection_status).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::domain::credit {

enum class CreditList { kAbnormal, kDishonest };
std::string_view CreditListName(CreditList list);  // "abnormal", "dishonest"
std::optional<CreditList> ParseCreditList(std::string_view name);
const std::vector<std::string>& CreditListNames();

enum class ObjectionStatus { kOpen, kAccepted, kRejected };
std::string_view ObjectionStatusName(ObjectionStatus status);  // "open", "accepted", "rejected"
std::optional<ObjectionStatus> ParseObjectionStatus(std::string_view name);
const std::vector<std::string>& ObjectionStatusNames();

// One listing of one organisation, with the names people read beside the ids. Active while
// removed_on is empty.
struct CreditEntry {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string uscc;
  CreditList list = CreditList::kAbnormal;
  std::string reason;
  std::string entered_on;                          // YYYY-MM-DD
  std::optional<std::int64_t> entered_by_user_id;  // empty when a dated rule entered it
  std::string entered_by_name;
  std::int64_t unit_id = 0;  // the owner: the organisation's registration unit
  std::string unit_name;
  std::optional<std::string> removed_on;
  std::optional<std::string> removal_reason;
  std::optional<std::int64_t> removed_by_user_id;
  std::string removed_by_name;
  std::int64_t open_objections = 0;  // objections awaiting an answer
  std::string created_at;
  std::string updated_at;

  bool active() const { return !removed_on.has_value(); }
};

struct Objection {
  std::int64_t id = 0;
  std::int64_t entry_id = 0;
  std::string text;
  std::int64_t by_user_id = 0;
  std::string by_name;
  ObjectionStatus status = ObjectionStatus::kOpen;
  std::optional<std::string> reply;
  std::optional<std::int64_t> answered_by_user_id;
  std::string answered_by_name;
  std::optional<std::string> answered_at;
  std::string created_at;  // when it was filed
  std::string updated_at;
};

// An entry with its objections, oldest first (GET /credit-entries/{id}, an organisation's
// credit record).
struct EntryDetail {
  CreditEntry entry;
  std::vector<Objection> objections;
};

// POST /orgs/{id}/credit-entries.
struct NewEntry {
  std::string list;  // a CreditList name
  std::string reason;
  std::string entered_on;
};

// POST /credit-entries/{id}/remove.
struct Removal {
  std::string reason;
  std::string removed_on;
};

// POST /credit-objections/{id}/answer: accepting removes the entry (today, the reply as the
// removal reason); rejecting keeps it. The reply is required either way.
struct Answer {
  bool accept = false;
  std::string reply;
};

// GET /credit-entries filters; absent members do not filter.
struct EntryFilter {
  std::optional<CreditList> list;
  std::optional<bool> active;
  std::optional<std::int64_t> org_id;
  std::optional<std::string> q;  // any part of the organisation's name or USCC
  std::optional<bool> open_objection;
};

// What the public disclosure shows of an entry: no people, no objections.
struct PublicEntry {
  CreditList list = CreditList::kAbnormal;
  std::string reason;
  std::string entered_on;
  std::string unit_name;  // the deciding authority (作出决定机关)
  std::optional<std::string> removed_on;
  std::optional<std::string> removal_reason;
};

}  // namespace lianyin::domain::credit
