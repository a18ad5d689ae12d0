#include "present/chart.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "present/titles.hpp"
#include "present/values.hpp"
#include "text/wareki.hpp"

namespace planpress::present {

namespace {

// The decimals a number needs to be printed exactly (2.5 → 1, 0.25 → 2, 200 → 0).
int decimals_needed(double v) {
  for (int d = 0; d < 6; ++d) {
    const double scaled = v * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::abs(scaled))) return d;
  }
  return 6;
}

// The smallest round step (1, 2, 2.5, 5 × 10ⁿ) that divides `range` into at most `intervals` parts.
double round_step(double range, int intervals) {
  if (range <= 0) return 1;
  const double raw = range / intervals;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * mag * (1 + 1e-9)) return m * mag;
  return 10 * mag;
}

bool is_share(const std::string& unit) { return unit == "％" || unit == "%"; }

// Series of the indicator: one per segment (or one for the indicator without segments), with the values
// that have a number and a fiscal year.
std::vector<ChartSeries> series_of(const model::Indicator& ind) {
  std::vector<std::pair<std::string, std::string>> segs;
  for (const auto& s : ind.segments) segs.emplace_back(s.id, s.label);
  if (segs.empty()) segs.emplace_back("", ind.unit.empty() ? "値" : ind.name);
  std::vector<ChartSeries> out;
  auto by_year = [](const ChartPoint& a, const ChartPoint& b) { return a.year < b.year; };
  for (const auto& [id, label] : segs) {
    ChartSeries s;
    s.label = label;
    std::vector<ChartPoint> baselines, targets;
    for (const auto& v : ind.values) {
      if (v.segment != id || !v.year || !v.value) continue;
      ChartPoint p{*v.year, *v.value, Mark::actual, number_text(v), display_value(v, ind.unit)};
      if (v.kind == "target" || v.kind == "baseline") {
        p.mark = v.kind == "target" ? Mark::target : Mark::baseline;
        p.label = std::string(value_kind_label(v.kind)) + " " + p.label;
        (p.mark == Mark::target ? targets : baselines).push_back(std::move(p));
      } else {
        s.actual.push_back(std::move(p));
      }
    }
    std::stable_sort(s.actual.begin(), s.actual.end(), by_year);
    std::stable_sort(baselines.begin(), baselines.end(), by_year);
    std::stable_sort(targets.begin(), targets.end(), by_year);
    if (!targets.empty()) {
      // The way to the target starts at the latest value (actual or baseline) of a year before it.
      const ChartPoint* from = nullptr;
      for (const auto* list : {&s.actual, &baselines})
        for (const auto& p : *list)
          if (p.year < targets.front().year && (!from || p.year > from->year)) from = &p;
      if (from) s.way.push_back(*from);
      s.way.insert(s.way.end(), targets.begin(), targets.end());
    }
    s.planned = std::move(baselines);
    s.planned.insert(s.planned.end(), targets.begin(), targets.end());
    if (!s.actual.empty() || !s.planned.empty()) out.push_back(std::move(s));
  }
  return out;
}

ValueAxis value_axis(const std::vector<ChartSeries>& series, bool bars, const std::string& unit) {
  double lo = 1e300, hi = -1e300;
  for (const auto& s : series)
    for (const auto* list : {&s.actual, &s.planned})
      for (const auto& p : *list) {
        lo = std::min(lo, p.value);
        hi = std::max(hi, p.value);
      }
  const bool close_lines = !bars && series.size() >= 2 && lo > 0 && (hi - lo) < 0.35 * hi;
  if (!close_lines) lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  ValueAxis a;
  a.step = round_step(hi > lo ? hi - lo : std::max(1.0, std::abs(hi)), 5);
  a.min = std::floor(lo / a.step + 1e-9) * a.step;
  a.max = std::ceil(hi / a.step - 1e-9) * a.step;
  if (is_share(unit) && hi <= 100) a.max = std::min(a.max, 100.0);
  if (a.max <= a.min) a.max = a.min + a.step;
  a.decimals = decimals_needed(a.step);
  for (int i = 0;; ++i) {
    const double v = a.min + a.step * i;
    if (v > a.max + a.step / 2) break;
    a.ticks.push_back(v);
    a.tick_labels.push_back(fixed_decimals(std::abs(v) < a.step / 2 ? 0.0 : v, a.decimals));
  }
  return a;
}

}  // namespace

