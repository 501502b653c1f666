#pragma once
// The PDF's first pass: every text typeset and measured, then paginated into a Plan, so that the
// contents know each section's and project's page before anything is drawn (the second pass,
// booklet_pdf.cpp, only draws the plan).

#include <functional>
#include <string>
#include <vector>

#include "booklet/booklet.hpp"
#include "booklet/booklet_contents.hpp"
#include "booklet/booklet_typeset.hpp"

namespace lianyin::booklet {

enum class Decoration {
  kNone,
  kRule,       // a red rule across the type area, 7 pt above the block's bottom
  kShortRule,  // a short centred red rule
  kBar,        // a red bar left of the text (a heading)
  kLeader,     // a contents line: dot leaders and the page number of `toc_entry`
};

// Texts side by side from the block's top (a spacer has none). Only a block of one text may
// be `breakable`: split between lines across pages.
struct Block {
  std::vector<Text> texts;
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  bool breakable = false;
  bool keep_with_next = false;  // not the last thing on a page: moves with the next block's
                                // first lines
  Decoration decoration = Decoration::kNone;
  int toc_entry = -1;
};

// Lines [first_line, end_line) of a block, the first line's top `y` points from the page top.
// A block that is not breakable is placed whole (all of its texts' lines).
struct Placement {
  int block = 0;
  int first_line = 0;
  int end_line = 0;
  double y = 0;
};

enum class PageKind { kCover, kContents, kDivider, kProject };

struct Page {
  PageKind kind = PageKind::kProject;
  int project = -1;              // kProject: the project's index in reading order
  bool last_of_project = false;  // the project's pages end here
  std::vector<Placement> placements;
};

// One contents line (and one outline entry).
struct TocEntry {
  int level = 0;      // 0 a section, 1 a project
  std::string label;  // the line's text
  int page = 0;       // its target, 1-based
};

struct Plan {
  std::vector<Block> blocks;
  std::vector<Page> pages;  // page i is page number i + 1
  std::vector<TocEntry> toc;
  double number_width = 0;  // the room kept right of contents lines for page numbers
};

// Typesets and paginates the booklet. `project_measured` is called after each project.
Plan LayOut(const Booklet& booklet, const std::vector<Section>& sections, Typesetter& typesetter,
            const std::function<void()>& project_measured);

}  // namespace lianyin::booklet
