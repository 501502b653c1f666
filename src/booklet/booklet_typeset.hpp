#pragma once
// Text in the booklet's fonts and styles, measured line by line (Pango). Internal to the PDF
// renderer: pagination splits a text between its lines, drawing shows lines one by one.

#include <pango/pango.h>

#include <memory>
#include <string_view>
#include <vector>

namespace lianyin::booklet {

// A4 in PDF points and the type area (版心) every page shares.
inline constexpr double kPageWidth = 595.276;
inline constexpr double kPageHeight = 841.890;
inline constexpr double kContentLeft = 62.0;
inline constexpr double kContentWidth = 473.0;  // 43 characters of body text, so lines end flush
inline constexpr double kContentTop = 72.0;
inline constexpr double kContentBottom = 769.0;
inline constexpr double kFooterBaseline = 806.0;

struct Rgb {
  double red = 0, green = 0, blue = 0;
};
inline constexpr Rgb kInk{0.10, 0.10, 0.10};
inline constexpr Rgb kGrey{0.42, 0.42, 0.42};
inline constexpr Rgb kRed{0.72, 0.07, 0.07};  // the union red of headings and rules

enum class Style {
  kCoverTitle,
  kCoverSubtitle,
  kCoverIssuer,
  kCoverDate,
  kContentsTitle,
  kContentsCategory,
  kContentsProject,
  kContentsNumber,
  kContentsEmpty,
  kDividerKicker,
  kDividerTitle,
  kDividerNote,
  kKicker,
  kTitle,
  kFieldLabel,
  kFieldValue,
  kHeading,
  kStory,
  kContinued,
  kFooter,
};

struct GObjectUnref {
  void operator()(void* object) const;
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

// One line of a Text, in points from the text's top-left corner.
struct LineBox {
  double top = 0;
  double bottom = 0;
  double baseline = 0;
  double x = 0;      // the line's origin (alignment and first-line indent included)
  double width = 0;  // of its text, from x
};

// A laid-out text, placed `x` points right of the type area's left edge.
struct Text {
  LayoutPtr layout;
  double x = 0;
  Rgb colour;
  std::vector<LineBox> lines;

  double Height() const { return lines.empty() ? 0 : lines.back().bottom - lines.front().top; }
};

// Makes Texts on one Pango context (the one of the PDF's cairo context, 72 dpi, unhinted,
// language zh-cn) and counts the characters no font could draw. Not thread-safe; one per
// rendering.
class Typesetter {
 public:
  // Throws std::runtime_error when Noto Serif CJK SC or Noto Sans CJK SC is not installed.
  explicit Typesetter(PangoContext* context);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // `text` wrapped to `width` points (not wrapped if `width` ≤ 0) in `style` (its font, size,
  // spacing, alignment, colour and line limit: a text over its style's limit ends in "…").
  Text Make(std::string_view text, Style style, double width, double x = 0);
  int missing_glyphs() const { return missing_glyphs_; }

 private:
  PangoContext* context_;
  std::vector<PangoFontDescription*> fonts_;  // one per Style
  int missing_glyphs_ = 0;
};

// Configures a context made for a PDF surface as the Typesetter expects it.
void PrepareContext(PangoContext* context);

}  // namespace lianyin::booklet
