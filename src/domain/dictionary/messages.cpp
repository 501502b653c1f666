#include "domain/dictionary/messages.hpp"

#include <algorithm>
#include <charconv>
#include <span>
#include <unordered_map>
#include <vector>

#include "domain/dictionary/dictionary.hpp"
#include "domain/dictionary/messages_catalogue.hpp"

namespace lianyin::domain::dictionary {
namespace {

bool AsciiIEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The quality of one Accept-Language item ("en;q=0.8" → 0.8; no q → 1; malformed → 0).
double Quality(std::string_view params) {
  const auto q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string_view value = Trim(params.substr(q + 2));
  double result = 0;
  // from_chars for double is in libstdc++ 12.
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
  return ec == std::errc() ? result : 0.0;
}

// An English template split at its "{}" markers: literal pieces, one more than parameters.
struct Pattern {
  std::vector<std::string_view> pieces;
  std::string_view zh;
};

// Parameters of `text` under `pattern`, or nullopt when it does not match. Each parameter is
// non-empty and ends at the first occurrence of the next literal (the last literal is a suffix).
std::optional<std::vector<std::string_view>> Match(const Pattern& pattern, std::string_view text) {
  const std::vector<std::string_view>& pieces = pattern.pieces;
  if (!text.starts_with(pieces.front())) return std::nullopt;
  std::vector<std::string_view> params;
  std::size_t at = pieces.front().size();
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    const bool last = i + 1 == pieces.size();
    std::size_t end;
    if (last) {
      if (!text.ends_with(pieces[i]) || text.size() < at + pieces[i].size() + 1)
        return std::nullopt;
      end = text.size() - pieces[i].size();
    } else {
      end = text.find(pieces[i], at + 1);
      if (end == std::string_view::npos) return std::nullopt;
    }
    if (end <= at) return std::nullopt;
    params.push_back(text.substr(at, end - at));
    at = end + pieces[i].size();
  }
  return params;
}

struct Catalogue {
  std::unordered_map<std::string_view, std::string_view> exact;
  std::vector<Pattern> patterns;  // most literal text first: the most specific wins
  std::unordered_map<std::string_view, const FieldName*> fields;

  Catalogue() {
    for (const Message& m : Messages()) {
      const std::string_view en = m.en;
      if (en.find("{}") == std::string_view::npos) {
        exact.emplace(en, m.zh);
        continue;
      }
      Pattern p{{}, m.zh};
      std::size_t from = 0;
      for (std::size_t at; (at = en.find("{}", from)) != std::string_view::npos; from = at + 2) {
        p.pieces.push_back(en.substr(from, at - from));
      }
      p.pieces.push_back(en.substr(from));
      patterns.push_back(std::move(p));
    }
    const auto literal = [](const Pattern& p) {
      std::size_t n = 0;
      for (std::string_view piece : p.pieces) n += piece.size();
      return n;
    };
    std::stable_sort(patterns.begin(), patterns.end(),
                     [&](const Pattern& a, const Pattern& b) { return literal(a) > literal(b); });
    for (const FieldName& f : FieldNames()) fields.emplace(f.field, &f);
  }
};

const Catalogue& TheCatalogue() {
  static const Catalogue catalogue;
  return catalogue;
}

// One parameter shown in Chinese as its zh template's marker asks: "{0}" as is, "{0:msg}"
// translated, "{0:field}" as a field label, "{0:org_status}" (any dictionary) as its label.
std::string RenderParam(std::string_view value, std::string_view kind) {
  if (kind.empty()) return std::string(value);
  if (kind == "msg") return Translate(value, Lang::kZh);
  if (kind == "field") return std::string(FieldLabel(value, Lang::kZh));
  if (const Dictionary* d = Find(kind)) {
    if (const Entry* e = FindEntry(*d, value)) return std::string(e->label);
  }
  return std::string(value);
}

std::string Render(std::string_view zh, const std::vector<std::string_view>& params) {
  std::string out;
  out.reserve(zh.size() + 32);
  for (std::size_t i = 0; i < zh.size();) {
    const std::size_t close = zh[i] == '{' ? zh.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += zh[i++];
      continue;
    }
    const std::string_view marker = zh.substr(i + 1, close - i - 1);
    const std::string_view index_text = marker.substr(0, marker.find(':'));
    const std::string_view kind =
        marker.size() > index_text.size() ? marker.substr(index_text.size() + 1) : "";
    std::size_t index = 0;
    auto [end, ec] =
        std::from_chars(index_text.data(), index_text.data() + index_text.size(), index);
    if (ec == std::errc() && end == index_text.data() + index_text.size() &&
        index < params.size()) {
      out += RenderParam(params[index], kind);
    } else {
      out += marker;  // a catalogue mistake shows as text; messages_test.cpp rules it out
    }
    i = close + 1;
  }
  return out;
}

}  // namespace

Lang PreferredLang(std::string_view header) {
  // The best quality each language is given, and at which item (ties go to the first named).
  double zh = 0, en = 0;
  std::size_t item_no = 0, zh_at = 0, en_at = 0;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    const std::string_view item = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? "" : header.substr(comma + 1);
    ++item_no;
    const std::size_t semi = item.find(';');
    const std::string_view tag = Trim(item.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : Quality(item.substr(semi + 1));
    const std::string_view primary = tag.substr(0, tag.find('-'));
    if (AsciiIEquals(primary, "zh") && q > zh) zh = q, zh_at = item_no;
    if (AsciiIEquals(primary, "en") && q > en) en = q, en_at = item_no;
  }
  return en > zh || (en > 0 && en == zh && en_at < zh_at) ? Lang::kEn : Lang::kZh;
}

std::string_view LangTag(Lang lang) { return lang == Lang::kEn ? "en" : "zh-CN"; }

std::string_view FieldLabel(std::string_view field, Lang lang) {
  const Catalogue& c = TheCatalogue();
  auto it = c.fields.find(field);
  if (it == c.fields.end()) return field;
  return lang == Lang::kEn ? it->second->en : it->second->zh;
}

std::optional<std::string> TranslationOf(std::string_view english) {
  const Catalogue& c = TheCatalogue();
  if (auto it = c.exact.find(english); it != c.exact.end()) return std::string(it->second);
  for (const Pattern& p : c.patterns) {
    if (auto params = Match(p, english)) return Render(p.zh, *params);
  }
  return std::nullopt;
}

std::string Translate(std::string_view english, Lang lang) {
  if (lang == Lang::kEn) return std::string(english);
  return TranslationOf(english).value_or(std::string(english));
}

}  // namespace lianyin::domain::dictionary