std::optional<ChartSpec> chart_spec(const model::Indicator& ind) {
  ChartSpec spec;
  spec.title = ind.name;
  spec.unit = ind.unit;
  spec.bars = ind.chart == "bar";
  spec.series = series_of(ind);
  std::set<int> years;
  std::size_t numbers = 0;
  bool planned = false;
  for (const auto& s : spec.series) {
    for (const auto* list : {&s.actual, &s.planned})
      for (const auto& p : *list) {
        years.insert(p.year);
        ++numbers;
      }
    planned = planned || !s.planned.empty();
  }
  // A line needs two years; values of several segments in one year stand side by side as bars.
  if (numbers < 2 || (years.size() < 2 && spec.series.size() < 2)) return std::nullopt;
  if (years.size() < 2) spec.bars = true;
  spec.years.assign(years.begin(), years.end());
  for (int y : spec.years) spec.year_labels.push_back(text::wareki_fiscal_year(y));
  spec.axis = value_axis(spec.series, spec.bars, spec.unit);
  if (planned) spec.planned_note = spec.bars ? "白抜き：基準・目標" : "白抜き記号：基準・目標";
  return spec;
}

std::vector<std::string> summarize_indicator(const model::Indicator& ind) {
  std::vector<std::string> out;
  auto year = [](int y) { return text::wareki_fiscal_year(y); };
  for (const auto& s : series_of(ind)) {
    const std::string who = s.label + "：";
    if (s.actual.size() >= 2) {
      const auto& a = s.actual.front();
      const auto& b = s.actual.back();
      const int d = std::max(decimals_of(a.label), decimals_of(b.label));
      const double diff = b.value - a.value;
      // The difference of two percentages is in points, as the cities write it (「1.6ポイント」, 「4.1ポイント差」):
      // 48.7％ → 53.2％ is 4.5 ポイント, not 4.5％ (which would be a relative change).
      const std::string unit = is_share(ind.unit) ? "ポイント" : ind.unit;
      const std::string change =
          std::abs(diff) < std::pow(10, -d) / 2 ? "横ばい" : fixed_decimals(std::abs(diff), d) + unit + (diff > 0 ? "増加" : "減少");
      out.push_back(who + year(a.year) + " " + a.label + ind.unit + " → " + year(b.year) + " " + b.label + ind.unit + "（" +
                    change + "）");
    } else if (s.actual.size() == 1) {
      out.push_back(who + year(s.actual[0].year) + " " + s.actual[0].label + ind.unit);
    }
    // Baselines and targets as printed (with their wording: 「R7年度 990人」, 「90％以上」).
    for (const auto& p : s.planned)
      out.push_back(who + (p.mark == Mark::target ? "目標（" : "基準値（") + year(p.year) + "） " + p.printed);
  }
  return out;
}

