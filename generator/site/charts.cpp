#include "site/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "site/html.hpp"

namespace planpress::site {

namespace {

// Colours with at least 3:1 contrast against white (WCAG 1.4.11); series also differ in marker and dash so
// that colour is never the only distinction (WCAG 1.4.1).
struct Style {
  const char* colour;
  const char* dash;
  const char* marker;  // circle | square | triangle | diamond
};
constexpr Style kStyles[] = {
    {"#0b5394", "", "circle"}, {"#b35900", "7 4", "square"}, {"#2e7d32", "2 3", "triangle"}, {"#6a1b9a", "9 3 2 3", "diamond"}};

std::string fmt(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string marker(const char* shape, double x, double y, const char* colour, bool hollow) {
  const std::string fill = hollow ? "#ffffff" : colour;
  const std::string common = " fill=\"" + fill + "\" stroke=\"" + colour + "\" stroke-width=\"2\"";
  const std::string sx = fmt(x, 1), sy = fmt(y, 1);
  if (std::string(shape) == "square")
    return "<rect x=\"" + fmt(x - 4.5, 1) + "\" y=\"" + fmt(y - 4.5, 1) + "\" width=\"9\" height=\"9\"" + common + "/>";
  if (std::string(shape) == "triangle")
    return "<path d=\"M" + sx + " " + fmt(y - 6, 1) + " L" + fmt(x + 5.5, 1) + " " + fmt(y + 4, 1) + " L" + fmt(x - 5.5, 1) + " " +
           fmt(y + 4, 1) + " Z\"" + common + "/>";
  if (std::string(shape) == "diamond")
    return "<path d=\"M" + sx + " " + fmt(y - 6, 1) + " L" + fmt(x + 6, 1) + " " + sy + " L" + sx + " " + fmt(y + 6, 1) + " L" +
           fmt(x - 6, 1) + " " + sy + " Z\"" + common + "/>";
  return "<circle cx=\"" + sx + "\" cy=\"" + sy + "\" r=\"5\"" + common + "/>";
}

}  // namespace

std::string render_chart_svg(const present::ChartSpec& spec, const std::vector<std::string>& description, const std::string& id) {
  const auto& years = spec.years;
  const auto& axis = spec.axis;
  const auto& series = spec.series;
  const double width = 640, height = 300;
  const double left = 64, right = 64, top = 44, bottom = 44;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  auto y_of = [&](double v) { return top + plot_h * (1 - (v - axis.min) / (axis.max - axis.min)); };
  const double band = plot_w / static_cast<double>(years.size());
  auto x_of = [&](int year) {
    const auto idx = static_cast<double>(std::find(years.begin(), years.end(), year) - years.begin());
    return left + band * (idx + 0.5);
  };

  std::string svg = "<svg class=\"chart-svg\" viewBox=\"0 0 640 300\" width=\"640\" height=\"300\" role=\"img\" aria-labelledby=\"" +
                    id + "-t " + id + "-d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">";
  svg += "<title id=\"" + id + "-t\">" + escape_html(spec.title) + "</title>";
  std::string desc;
  for (const auto& line : description) desc += (desc.empty() ? "" : " ") + line;
  svg += "<desc id=\"" + id + "-d\">" + escape_html(desc) + "</desc>";
  // Grid and the value axis' tick labels.
  for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
    const double y = y_of(axis.ticks[i]);
    svg += "<line x1=\"" + fmt(left, 1) + "\" x2=\"" + fmt(width - right, 1) + "\" y1=\"" + fmt(y, 1) + "\" y2=\"" + fmt(y, 1) +
           "\" stroke=\"#c9d0d6\" stroke-width=\"1\"/>";
    svg += "<text class=\"tick\" x=\"" + fmt(left - 6, 1) + "\" y=\"" + fmt(y + 4, 1) + "\" text-anchor=\"end\" fill=\"#4d4d4d\">" +
           escape_html(axis.tick_labels[i]) + "</text>";
  }
  if (!spec.unit.empty())
    svg += "<text x=\"" + fmt(left - 6, 1) + "\" y=\"" + fmt(top - 14, 1) + "\" text-anchor=\"end\" fill=\"#4d4d4d\">（" +
           escape_html(spec.unit) + "）</text>";
  // Year labels.
  for (std::size_t i = 0; i < years.size(); ++i)
    svg += "<text class=\"year\" x=\"" + fmt(x_of(years[i]), 1) + "\" y=\"" + fmt(height - bottom + 20, 1) +
           "\" text-anchor=\"middle\" fill=\"#1a1a1a\">" + escape_html(spec.year_labels[i]) + "</text>";
  svg += "<line x1=\"" + fmt(left, 1) + "\" x2=\"" + fmt(width - right, 1) + "\" y1=\"" + fmt(height - bottom, 1) + "\" y2=\"" +
         fmt(height - bottom, 1) + "\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>";

