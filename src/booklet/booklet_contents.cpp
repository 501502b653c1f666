#include "booklet/booklet_contents.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace lianyin::booklet {
namespace {

class Checker {
 public:
  void Require(bool ok, std::string field, std::string message) {
    if (!ok) problems_.push_back({std::move(field), std::move(message), std::nullopt});
  }
  void Utf8(const std::string& text, const std::string& field) {
    Require(g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr), field,
            "must be valid UTF-8 text");
  }
  std::vector<core::FieldError> problems() && { return std::move(problems_); }

 private:
  std::vector<core::FieldError> problems_;
};

void CheckBooklet(const Booklet& booklet, Checker& check) {
  check.Utf8(booklet.title, "title");
  check.Utf8(booklet.subtitle, "subtitle");
  check.Utf8(booklet.issued_by, "issued_by");
  check.Utf8(booklet.date_text, "date_text");
}

void CheckProject(const BookletProject& project, const std::string& at,
                  const std::map<std::string_view, std::size_t>& categories, Checker& check) {
  check.Require(categories.contains(project.category), at + ".category",
                "must be the code of one of the booklet's categories");
  check.Require(!project.title.empty(), at + ".title", "must not be empty");
  check.Require(project.year >= 1900 && project.year <= 9999, at + ".year",
                "must be a year between 1900 and 9999");
  check.Require(project.contract_fen >= 0, at + ".contract_fen", "must not be negative");
  check.Require(project.person_times >= 0, at + ".person_times", "must not be negative");
  check.Require(std::isfinite(project.score), at + ".score", "must be a finite number");
  check.Utf8(project.title, at + ".title");
  for (std::size_t i = 0; i < project.providers.size(); ++i) {
    check.Utf8(project.providers[i], fmt::format("{}.providers[{}]", at, i));
  }
  check.Utf8(project.funding_unit, at + ".funding_unit");
  check.Utf8(project.region, at + ".region");
  check.Utf8(project.target_groups, at + ".target_groups");
  check.Utf8(project.story, at + ".story");
}

}  // namespace

core::Result<std::vector<Section>> OrderContents(const Booklet& booklet) {
  Checker check;
  CheckBooklet(booklet, check);
  std::map<std::string_view, std::size_t> index;  // code → position in booklet.categories
  for (std::size_t i = 0; i < booklet.categories.size(); ++i) {
    const BookletCategory& category = booklet.categories[i];
    const std::string at = fmt::format("categories[{}]", i);
    check.Require(!category.code.empty(), at + ".code", "must not be empty");
    check.Require(index.emplace(category.code, i).second || category.code.empty(), at + ".code",
                  "is already the code of another category");
    check.Utf8(category.label, at + ".label");
  }
  for (std::size_t i = 0; i < booklet.projects.size(); ++i) {
    CheckProject(booklet.projects[i], fmt::format("projects[{}]", i), index, check);
  }
  std::vector<core::FieldError> problems = std::move(check).problems();
  if (!problems.empty()) return core::Error::Invalid(std::move(problems));

  std::vector<Section> all(booklet.categories.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i].category = &booklet.categories[i];
  for (const BookletProject& project : booklet.projects) {
    all[index.at(project.category)].projects.push_back(&project);
  }
  std::vector<Section> shown;
  for (Section& section : all) {
    if (section.projects.empty()) continue;
    std::stable_sort(
        section.projects.begin(), section.projects.end(),
        [](const BookletProject* a, const BookletProject* b) { return a->rank < b->rank; });
    shown.push_back(std::move(section));
  }
  return shown;
}

int CountProjects(const std::vector<Section>& sections) {
  std::size_t count = 0;
  for (const Section& section : sections) count += section.projects.size();
  return static_cast<int>(count);
}

}  // namespace lianyin::booklet
