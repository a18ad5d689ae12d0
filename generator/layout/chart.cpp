#include "layout/chart.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "present/values.hpp"

namespace planpress::layout {

namespace {

const Color kSeriesColors[] = {{0.10, 0.10, 0.10}, {0.12, 0.36, 0.68}, {0.78, 0.36, 0.08}, {0.18, 0.55, 0.30}, {0.50, 0.20, 0.55}};
const std::vector<double> kSeriesDash[] = {{}, {5, 2}, {1, 2}, {6, 2, 1, 2}, {3, 3}};
const std::vector<double> kWayDash = {4, 2};
const Color kWhite{1, 1, 1};

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

Color light(const Color& c) { return Color{c.r * 0.3 + 0.7, c.g * 0.3 + 0.7, c.b * 0.3 + 0.7}; }

// A mark: a filled square for a value achieved, a hollow diamond for a target, a hollow square for a
// baseline.
Path mark_at(double x, double y, present::Mark mark, const Color& col) {
  Path mk;
  if (mark == present::Mark::target) mk.points = {{x, y - 3.2}, {x + 3.2, y}, {x, y + 3.2}, {x - 3.2, y}};
  else mk.points = {{x - 2.4, y - 2.4}, {x + 2.4, y - 2.4}, {x + 2.4, y + 2.4}, {x - 2.4, y + 2.4}};
  mk.fill = mark == present::Mark::actual ? col : kWhite;
  mk.closed = true;
  mk.stroke = col;
  mk.line_width = 0.8;
  return mk;
}

// Where the plot stands in the chart's box and where a value and a year fall in it.
struct Plot {
  const present::ChartSpec& spec;
  const Measurer& m;
  double x = 0, y = 16, w = 0, h = 0;  // the plot area
  double width = 0;                    // of the whole chart
  std::size_t legend_entries = 0;      // the series, then the note on hollow marks

  static constexpr double kTick = 7, kLabel = 6.5;  // sizes of axis text and value labels

  double y_of(double v) const { return y + h - (v - spec.axis.min) / (spec.axis.max - spec.axis.min) * h; }
  double slot() const { return w / static_cast<double>(spec.years.size()); }
  double x_of(int year) const {
    const auto& xs = spec.years;
    const auto i = static_cast<double>(std::find(xs.begin(), xs.end(), year) - xs.begin());
    return x + (i + 0.5) * slot();
  }
};

// The unit, the grid with the value axis' tick labels, the frame, the year labels.
void draw_axes(const Plot& p, Content& c) {
  const auto& axis = p.spec.axis;
  const double tick = Plot::kTick;
  if (!p.spec.unit.empty()) c.texts.push_back(text_at(0, 9, "（単位：" + p.spec.unit + "）", tick, style::kMuted));
  for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
    const double y = p.y_of(axis.ticks[i]);
    Path g;
    g.points = {{p.x, y}, {p.x + p.w, y}};
    g.stroke = Color{0.82, 0.82, 0.82};
    g.line_width = 0.4;
    c.paths.push_back(std::move(g));
    const std::string& s = axis.tick_labels[i];
    c.texts.push_back(text_at(p.x - 4 - p.m.width(Face::gothic, s) * tick, y + tick * 0.35, s, tick, style::kMuted));
  }
  Path frame;
  frame.points = {{p.x, p.y}, {p.x, p.y + p.h}, {p.x + p.w, p.y + p.h}};
  frame.stroke = style::kText;
  frame.line_width = 0.7;
  c.paths.push_back(std::move(frame));
  for (std::size_t i = 0; i < p.spec.years.size(); ++i) {
    const std::string& s = p.spec.year_labels[i];
    const double sw = p.m.width(Face::gothic, s) * tick;
    c.texts.push_back(text_at(p.x_of(p.spec.years[i]) - sw / 2, p.y + p.h + 11, s, tick));
  }
}

// A bar per value, labelled above; hollow bars for baselines and targets.
void draw_bars(const Plot& p, Content& c) {
  const auto& series = p.spec.series;
  const double bar_w = std::min(24.0, p.slot() * 0.75 / static_cast<double>(series.size()));
  for (std::size_t si = 0; si < series.size(); ++si) {
    const Color col = kSeriesColors[si % 5];
    for (const auto* list : {&series[si].planned, &series[si].actual})
      for (const auto& v : *list) {
        const double x = p.x_of(v.year) - bar_w * static_cast<double>(series.size()) / 2 + bar_w * static_cast<double>(si);
        const double top = p.y_of(v.value), base = p.y_of(std::max(p.spec.axis.min, 0.0));
        Rect r;
        r.x = x;
        r.y = std::min(top, base);
        r.w = bar_w * 0.9;
        r.h = std::abs(base - top);
        r.fill = v.mark == present::Mark::actual ? col : light(col);
        r.stroke = col;
        c.rects.push_back(r);
        c.texts.push_back(text_at(x + bar_w * 0.45 - p.m.width(Face::gothic, v.label) * Plot::kLabel / 2, r.y - 2, v.label, Plot::kLabel, col));
      }
  }
}

// A line per series, the dashed way to its target, a mark per value, and the values' labels right of
// their marks (labels of one year spread apart so close values stay legible).
void draw_lines(const Plot& p, Content& c) {
  struct Label {
    double y;
    std::string text;
    Color color;
  };
  std::map<int, std::vector<Label>> labels;  // by fiscal year
  const auto& series = p.spec.series;
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const Color col = kSeriesColors[si % 5];
    Path line;
    line.stroke = col;
    line.line_width = 1.3;
    line.dash = kSeriesDash[si % 5];
    for (const auto& v : s.actual) line.points.push_back({p.x_of(v.year), p.y_of(v.value)});
    if (line.points.size() >= 2) c.paths.push_back(std::move(line));
    if (s.way.size() >= 2) {
      Path way;
      way.stroke = col;
      way.line_width = 1;
      way.dash = kWayDash;
      for (const auto& v : s.way) way.points.push_back({p.x_of(v.year), p.y_of(v.value)});
      c.paths.push_back(std::move(way));
    }
    for (const auto* list : {&s.actual, &s.planned})
      for (const auto& v : *list) {
        c.paths.push_back(mark_at(p.x_of(v.year), p.y_of(v.value), v.mark, col));
        labels[v.year].push_back(Label{p.y_of(v.value), v.label, col});
      }
  }
  const double label = Plot::kLabel;
  for (auto& [year, list] : labels) {
    std::stable_sort(list.begin(), list.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    std::vector<double> ys;
    for (const auto& l : list) ys.push_back(l.y);
    present::spread_labels(ys, label * 1.15, p.y + p.h - label * 0.35 - 0.5);  // baselines above the axis
    for (std::size_t i = 0; i < list.size(); ++i)
      c.texts.push_back(text_at(p.x_of(year) + 5, ys[i] + label * 0.35, list[i].text, label, list[i].color));
  }
}

// The legend, three entries per line: the series, then the meaning of hollow marks.
void draw_legend(const Plot& p, Content& c) {
  const auto& series = p.spec.series;
  const double tick = Plot::kTick;
  const double legend_y = p.y + p.h + 22;
  const double entry_w = p.width / 3;
  for (std::size_t si = 0; si < p.legend_entries; ++si) {
    const double x = static_cast<double>(si % 3) * entry_w + p.x * 0.5;
    const double y = legend_y + 14 * static_cast<double>(si / 3);
    if (si == series.size()) {
      c.texts.push_back(text_at(x, y + tick * 0.35, p.spec.planned_note, tick, style::kMuted));
      continue;
    }
    const Color col = kSeriesColors[si % 5];
    if (p.spec.bars) {
      Rect r;
      r.x = x;
      r.y = y - 4;
      r.w = 12;
      r.h = 7;
      r.fill = col;
      r.stroke = col;
      c.rects.push_back(r);
    } else {
      Path line;
      line.points = {{x, y}, {x + 18, y}};
      line.stroke = col;
      line.line_width = 1.3;
      line.dash = kSeriesDash[si % 5];
      c.paths.push_back(std::move(line));
      c.paths.push_back(mark_at(x + 9, y, present::Mark::actual, col));
    }
    c.texts.push_back(text_at(x + 22, y + tick * 0.35, series[si].label, tick));
  }
}

}  // namespace