IndicatorTable indicator_table(const model::Indicator& ind) {
  IndicatorTable t;
  t.segmented = !ind.segments.empty();
  for (const auto& v : ind.values) {
    bool found = false;
    for (const auto& c : t.columns) found = found || (c.year == v.year && c.kind == v.kind);
    if (!found)
      t.columns.push_back(TableColumn{v.year, v.kind, v.label, v.year ? text::wareki_fiscal_year(*v.year) : std::string("年度なし"),
                                      value_kind_label(v.kind)});
  }
  std::stable_sort(t.columns.begin(), t.columns.end(),
                   [](const TableColumn& a, const TableColumn& b) { return a.year.value_or(9999) < b.year.value_or(9999); });
  std::vector<model::Segment> segments = ind.segments;
  if (segments.empty()) segments.push_back(model::Segment{"", "値", ""});
  for (const auto& s : segments) {
    TableRow row{s.label, s.note, {}};
    bool any = false;
    for (const auto& c : t.columns) {
      TableCell cell{"—", ""};
      for (const auto& v : ind.values) {
        if (v.year != c.year || v.kind != c.kind || v.segment != s.id) continue;
        cell = TableCell{display_value(v, ind.unit), v.note};
        any = true;
      }
      row.cells.push_back(std::move(cell));
    }
    if (any || !t.segmented) t.rows.push_back(std::move(row));
  }
  return t;
}

bool ChartBox::overlaps(const ChartBox& o) const {
  constexpr double e = 1e-6;
  return x < o.x + o.w - e && o.x < x + w - e && y < o.y + o.h - e && o.y < y + h - e;
}

