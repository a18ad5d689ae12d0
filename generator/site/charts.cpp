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

std::string dash_of(const Style& st) {
  return std::string(st.dash).empty() ? std::string() : std::string(" stroke-dasharray=\"") + st.dash + "\"";
}

// The drawing area of the 640 × 300 chart and where a value and a year fall in it.
struct Plot {
  const present::ChartSpec& spec;
  static constexpr double kWidth = 640, kHeight = 300, kLeft = 64, kRight = 64, kTop = 44, kBottom = 44;
  static constexpr double kPlotW = kWidth - kLeft - kRight, kPlotH = kHeight - kTop - kBottom;

  double y_of(double v) const { return kTop + kPlotH * (1 - (v - spec.axis.min) / (spec.axis.max - spec.axis.min)); }
  double band() const { return kPlotW / static_cast<double>(spec.years.size()); }
  double x_of(int year) const {
    const auto& ys = spec.years;
    const auto idx = static_cast<double>(std::find(ys.begin(), ys.end(), year) - ys.begin());
    return kLeft + band() * (idx + 0.5);
  }
};

// The grid with the value axis' tick labels, the unit, the year labels and the base line.
std::string axes_svg(const Plot& p) {
  const auto& axis = p.spec.axis;
  std::string svg;
  for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
    const double y = p.y_of(axis.ticks[i]);
    svg += "<line x1=\"" + fmt(Plot::kLeft, 1) + "\" x2=\"" + fmt(Plot::kWidth - Plot::kRight, 1) + "\" y1=\"" + fmt(y, 1) + "\" y2=\"" +
           fmt(y, 1) + "\" stroke=\"#c9d0d6\" stroke-width=\"1\"/>";
    svg += "<text class=\"tick\" x=\"" + fmt(Plot::kLeft - 6, 1) + "\" y=\"" + fmt(y + 4, 1) + "\" text-anchor=\"end\" fill=\"#4d4d4d\">" +
           escape_html(axis.tick_labels[i]) + "</text>";
  }
  if (!p.spec.unit.empty())
    svg += "<text x=\"" + fmt(Plot::kLeft - 6, 1) + "\" y=\"" + fmt(Plot::kTop - 14, 1) + "\" text-anchor=\"end\" fill=\"#4d4d4d\">（" +
           escape_html(p.spec.unit) + "）</text>";
  for (std::size_t i = 0; i < p.spec.years.size(); ++i)
    svg += "<text class=\"year\" x=\"" + fmt(p.x_of(p.spec.years[i]), 1) + "\" y=\"" + fmt(Plot::kHeight - Plot::kBottom + 20, 1) +
           "\" text-anchor=\"middle\" fill=\"#1a1a1a\">" + escape_html(p.spec.year_labels[i]) + "</text>";
  svg += "<line x1=\"" + fmt(Plot::kLeft, 1) + "\" x2=\"" + fmt(Plot::kWidth - Plot::kRight, 1) + "\" y1=\"" +
         fmt(Plot::kHeight - Plot::kBottom, 1) + "\" y2=\"" + fmt(Plot::kHeight - Plot::kBottom, 1) + "\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>";
  return svg;
}

// A bar per value, labelled above; baselines and targets hollow and dashed.
std::string bars_svg(const Plot& p) {
  const auto& series = p.spec.series;
  const double bar_w = std::min(36.0, p.band() * 0.8 / static_cast<double>(std::max<std::size_t>(series.size(), 1)));
  std::string svg;
  for (std::size_t si = 0; si < series.size(); ++si) {
    const char* colour = kStyles[si % 4].colour;
    const double offset = (static_cast<double>(si) - (static_cast<double>(series.size()) - 1) / 2) * bar_w;
    for (const auto* list : {&series[si].planned, &series[si].actual}) {
      for (const auto& v : *list) {
        const double x = p.x_of(v.year) + offset - bar_w / 2, y = p.y_of(v.value), base = p.y_of(std::max(p.spec.axis.min, 0.0));
        const bool planned = v.mark != present::Mark::actual;
        svg += "<rect x=\"" + fmt(x, 1) + "\" y=\"" + fmt(std::min(y, base), 1) + "\" width=\"" + fmt(bar_w - 2, 1) + "\" height=\"" +
               fmt(std::abs(base - y), 1) + "\" fill=\"" + (planned ? "#ffffff" : colour) + "\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
               (planned ? " stroke-dasharray=\"4 3\"" : "") + "/>";
        svg += "<text class=\"value\" x=\"" + fmt(x + (bar_w - 2) / 2, 1) + "\" y=\"" + fmt(std::min(y, base) - 5, 1) +
               "\" text-anchor=\"middle\" fill=\"#1a1a1a\">" + escape_html(v.label) + "</text>";
      }
    }
  }
  return svg;
}

