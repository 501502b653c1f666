#include "domain/evaluation/evaluation_rules.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <set>

#include "core/mask.hpp"

namespace lianyin::domain::evaluation {
namespace {

namespace json = boost::json;
using Errors = std::vector<core::FieldError>;

void Fail(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message), std::nullopt});
}

bool IsCodeChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
         c == '_' || c == '-';
}

// A required string member, trimmed, 1..max characters.
std::string TextOf(const json::object& o, std::string_view key, const std::string& field,
                   std::size_t max_chars, Errors& errors) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) {
    Fail(errors, field, "is required");
    return {};
  }
  if (!v->is_string()) {
    Fail(errors, field, "must be a string");
    return {};
  }
  std::string text(v->as_string());
  const auto blank = text.find_first_not_of(" \t\r\n");
  text = blank == std::string::npos
             ? ""
             : text.substr(blank, text.find_last_not_of(" \t\r\n") - blank + 1);
  if (!core::ValidUtf8(text)) {
    Fail(errors, field, "must be valid UTF-8");
    return {};
  }
  const std::size_t n = core::CodepointCount(text).value_or(0);
  if (n == 0) Fail(errors, field, "is required");
  if (n > max_chars) Fail(errors, field, fmt::format("must be at most {} characters", max_chars));
  return text;
}

// A required positive number of points (one decimal at most).
Tenths PositivePoints(const json::object& o, std::string_view key, const std::string& field,
                      Errors& errors) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) {
    Fail(errors, field, "is required");
    return 0;
  }
  const auto points = ReadPoints(*v);
  if (!points) {
    Fail(errors, field, "must be a number with at most one decimal");
  } else if (*points <= 0) {
    Fail(errors, field, "must be greater than 0");
  }
  return points.value_or(0);
}

struct TreeCheck {
  Errors& errors;
  std::map<std::string, std::string> codes;  // code → the path that first used it
  std::size_t nodes = 0;
};

std::vector<Indicator> ReadNodes(const json::array& items, const std::string& path, int depth,
                                 TreeCheck& check);

Indicator ReadNode(const json::value& item, const std::string& at, int depth, TreeCheck& check) {
  Indicator node;
  if (!item.is_object()) {
    Fail(check.errors, at, "must be an object");
    return node;
  }
  const json::object& o = item.as_object();
  node.code = TextOf(o, "code", at + ".code", kMaxCodeChars, check.errors);
  if (!node.code.empty()) {
    if (!std::all_of(node.code.begin(), node.code.end(), IsCodeChar)) {
      Fail(check.errors, at + ".code", "must be 1-20 characters of 0-9 A-Z a-z . _ -");
    } else if (auto [it, fresh] = check.codes.emplace(node.code, at); !fresh) {
      Fail(check.errors, at + ".code", fmt::format("repeats the code of {}", it->second));
    }
  }
  node.name = TextOf(o, "name", at + ".name", kMaxNameChars, check.errors);
  node.max = PositivePoints(o, "max_score", at + ".max_score", check.errors);
  const json::value* children = o.if_contains("children");
  if (!children || children->is_null()) return node;
  if (!children->is_array() || children->as_array().empty()) {
    Fail(check.errors, at + ".children", "must be a non-empty array");
    return node;
  }
  if (depth >= kMaxDepth) {
    Fail(check.errors, at + ".children", fmt::format("at most {} levels", kMaxDepth));
    return node;
  }
  node.children = ReadNodes(children->as_array(), at + ".children", depth + 1, check);
  Tenths sum = 0;
  for (const Indicator& c : node.children) sum += c.max;
  if (node.max > 0 && sum != node.max) {
    Fail(check.errors, at + ".max_score",
         fmt::format("must equal the sum of its children's maxima, {}", FormatPoints(sum)));
  }
  return node;
}

