#include "domain/inspection/draw.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace lianyin::domain::inspection {
namespace {

constexpr std::string_view kStreamLabel = "lianyin-draw";

// The inspectors of `pool`, in pool order, without those in `excluded`.
std::vector<std::int64_t> Eligible(const std::vector<std::int64_t>& pool,
                                   const std::set<std::int64_t>* excluded) {
  if (excluded == nullptr) return pool;
  std::vector<std::int64_t> out;
  for (std::int64_t id : pool) {
    if (!excluded->contains(id)) out.push_back(id);
  }
  return out;
}

}  // namespace

std::uint64_t DrawStream::Next() {
  std::array<std::uint8_t, kStreamLabel.size() + 8> message{};
  std::copy(kStreamLabel.begin(), kStreamLabel.end(), message.begin());
  for (int b = 0; b < 8; ++b) {
    message[kStreamLabel.size() + b] = static_cast<std::uint8_t>(next_index_ >> (56 - 8 * b));
  }
  ++next_index_;
  const core::Bytes mac = core::HmacSha256(seed_, message);
  std::uint64_t v = 0;
  for (int b = 0; b < 8; ++b) v = (v << 8) | mac[b];
  return v;
}

std::uint64_t DrawStream::Uniform(std::uint64_t n) {
  // floor(2^64 / n)·n needs 65 bits when n = 1 (then nothing is rejected).
  const unsigned __int128 limit = ((static_cast<unsigned __int128>(1) << 64) / n) * n;
  std::uint64_t v = Next();
  while (v >= limit) v = Next();
  return v % n;
}

std::vector<std::size_t> PartialShuffle(DrawStream& stream, std::size_t n, std::size_t k) {
  // moved[p] is what position p holds once it differs from p: the array is virtual.
  std::unordered_map<std::size_t, std::size_t> moved;
  moved.reserve(2 * k);
  const auto at = [&moved](std::size_t p) {
    auto it = moved.find(p);
    return it == moved.end() ? p : it->second;
  };
  std::vector<std::size_t> chosen;
  chosen.reserve(k);
  for (std::size_t j = 0; j < k; ++j) {
    const std::size_t other = j + static_cast<std::size_t>(stream.Uniform(n - j));
    const std::size_t picked = at(other);
    moved[other] = at(j);
    chosen.push_back(picked);
  }
  return chosen;
}

core::Result<std::vector<Selection>> Draw(const core::Bytes& seed,
                                          const std::vector<std::string>& org_pool,
                                          const std::vector<std::int64_t>& inspector_pool,
                                          const std::vector<Conflict>& conflicts,
                                          std::int64_t sample_size,
                                          std::int64_t inspectors_per_team) {
  if (sample_size < 1 || static_cast<std::uint64_t>(sample_size) > org_pool.size()) {
    return core::Error::Invalid(
        "sample_size", fmt::format("the organisation pool holds {} organisations; {} requested",
                                   org_pool.size(), sample_size));
  }
  if (inspectors_per_team < 1) {
    return core::Error::Invalid("inspectors_per_team", "must be between 1 and 20");
  }
  std::map<std::string, std::set<std::int64_t>, std::less<>> excluded;
  for (const Conflict& c : conflicts) excluded[c.uscc].insert(c.inspector_id);

  DrawStream stream(seed);
  std::vector<Selection> out;
  for (std::size_t i : PartialShuffle(stream, org_pool.size(), sample_size)) {
    out.push_back({org_pool[i], {}});
  }
  const auto team = static_cast<std::size_t>(inspectors_per_team);
  for (Selection& s : out) {
    auto found = excluded.find(s.uscc);
    const std::vector<std::int64_t> free =
        Eligible(inspector_pool, found == excluded.end() ? nullptr : &found->second);
    if (free.size() < team) {
      return core::Error::Invalid(
          "inspectors_per_team",
          fmt::format("organisation {} has {} inspectors free of conflict; {} needed", s.uscc,
                      free.size(), team));
    }
    for (std::size_t i : PartialShuffle(stream, free.size(), team)) {
      s.inspector_ids.push_back(free[i]);
    }
  }
  return out;
}

std::string SeedCommitment(const core::Bytes& seed) { return core::Sha256Hex(seed); }

}  // namespace lianyin::domain::inspection