// A line per series, the dashed way to its target, a marker per value (hollow for baselines and targets),
// and the values' labels right of their markers, those of one year spread apart.
std::string lines_svg(const Plot& p) {
  struct Label {
    double y;
    std::string text;
  };
  std::map<int, std::vector<Label>> labels;  // by fiscal year
  std::string svg;
  const auto& series = p.spec.series;
  auto points_of = [&](const std::vector<present::ChartPoint>& list) {
    std::string points;
    for (const auto& v : list) points += (points.empty() ? "" : " ") + fmt(p.x_of(v.year), 1) + "," + fmt(p.y_of(v.value), 1);
    return points;
  };
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const Style& st = kStyles[si % 4];
    if (s.actual.size() >= 2)
      svg += "<polyline points=\"" + points_of(s.actual) + "\" fill=\"none\" stroke=\"" + st.colour + "\" stroke-width=\"2.5\"" +
             dash_of(st) + "/>";
    if (s.way.size() >= 2)
      svg += "<polyline points=\"" + points_of(s.way) + "\" fill=\"none\" stroke=\"" + st.colour +
             "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>";
    for (const auto* list : {&s.actual, &s.planned})
      for (const auto& v : *list) {
        svg += marker(st.marker, p.x_of(v.year), p.y_of(v.value), st.colour, v.mark != present::Mark::actual);
        labels[v.year].push_back(Label{p.y_of(v.value), v.label});
      }
  }
  for (auto& [year, list] : labels) {
    std::stable_sort(list.begin(), list.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    std::vector<double> ys;
    for (const auto& l : list) ys.push_back(l.y);
    present::spread_labels(ys, 14, Plot::kHeight - Plot::kBottom - 4);
    for (std::size_t i = 0; i < list.size(); ++i)
      svg += "<text class=\"value\" x=\"" + fmt(p.x_of(year) + 9, 1) + "\" y=\"" + fmt(ys[i] + 4, 1) + "\" fill=\"#1a1a1a\">" +
             escape_html(list[i].text) + "</text>";
  }
  return svg;
}

// The legend: one entry per series, then the meaning of hollow marks.
std::string legend_svg(const Plot& p) {
  std::string svg;
  double lx = Plot::kLeft;
  for (std::size_t si = 0; si < p.spec.series.size(); ++si) {
    const auto& s = p.spec.series[si];
    const Style& st = kStyles[si % 4];
    if (p.spec.bars) svg += "<rect x=\"" + fmt(lx, 1) + "\" y=\"12\" width=\"14\" height=\"10\" fill=\"" + st.colour + "\"/>";
    else
      svg += "<line x1=\"" + fmt(lx, 1) + "\" x2=\"" + fmt(lx + 22, 1) + "\" y1=\"17\" y2=\"17\" stroke=\"" + st.colour +
             "\" stroke-width=\"2.5\"" + dash_of(st) + "/>" + marker(st.marker, lx + 11, 17, st.colour, false);
    svg += "<text x=\"" + fmt(lx + 28, 1) + "\" y=\"21\" fill=\"#1a1a1a\">" + escape_html(s.label) + "</text>";
    lx += 40 + 12.0 * static_cast<double>(s.label.size() / 3 + 1);
  }
  if (!p.spec.planned_note.empty())
    svg += "<text x=\"" + fmt(Plot::kWidth - Plot::kRight, 1) + "\" y=\"21\" text-anchor=\"end\" fill=\"#4d4d4d\">" +
           escape_html(p.spec.planned_note) + "</text>";
  return svg;
}

}  // namespace

std::string render_chart_svg(const present::ChartSpec& spec, const std::vector<std::string>& description, const std::string& id) {
  const Plot p{spec};
  std::string svg = "<svg class=\"chart-svg\" viewBox=\"0 0 640 300\" width=\"640\" height=\"300\" role=\"img\" aria-labelledby=\"" +
                    id + "-t " + id + "-d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">";
  svg += "<title id=\"" + id + "-t\">" + escape_html(spec.title) + "</title>";
  std::string desc;
  for (const auto& line : description) desc += (desc.empty() ? "" : " ") + line;
  svg += "<desc id=\"" + id + "-d\">" + escape_html(desc) + "</desc>";
  svg += axes_svg(p);
  svg += spec.bars ? bars_svg(p) : lines_svg(p);
  svg += legend_svg(p);
  return svg + "</svg>";
}

}  // namespace planpress::site