std::vector<Indicator> ReadNodes(const json::array& items, const std::string& path, int depth,
                                 TreeCheck& check) {
  std::vector<Indicator> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (++check.nodes > kMaxIndicators) {
      Fail(check.errors, "indicators", fmt::format("at most {} indicators", kMaxIndicators));
      break;
    }
    out.push_back(ReadNode(items[i], fmt::format("{}[{}]", path, i), depth, check));
  }
  return out;
}

void ReadThresholds(const json::object& body, NewTemplate& t, Errors& errors) {
  const json::value* v = body.if_contains("thresholds");
  if (!v || !v->is_object()) {
    Fail(errors, "thresholds", "must be an object with 5A, 4A, 3A, 2A and 1A");
    return;
  }
  const json::object& o = v->as_object();
  for (const auto& [key, value] : o) {
    if (std::find(kGrades.begin(), kGrades.end(), std::string_view(key)) == kGrades.end()) {
      Fail(errors, "thresholds." + std::string(key), "is not a grade (5A, 4A, 3A, 2A, 1A)");
    }
  }
  std::optional<Tenths> above;
  for (std::size_t g = 0; g < kGrades.size(); ++g) {
    const std::string field = "thresholds." + std::string(kGrades[g]);
    const Tenths points = PositivePoints(o, kGrades[g], field, errors);
    t.thresholds[g] = points;
    if (points <= 0) continue;
    if (t.max > 0 && points > t.max) {
      Fail(errors, field, fmt::format("must not exceed max_score, {}", FormatPoints(t.max)));
    }
    if (above && points >= *above) {
      Fail(errors, field,
           fmt::format("must be below {}'s, {}", kGrades[g - 1], FormatPoints(*above)));
    }
    above = points;
  }
}

void CollectLeaves(const std::vector<Indicator>& nodes, std::vector<Leaf>& out) {
  for (const Indicator& n : nodes) {
    if (n.children.empty()) {
      out.push_back({n.code, n.name, n.max});
    } else {
      CollectLeaves(n.children, out);
    }
  }
}

}  // namespace

std::optional<Tenths> ReadPoints(const json::value& value) {
  if (value.is_int64()) {
    const std::int64_t v = value.as_int64();
    if (v > kMaxPoints / 10 || v < -kMaxPoints / 10) return std::nullopt;
    return v * 10;
  }
  if (value.is_uint64()) return std::nullopt;  // beyond int64: far beyond kMaxPoints
  if (!value.is_double()) return std::nullopt;
  const double x = value.as_double();
  if (!std::isfinite(x) || std::fabs(x) > static_cast<double>(kMaxPoints / 10)) {
    return std::nullopt;
  }
  const double tenths = x * 10.0;
  const double nearest = std::round(tenths);
  if (std::fabs(tenths - nearest) > 1e-6) return std::nullopt;
  return static_cast<Tenths>(nearest);
}

json::value PointsJson(Tenths points) {
  if (points % 10 == 0) return json::value(points / 10);
  return json::value(static_cast<double>(points) / 10.0);
}

std::string FormatPoints(Tenths points) {
  const char* sign = points < 0 ? "-" : "";
  const Tenths a = points < 0 ? -points : points;
  if (a % 10 == 0) return fmt::format("{}{}", sign, a / 10);
  return fmt::format("{}{}.{}", sign, a / 10, a % 10);
}

