#pragma once
// The booklet's checked, ordered contents: what the PDF and the XLSX both lay out.

#include <vector>

#include "booklet/booklet.hpp"
#include "core/error.hpp"

namespace lianyin::booklet {

// One shown category and its projects by rank (ties in input order). The pointers point into
// the Booklet passed to OrderContents, which must outlive them.
struct Section {
  const BookletCategory* category = nullptr;
  std::vector<const BookletProject*> projects;
};

// Validates `booklet` as RenderPdf documents (every problem found, one detail each) and returns
// the sections in category order, leaving out categories without projects.
core::Result<std::vector<Section>> OrderContents(const Booklet& booklet);

// The number of projects over all sections.
int CountProjects(const std::vector<Section>& sections);

}  // namespace lianyin::booklet
