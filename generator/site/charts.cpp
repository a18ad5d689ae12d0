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

std::string marker(const char* shape, double x, double y, const char* colour, bool hollow, const char* cls = nullptr) {
  const std::string fill = hollow ? "#ffffff" : colour;
  const std::string common = (cls ? std::string(" class=\"") + cls + "\"" : std::string()) + " fill=\"" + fill + "\" stroke=\"" +
                             colour + "\" stroke-width=\"2\"";
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
  static constexpr double kFont = 12;  // the SVG's font-size

  present::ChartFrame frame() const {
    present::ChartFrame f;
    f.plot = {kLeft, kTop, kPlotW, kPlotH};
    // Labels may use the plot and the free margin right of it and the band above it (under the legend).
    f.room = {kLeft + 1, kTop - 14, kWidth - kLeft - 1 - 2, kPlotH + 14 - 1};
    f.mark = 6 + 1;  // the largest marker (diamond, triangle) with half its stroke
    f.gap = 2;
    f.label_h = 15;  // a 12 px line of digits and kanji, with the descent
    f.bar_w = 36;
    f.bar_share = 0.8;
    f.label_w = label_width;
    return f;
  }
  double y_of(double v) const { return present::value_y(spec, frame(), v); }
  double band() const { return kPlotW / static_cast<double>(spec.years.size()); }
  double x_of(int year) const { return present::year_x(spec, frame(), year); }

  // The browser chooses the font (IPAexGothic, Hiragino, Noto, Meiryo … or a Latin fallback), so a label's
  // width is estimated on the wide side: 1 em for wide characters, 0.65 em for the rest (DejaVu Sans' digits
  // are 0.64 em, IPAexGothic's 0.5 em).
  static double label_width(const std::string& s) {
    double w = 0;
    for (std::size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      w += (c < 0x80 ? 0.65 : 1.0) * kFont;
      i += len;
    }
    return w;
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

// A value label in its box (a 12 px line: the baseline 11.5 px under the box's top).
std::string label_svg(const present::PlacedLabel& l) {
  return "<text class=\"value\" x=\"" + fmt(l.box.x, 1) + "\" y=\"" + fmt(l.box.y + 11.5, 1) + "\" fill=\"#1a1a1a\">" +
         escape_html(l.text) + "</text>";
}

// A bar per value, labelled above; baselines and targets hollow and dashed.
std::string bars_svg(const present::ChartPlacement& placed) {
  std::string svg;
  for (const auto& b : placed.bars) {
    const char* colour = kStyles[b.series % 4].colour;
    const bool planned = b.mark != present::Mark::actual;
    svg += "<rect class=\"bar\" x=\"" + fmt(b.box.x, 1) + "\" y=\"" + fmt(b.box.y, 1) + "\" width=\"" + fmt(b.box.w, 1) +
           "\" height=\"" + fmt(b.box.h, 1) + "\" fill=\"" + (planned ? "#ffffff" : colour) + "\" stroke=\"" + colour +
           "\" stroke-width=\"2\"" + (planned ? " stroke-dasharray=\"4 3\"" : "") + "/>";
  }
  for (const auto& l : placed.labels) svg += label_svg(l);
  return svg;
}

// A line per series, the dashed way to its target, a marker per value (hollow for baselines and targets),
// and the values' labels where the placement put them.
std::string lines_svg(const present::ChartPlacement& placed) {
  std::string svg;
  auto points_of = [](const std::vector<present::ChartXY>& list) {
    std::string points;
    for (const auto& q : list) points += (points.empty() ? "" : " ") + fmt(q.x, 1) + "," + fmt(q.y, 1);
    return points;
  };
  for (std::size_t si = 0; si < placed.lines.size(); ++si) {
    const Style& st = kStyles[si % 4];
    if (placed.lines[si].size() >= 2)
      svg += "<polyline class=\"line\" points=\"" + points_of(placed.lines[si]) + "\" fill=\"none\" stroke=\"" + st.colour +
             "\" stroke-width=\"2.5\"" + dash_of(st) + "/>";
    if (placed.ways[si].size() >= 2)
      svg += "<polyline class=\"way\" points=\"" + points_of(placed.ways[si]) + "\" fill=\"none\" stroke=\"" + st.colour +
             "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>";
  }
  for (const auto& m : placed.marks) {
    const Style& st = kStyles[m.series % 4];
    svg += marker(st.marker, m.x, m.y, st.colour, m.mark != present::Mark::actual, "mark");
  }
  for (const auto& l : placed.labels) svg += label_svg(l);
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
  const auto placed = present::place_chart(spec, p.frame());
  svg += spec.bars ? bars_svg(placed) : lines_svg(placed);
  svg += legend_svg(p);
  return svg + "</svg>";
}

}  // namespace planpress::site
