#include "site/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "site/html.hpp"
#include "text/wareki.hpp"

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

int decimals_of(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = dot + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++n;
  return n;
}


std::string year_label(int fy) { return text::wareki_fiscal_year(fy); }

struct Series {
  std::string segment;
  std::string label;
  const Style* style;
  std::vector<const model::IndicatorValue*> actual, baseline, target;
};

std::vector<Series> series_of(const model::Indicator& ind) {
  std::vector<Series> out;
  std::vector<std::pair<std::string, std::string>> segs;
  for (const auto& s : ind.segments) segs.emplace_back(s.id, s.label);
  if (segs.empty()) segs.emplace_back("", ind.unit.empty() ? "値" : ind.name);
  for (std::size_t i = 0; i < segs.size(); ++i) {
    Series s{segs[i].first, segs[i].second, &kStyles[i % 4], {}, {}, {}};
    for (const auto& v : ind.values) {
      if (v.segment != s.segment || !v.year || !v.value) continue;
      (v.kind == "target" ? s.target : v.kind == "baseline" ? s.baseline : s.actual).push_back(&v);
    }
    auto by_year = [](const model::IndicatorValue* a, const model::IndicatorValue* b) { return *a->year < *b->year; };
    std::stable_sort(s.actual.begin(), s.actual.end(), by_year);
    if (!s.actual.empty() || !s.baseline.empty() || !s.target.empty()) out.push_back(std::move(s));
  }
  return out;
}

// "Nice" axis bounds and step (1, 2, 2.5, 5 × 10^n) covering [lo, hi] with about five ticks.
void nice_axis(double lo, double hi, bool from_zero, double& axis_lo, double& axis_hi, double& step) {
  if (from_zero) lo = std::min(0.0, lo);
  if (hi <= lo) hi = lo + 1;
  const double raw = (hi - lo) / 5;
  const double mag = std::pow(10, std::floor(std::log10(raw)));
  step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (raw <= m * mag) {
      step = m * mag;
      break;
    }
  }
  axis_lo = std::floor(lo / step) * step;
  axis_hi = std::ceil(hi / step) * step;
  if (axis_hi == hi && !from_zero) axis_hi += step;
  if (axis_lo == lo && !from_zero && axis_lo > 0) axis_lo -= step;
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

std::string number_text(const model::IndicatorValue& v) {
  if (!v.value_text.empty()) return v.value_text;
  if (!v.value) return {};
  const double x = *v.value;
  return x == std::floor(x) ? fmt(x, 0) : fmt(x, 2);
}

std::string display_value(const model::IndicatorValue& v, const std::string& unit) {
  if (!v.text.empty()) return v.text;
  const std::string n = number_text(v);
  if (n.empty()) return "—";
  return n + unit + v.qualifier;
}

bool has_chart(const model::Indicator& ind) {
  for (const auto& v : ind.values)
    if (v.value && v.year) return true;
  return false;
}