bool ChartBox::crossed_by(double ax, double ay, double bx, double by) const {
  // Liang–Barsky: clip the segment to the rectangle; it crosses when a piece of positive length remains.
  double t0 = 0, t1 = 1;
  const double dx = bx - ax, dy = by - ay;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {ax - x, x + w - ax, ay - y, y + h - ay};
  for (int i = 0; i < 4; ++i) {
    if (std::abs(p[i]) < 1e-12) {
      if (q[i] <= 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    if (t0 >= t1) return false;
  }
  return (t1 - t0) * std::hypot(dx, dy) > 1e-6;
}

double year_x(const ChartSpec& spec, const ChartFrame& f, int year) {
  const auto i = static_cast<double>(std::find(spec.years.begin(), spec.years.end(), year) - spec.years.begin());
  return f.plot.x + (i + 0.5) * f.plot.w / static_cast<double>(std::max<std::size_t>(1, spec.years.size()));
}

double value_y(const ChartSpec& spec, const ChartFrame& f, double v) {
  return f.plot.y + f.plot.h - (v - spec.axis.min) / (spec.axis.max - spec.axis.min) * f.plot.h;
}

namespace {

struct Axes {
  const ChartSpec& spec;
  const ChartFrame& f;
  double slot() const { return f.plot.w / static_cast<double>(spec.years.size()); }
  double x_of(int year) const { return year_x(spec, f, year); }
  double y_of(double v) const { return value_y(spec, f, v); }
};

ChartBox mark_box(const PlacedMark& m, double r) { return ChartBox{m.x - r, m.y - r, 2 * r, 2 * r}; }

bool inside(const ChartBox& b, const ChartBox& room) {
  constexpr double e = 1e-6;
  return b.x >= room.x - e && b.y >= room.y - e && b.x + b.w <= room.x + room.w + e && b.y + b.h <= room.y + room.h + e;
}

// Marks of one year that would cover each other stand side by side: each mark, actual values first, takes
// the first of 0, −d, +d, −2d, +2d … (d: a mark's width and a little) where it covers no mark placed before.
void place_marks(const ChartSpec& spec, const ChartFrame& f, const Axes& ax, ChartPlacement& out,
                 std::vector<std::vector<std::size_t>>& mark_of_point) {
  const double d = 2 * f.mark + std::max(1.0, f.mark * 0.3);
  mark_of_point.assign(spec.series.size() * 2, {});
  for (int planned = 0; planned < 2; ++planned)
    for (std::size_t si = 0; si < spec.series.size(); ++si) {
      const auto& list = planned ? spec.series[si].planned : spec.series[si].actual;
      for (const auto& v : list) {
        PlacedMark m{si, v.mark, ax.x_of(v.year), ax.y_of(v.value)};
        const double x0 = m.x;
        for (int k = 0; k < 12; ++k) {
          m.x = x0 + (k == 0 ? 0.0 : (k % 2 ? -1.0 : 1.0) * d * static_cast<double>((k + 1) / 2));
          bool free = true;
          for (const auto& o : out.marks) free = free && !mark_box(m, f.mark).overlaps(mark_box(o, f.mark));
          if (free) break;
        }
        mark_of_point[si * 2 + static_cast<std::size_t>(planned)].push_back(out.marks.size());
        out.marks.push_back(m);
      }
    }
}

// The placed mark of a point of series `si` (the way to a target starts at an actual value or a baseline).
const PlacedMark* mark_of(const ChartSpec& spec, const ChartPlacement& out, const std::vector<std::vector<std::size_t>>& idx,
                          std::size_t si, const ChartPoint& p) {
  for (int planned = 0; planned < 2; ++planned) {
    const auto& list = planned ? spec.series[si].planned : spec.series[si].actual;
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].year == p.year && list[i].mark == p.mark && list[i].value == p.value)
        return &out.marks[idx[si * 2 + static_cast<std::size_t>(planned)][i]];
  }
  return nullptr;
}

// Where a label of size w × h may stand around a mark at (x, y): right, left, the four diagonals, above,
// below, then right and left moved up and down, and further above and below; best first.
std::vector<ChartBox> candidates(double x, double y, double w, double h, double r, double g) {
  std::vector<ChartBox> c = {
      {x + r + g, y - h / 2, w, h},     {x - r - g - w, y - h / 2, w, h},  // right, left
      {x + g, y - r - h, w, h},         {x + g, y + r, w, h},              // above right, below right
      {x - g - w, y - r - h, w, h},     {x - g - w, y + r, w, h},          // above left, below left
      {x - w / 2, y - r - g - h, w, h}, {x - w / 2, y + r + g, w, h},      // above, below
  };
  for (int k = 1; k <= 4; ++k) {
    const double dy = 0.6 * h * k;
    for (double s : {-1.0, 1.0}) {
      c.push_back({x + r + g, y - h / 2 + s * dy, w, h});
      c.push_back({x - r - g - w, y - h / 2 + s * dy, w, h});
    }
  }
  for (int k = 1; k <= 3; ++k) {
    c.push_back({x - w / 2, y - r - g - h - k * h, w, h});
    c.push_back({x - w / 2, y + r + g + k * h, w, h});
  }
  return c;
}

void place_line_labels(const ChartSpec& spec, const ChartFrame& f, ChartPlacement& out,
                       const std::vector<std::vector<std::size_t>>& idx) {
  struct Segment {
    double ax, ay, bx, by;
  };
  std::vector<Segment> segments;
  for (const auto* lines : {&out.lines, &out.ways})
    for (const auto& l : *lines)
      for (std::size_t i = 1; i < l.size(); ++i) segments.push_back({l[i - 1].x, l[i - 1].y, l[i].x, l[i].y});
  // Actual values are labelled first (they are what the chart reports), then baselines and targets.
  for (int planned = 0; planned < 2; ++planned)
    for (std::size_t si = 0; si < spec.series.size(); ++si) {
      const auto& list = planned ? spec.series[si].planned : spec.series[si].actual;
      for (std::size_t i = 0; i < list.size(); ++i) {
        const PlacedMark& m = out.marks[idx[si * 2 + static_cast<std::size_t>(planned)][i]];
        const double w = f.label_w(list[i].label), h = f.label_h;
        double best_cost = 1e300;
        ChartBox best;
        std::size_t rank = 0;
        for (const auto& c : candidates(m.x, m.y, w, h, f.mark, f.gap)) {
          double cost = static_cast<double>(rank++);
          if (!inside(c, f.room)) cost += 1e6;
          for (const auto& o : out.labels) cost += o.box.overlaps(c) ? 1e4 : 0;
          for (const auto& o : out.marks) cost += mark_box(o, f.mark).overlaps(c) ? 1e4 : 0;
          for (const auto& sg : segments) cost += c.crossed_by(sg.ax, sg.ay, sg.bx, sg.by) ? 100 : 0;
          if (cost < best_cost) {
            best_cost = cost;
            best = c;
          }
        }
        out.labels.push_back(PlacedLabel{si, list[i].label, best});
      }
    }
}

// A bar per value: the bars of one year side by side, series in order and a series' baselines and targets
// before its actual value, all bars as wide as those of the fullest year allow.
void place_bars(const ChartSpec& spec, const ChartFrame& f, const Axes& ax, ChartPlacement& out) {
  struct Entry {
    std::size_t series;
    const ChartPoint* point;
  };
  std::map<int, std::vector<Entry>> by_year;
  for (std::size_t si = 0; si < spec.series.size(); ++si)
    for (const auto* list : {&spec.series[si].planned, &spec.series[si].actual})
      for (const auto& v : *list) by_year[v.year].push_back(Entry{si, &v});
  std::size_t most = 1;
  for (const auto& [year, list] : by_year) most = std::max(most, list.size());
  const double bw = std::min(f.bar_w, ax.slot() * f.bar_share / static_cast<double>(most));
  const double base = ax.y_of(std::max(spec.axis.min, 0.0));
  std::vector<const ChartPoint*> points;  // of the bars, in their order
  for (const auto& [year, list] : by_year)
    for (std::size_t k = 0; k < list.size(); ++k) {
      const ChartPoint& v = *list[k].point;
      points.push_back(&v);
      const double x = ax.x_of(year) - bw * static_cast<double>(list.size()) / 2 + bw * static_cast<double>(k);
      const double top = ax.y_of(v.value);
      const ChartBox bar{x + bw * 0.05, std::min(top, base), bw * 0.9, std::abs(base - top)};
      out.bars.push_back(PlacedBar{list[k].series, v.mark, bar});
    }
  // Labels above their bars, centred; one that would cover a label or a bar moves up a line at a time.
  for (std::size_t i = 0; i < out.bars.size(); ++i) {
    const auto& bar = out.bars[i].box;
    const std::string& text = points[i]->label;
    const double w = f.label_w(text);
    ChartBox label{bar.x + bar.w / 2 - w / 2, bar.y - f.gap - f.label_h, w, f.label_h};
    label.x = std::clamp(label.x, f.room.x, std::max(f.room.x, f.room.x + f.room.w - w));
    for (int k = 0; k < 8; ++k) {
      bool free = true;
      for (const auto& o : out.labels) free = free && !o.box.overlaps(label);
      for (const auto& b : out.bars) free = free && !b.box.overlaps(label);
      if (free) break;
      label.y -= f.label_h + f.gap;
    }
    out.labels.push_back(PlacedLabel{out.bars[i].series, text, label});
  }
}

}  // namespace

ChartPlacement place_chart(const ChartSpec& spec, const ChartFrame& f) {
  ChartPlacement out;
  const Axes ax{spec, f};
  out.lines.resize(spec.series.size());
  out.ways.resize(spec.series.size());
  if (spec.bars) {
    place_bars(spec, f, ax, out);
    return out;
  }
  std::vector<std::vector<std::size_t>> idx;
  place_marks(spec, f, ax, out, idx);
  for (std::size_t si = 0; si < spec.series.size(); ++si) {
    const auto& s = spec.series[si];
    if (s.actual.size() >= 2)
      for (std::size_t i = 0; i < s.actual.size(); ++i) {
        const auto& m = out.marks[idx[si * 2][i]];
        out.lines[si].push_back({m.x, m.y});
      }
    if (s.way.size() >= 2)
      for (const auto& p : s.way)
        if (const PlacedMark* m = mark_of(spec, out, idx, si, p)) out.ways[si].push_back({m->x, m->y});
    if (out.ways[si].size() < 2) out.ways[si].clear();
  }
  place_line_labels(spec, f, out, idx);
  return out;
}

}  // namespace planpress::present