core::Result<NewTemplate> ReadTemplate(const json::object& body) {
  Errors errors;
  NewTemplate t;
  t.name = TextOf(body, "name", "name", kMaxNameChars, errors);
  t.max = PositivePoints(body, "max_score", "max_score", errors);
  ReadThresholds(body, t, errors);
  const json::value* items = body.if_contains("indicators");
  if (!items || !items->is_array() || items->as_array().empty()) {
    Fail(errors, "indicators", "must be a non-empty array");
  } else {
    TreeCheck check{errors, {}, 0};
    t.indicators = ReadNodes(items->as_array(), "indicators", 1, check);
    if (errors.empty()) {
      Tenths leaves = 0;
      for (const Leaf& l : Leaves(t.indicators)) leaves += l.max;
      if (leaves != t.max) {
        Fail(errors, "indicators",
             fmt::format("the leaves' maxima sum to {}, not max_score {}", FormatPoints(leaves),
                         FormatPoints(t.max)));
      }
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return t;
}

json::object ThresholdsJson(const NewTemplate& t) {
  json::object out;
  for (std::size_t g = 0; g < kGrades.size(); ++g) out[kGrades[g]] = PointsJson(t.thresholds[g]);
  return out;
}

json::array IndicatorsJson(const std::vector<Indicator>& indicators) {
  json::array out;
  for (const Indicator& n : indicators) {
    json::object o{{"code", n.code}, {"name", n.name}, {"max_score", PointsJson(n.max)}};
    if (!n.children.empty()) o["children"] = IndicatorsJson(n.children);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Leaf> Leaves(const std::vector<Indicator>& indicators) {
  std::vector<Leaf> out;
  CollectLeaves(indicators, out);
  return out;
}

core::Result<std::vector<std::pair<std::string, Tenths>>> ReadScores(
    const std::vector<Leaf>& leaves, const json::value* scores) {
  if (!scores || !scores->is_object()) {
    return core::Error::Invalid("scores", "must be an object of leaf codes and points");
  }
  const json::object& given = scores->as_object();
  Errors errors;
  std::set<std::string, std::less<>> known;
  std::vector<std::pair<std::string, Tenths>> out;
  for (const Leaf& leaf : leaves) {
    known.insert(leaf.code);
    const std::string field = "scores." + leaf.code;
    const json::value* v = given.if_contains(leaf.code);
    if (!v || v->is_null()) {
      Fail(errors, field, "is required");
      continue;
    }
    const auto points = ReadPoints(*v);
    if (!points) {
      Fail(errors, field, "must be a number with at most one decimal");
    } else if (*points < 0 || *points > leaf.max) {
      Fail(errors, field, fmt::format("must be between {} and {}", 0, FormatPoints(leaf.max)));
    } else {
      out.emplace_back(leaf.code, *points);
    }
  }
  for (const auto& [code, value] : given) {
    if (!known.contains(std::string_view(code))) {
      Fail(errors, "scores." + std::string(code), "is not a leaf indicator of the template");
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return out;
}

Tenths TotalOf(const std::vector<std::pair<std::string, Tenths>>& scores) {
  Tenths sum = 0;
  for (const auto& [code, points] : scores) sum += points;
  return sum;
}

Outcome Aggregate(const std::vector<Tenths>& totals, const std::array<Tenths, 5>& thresholds) {
  Outcome out;
  out.dropped.assign(totals.size(), false);
  if (totals.empty()) return out;
  if (totals.size() >= 5) {
    std::size_t high = 0;
    std::size_t low = totals.size() - 1;
    for (std::size_t i = 0; i < totals.size(); ++i) {
      if (totals[i] > totals[high]) high = i;  // first of the highest
      if (totals[i] <= totals[low]) low = i;   // last of the lowest
    }
    out.dropped[high] = out.dropped[low] = true;
  }
  Tenths sum = 0;
  Tenths n = 0;
  for (std::size_t i = 0; i < totals.size(); ++i) {
    if (out.dropped[i]) continue;
    sum += totals[i];
    ++n;
  }
  out.score = (2 * sum + n) / (2 * n);
  out.grade = GradeOf(out.score, thresholds);
  return out;
}

std::optional<std::string> GradeOf(Tenths score, const std::array<Tenths, 5>& thresholds) {
  for (std::size_t g = 0; g < kGrades.size(); ++g) {
    if (score >= thresholds[g]) return std::string(kGrades[g]);
  }
  return std::nullopt;
}

core::Date ValidUntil(const core::Date& finalized) {
  core::Date anniversary{finalized.year + 5, finalized.month, finalized.day};
  if (!core::IsValidDate(anniversary))
    anniversary.day = 28;  // from 29 February
  else
    anniversary = core::AddDays(anniversary, -1);
  return anniversary;
}

}  // namespace lianyin::domain::evaluation
