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

}  // namespace

Box draw_indicator_chart(const present::ChartSpec& spec, double width, const Measurer& m) {
  const auto& axis = spec.axis;
  const auto& series = spec.series;
  const double tick = 7, label = 6.5;
  // Two points (a baseline and a target) need less room than a trend over several years.
  std::size_t longest = 0;
  for (const auto& s : series) longest = std::max(longest, s.actual.size() + s.planned.size());
  const double height = longest <= 2 && spec.years.size() <= 3 ? 140 : 200;
  Box box;
  box.height = height + 8;
  double tick_w = 0;
  for (const auto& t : axis.tick_labels) tick_w = std::max(tick_w, m.width(Face::gothic, t) * tick);
  const double plot_x = tick_w + 8, plot_y = 16;
  const std::size_t legend_entries = series.size() + (spec.planned_note.empty() ? 0 : 1);
  const double legend_h = 14 * static_cast<double>((legend_entries + 2) / 3);
  const double plot_w = width - plot_x - 10, plot_h = height - plot_y - 24 - legend_h;
  auto& c = box.content;
  if (!spec.unit.empty()) c.texts.push_back(text_at(0, 9, "（単位：" + spec.unit + "）", tick, style::kMuted));
  auto y_of = [&](double v) { return plot_y + plot_h - (v - axis.min) / (axis.max - axis.min) * plot_h; };
  // Grid lines and the value axis' tick labels.
  for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
    const double y = y_of(axis.ticks[i]);
    Path g;
    g.points = {{plot_x, y}, {plot_x + plot_w, y}};
    g.stroke = Color{0.82, 0.82, 0.82};
    g.line_width = 0.4;
    c.paths.push_back(std::move(g));
    const std::string& s = axis.tick_labels[i];
    c.texts.push_back(text_at(plot_x - 4 - m.width(Face::gothic, s) * tick, y + tick * 0.35, s, tick, style::kMuted));
  }
  Path frame;
  frame.points = {{plot_x, plot_y}, {plot_x, plot_y + plot_h}, {plot_x + plot_w, plot_y + plot_h}};
  frame.stroke = style::kText;
  frame.line_width = 0.7;
  c.paths.push_back(std::move(frame));
  const auto& xs = spec.years;
  const double slot = plot_w / static_cast<double>(xs.size());
  auto x_of = [&](int year) {
    const auto i = static_cast<double>(std::find(xs.begin(), xs.end(), year) - xs.begin());
    return plot_x + (i + 0.5) * slot;
  };
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const std::string& s = spec.year_labels[i];
    const double sw = m.width(Face::gothic, s) * tick;
    c.texts.push_back(text_at(x_of(xs[i]) - sw / 2, plot_y + plot_h + 11, s, tick));
  }
  // Series.
  struct Label {
    double y;
    std::string text;
    Color color;
  };
  std::map<int, std::vector<Label>> labels;  // by fiscal year
  const double bar_w = std::min(24.0, slot * 0.75 / static_cast<double>(series.size()));
  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const Color col = kSeriesColors[si % 5];
    if (spec.bars) {
      for (const auto* list : {&s.planned, &s.actual})
        for (const auto& p : *list) {
          const double x = x_of(p.year) - bar_w * static_cast<double>(series.size()) / 2 + bar_w * static_cast<double>(si);
          const double top = y_of(p.value), base = y_of(std::max(axis.min, 0.0));
          Rect r;
          r.x = x;
          r.y = std::min(top, base);
          r.w = bar_w * 0.9;
          r.h = std::abs(base - top);
          r.fill = p.mark == present::Mark::actual ? col : light(col);
          r.stroke = col;
          c.rects.push_back(r);
          c.texts.push_back(text_at(x + bar_w * 0.45 - m.width(Face::gothic, p.label) * label / 2, r.y - 2, p.label, label, col));
        }
      continue;
    }
    Path line;
    line.stroke = col;
    line.line_width = 1.3;
    line.dash = kSeriesDash[si % 5];
    for (const auto& p : s.actual) line.points.push_back({x_of(p.year), y_of(p.value)});
    if (line.points.size() >= 2) c.paths.push_back(std::move(line));
    if (s.way.size() >= 2) {
      Path way;
      way.stroke = col;
      way.line_width = 1;
      way.dash = kWayDash;
      for (const auto& p : s.way) way.points.push_back({x_of(p.year), y_of(p.value)});
      c.paths.push_back(std::move(way));
    }
    for (const auto* list : {&s.actual, &s.planned})
      for (const auto& p : *list) {
        c.paths.push_back(mark_at(x_of(p.year), y_of(p.value), p.mark, col));
        labels[p.year].push_back(Label{y_of(p.value), p.label, col});
      }
  }
  // Value labels right of their marks; labels of one year are spread apart so close values stay legible.
  for (auto& [year, list] : labels) {
    std::stable_sort(list.begin(), list.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    std::vector<double> ys;
    for (const auto& l : list) ys.push_back(l.y);
    present::spread_labels(ys, label * 1.15, plot_y + plot_h - label * 0.35 - 0.5);  // baselines above the axis
    for (std::size_t i = 0; i < list.size(); ++i)
      c.texts.push_back(text_at(x_of(year) + 5, ys[i] + label * 0.35, list[i].text, label, list[i].color));
  }
  // Legend, three entries per line: the series, then the meaning of hollow marks.
  const double legend_y = plot_y + plot_h + 22;
  const double entry_w = width / 3;
  for (std::size_t si = 0; si < legend_entries; ++si) {
    const double x = static_cast<double>(si % 3) * entry_w + plot_x * 0.5;
    const double y = legend_y + 14 * static_cast<double>(si / 3);
    if (si == series.size()) {
      c.texts.push_back(text_at(x, y + tick * 0.35, spec.planned_note, tick, style::kMuted));
      continue;
    }
    const Color col = kSeriesColors[si % 5];
    if (spec.bars) {
      Rect r;
      r.x = x;
      r.y = y - 4;
      r.w = 12;
      r.h = 7;
      r.fill = col;
      r.stroke = col;
      c.rects.push_back(r);
    } else {
      Path p;
      p.points = {{x, y}, {x + 18, y}};
      p.stroke = col;
      p.line_width = 1.3;
      p.dash = kSeriesDash[si % 5];
      c.paths.push_back(std::move(p));
      c.paths.push_back(mark_at(x + 9, y, present::Mark::actual, col));
    }
    c.texts.push_back(text_at(x + 22, y + tick * 0.35, series[si].label, tick));
  }
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