  const double bar_w = std::min(36.0, band * 0.8 / static_cast<double>(std::max<std::size_t>(series.size(), 1)));
  struct Label {
    double y;
    std::string text;
  };
  std::map<int, std::vector<Label>> labels;  // by fiscal year
  auto dash_of = [](const Style& st) { return std::string(st.dash).empty() ? std::string() : std::string(" stroke-dasharray=\"") + st.dash + "\""; };
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const Style& st = kStyles[si % 4];
    const char* colour = st.colour;
    if (spec.bars) {
      const double offset = (static_cast<double>(si) - (static_cast<double>(series.size()) - 1) / 2) * bar_w;
      for (const auto* list : {&s.planned, &s.actual}) {
        for (const auto& p : *list) {
          const double x = x_of(p.year) + offset - bar_w / 2, y = y_of(p.value), base = y_of(std::max(axis.min, 0.0));
          const bool planned = p.mark != present::Mark::actual;
          svg += "<rect x=\"" + fmt(x, 1) + "\" y=\"" + fmt(std::min(y, base), 1) + "\" width=\"" + fmt(bar_w - 2, 1) +
                 "\" height=\"" + fmt(std::abs(base - y), 1) + "\" fill=\"" + (planned ? "#ffffff" : colour) + "\" stroke=\"" +
                 colour + "\" stroke-width=\"2\"" + (planned ? " stroke-dasharray=\"4 3\"" : "") + "/>";
          svg += "<text class=\"value\" x=\"" + fmt(x + (bar_w - 2) / 2, 1) + "\" y=\"" + fmt(std::min(y, base) - 5, 1) +
                 "\" text-anchor=\"middle\" fill=\"#1a1a1a\">" + escape_html(p.label) + "</text>";
        }
      }
    } else {
      std::string points;
      for (const auto& p : s.actual) points += (points.empty() ? "" : " ") + fmt(x_of(p.year), 1) + "," + fmt(y_of(p.value), 1);
      if (s.actual.size() >= 2)
        svg += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" + dash_of(st) + "/>";
      if (s.way.size() >= 2) {
        std::string way;
        for (const auto& p : s.way) way += (way.empty() ? "" : " ") + fmt(x_of(p.year), 1) + "," + fmt(y_of(p.value), 1);
        svg += "<polyline points=\"" + way + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>";
      }
      for (const auto* list : {&s.actual, &s.planned})
        for (const auto& p : *list) {
          svg += marker(st.marker, x_of(p.year), y_of(p.value), colour, p.mark != present::Mark::actual);
          labels[p.year].push_back(Label{y_of(p.value), p.label});
        }
    }
  }
  // Value labels right of their points; labels of one year are spread apart so close values stay legible.
  for (auto& [year, list] : labels) {
    std::stable_sort(list.begin(), list.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    std::vector<double> ys;
    for (const auto& l : list) ys.push_back(l.y);
    present::spread_labels(ys, 14, height - bottom - 4);
    for (std::size_t i = 0; i < list.size(); ++i)
      svg += "<text class=\"value\" x=\"" + fmt(x_of(year) + 9, 1) + "\" y=\"" + fmt(ys[i] + 4, 1) + "\" fill=\"#1a1a1a\">" +
             escape_html(list[i].text) + "</text>";
  }
  // Legend: one entry per series, plus the meaning of hollow marks.
  double lx = left;
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const Style& st = kStyles[si % 4];
    if (spec.bars) svg += "<rect x=\"" + fmt(lx, 1) + "\" y=\"12\" width=\"14\" height=\"10\" fill=\"" + st.colour + "\"/>";
    else
      svg += "<line x1=\"" + fmt(lx, 1) + "\" x2=\"" + fmt(lx + 22, 1) + "\" y1=\"17\" y2=\"17\" stroke=\"" + st.colour +
             "\" stroke-width=\"2.5\"" + dash_of(st) + "/>" + marker(st.marker, lx + 11, 17, st.colour, false);
    svg += "<text x=\"" + fmt(lx + 28, 1) + "\" y=\"21\" fill=\"#1a1a1a\">" + escape_html(s.label) + "</text>";
    lx += 40 + 12.0 * static_cast<double>(s.label.size() / 3 + 1);
  }
  if (!spec.planned_note.empty())
    svg += "<text x=\"" + fmt(width - right, 1) + "\" y=\"21\" text-anchor=\"end\" fill=\"#4d4d4d\">" + escape_html(spec.planned_note) + "</text>";
  svg += "</svg>";
  return svg;
}

}  // namespace planpress::site
