#include "layout/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "site/charts.hpp"
#include "text/normalize.hpp"
#include "text/wareki.hpp"

namespace planpress::layout {

namespace {

struct Series {
  std::string label;
  bool target = false;
  std::vector<std::pair<int, double>> points;    // (year, value)
  std::optional<std::pair<int, double>> from;    // a target's line starts at this value (not marked)
  std::map<int, std::string> labels;              // year → the value as written in the content ("197.0")
};

const Color kSeriesColors[] = {{0.10, 0.10, 0.10}, {0.12, 0.36, 0.68}, {0.78, 0.36, 0.08}, {0.18, 0.55, 0.30}, {0.50, 0.20, 0.55}};
const std::vector<double> kSeriesDash[] = {{}, {5, 2}, {1, 2}, {6, 2, 1, 2}, {3, 3}};

double nice_step(double range, int target) {
  if (range <= 0) return 1;
  const double raw = range / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  const double step = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return step * mag;
}

TextRun text_at(double x, double y, const std::string& s, double size, Color c = style::kText, Face f = Face::gothic) {
  TextRun t;
  t.x = x;
  t.y = y;
  t.text = s;
  t.size = size;
  t.color = c;
  t.face = f;
  return t;
}

std::string year_label(int year) {
  // "令和4年度" reads better than "2022" in a Japanese council document; the table gives both forms.
  return text::wareki_fiscal_year(year);
}

const char* kind_label(const std::string& kind) {
  if (kind == "target") return "目標";
  if (kind == "baseline") return "基準";
  return "実績";
}

}  // namespace

std::string format_number(double v) {
  char buf[32];
  for (int prec = 0; prec <= 6; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*f", prec, v);
    if (std::abs(std::strtod(buf, nullptr) - v) < 1e-9 * std::max(1.0, std::abs(v))) return buf;
  }
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::optional<Box> draw_indicator_chart(const model::Indicator& ind, double width, const Measurer& m) {
  // Series: per segment, the actual/baseline values and (separately) the targets.
  std::vector<model::Segment> segments = ind.segments;
  if (segments.empty()) segments.push_back(model::Segment{"", "実績", ""});
  std::vector<Series> series;
  std::set<int> years;
  std::size_t numeric = 0;
  for (const auto& seg : segments) {
    const bool single = segments.size() == 1 && ind.segments.empty();
    bool all_baseline = true;
    for (const auto& v : ind.values)
      if (v.segment == seg.id && v.value && v.year && v.kind != "target") all_baseline = all_baseline && v.kind == "baseline";
    Series main{single ? (all_baseline ? "基準" : "実績") : seg.label, false, {}, std::nullopt};
    Series target{single ? std::string("目標") : seg.label + "（目標）", true, {}, std::nullopt};
    for (const auto& v : ind.values) {
      if (v.segment != seg.id || !v.value || !v.year) continue;
      auto& s = v.kind == "target" ? target : main;
      s.points.emplace_back(*v.year, *v.value);
      s.labels[*v.year] = site::number_text(v);
      years.insert(*v.year);
      ++numeric;
    }
    std::stable_sort(main.points.begin(), main.points.end(), [](auto& a, auto& b) { return a.first < b.first; });
    std::stable_sort(target.points.begin(), target.points.end(), [](auto& a, auto& b) { return a.first < b.first; });
    // The way to the target: its dashed line starts at the last value before it.
    if (!target.points.empty() && !main.points.empty() && main.points.back().first < target.points.front().first)
      target.from = main.points.back();
    for (auto* s : {&main, &target})
      if (!s->points.empty()) series.push_back(std::move(*s));
  }
  // One value, or a line over a single year, makes no chart (the table says it all); bars of several
  // segments in one year do (全体, 本庁等, 区役所 side by side).
  if (numeric < 2 || (years.size() < 2 && !(ind.chart == "bar" && series.size() >= 2))) return std::nullopt;
  double lo = 1e300, hi = -1e300;
  for (const auto& s : series)
    for (const auto& p : s.points) {
      lo = std::min(lo, p.second);
      hi = std::max(hi, p.second);
    }
  // The value axis starts at zero for values that cannot be negative: a line from 977 to 990 drawn on an
  // axis from 975 would look like a steep rise (every point is labelled with its number anyway). Only
  // several segments with close values (本庁等 and 区役所 around 80%) get a narrower axis, or their lines
  // would lie on top of each other; bars always stand on zero.
  const bool bars = ind.chart == "bar";
  std::size_t segments_drawn = 0;
  for (const auto& sr : series) segments_drawn += sr.target ? 0 : 1;
  const bool close_lines = !bars && segments_drawn >= 2 && lo > 0 && (hi - lo) < 0.35 * hi;
  if (lo >= 0 && !close_lines) lo = 0;
  if (hi < 0) hi = 0;
  double step = nice_step(hi - lo > 0 ? hi - lo : std::max(1.0, std::abs(hi)), 5);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  if (hi <= lo) hi = lo + step;

  const double tick = 7, label = 6.5;
  // Two points (a baseline and a target) need less room than a trend over several years.
  std::size_t longest = 0;
  for (const auto& sr : series) longest = std::max(longest, sr.points.size());
  const double height = longest <= 2 && years.size() <= 3 ? 140 : 200;
  Box box;
  box.height = height + 8;
  double tick_w = 0;
  for (double v = lo; v <= hi + step / 2; v += step) tick_w = std::max(tick_w, m.width(Face::gothic, format_number(v)) * tick);
  const double plot_x = tick_w + 8, plot_y = 16;
  const double legend_h = 14 * static_cast<double>((series.size() + 2) / 3);
  const double plot_w = width - plot_x - 10, plot_h = height - plot_y - 24 - legend_h;
  auto& c = box.content;
  if (!ind.unit.empty()) c.texts.push_back(text_at(0, 9, "（単位：" + ind.unit + "）", tick, style::kMuted));
  auto y_of = [&](double v) { return plot_y + plot_h - (v - lo) / (hi - lo) * plot_h; };
  // Grid lines and ticks.
  for (double v = lo; v <= hi + step / 2; v += step) {
    const double y = y_of(v);
    Path g;
    g.points = {{plot_x, y}, {plot_x + plot_w, y}};
    g.stroke = Color{0.82, 0.82, 0.82};
    g.line_width = 0.4;
    c.paths.push_back(std::move(g));
    const std::string s = format_number(v);
    c.texts.push_back(text_at(plot_x - 4 - m.width(Face::gothic, s) * tick, y + tick * 0.35, s, tick, style::kMuted));
  }
  Path axis;
  axis.points = {{plot_x, plot_y}, {plot_x, plot_y + plot_h}, {plot_x + plot_w, plot_y + plot_h}};
  axis.stroke = style::kText;
  axis.line_width = 0.7;
  c.paths.push_back(std::move(axis));
  const std::vector<int> xs(years.begin(), years.end());
  const double slot = plot_w / static_cast<double>(xs.size());
  auto x_of = [&](int year) {
    const auto i = static_cast<double>(std::find(xs.begin(), xs.end(), year) - xs.begin());
    return plot_x + (i + 0.5) * slot;
  };
  for (int yr : xs) {
    const std::string s = year_label(yr);
    const double sw = m.width(Face::gothic, s) * tick;
    c.texts.push_back(text_at(x_of(yr) - sw / 2, plot_y + plot_h + 11, s, tick));
  }
  // Series.
  const double bar_w = std::min(24.0, slot * 0.75 / static_cast<double>(series.size()));
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const Color col = kSeriesColors[si % 5];
    if (bars) {
      for (const auto& [yr, v] : s.points) {
        const double x = x_of(yr) - bar_w * static_cast<double>(series.size()) / 2 + bar_w * static_cast<double>(si);
        const double top = y_of(v), base = y_of(std::max(lo, 0.0));
        Rect r;
        r.x = x;
        r.y = std::min(top, base);
        r.w = bar_w * 0.9;
        r.h = std::abs(base - top);
        r.fill = s.target ? Color{col.r * 0.3 + 0.7, col.g * 0.3 + 0.7, col.b * 0.3 + 0.7} : col;
        r.stroke = col;
        c.rects.push_back(r);
        const std::string& lbl = s.labels.at(yr);
        c.texts.push_back(text_at(x + bar_w * 0.45 - m.width(Face::gothic, lbl) * label / 2, r.y - 2, lbl, label, col));
      }
    } else {
      Path line;
      line.stroke = col;
      line.line_width = 1.3;
      line.dash = s.target ? std::vector<double>{4, 2} : kSeriesDash[si % 5];
      if (s.from) line.points.push_back({x_of(s.from->first), y_of(s.from->second)});
      for (const auto& [yr, v] : s.points) line.points.push_back({x_of(yr), y_of(v)});
      if (line.points.size() >= 2) c.paths.push_back(line);
      for (const auto& [yr, v] : s.points) {
        const double x = x_of(yr), y = y_of(v);
        Path mk;
        if (s.target) {
          mk.points = {{x, y - 3.2}, {x + 3.2, y}, {x, y + 3.2}, {x - 3.2, y}};
          mk.fill = Color{1, 1, 1};
        } else {
          mk.points = {{x - 2.4, y - 2.4}, {x + 2.4, y - 2.4}, {x + 2.4, y + 2.4}, {x - 2.4, y + 2.4}};
          mk.fill = col;
        }
        mk.closed = true;
        mk.stroke = col;
        mk.line_width = 0.8;
        c.paths.push_back(std::move(mk));
        // Labels above the point, the second series' below it; with three or more series they would
        // collide, and the table under the chart gives the numbers.
        if (series.size() > 2) continue;
        const std::string& lbl = s.labels.at(yr);
        const double lw = m.width(Face::gothic, lbl) * label;
        const double ly = si % 2 == 0 ? y - 5 : y + 4 + label;
        c.texts.push_back(text_at(x - lw / 2, ly, lbl, label, col));
      }
    }
  }
  // Legend, three entries per line.
  const double legend_y = plot_y + plot_h + 22;
  const double entry_w = width / 3;
  for (std::size_t si = 0; si < series.size(); ++si) {
    const double x = static_cast<double>(si % 3) * entry_w + plot_x * 0.5;
    const double y = legend_y + 14 * static_cast<double>(si / 3);
    const Color col = kSeriesColors[si % 5];
    if (bars) {
      Rect r;
      r.x = x;
      r.y = y - 4;
      r.w = 12;
      r.h = 7;
      r.fill = series[si].target ? Color{col.r * 0.3 + 0.7, col.g * 0.3 + 0.7, col.b * 0.3 + 0.7} : col;
      r.stroke = col;
      c.rects.push_back(r);
    } else {
      Path p;
      p.points = {{x, y}, {x + 18, y}};
      p.stroke = col;
      p.line_width = 1.3;
      p.dash = series[si].target ? std::vector<double>{4, 2} : kSeriesDash[si % 5];
      c.paths.push_back(std::move(p));
    }
    c.texts.push_back(text_at(x + 22, y + tick * 0.35, series[si].label, tick));
  }
  return box;
}

Table make_indicator_table(const model::Indicator& ind, double width, const Measurer& m) {
  struct Column {
    std::optional<int> year;
    std::string kind;
    std::string label;
  };
  std::vector<Column> columns;
  for (const auto& v : ind.values) {
    bool found = false;
    for (const auto& c : columns) found = found || (c.year == v.year && c.kind == v.kind);
    if (!found) columns.push_back(Column{v.year, v.kind, v.label});
  }
  std::stable_sort(columns.begin(), columns.end(),
                   [](const Column& a, const Column& b) { return a.year.value_or(9999) < b.year.value_or(9999); });
  std::vector<model::Segment> segments = ind.segments;
  if (segments.empty()) segments.push_back(model::Segment{"", ind.unit.empty() ? "値" : "値（" + ind.unit + "）", ""});
  const double size = style::kTable, pad = 3;
  Table t;
  t.pad_x = pad;
  std::vector<double> weights = {columns.size() > 4 ? 1.6 : 2.2};
  for (std::size_t i = 0; i < columns.size(); ++i) weights.push_back(1);
  t.widths = scale_widths(weights, width);
  ParagraphStyle cs = make_body_style(size);
  cs.align = Align::center;
  auto cell = [&](const std::string& s, std::size_t col, Face f, bool head) {
    ParagraphStyle st = cs;
    if (col == 0 && !head) st.align = Align::left;
    return make_cell(typeset_text(s, st, t.widths[col] - 2 * pad, m, f), head ? std::optional<Color>(style::kHeadFill) : std::nullopt);
  };
  Row head;
  head.cells.push_back(cell(ind.segments.empty() ? "" : "区分", 0, Face::gothic, true));
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& c = columns[i];
    std::string label = c.year ? text::wareki_fiscal_year(*c.year) : c.label;
    // The printed label (R4, 平成26年度決算, 目標値) first, and the fiscal year when it says something more.
    if (c.year && !c.label.empty() && text::nfkc(c.label) != label) label = c.label + "\n" + label;
    head.cells.push_back(cell(label + "\n（" + kind_label(c.kind) + "）", i + 1, Face::gothic, true));
  }
  t.header.push_back(std::move(head));
  for (const auto& s : segments) {
    Row row;
    row.cells.push_back(cell(s.label, 0, Face::gothic, false));
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto& c = columns[i];
      std::string text = "—";
      for (const auto& v : ind.values) {
        if (v.year != c.year || v.kind != c.kind || v.segment != s.id) continue;
        text = site::display_value(v, ind.unit);
      }
      row.cells.push_back(cell(text, i + 1, Face::mincho, false));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace planpress::layout
