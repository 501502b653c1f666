#include "domain/inspection/draw_verify.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <utility>
#include <variant>
#include <vector>

#include "core/crypto.hpp"

namespace lianyin::domain::inspection {
namespace {

namespace json = boost::json;

// The fields of a public answer the computation needs.
struct Published {
  core::Bytes seed;
  std::string commitment;
  std::vector<std::string> orgs;
  std::vector<std::int64_t> inspectors;
  std::set<std::pair<std::int64_t, std::string>> conflicts;
  std::uint64_t sample_size = 0;
  std::uint64_t team_size = 0;
  const json::array* selections = nullptr;
};

// The stream of SPEC §5.2, written out again.
class Stream {
 public:
  explicit Stream(core::Bytes seed) : seed_(std::move(seed)) {}
  std::uint64_t Uniform(std::uint64_t n) {
    const unsigned __int128 two64 = static_cast<unsigned __int128>(1) << 64;
    const unsigned __int128 limit = two64 - two64 % n;  // = floor(2^64 / n)·n
    for (;;) {
      std::string message = "lianyin-draw";
      for (int shift = 56; shift >= 0; shift -= 8) message.push_back(char((i_ >> shift) & 0xff));
      ++i_;
      const core::Bytes mac = core::HmacSha256(seed_, core::AsBytes(message));
      std::uint64_t v = 0;
      for (int b = 0; b < 8; ++b) v = v * 256 + mac[b];
      if (v < limit) return v % n;
    }
  }

 private:
  core::Bytes seed_;
  std::uint64_t i_ = 0;
};

template <class T>
void ShuffleFirst(Stream& stream, std::vector<T>& a, std::size_t k) {
  for (std::size_t j = 0; j < k; ++j) std::swap(a[j], a[j + stream.Uniform(a.size() - j)]);
  a.resize(k);
}

std::optional<std::uint64_t> Count(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64() || v->as_int64() < 1) return std::nullopt;
  return static_cast<std::uint64_t>(v->as_int64());
}

// The answer's fields, or what is wrong with them.
std::variant<Published, std::string> Read(const json::value& answer) {
  const json::object* o = answer.if_object();
  if (o == nullptr) return std::string("the file is not a JSON object");
  Published p;
  const json::value* seed = o->if_contains("seed");
  if (seed == nullptr || seed->is_null()) {
    return std::string("seed is null: the draw has not been made yet");
  }
  auto bytes = seed->is_string() ? core::HexDecode(seed->as_string()) : std::nullopt;
  if (!bytes) return std::string("seed is not hexadecimal");
  p.seed = std::move(*bytes);
  const json::value* commitment = o->if_contains("seed_commitment");
  if (commitment == nullptr || !commitment->is_string()) {
    return std::string("seed_commitment is missing");
  }
  p.commitment = commitment->as_string();
  auto sample = Count(*o, "sample_size");
  auto team = Count(*o, "inspectors_per_team");
  if (!sample || !team) return std::string("sample_size or inspectors_per_team is missing");
  p.sample_size = *sample;
  p.team_size = *team;
  const json::value* orgs = o->if_contains("org_pool");
  const json::value* inspectors = o->if_contains("inspector_pool");
  const json::value* conflicts = o->if_contains("conflicts");
  const json::value* selections = o->if_contains("selections");
  if (!orgs || !orgs->is_array() || !inspectors || !inspectors->is_array() || !conflicts ||
      !conflicts->is_array() || !selections || !selections->is_array()) {
    return std::string("org_pool, inspector_pool, conflicts or selections is missing");
  }
  try {
    for (const json::value& u : orgs->as_array()) p.orgs.emplace_back(u.as_string());
    for (const json::value& id : inspectors->as_array()) p.inspectors.push_back(id.as_int64());
    for (const json::value& c : conflicts->as_array()) {
      p.conflicts.emplace(c.at("inspector_id").as_int64(), c.at("uscc").as_string());
    }
  } catch (const std::exception&) {
    return std::string("org_pool, inspector_pool or conflicts holds a value of the wrong kind");
  }
  p.selections = &selections->as_array();
  return p;
}

// The first difference between the file's selections and `expected`, if any.
std::optional<std::string> Compare(
    const json::array& file,
    const std::vector<std::pair<std::string, std::vector<std::int64_t>>>& expected) {
  for (std::size_t s = 0; s < expected.size(); ++s) {
    const std::size_t n = s + 1;
    if (s >= file.size())
      return fmt::format("selection {}: expected uscc {}, file has none", n, expected[s].first);
    const json::object* got = file[s].if_object();
    const json::value* uscc = got ? got->if_contains("uscc") : nullptr;
    const std::string have = uscc && uscc->is_string() ? std::string(uscc->as_string()) : "?";
    if (have != expected[s].first) {
      return fmt::format("selection {}: expected uscc {}, file has {}", n, expected[s].first, have);
    }
    const json::value* ids = got->if_contains("inspector_ids");
    const json::array* team = ids ? ids->if_array() : nullptr;
    for (std::size_t i = 0; i < expected[s].second.size(); ++i) {
      const std::int64_t want = expected[s].second[i];
      if (team == nullptr || i >= team->size() || !(*team)[i].is_int64()) {
        return fmt::format("selection {} ({}): expected inspector {} at place {}, file has none", n,
                           have, want, i + 1);
      }
      if ((*team)[i].as_int64() != want) {
        return fmt::format("selection {} ({}): expected inspector {} at place {}, file has {}", n,
                           have, want, i + 1, (*team)[i].as_int64());
      }
    }
    if (team->size() != expected[s].second.size()) {
      return fmt::format("selection {} ({}): file has {} inspectors, expected {}", n, have,
                         team->size(), expected[s].second.size());
    }
  }
  if (file.size() != expected.size()) {
    return fmt::format("file has {} selections, expected {}", file.size(), expected.size());
  }
  return std::nullopt;
}

}  // namespace

VerifyOutcome VerifyPublicDraw(const json::value& answer) {
  auto read = Read(answer);
  if (auto* wrong = std::get_if<std::string>(&read)) return {false, *wrong};
  Published& p = std::get<Published>(read);
  if (core::Sha256Hex(p.seed) != p.commitment) {
    return {false,
            "seed does not match seed_commitment: SHA-256(seed) = " + core::Sha256Hex(p.seed)};
  }
  if (p.sample_size > p.orgs.size()) {
    return {false, fmt::format("sample_size {} exceeds the {} organisations of org_pool",
                               p.sample_size, p.orgs.size())};
  }
  Stream stream(p.seed);
  std::vector<std::string> orgs = p.orgs;
  ShuffleFirst(stream, orgs, p.sample_size);
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> expected;
  for (const std::string& uscc : orgs) {
    std::vector<std::int64_t> free;
    for (std::int64_t id : p.inspectors) {
      if (!p.conflicts.contains({id, uscc})) free.push_back(id);
    }
    if (free.size() < p.team_size) {
      return {false, fmt::format("organisation {} has only {} inspectors free of conflict", uscc,
                                 free.size())};
    }
    ShuffleFirst(stream, free, p.team_size);
    expected.emplace_back(uscc, std::move(free));
  }
  if (auto diff = Compare(*p.selections, expected)) return {false, *diff};
  return {true, fmt::format("draw of {} organisations from {} matches its seed commitment",
                            expected.size(), p.orgs.size())};
}

}  // namespace lianyin::domain::inspection
