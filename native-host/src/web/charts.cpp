#include "web/charts.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "domain/category.hpp"
#include "domain/text.hpp"

namespace caselog::web {

namespace {

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Category labels are long ("Account health / performance notification"): keep the first part.
std::string shortLabel(const std::string& label) {
  std::string s = label.substr(0, label.find(" / "));
  if (s.size() > 24) s = std::string(text::utf8Prefix(s, 23)) + "…";
  return s;
}

std::string colourClass(std::size_t i) {
  return "c" + std::to_string(i % 11);
}

}  // namespace

void weeklyChart(HtmlWriter& w, const std::vector<WeekCount>& perWeek) {
  std::vector<std::string> weeks, categories;
  std::map<std::pair<std::string, std::string>, int> counts;
  std::map<std::string, int> weekTotals;
  for (const auto& wc : perWeek) {
    if (std::find(weeks.begin(), weeks.end(), wc.weekStart) == weeks.end()) weeks.push_back(wc.weekStart);
    if (std::find(categories.begin(), categories.end(), wc.category) == categories.end())
      categories.push_back(wc.category);
    counts[{wc.weekStart, wc.category}] += wc.cases;
    weekTotals[wc.weekStart] += wc.cases;
  }
  std::sort(weeks.begin(), weeks.end());
  int maxTotal = 1;
  for (const auto& [week, n] : weekTotals) maxTotal = std::max(maxTotal, n);
  const double width = 470, height = 220, left = 24, bottom = 24, top = 8;
  const double plotH = height - bottom - top;
  const double slot = weeks.empty() ? 0 : (width - left) / static_cast<double>(weeks.size());
  w.open("svg", {{"class", "chart"},
                 {"viewBox", "0 0 480 220"},
                 {"role", "img"},
                 {"aria-label", "Cases per category per week"}});
  w.selfClosing("line", {{"class", "axis"},
                         {"x1", fmt(left)},
                         {"y1", fmt(height - bottom)},
                         {"x2", fmt(width)},
                         {"y2", fmt(height - bottom)}});
  w.el("text", {{"x", "0"}, {"y", fmt(top + 10)}}, std::to_string(maxTotal));
  w.el("text", {{"x", "0"}, {"y", fmt(height - bottom)}}, "0");
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    double y = height - bottom;
    const double x = left + slot * static_cast<double>(i) + slot * 0.15;
    for (std::size_t k = 0; k < categories.size(); ++k) {
      const int n = counts[{weeks[i], categories[k]}];
      if (n == 0) continue;
      const double h = plotH * n / maxTotal;
      y -= h;
      w.open("rect", {{"class", colourClass(k)},
                      {"x", fmt(x)},
                      {"y", fmt(y)},
                      {"width", fmt(slot * 0.7)},
                      {"height", fmt(h)}});
      w.el("title", "Week of " + weeks[i] + ": " + std::to_string(n) + " × " + categoryLabel(categories[k]));
      w.close("rect");
    }
    if (weeks.size() <= 8 || i % 4 == 0)
      w.el("text", {{"x", fmt(x + slot * 0.35)}, {"y", fmt(height - 6)}, {"text-anchor", "middle"}},
           weeks[i].substr(5));
  }
  w.close("svg").open("div", {{"class", "legend"}});
  for (std::size_t k = 0; k < categories.size(); ++k)
    w.open("span")
        .open("i", {{"class", colourClass(k)}})
        .close("i")
        .text(categoryLabel(categories[k]))
        .close("span");
  w.close("div");
}

void barChart(HtmlWriter& w, const std::vector<Bar>& bars, const std::string& title) {
  double maxValue = 0;
  for (const Bar& b : bars) maxValue = std::max(maxValue, b.value);
  if (maxValue <= 0) maxValue = 1;
  const double rowH = 24, labelW = 170, width = 480, textW = 56;
  const double height = rowH * static_cast<double>(bars.size()) + 4;
  w.open("svg",
         {{"class", "chart"}, {"viewBox", "0 0 480 " + fmt(height)}, {"role", "img"}, {"aria-label", title}});
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = rowH * static_cast<double>(i) + 4;
    const double len = (width - labelW - textW) * b.value / maxValue;
    w.el("text", {{"x", "0"}, {"y", fmt(y + 13)}}, shortLabel(b.label));
    w.open("rect", {{"class", colourClass(i)},
                    {"x", fmt(labelW)},
                    {"y", fmt(y)},
                    {"width", fmt(std::max(len, 1.0))},
                    {"height", fmt(rowH - 8)},
                    {"rx", "3"}});
    w.el("title", b.label + ": " + b.text).close("rect");
    w.el("text", {{"x", fmt(labelW + len + 6)}, {"y", fmt(y + 13)}}, b.text);
  }
  w.close("svg");
}

}  // namespace caselog::web
