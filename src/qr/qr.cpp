#include "qr/qr.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

namespace lianyin::qr {
namespace {

constexpr std::size_t kQuietZone = 4;
constexpr std::size_t kMaxTextBytes = 1000;

struct Free {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<Matrix> Encode(std::string_view text) {
  if (text.empty() || text.size() > kMaxTextBytes) return std::nullopt;
  const std::string data(text);  // libqrencode wants a NUL-terminated string
  std::unique_ptr<QRcode, Free> code(QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M));
  if (!code || code->width <= 0) return std::nullopt;
  Matrix m;
  m.width = static_cast<std::size_t>(code->width);
  m.dark.resize(m.width * m.width);
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  return m;
}

std::string Svg(const Matrix& m) {
  const std::size_t size = m.width + 2 * kQuietZone;
  std::string path;
  // One rectangle per horizontal run of dark modules keeps the path short.
  for (std::size_t y = 0; y < m.width; ++y) {
    for (std::size_t x = 0; x < m.width;) {
      if (!m.At(x, y)) {
        ++x;
        continue;
      }
      std::size_t run = 1;
      while (x + run < m.width && m.At(x + run, y)) ++run;
      path += fmt::format("M{} {}h{}v1h-{}z", x + kQuietZone, y + kQuietZone, run, run);
      x += run;
    }
  }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" "
      "shape-rendering=\"crispEdges\"><rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/>"
      "<path fill=\"#000\" d=\"{1}\"/></svg>",
      size, path);
}

}  // namespace lianyin::qr
