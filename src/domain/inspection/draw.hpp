#pragma once
// The verifiable double-random draw of SPEC §5.2 (双随机), as a pure function: no database, no
// clock, no randomness of its own. Given the seed and the frozen pools, anyone computes the same
// selections; `lianyin verify-draw` and the public page's "verify it yourself" rely on that.
//
//   v_i        = first 8 bytes, big-endian, of HMAC-SHA256(seed, "lianyin-draw" ‖ uint64_be(i))
//   uniform(n) = the next v (consumed also when n = 1), rejected while v ≥ floor(2^64 / n)·n,
//                then v mod n
//   orgs       = partial Fisher–Yates over the pool A (size N): for j in 0..k-1 swap A[j] with
//                A[j + uniform(N − j)]; the selection is A[0..k-1] in that order
//   inspectors = for each selected organisation in order, the same stream continuing: partial
//                Fisher–Yates over a fresh copy of the inspector pool (in pool order) without the
//                inspectors in conflict with that organisation, picking inspectors_per_team.

#include <cstdint>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "core/error.hpp"

namespace lianyin::domain::inspection {

// An inspector who may not inspect an organisation (回避).
struct Conflict {
  std::int64_t inspector_id = 0;
  std::string uscc;
  friend bool operator==(const Conflict&, const Conflict&) = default;
};

// One drawn organisation with its team, inspector ids in the order drawn.
struct Selection {
  std::string uscc;
  std::vector<std::int64_t> inspector_ids;
  friend bool operator==(const Selection&, const Selection&) = default;
};

// The stream of v_i for one seed. Not thread-safe; cheap to make.
class DrawStream {
 public:
  explicit DrawStream(core::Bytes seed) : seed_(std::move(seed)) {}
  // v_i for the next i (0 first).
  std::uint64_t Next();
  // uniform(n) as above; n ≥ 1.
  std::uint64_t Uniform(std::uint64_t n);
  // How many values were taken so far.
  std::uint64_t taken() const { return next_index_; }

 private:
  core::Bytes seed_;
  std::uint64_t next_index_ = 0;
};

// The first k positions of a partial Fisher–Yates over the array 0..n-1, drawn from `stream`:
// the indices of the chosen elements, in draw order. Touches O(k) memory whatever n is (the
// swapped positions are kept sparsely), so a draw from ten million organisations copies none of
// them. Requires k ≤ n.
std::vector<std::size_t> PartialShuffle(DrawStream& stream, std::size_t n, std::size_t k);

// The whole draw. `conflicts` may name inspectors outside the pool or organisations not drawn
// (they change nothing). 422 (nothing drawn) when sample_size exceeds the pool (field
// sample_size) or a drawn organisation has fewer than inspectors_per_team inspectors free of
// conflict (field inspectors_per_team, naming the USCC); both counts must be ≥ 1.
core::Result<std::vector<Selection>> Draw(const core::Bytes& seed,
                                          const std::vector<std::string>& org_pool,
                                          const std::vector<std::int64_t>& inspector_pool,
                                          const std::vector<Conflict>& conflicts,
                                          std::int64_t sample_size,
                                          std::int64_t inspectors_per_team);

// hex(SHA-256(seed)), the commitment published before the draw.
std::string SeedCommitment(const core::Bytes& seed);

}  // namespace lianyin::domain::inspection
