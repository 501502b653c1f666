#pragma once
// The pure rules of grade evaluations: reading and checking a template (its indicator tree and
// thresholds), an expert's scores, and SPEC §5.3's aggregation into a score and a grade, all in
// exact tenths (no binary floating point once a number is read). No I/O.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/evaluation/evaluation.hpp"

namespace lianyin::domain::evaluation {

inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxCodeChars = 20;
inline constexpr std::size_t kMaxIndicators = 500;  // nodes in a tree
inline constexpr int kMaxDepth = 5;
inline constexpr int kMaxExperts = 15;
inline constexpr Tenths kMaxPoints = 100'000'0;  // 100 000 points

// A JSON number with at most one decimal as exact tenths: integers as given; a double when ten
// times it is within 1e-6 of an integer (so 85.5 and 0.3 are read, 85.55 is not: the literal's
// second decimal shows through the nearest double by far more than that). nullopt for anything
// else, non-finite values, or magnitudes beyond kMaxPoints.
std::optional<Tenths> ReadPoints(const boost::json::value& value);
// Points as JSON: an integer when whole (900), else a number with one decimal (85.5).
boost::json::value PointsJson(Tenths points);
// "85.5", "900" (for messages).
std::string FormatPoints(Tenths points);

// The body of POST /evaluation-templates (PATCH: the same, every member): name 1–100
// characters; max_score > 0 (at most 100 000); thresholds {"5A","4A","3A","2A","1A"} each in
// (0, max_score] and strictly descending 5A > 4A > … > 1A; indicators a non-empty tree of
// {code, name, max_score, children?} — codes 1–20 characters of [0-9A-Za-z._-], unique in the
// whole tree; names 1–100 characters; maxima > 0; an inner node's maximum must equal the sum of
// its children's (inner maxima are checked, not ignored: a tree whose headings disagree with
// their parts is a typing error an officer wants to hear of); leaf maxima summing to max_score;
// at most 500 nodes, 5 levels. Every problem is reported with its path
// ("indicators[2].children[0].max_score"), in one 422. Points may carry one decimal.
core::Result<NewTemplate> ReadTemplate(const boost::json::object& body);
// The template's fields as the API (and the stored row) spell them.
boost::json::object ThresholdsJson(const NewTemplate& t);
boost::json::array IndicatorsJson(const std::vector<Indicator>& indicators);

// The leaves of the tree in depth-first order (the order experts score them in).
std::vector<Leaf> Leaves(const std::vector<Indicator>& indicators);

// An expert's {"scores": {leaf_code: number}}: every leaf scored, 0 ≤ score ≤ the leaf's
// maximum, at most one decimal, no other codes. The scores in leaf order, or 422 naming each
// bad one ("scores.2.1").
core::Result<std::vector<std::pair<std::string, Tenths>>> ReadScores(
    const std::vector<Leaf>& leaves, const boost::json::value* scores);
// The sum of the scores.
Tenths TotalOf(const std::vector<std::pair<std::string, Tenths>>& scores);

// SPEC §5.3 over the experts' totals (in assignment order): with five or more, exactly one
// highest and one lowest are dropped (of equal totals, the first-assigned highest and the
// last-assigned lowest, so two different experts even when all agree); the score is the mean of
// the rest rounded half up to a tenth, computed exactly: ⌊(2·Σ + n) / 2n⌋ in tenths (totals
// are never negative); the grade is the highest whose threshold the score reaches, none below
// 1A.
struct Outcome {
  std::vector<bool> dropped;  // per total
  Tenths score = 0;
  std::optional<std::string> grade;
};
Outcome Aggregate(const std::vector<Tenths>& totals, const std::array<Tenths, 5>& thresholds);
std::optional<std::string> GradeOf(Tenths score, const std::array<Tenths, 5>& thresholds);

// The last day a grade finalised on `finalized` is valid: five years on, less a day
// (2026-12-04 → 2031-12-03; from 29 February, the fifth year's 28 February).
core::Date ValidUntil(const core::Date& finalized);

}  // namespace lianyin::domain::evaluation
