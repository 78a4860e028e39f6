// Charts drawn server-side as inline SVG (no script, no external files). Colours come from the
// stylesheet classes c0…c10; every bar has a <title> so hovering tells its value.
#pragma once

#include <string>
#include <vector>

#include "domain/trends.hpp"
#include "web/html.hpp"

namespace caselog::web {

// Cases per category per week, stacked; a legend below.
void weeklyChart(HtmlWriter& w, const std::vector<WeekCount>& perWeek);

struct Bar {
  std::string label;
  double value = 0;
  std::string text;  // shown at the end of the bar ("14 h")
};
// Horizontal bars (time to first reply per category, rates).
void barChart(HtmlWriter& w, const std::vector<Bar>& bars, const std::string& title);

}  // namespace caselog::web
