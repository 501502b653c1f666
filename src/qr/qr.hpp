#pragma once
// QR codes as SVG (issue #11: the rotating check-in code on a venue's screen). The module
// matrix comes from Debian's libqrencode; the SVG is drawn here from it, so no image library is
// needed and the result scales to any screen. Pure functions; thread-safe (libqrencode keeps no
// state between calls).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lianyin::qr {

// The modules of a QR code, row by row: dark[y * width + x].
struct Matrix {
  std::size_t width = 0;
  std::vector<bool> dark;

  bool At(std::size_t x, std::size_t y) const { return dark[y * width + x]; }
};

// `text` (bytes, at most a few hundred) as the smallest QR code holding it at error-correction
// level M (15% of the code may be damaged, e.g. by glare on a screen); nullopt when it does not
// fit or the library fails.
std::optional<Matrix> Encode(std::string_view text);

// An SVG document drawing `matrix` with a four-module quiet zone, one path of unit squares in a
// viewBox of (width + 8) units, black on white, crisp edges. O(width²).
std::string Svg(const Matrix& matrix);

}  // namespace lianyin::qr
