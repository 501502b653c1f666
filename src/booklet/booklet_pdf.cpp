// RenderPdf: the second pass, drawing the Plan that booklet_layout.cpp made, with Cairo.

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "booklet/booklet.hpp"
#include "booklet/booklet_contents.hpp"
#include "booklet/booklet_format.hpp"
#include "booklet/booklet_layout.hpp"
#include "booklet/booklet_typeset.hpp"

namespace lianyin::booklet {
namespace {

constexpr double kRuleInset = 7;   // a kRule's distance above its block's bottom
constexpr double kLeaderStep = 4;  // dot leaders: one dot every so many points
constexpr double kLeaderGap = 5;   // between the leaders and the texts they join

struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

void ThrowOnFailure(cairo_status_t status, const std::string& path) {
  if (status == CAIRO_STATUS_SUCCESS) return;
  throw std::runtime_error(
      fmt::format("booklet: cannot write {}: {}", path, cairo_status_to_string(status)));
}

std::string DestinationName(int page) { return fmt::format("page-{}", page); }

// Draws the plan's pages onto one cairo context, in points from the page's top-left corner.
class Painter {
 public:
  Painter(cairo_t* cr, const Plan& plan, Typesetter& typesetter)
      : cr_(cr), plan_(plan), type_(typesetter) {}

  void DrawPage(const Page& page, int number) {
    // Every page is a named destination "page-N" around its content (whose top-left corner is
    // where a viewer goes), and contents lines link to those names: cairo 1.16 drops links to
    // pages not yet drawn but resolves names at the end, and it repeats the last destination on
    // each page that has none of its own.
    const std::string dest = fmt::format("name='{}'", DestinationName(number));
    cairo_tag_begin(cr_, CAIRO_TAG_DEST, dest.c_str());
    for (const Placement& placement : page.placements) Draw(placement);
    if (page.kind != PageKind::kCover) {
      const Text footer = type_.Make(std::to_string(number), Style::kFooter, kContentWidth);
      DrawLine(footer, 0, kContentLeft + footer.lines[0].x, kFooterBaseline);
    }
    cairo_tag_end(cr_, CAIRO_TAG_DEST);
    cairo_show_page(cr_);
  }

 private:
  void Colour(Rgb colour) { cairo_set_source_rgb(cr_, colour.red, colour.green, colour.blue); }

  // Line `index` of `text` with its origin at (x, baseline).
  void DrawLine(const Text& text, int index, double x, double baseline) {
    Colour(text.colour);
    cairo_move_to(cr_, x, baseline);
    pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(text.layout.get(), index));
  }

  void Draw(const Placement& placement) {
    const Block& block = plan_.blocks[placement.block];
    for (const Text& text : block.texts) {
      const int end = std::min<int>(placement.end_line, static_cast<int>(text.lines.size()));
      const double shift = placement.y - text.lines[placement.first_line].top;
      for (int i = placement.first_line; i < end; ++i) {
        const LineBox& line = text.lines[i];
        DrawLine(text, i, kContentLeft + text.x + line.x, shift + line.baseline);
      }
    }
    Decorate(block, placement.y);
  }

  void Decorate(const Block& block, double y) {
    switch (block.decoration) {
      case Decoration::kNone:
        return;
      case Decoration::kRule:
        Rule(kContentLeft, kContentLeft + kContentWidth, y + block.height - kRuleInset, 0.8);
        return;
      case Decoration::kShortRule: {
        const double middle = kContentLeft + kContentWidth / 2;
        Rule(middle - 30, middle + 30, y + block.height / 2, 2);
        return;
      }
      case Decoration::kBar:
        Colour(kRed);
        cairo_rectangle(cr_, kContentLeft, y, 3, block.height);
        cairo_fill(cr_);
        return;
      case Decoration::kLeader:
        Leader(block, y);
        return;
    }
  }