Box draw_indicator_chart(const present::ChartSpec& spec, double width, const Measurer& m) {
  // Two points (a baseline and a target) need less room than a trend over several years.
  std::size_t longest = 0;
  for (const auto& s : spec.series) longest = std::max(longest, s.actual.size() + s.planned.size());
  const double height = longest <= 2 && spec.years.size() <= 3 ? 140 : 200;
  Plot p{spec, m};
  double tick_w = 0;
  for (const auto& t : spec.axis.tick_labels) tick_w = std::max(tick_w, m.width(Face::gothic, t) * Plot::kTick);
  p.x = tick_w + 8;
  p.width = width;
  p.legend_entries = spec.series.size() + (spec.planned_note.empty() ? 0 : 1);
  const double legend_h = 14 * static_cast<double>((p.legend_entries + 2) / 3);
  p.w = width - p.x - 10;
  p.h = height - p.y - 24 - legend_h;
  Box box;
  box.height = height + 8;
  draw_axes(p, box.content);
  if (spec.bars) draw_bars(p, box.content);
  else draw_lines(p, box.content);
  draw_legend(p, box.content);
  return box;
}

Table make_indicator_table(const present::IndicatorTable& it, double width, const Measurer& m) {
  const double size = style::kTable, pad = 3;
  Table t;
  t.pad_x = pad;
  std::vector<double> weights = {it.columns.size() > 4 ? 1.6 : 2.2};
  for (std::size_t i = 0; i < it.columns.size(); ++i) weights.push_back(1);
  t.widths = scale_widths(weights, width);
  ParagraphStyle cs = make_body_style(size);
  cs.align = Align::center;
  auto cell = [&](const std::string& s, std::size_t col, Face f, bool head) {
    ParagraphStyle st = cs;
    if (col == 0 && !head) st.align = Align::left;
    return make_cell(typeset_text(s, st, t.widths[col] - 2 * pad, m, f), head ? std::optional<Color>(style::kHeadFill) : std::nullopt);
  };
  Row head;
  head.cells.push_back(cell(it.segmented ? "区分" : "", 0, Face::gothic, true));
  for (std::size_t i = 0; i < it.columns.size(); ++i) {
    const auto& c = it.columns[i];
    std::string label = c.year ? c.year_label : c.printed_label;
    // The printed label (R4, 平成26年度決算, 目標値) first, and the fiscal year when it says something more.
    if (c.year && !c.printed_label.empty() && !present::same_text(c.printed_label, label)) label = c.printed_label + "\n" + label;
    head.cells.push_back(cell(label + "\n（" + c.kind_label + "）", i + 1, Face::gothic, true));
  }
  t.header.push_back(std::move(head));
  for (const auto& r : it.rows) {
    Row row;
    row.cells.push_back(cell(r.label, 0, Face::gothic, false));
    for (std::size_t i = 0; i < r.cells.size(); ++i) row.cells.push_back(cell(r.cells[i].text, i + 1, Face::mincho, false));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace planpress::layout