std::string render_chart_svg(const model::Indicator& ind, const std::string& id) {
  const auto series = series_of(ind);
  std::set<int> year_set;
  double lo = 1e300, hi = -1e300;
  for (const auto& s : series)
    for (const auto* list : {&s.actual, &s.baseline, &s.target})
      for (const auto* v : *list) {
        year_set.insert(*v->year);
        lo = std::min(lo, *v->value);
        hi = std::max(hi, *v->value);
      }
  const std::vector<int> years(year_set.begin(), year_set.end());
  if (years.empty()) return {};
  std::size_t max_points = 0;
  for (const auto& s : series) max_points = std::max(max_points, s.actual.size());
  const bool bars = ind.chart == "bar" || max_points < 2;

  const double width = 640, height = 300;
  const double left = 64, right = 64, top = 44, bottom = 44;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  double axis_lo = 0, axis_hi = 1, step = 1;
  nice_axis(lo, hi, bars, axis_lo, axis_hi, step);
  auto y_of = [&](double v) { return top + plot_h * (1 - (v - axis_lo) / (axis_hi - axis_lo)); };
  const double band = plot_w / static_cast<double>(years.size());
  auto x_of = [&](int year) {
    const auto idx = static_cast<double>(std::find(years.begin(), years.end(), year) - years.begin());
    return left + band * (idx + 0.5);
  };

  std::string svg = "<svg class=\"chart-svg\" viewBox=\"0 0 640 300\" width=\"640\" height=\"300\" role=\"img\" aria-labelledby=\"" +
                    id + "-t " + id + "-d\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">";
  svg += "<title id=\"" + id + "-t\">" + escape_html(ind.name) + "</title>";
  std::string desc;
  for (const auto& line : summarize_indicator(ind)) desc += (desc.empty() ? "" : " ") + line;
  svg += "<desc id=\"" + id + "-d\">" + escape_html(desc) + "</desc>";
  // Grid and y axis labels.
  for (double v = axis_lo; v <= axis_hi + step / 2; v += step) {
    const double y = y_of(v);
    svg += "<line x1=\"" + fmt(left, 1) + "\" x2=\"" + fmt(width - right, 1) + "\" y1=\"" + fmt(y, 1) + "\" y2=\"" + fmt(y, 1) +
           "\" stroke=\"#c9d0d6\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + fmt(left - 6, 1) + "\" y=\"" + fmt(y + 4, 1) + "\" text-anchor=\"end\" fill=\"#4d4d4d\">" +
           fmt(v, step < 1 ? 1 : 0) + "</text>";
  }
  if (!ind.unit.empty())
    svg += "<text x=\"" + fmt(left - 6, 1) + "\" y=\"" + fmt(top - 14, 1) + "\" text-anchor=\"end\" fill=\"#4d4d4d\">（" +
           escape_html(ind.unit) + "）</text>";
  // X axis labels.
  for (int y : years)
    svg += "<text x=\"" + fmt(x_of(y), 1) + "\" y=\"" + fmt(height - bottom + 20, 1) + "\" text-anchor=\"middle\" fill=\"#1a1a1a\">" +
           escape_html(year_label(y)) + "</text>";
  svg += "<line x1=\"" + fmt(left, 1) + "\" x2=\"" + fmt(width - right, 1) + "\" y1=\"" + fmt(height - bottom, 1) + "\" y2=\"" +
         fmt(height - bottom, 1) + "\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>";

  const double bar_w = std::min(36.0, band * 0.8 / static_cast<double>(std::max<std::size_t>(series.size(), 1)));
  struct Label {
    double y;
    std::string text;
  };
  std::map<int, std::vector<Label>> labels;  // by fiscal year
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const char* colour = s.style->colour;
    if (bars) {
      const double offset = (static_cast<double>(si) - (static_cast<double>(series.size()) - 1) / 2) * bar_w;
      for (const auto* list : {&s.baseline, &s.actual, &s.target}) {
        for (const auto* v : *list) {
          const double x = x_of(*v->year) + offset - bar_w / 2, y = y_of(*v->value), base = y_of(std::max(axis_lo, 0.0));
          const bool planned = v->kind != "actual";
          svg += "<rect x=\"" + fmt(x, 1) + "\" y=\"" + fmt(std::min(y, base), 1) + "\" width=\"" + fmt(bar_w - 2, 1) +
                 "\" height=\"" + fmt(std::abs(base - y), 1) + "\" fill=\"" + (planned ? "#ffffff" : colour) + "\" stroke=\"" +
                 colour + "\" stroke-width=\"2\"" + (planned ? " stroke-dasharray=\"4 3\"" : "") + "/>";
          svg += "<text x=\"" + fmt(x + (bar_w - 2) / 2, 1) + "\" y=\"" + fmt(std::min(y, base) - 5, 1) +
                 "\" text-anchor=\"middle\" fill=\"#1a1a1a\">" + escape_html(number_text(*v)) + "</text>";
        }
      }
    } else {
      std::string points;
      for (const auto* v : s.actual) points += (points.empty() ? "" : " ") + fmt(x_of(*v->year), 1) + "," + fmt(y_of(*v->value), 1);
      svg += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" +
             (std::string(s.style->dash).empty() ? "" : std::string(" stroke-dasharray=\"") + s.style->dash + "\"") + "/>";
      for (const auto* v : s.actual) {
        svg += marker(s.style->marker, x_of(*v->year), y_of(*v->value), colour, false);
        labels[*v->year].push_back(Label{y_of(*v->value), number_text(*v)});
      }
      for (const auto* list : {&s.baseline, &s.target}) {
        for (const auto* v : *list) {
          svg += marker(s.style->marker, x_of(*v->year), y_of(*v->value), colour, true);
          labels[*v->year].push_back(Label{y_of(*v->value), (v->kind == "target" ? std::string("目標 ") : std::string("基準 ")) + number_text(*v)});
        }
      }
    }
  }
  // Value labels right of their points; labels of one year are spread apart so close values stay legible.
  for (auto& [year, list] : labels) {
    std::stable_sort(list.begin(), list.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    constexpr double gap = 14;
    for (std::size_t i = 1; i < list.size(); ++i) list[i].y = std::max(list[i].y, list[i - 1].y + gap);
    const double overflow = list.empty() ? 0 : list.back().y - (height - bottom - 4);
    if (overflow > 0)
      for (auto& l : list) l.y -= overflow;
    for (const auto& l : list)
      svg += "<text x=\"" + fmt(x_of(year) + 9, 1) + "\" y=\"" + fmt(l.y + 4, 1) + "\" fill=\"#1a1a1a\">" + escape_html(l.text) + "</text>";
  }
  // Legend: one entry per series, plus the meaning of hollow markers.
  double lx = left;
  for (const auto& s : series) {
    if (bars) svg += "<rect x=\"" + fmt(lx, 1) + "\" y=\"12\" width=\"14\" height=\"10\" fill=\"" + s.style->colour + "\"/>";
    else
      svg += "<line x1=\"" + fmt(lx, 1) + "\" x2=\"" + fmt(lx + 22, 1) + "\" y1=\"17\" y2=\"17\" stroke=\"" + s.style->colour +
             "\" stroke-width=\"2.5\"" + (std::string(s.style->dash).empty() ? "" : std::string(" stroke-dasharray=\"") + s.style->dash + "\"") +
             "/>" + marker(s.style->marker, lx + 11, 17, s.style->colour, false);
    svg += "<text x=\"" + fmt(lx + 28, 1) + "\" y=\"21\" fill=\"#1a1a1a\">" + escape_html(s.label) + "</text>";
    lx += 40 + 12.0 * static_cast<double>(s.label.size() / 3 + 1);
  }
  bool planned = false;
  for (const auto& s : series) planned = planned || !s.target.empty() || !s.baseline.empty();
  if (planned)
    svg += "<text x=\"" + fmt(width - right, 1) + "\" y=\"21\" text-anchor=\"end\" fill=\"#4d4d4d\">" +
           std::string(bars ? "白抜き：基準・目標" : "白抜き記号：基準・目標") + "</text>";
  svg += "</svg>";
  return svg;
}