  void Rule(double from, double to, double y, double width) {
    Colour(kRed);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, from, y);
    cairo_line_to(cr_, to, y);
    cairo_stroke(cr_);
  }

  // A contents line's page number on its last line, right-aligned, dots up to it, and the whole
  // line a link to that page.
  void Leader(const Block& block, double y) {
    const TocEntry& entry = plan_.toc[block.toc_entry];
    const Text& label = block.texts.front();
    const LineBox& last = label.lines.back();
    const double baseline = y - label.lines.front().top + last.baseline;
    const Text number = type_.Make(std::to_string(entry.page), Style::kContentsNumber, 200);
    const double right = kContentLeft + kContentWidth;
    const double number_x = right - number.lines[0].width;
    DrawLine(number, 0, number_x, baseline);

    const double from = kContentLeft + label.x + last.x + last.width + kLeaderGap;
    const double to = number_x - kLeaderGap;
    Colour(kGrey);
    // On a grid from the type area's edge, so that the dots of all lines stand in columns.
    for (double x = kContentLeft + std::ceil((from - kContentLeft) / kLeaderStep) * kLeaderStep;
         x <= to; x += kLeaderStep) {
      cairo_arc(cr_, x, baseline - 1.2, 0.55, 0, 2 * M_PI);
      cairo_fill(cr_);
    }
    const std::string link =
        fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] dest='{}'", kContentLeft, y, kContentWidth,
                    block.height, DestinationName(entry.page));
    cairo_tag_begin(cr_, CAIRO_TAG_LINK, link.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_LINK);
  }

  cairo_t* cr_;
  const Plan& plan_;
  Typesetter& type_;
};

void AddOutline(cairo_surface_t* surface, const Plan& plan) {
  cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, "目录", "page=2 pos=[0 0]",
                                static_cast<cairo_pdf_outline_flags_t>(0));
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  for (const TocEntry& entry : plan.toc) {
    const std::string target = fmt::format("page={} pos=[0 0]", entry.page);
    if (entry.level == 0) {
      parent = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, entry.label.c_str(),
                                             target.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    } else {
      cairo_pdf_surface_add_outline(surface, parent, entry.label.c_str(), target.c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
    }
  }
}

void SetMetadata(cairo_surface_t* surface, const Booklet& booklet) {
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 JoinLines(booklet.title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT,
                                 OneParagraph(booklet.subtitle).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 OneParagraph(booklet.issued_by).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Lianyin 联引");
}

}  // namespace

core::Result<PdfInfo> RenderPdf(const Booklet& booklet, const std::string& path,
                                std::function<void(int done, int total)> progress) {
  core::Result<std::vector<Section>> sections = OrderContents(booklet);
  if (!sections) return sections.error();
  const int total = 2 * CountProjects(*sections) + 1;
  int done = 0;
  auto step = [&] {
    if (progress) progress(done, total);
    ++done;
  };
  step();

  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight));
  ThrowOnFailure(cairo_surface_status(surface.get()), path);
  std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
  std::unique_ptr<PangoContext, GObjectUnref> context(pango_cairo_create_context(cr.get()));
  PrepareContext(context.get());
  Typesetter typesetter(context.get());

  const Plan plan = LayOut(booklet, *sections, typesetter, step);
  SetMetadata(surface.get(), booklet);
  AddOutline(surface.get(), plan);
  Painter painter(cr.get(), plan, typesetter);
  for (std::size_t i = 0; i < plan.pages.size(); ++i) {
    painter.DrawPage(plan.pages[i], static_cast<int>(i) + 1);
    if (plan.pages[i].last_of_project) step();
  }
  cairo_surface_finish(surface.get());
  ThrowOnFailure(cairo_surface_status(surface.get()), path);
  ThrowOnFailure(cairo_status(cr.get()), path);
  step();
  return PdfInfo{static_cast<int>(plan.pages.size()), typesetter.missing_glyphs()};
}

}  // namespace lianyin::booklet
