#include "domain/inspection/draw.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>

#include "domain/inspection/draw_verify.hpp"
#include "domain/inspection/inspection_codec.hpp"

namespace lianyin::domain::inspection {
namespace {

// The expected values below were computed independently with Python's hmac and hashlib:
//
//   def stream(seed):
//       i = 0
//       while True:
//           m = hmac.new(seed, b"lianyin-draw" + struct.pack(">Q", i), hashlib.sha256).digest()
//           i += 1
//           yield int.from_bytes(m[:8], "big")
//   def uniform(s, n):
//       lim = (2**64 // n) * n
//       v = next(s)
//       while v >= lim: v = next(s)
//       return v % n
//   (the draw: SPEC §5.2's partial Fisher–Yates with lists and swaps, written out plainly)

core::Bytes Zeros() { return core::Bytes(32, 0); }
core::Bytes Counting() {
  core::Bytes seed(32);
  for (int i = 0; i < 32; ++i) seed[i] = static_cast<std::uint8_t>(i);
  return seed;
}

std::vector<std::string> TenOrgs() {
  std::vector<std::string> out;
  for (int i = 0; i < 10; ++i) out.push_back(fmt::format("A{:02}", i));
  return out;
}

TEST(DrawStream, FirstValuesAreTheHmacPrefixes) {
  DrawStream zeros(Zeros());
  EXPECT_EQ(zeros.Next(), 0x27452c68dd01f600ULL);
  EXPECT_EQ(zeros.Next(), 0x422ac3fb6086ea10ULL);
  EXPECT_EQ(zeros.Next(), 0x5f4b1a4b7bb76bd8ULL);
  DrawStream counting(Counting());
  EXPECT_EQ(counting.Next(), 11082113184326006334ULL);
  EXPECT_EQ(counting.Next(), 14099156229590438182ULL);
}

TEST(DrawStream, UniformOfOneStillConsumesAValue) {
  DrawStream s(Counting());
  EXPECT_EQ(s.Uniform(1), 0u);
  EXPECT_EQ(s.taken(), 1u);
  EXPECT_EQ(s.Next(), 14099156229590438182ULL);
}

TEST(DrawStream, UniformRejectsValuesAtOrAboveTheLastFullMultiple) {
  // n = 2^63 + 1: floor(2^64 / n)·n = n, so v_0 and v_1 (both ≥ n) are rejected and v_2 taken.
  const std::uint64_t n = (1ULL << 63) + 1;
  DrawStream s(Counting());
  EXPECT_EQ(s.Uniform(n), 7164078352849500143ULL);
  EXPECT_EQ(s.taken(), 3u);
  EXPECT_EQ(s.Uniform(n), 6814445143315898806ULL);  // v_3, v_4, v_5 rejected
  EXPECT_EQ(s.taken(), 7u);
}

TEST(Draw, MatchesTheIndependentlyComputedVectors) {
  auto drawn = Draw(Counting(), TenOrgs(), {11, 12, 13, 14}, {{13, "A04"}, {14, "A04"}}, 4, 2);
  ASSERT_TRUE(drawn);
  const std::vector<Selection> expected = {
      {"A04", {11, 12}}, {"A08", {13, 14}}, {"A09", {12, 14}}, {"A02", {13, 11}}};
  EXPECT_EQ(*drawn, expected);
  // Conflicts with organisations not drawn change nothing.
  auto unaffected = Draw(Counting(), TenOrgs(), {11, 12, 13, 14}, {{12, "A03"}, {13, "A03"}}, 4, 2);
  ASSERT_TRUE(unaffected);
  EXPECT_EQ((*unaffected)[0], (Selection{"A04", {13, 14}}));
  EXPECT_EQ(SeedCommitment(Counting()),
            "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
}

TEST(Draw, TooFewOrganisationsOrInspectorsIsAnInputError) {
  auto orgs = Draw(Counting(), {"A", "B"}, {1, 2}, {}, 3, 1);
  ASSERT_FALSE(orgs);
  EXPECT_EQ(orgs.error().details.at(0).field, "sample_size");
  auto inspectors = Draw(Counting(), {"A"}, {1, 2}, {{2, "A"}}, 1, 2);
  ASSERT_FALSE(inspectors);
  EXPECT_EQ(inspectors.error().details.at(0).field, "inspectors_per_team");
  EXPECT_TRUE(Draw(Counting(), {"ONLY"}, {7}, {}, 1, 1));
}

TEST(PartialShuffle, EqualsAFullArrayFisherYates) {
  for (std::size_t n : {1u, 2u, 7u, 1000u}) {
    DrawStream sparse(Zeros());
    DrawStream dense(Zeros());
    std::vector<std::size_t> a(n);
    for (std::size_t i = 0; i < n; ++i) a[i] = i;
    const std::size_t k = std::min<std::size_t>(n, 5);
    for (std::size_t j = 0; j < k; ++j) std::swap(a[j], a[j + dense.Uniform(n - j)]);
    a.resize(k);
    EXPECT_EQ(PartialShuffle(sparse, n, k), a) << n;
  }
}

// A random plan drawn by draw.cpp, rendered as the public answer, re-computed by draw_verify.cpp
// from that JSON text alone; and one tampered selection is named.
TEST(DrawProperty, EveryPublishedAnswerReComputesFromItsJsonAlone) {
  std::mt19937_64 rng(20261204);
  for (int round = 0; round < 300; ++round) {
    core::Bytes seed(32);
    for (auto& b : seed) b = static_cast<std::uint8_t>(rng());
    const std::size_t n = 1 + rng() % 60;
    PublicDraw d;
    Plan& p = d.plan;
    p.id = round;
    p.name = "round";
    for (std::size_t i = 0; i < n; ++i) p.org_pool.push_back(fmt::format("5{:017}", i));
    const std::size_t inspectors = 1 + rng() % 8;
    for (std::size_t i = 0; i < inspectors; ++i) p.inspector_pool.push_back(100 + 3 * i);
    for (int c = 0; c < static_cast<int>(rng() % 10); ++c) {
      p.conflicts.push_back({p.inspector_pool[rng() % inspectors], p.org_pool[rng() % n]});
    }
    p.sample_size = static_cast<std::int64_t>(1 + rng() % n);
    p.inspectors_per_team =
        static_cast<std::int64_t>(1 + rng() % std::min<std::size_t>(inspectors, 3));
    auto drawn =
        Draw(seed, p.org_pool, p.inspector_pool, p.conflicts, p.sample_size, p.inspectors_per_team);
    if (!drawn) continue;  // a conflict left a team short: nothing to publish
    p.selections = *drawn;
    p.seed = core::HexEncode(seed);
    p.seed_commitment = SeedCommitment(seed);
    p.status = "drawn";
    const std::string text = boost::json::serialize(PublicAnswer(d));
    const VerifyOutcome ok = VerifyPublicDraw(boost::json::parse(text));
    ASSERT_TRUE(ok.ok) << ok.message << "\n" << text;

    boost::json::value tampered = boost::json::parse(text);
    auto& last = tampered.at("selections").as_array().back().as_object();
    last["inspector_ids"].as_array().front() = 99999;
    const VerifyOutcome bad = VerifyPublicDraw(tampered);
    EXPECT_FALSE(bad.ok);
    EXPECT_NE(bad.message.find(fmt::format("selection {}", p.selections.size())), std::string::npos)
        << bad.message;
  }
}

TEST(VerifyPublicDraw, NamesTheFirstDifferenceAndAWrongSeed) {
  PublicDraw d;
  d.plan.org_pool = TenOrgs();
  d.plan.inspector_pool = {11, 12, 13, 14};
  d.plan.sample_size = 4;
  d.plan.inspectors_per_team = 2;
  d.plan.seed = core::HexEncode(Counting());
  d.plan.seed_commitment = SeedCommitment(Counting());
  d.plan.selections = Draw(Counting(), d.plan.org_pool, d.plan.inspector_pool, {}, 4, 2).value();
  boost::json::value answer = PublicAnswer(d);
  EXPECT_TRUE(VerifyPublicDraw(answer).ok);

  boost::json::value swapped = answer;
  swapped.at("selections").as_array()[2].as_object()["uscc"] = "A00";
  EXPECT_EQ(VerifyPublicDraw(swapped).message, "selection 3: expected uscc A09, file has A00");

  boost::json::value wrong_seed = answer;
  wrong_seed.as_object()["seed"] = core::HexEncode(Zeros());
  EXPECT_EQ(VerifyPublicDraw(wrong_seed).message.rfind("seed does not match seed_commitment", 0),
            0u);

  boost::json::value undrawn = answer;
  undrawn.as_object()["seed"] = nullptr;
  EXPECT_FALSE(VerifyPublicDraw(undrawn).ok);
}

}  // namespace
}  // namespace lianyin::domain::inspection
