#include "present/chart.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "present/titles.hpp"
#include "present/values.hpp"
#include "text/wareki.hpp"

namespace planpress::present {

namespace {

int decimals_of(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = dot + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++n;
  return n;
}

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
      const std::string change =
          std::abs(diff) < std::pow(10, -d) / 2 ? "横ばい" : fixed_decimals(std::abs(diff), d) + ind.unit + (diff > 0 ? "増加" : "減少");
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

void spread_labels(std::vector<double>& ys, double gap, double lowest) {
  for (std::size_t i = 1; i < ys.size(); ++i) ys[i] = std::max(ys[i], ys[i - 1] + gap);
  const double overflow = ys.empty() ? 0 : ys.back() - lowest;
  if (overflow > 0)
    for (auto& y : ys) y -= overflow;
}

}  // namespace planpress::present
