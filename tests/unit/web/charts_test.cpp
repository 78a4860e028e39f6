// Server-side SVG charts: well-formed inside HTML, one bar per value, labels escaped.
#include "web/charts.hpp"

#include <gtest/gtest.h>

namespace caselog::web {
namespace {

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = s.find(needle); pos != std::string::npos; pos = s.find(needle, pos + 1)) ++n;
  return n;
}

TEST(Charts, WeeklyChartStacksBarsAndSelfClosesSvgElements) {
  HtmlWriter w;
  weeklyChart(
      w,
      {{"2026-11-09", "fba_shipment", 2}, {"2026-11-09", "payments", 1}, {"2026-11-16", "fba_shipment", 0}});
  const std::string svg = w.str();
  // In HTML, an SVG <line> that is not self-closed swallows the bars that follow it.
  EXPECT_NE(svg.find("<line class=\"axis\""), std::string::npos);
  EXPECT_EQ(count(svg, "<line"), count(svg, "/>"));
  EXPECT_EQ(count(svg, "<rect"), 2u);  // zero counts draw nothing
  EXPECT_NE(svg.find("Week of 2026-11-09: 2 × "), std::string::npos);
}

TEST(Charts, BarChartEscapesLabelsAndTruncatesLongOnes) {
  HtmlWriter w;
  barChart(w, {{"<b>x</b>", 3, "3 h"}, {"Account health / performance notification", 6, "6 h"}}, "T");
  const std::string svg = w.str();
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;x&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">Account health<"), std::string::npos);
  EXPECT_EQ(count(svg, "<rect"), 2u);
}

}  // namespace
}  // namespace caselog::web