std::vector<std::string> summarize_indicator(const model::Indicator& ind) {
  std::vector<std::string> out;
  for (const auto& s : series_of(ind)) {
    const std::string who = s.label + "：";
    if (s.actual.size() >= 2) {
      const auto* a = s.actual.front();
      const auto* b = s.actual.back();
      const int d = std::max(decimals_of(number_text(*a)), decimals_of(number_text(*b)));
      const double diff = *b->value - *a->value;
      std::string change;
      if (std::abs(diff) < std::pow(10, -d) / 2) change = "横ばい";
      else change = fmt(std::abs(diff), d) + ind.unit + (diff > 0 ? "増加" : "減少");
      out.push_back(who + year_label(*a->year) + " " + number_text(*a) + ind.unit + " → " + year_label(*b->year) + " " +
                    number_text(*b) + ind.unit + "（" + change + "）");
    } else if (s.actual.size() == 1) {
      out.push_back(who + year_label(*s.actual[0]->year) + " " + number_text(*s.actual[0]) + ind.unit);
    }
    for (const auto* v : s.baseline)
      out.push_back(who + "基準値（" + year_label(*v->year) + "） " + display_value(*v, ind.unit));
    for (const auto* v : s.target) out.push_back(who + "目標（" + year_label(*v->year) + "） " + display_value(*v, ind.unit));
  }
  return out;
}

}  // namespace planpress::site
