#include "booklet/booklet_typeset.hpp"

#include <pango/pangocairo.h>

#include <array>
#include <set>
#include <stdexcept>
#include <string>

namespace lianyin::booklet {
namespace {

constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

struct StyleSpec {
  const char* family;
  PangoWeight weight;
  double size;          // points
  double line_spacing;  // baseline distance as a factor of the font's height; 0: the font's
  PangoAlignment align;
  bool justify;
  double indent_em;  // first line of each paragraph
  int max_lines;     // 0: no limit
  Rgb colour;
};

constexpr PangoWeight kBold = PANGO_WEIGHT_BOLD;
constexpr PangoWeight kNormal = PANGO_WEIGHT_NORMAL;
constexpr PangoAlignment kLeft = PANGO_ALIGN_LEFT;
constexpr PangoAlignment kCentre = PANGO_ALIGN_CENTER;

// Indexed by Style; keep in its order.
constexpr std::array<StyleSpec, 20> kStyles = {{
    {kSerif, kBold, 30, 1.25, kCentre, false, 0, 4, kRed},   // kCoverTitle
    {kSans, kNormal, 16, 0, kCentre, false, 0, 2, kInk},     // kCoverSubtitle
    {kSerif, kNormal, 18, 0, kCentre, false, 0, 2, kInk},    // kCoverIssuer
    {kSans, kNormal, 14, 0, kCentre, false, 0, 1, kInk},     // kCoverDate
    {kSerif, kBold, 22, 0, kCentre, false, 0, 1, kInk},      // kContentsTitle
    {kSans, kBold, 12, 0, kLeft, false, 0, 2, kRed},         // kContentsCategory
    {kSerif, kNormal, 11, 1.1, kLeft, false, 0, 3, kInk},    // kContentsProject
    {kSans, kNormal, 11, 0, kLeft, false, 0, 1, kInk},       // kContentsNumber
    {kSans, kNormal, 12, 0, kCentre, false, 0, 1, kGrey},    // kContentsEmpty
    {kSans, kNormal, 15, 0, kCentre, false, 0, 1, kRed},     // kDividerKicker
    {kSerif, kBold, 28, 1.2, kCentre, false, 0, 3, kInk},    // kDividerTitle
    {kSans, kNormal, 12, 0, kCentre, false, 0, 1, kGrey},    // kDividerNote
    {kSans, kNormal, 10.5, 0, kLeft, false, 0, 2, kRed},     // kKicker
    {kSerif, kBold, 20, 1.15, kLeft, false, 0, 4, kInk},     // kTitle
    {kSans, kBold, 10.5, 0, kLeft, false, 0, 1, kGrey},      // kFieldLabel
    {kSerif, kNormal, 10.5, 1.1, kLeft, false, 0, 6, kInk},  // kFieldValue
    {kSans, kBold, 12, 0, kLeft, false, 0, 1, kInk},         // kHeading
    {kSerif, kNormal, 11, 1.2, kLeft, true, 2, 0, kInk},     // kStory
    {kSans, kNormal, 9, 0, kLeft, false, 0, 1, kGrey},       // kContinued
    {kSans, kNormal, 9, 0, kCentre, false, 0, 1, kGrey},     // kFooter
}};
static_assert(static_cast<std::size_t>(Style::kFooter) + 1 == kStyles.size());

constexpr double kPango = PANGO_SCALE;

void RequireFamilies(PangoContext* context) {
  PangoFontFamily** families = nullptr;
  int count = 0;
  pango_font_map_list_families(pango_context_get_font_map(context), &families, &count);
  std::set<std::string> names;
  for (int i = 0; i < count; ++i) names.insert(pango_font_family_get_name(families[i]));
  g_free(families);
  for (const char* family : {kSerif, kSans}) {
    if (!names.contains(family)) {
      throw std::runtime_error(std::string("booklet: the font ") + family +
                               " is not installed (Debian package fonts-noto-cjk)");
    }
  }
}

std::vector<LineBox> MeasureLines(PangoLayout* layout) {
  std::vector<LineBox> lines;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(iter, &top, &bottom);
    // The line's extents in the layout, and its own (whose x is where its origin lies).
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    PangoRectangle own;
    pango_layout_line_get_extents(pango_layout_iter_get_line_readonly(iter), nullptr, &own);
    lines.push_back({top / kPango, bottom / kPango, pango_layout_iter_get_baseline(iter) / kPango,
                     (logical.x - own.x) / kPango, logical.width / kPango});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return lines;
}

}  // namespace

void GObjectUnref::operator()(void* object) const { g_object_unref(object); }

void PrepareContext(PangoContext* context) {
  // Points as the user unit, and metrics that do not depend on a device's pixels.
  pango_cairo_context_set_resolution(context, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  // Simplified Chinese glyph forms, and line breaking as for Chinese.
  pango_context_set_language(context, pango_language_from_string("zh-cn"));
}

Typesetter::Typesetter(PangoContext* context) : context_(context) {
  RequireFamilies(context);
  for (const StyleSpec& spec : kStyles) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family_static(font, spec.family);
    pango_font_description_set_weight(font, spec.weight);
    pango_font_description_set_size(font, static_cast<int>(spec.size * kPango));
    fonts_.push_back(font);
  }
}

Typesetter::~Typesetter() {
  for (PangoFontDescription* font : fonts_) pango_font_description_free(font);
}

Text Typesetter::Make(std::string_view text, Style style, double width, double x) {
  const StyleSpec& spec = kStyles[static_cast<std::size_t>(style)];
  LayoutPtr layout(pango_layout_new(context_));
  pango_layout_set_font_description(layout.get(), fonts_[static_cast<std::size_t>(style)]);
  pango_layout_set_width(layout.get(), width > 0 ? static_cast<int>(width * kPango) : -1);
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), spec.align);
  pango_layout_set_justify(layout.get(), spec.justify);
  if (spec.line_spacing > 0)
    pango_layout_set_line_spacing(layout.get(), static_cast<float>(spec.line_spacing));
  if (spec.indent_em > 0) {
    pango_layout_set_indent(layout.get(), static_cast<int>(spec.indent_em * spec.size * kPango));
  }
  if (spec.max_lines > 0) {
    pango_layout_set_height(layout.get(), -spec.max_lines);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  missing_glyphs_ += pango_layout_get_unknown_glyphs_count(layout.get());
  Text out{std::move(layout), x, spec.colour, {}};
  out.lines = MeasureLines(out.layout.get());
  return out;
}

}  // namespace lianyin::booklet
