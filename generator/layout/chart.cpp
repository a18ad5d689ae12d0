#include "layout/chart.hpp"

#include <algorithm>
#include <cmath>

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

  present::ChartFrame frame() const {
    present::ChartFrame f;
    f.plot = {x, y, w, h};
    return f;
  }
  double y_of(double v) const { return present::value_y(spec, frame(), v); }
  double x_of(int year) const { return present::year_x(spec, frame(), year); }
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

// What the chart's geometry is for the shared placement (present::place_chart): the plot, the room for
// labels (the plot and the free band above it; not over the axes, not over the unit at the top left), the
// size of the marks (mark_at, with their outline) and of the labels.
present::ChartFrame frame_of(const Plot& p) {
  present::ChartFrame f = p.frame();
  f.room = {p.x + 0.5, p.y - 5, p.width - p.x - 0.5, p.h + 5 - 0.5};
  f.mark = 3.2 + 0.4;
  f.gap = 1.5;
  f.label_h = Plot::kLabel * (p.m.ascent(Face::gothic) + p.m.descent(Face::gothic));
  f.bar_w = 24;
  f.bar_share = 0.75;
  f.label_w = [&m = p.m](const std::string& s) { return m.width(Face::gothic, s) * Plot::kLabel; };
  return f;
}

// A value label in its box: the text's ascent at the box's top.
TextRun label_at(const Plot& p, const present::PlacedLabel& l, const Color& col) {
  return text_at(l.box.x, l.box.y + p.m.ascent(Face::gothic) * Plot::kLabel, l.text, Plot::kLabel, col);
}

// A bar per value, labelled above; baselines and targets in a light shade.
void draw_bars(const Plot& p, const present::ChartPlacement& placed, Content& c) {
  for (const auto& b : placed.bars) {
    const Color col = kSeriesColors[b.series % 5];
    Rect r;
    r.x = b.box.x;
    r.y = b.box.y;
    r.w = b.box.w;
    r.h = b.box.h;
    r.fill = b.mark == present::Mark::actual ? col : light(col);
    r.stroke = col;
    c.rects.push_back(r);
  }
  for (const auto& l : placed.labels) c.texts.push_back(label_at(p, l, kSeriesColors[l.series % 5]));
}

// A line per series, the dashed way to its target, a mark per value and the values' labels where the
// placement put them.
void draw_lines(const Plot& p, const present::ChartPlacement& placed, Content& c) {
  auto path_of = [](const std::vector<present::ChartXY>& pts) {
    Path line;
    for (const auto& q : pts) line.points.push_back({q.x, q.y});
    return line;
  };
  for (std::size_t si = 0; si < placed.lines.size(); ++si) {
    const Color col = kSeriesColors[si % 5];
    if (placed.lines[si].size() >= 2) {
      Path line = path_of(placed.lines[si]);
      line.stroke = col;
      line.line_width = 1.3;
      line.dash = kSeriesDash[si % 5];
      c.paths.push_back(std::move(line));
    }
    if (placed.ways[si].size() >= 2) {
      Path way = path_of(placed.ways[si]);
      way.stroke = col;
      way.line_width = 1;
      way.dash = kWayDash;
      c.paths.push_back(std::move(way));
    }
  }
  for (const auto& mk : placed.marks) c.paths.push_back(mark_at(mk.x, mk.y, mk.mark, kSeriesColors[mk.series % 5]));
  for (const auto& l : placed.labels) c.texts.push_back(label_at(p, l, kSeriesColors[l.series % 5]));
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
  const auto placed = present::place_chart(spec, frame_of(p));
  if (spec.bars) draw_bars(p, placed, box.content);
  else draw_lines(p, placed, box.content);
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
    st.phrases = head;  // 令和元年度（当初） breaks before its bracket, never inside a word
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
