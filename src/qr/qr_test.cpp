#include "qr/qr.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace lianyin::qr {
namespace {

// The 7×7 finder pattern at (x0, y0): a dark ring, a light ring, a dark 3×3 centre.
bool FinderAt(const Matrix& m, std::size_t x0, std::size_t y0) {
  for (std::size_t y = 0; y < 7; ++y) {
    for (std::size_t x = 0; x < 7; ++x) {
      const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (m.At(x0 + x, y0 + y) != (ring || centre)) return false;
    }
  }
  return true;
}

TEST(Qr, EncodesALinkWithTheThreeFinderPatterns) {
  auto m = Encode("https://lianyin.example/m/checkin?event=42&token=abcdefghijklmnopqrstuv");
  ASSERT_TRUE(m);
  // 72 bytes at level M need version 5 (37 modules) at least; sizes are 17 + 4·version.
  EXPECT_GE(m->width, 37u);
  EXPECT_EQ((m->width - 17) % 4, 0u);
  EXPECT_EQ(m->dark.size(), m->width * m->width);
  EXPECT_TRUE(FinderAt(*m, 0, 0));
  EXPECT_TRUE(FinderAt(*m, m->width - 7, 0));
  EXPECT_TRUE(FinderAt(*m, 0, m->width - 7));
  EXPECT_FALSE(FinderAt(*m, m->width - 7, m->width - 7));
}

TEST(Qr, TheSvgDrawsEveryDarkModuleOnce) {
  const Matrix m = Encode("LIANYIN").value();
  const std::string svg = Svg(m);
  EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos) << "21 modules + 2·4 quiet";
  std::size_t dark = 0;
  for (bool d : m.dark) dark += d ? 1 : 0;
  std::size_t drawn = 0;
  const std::regex run("h([0-9]+)v1");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), run); it != std::sregex_iterator();
       ++it) {
    drawn += std::stoul((*it)[1]);
  }
  EXPECT_EQ(drawn, dark);
  EXPECT_FALSE(Encode(""));
  EXPECT_FALSE(Encode(std::string(5000, 'x')));
}

}  // namespace
}  // namespace lianyin::qr
