#pragma once
/// One chart specification per indicator, drawn by both the SVG chart of the web pages (site) and the
/// vector chart of the PDFs (layout): the series, the value axis, the marks and their labels, the years.
/// Neither writer computes a series, an axis or a label itself; they only place what is here.
///
/// The value axis (docs/architecture.md, "Charts"): it starts at zero, because the quantities of these
/// plans (people, hours, cases, shares) cannot be negative and a line from 977 to 990 drawn on an axis
/// from 975 would look like a steep rise; bars always stand on zero. Only a line chart of several
/// segments whose values lie close together (本庁等 and 区役所 around 80%) gets a narrower axis, or its
/// lines would lie on top of each other. A share in ％ never runs past 100. Ticks are round steps
/// (1, 2, 2.5 or 5 × 10ⁿ, about five of them) printed with the decimals of the step.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace planpress::present {

/// What a mark on the chart is: a value achieved (filled) or a baseline or target (hollow).
enum class Mark { actual, baseline, target };

/// One value on the chart.
struct ChartPoint {
  int year = 0;
  double value = 0;
  Mark mark = Mark::actual;
  std::string label;    ///< printed beside the mark: "206.1", "基準 977", "目標 180" (numbers as written)
  std::string printed;  ///< the value as the content prints it ("R7年度 990人", "90％以上"), for summaries
};

/// One segment of the indicator (全体, 本庁等, 区役所 …), or the indicator itself when it has none.
struct ChartSeries {
  std::string label;               ///< in the legend and the summary
  std::vector<ChartPoint> actual;  ///< by year; the solid line, filled marks
  std::vector<ChartPoint> planned; ///< baselines, then targets, each by year; hollow marks
  /// The dashed way to the target: the last value before the first target (when there is one), then
  /// every target by year. Fewer than two points: nothing to draw.
  std::vector<ChartPoint> way;
};

/// The value axis: [min, max] in steps of `step`; ticks at every step with their labels.
struct ValueAxis {
  double min = 0, max = 1, step = 1;
  int decimals = 0;                      ///< of the tick labels (those of the step)
  std::vector<double> ticks;             ///< min, min + step, … max
  std::vector<std::string> tick_labels;  ///< "0", "250", "97.5" …
};

struct ChartSpec {
  std::string title;                     ///< the indicator's name
  std::string unit;                      ///< "人", "％" …
  bool bars = false;                     ///< a bar per value (chart "bar", or one year only), else lines
  std::vector<int> years;                ///< fiscal years on the x axis, ascending
  std::vector<std::string> year_labels;  ///< in 和暦: "令和4年度"
  std::vector<ChartSeries> series;
  ValueAxis axis;
  std::string planned_note;  ///< legend note on hollow marks ("白抜き記号：基準・目標"), "" without any
};

/// The chart of an indicator; nullopt when it has fewer than two numbers by fiscal year, or all of them in
/// one year of one segment: the table then says everything. Values of several segments in one year are
/// bars side by side, whatever the indicator's chart type.
std::optional<ChartSpec> chart_spec(const model::Indicator& ind);

/// Sentences describing what the chart shows, for readers who cannot see it: per segment the first and
/// last actual values and the change, then baselines and targets
/// ("全体：令和4年度 206.1時間 → 令和6年度 192.6時間（13.5時間減少）"); a change between two shares in
/// points ("…48.7% → 令和6年度 53.2%（4.5ポイント増加）").
std::vector<std::string> summarize_indicator(const model::Indicator& ind);

/// A column of an indicator's table: one fiscal year (or none) and one kind of value.
struct TableColumn {
  std::optional<int> year;
  std::string kind;           ///< actual | baseline | target
  std::string printed_label;  ///< the label the content prints for the first value of the column (R4, 目標値 …)
  std::string year_label;     ///< 和暦 of the year, or "年度なし"
  std::string kind_label;     ///< 実績, 基準, 目標
};

struct TableCell {
  std::string text;  ///< the value as printed, "—" when the segment has none in this column
  std::string note;
};

struct TableRow {
  std::string label;  ///< the segment's label, "値" for an indicator without segments
  std::string note;
  std::vector<TableCell> cells;
};

/// The numbers of an indicator as a table, printed under its chart (or alone): a column per fiscal year
/// and kind that has a value (by year; values without a year last), a row per segment that has a value.
struct IndicatorTable {
  bool segmented = false;  ///< rows are segments (区分), not the single row of the indicator
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
};

IndicatorTable indicator_table(const model::Indicator& ind);

/// A rectangle in a writer's coordinates (its own unit: points in the PDF, pixels in the SVG; y downwards).
struct ChartBox {
  double x = 0, y = 0, w = 0, h = 0;  ///< top left and size
  /// Whether the two rectangles share more than a line (touching edges do not overlap).
  bool overlaps(const ChartBox& o) const;
  /// Whether the segment from (ax, ay) to (bx, by) passes through the rectangle's inside.
  bool crossed_by(double ax, double ay, double bx, double by) const;
};

/// Where a writer draws a chart and how big its marks and labels are, in its own unit. The placement of
/// marks, bars and value labels is decided once, here, from these numbers (place_chart); the writers only
/// draw what it returns.
struct ChartFrame {
  ChartBox plot;    ///< the plot area: the value axis runs from its bottom (axis.min) to its top (axis.max)
  ChartBox room;    ///< where value labels may stand: the plot and the free margins around it
  double mark = 3;  ///< half the width of the largest mark, with its outline
  double gap = 1.5;             ///< between a mark (or a bar's top) and its label
  double label_h = 7;           ///< height of a value label's box (the text's ascent and descent)
  double bar_w = 24;            ///< the widest a bar may be
  double bar_share = 0.75;      ///< share of a year's width the bars of one year take together
  std::function<double(const std::string&)> label_w;  ///< width of a value label's text
};

/// The x of a fiscal year's centre (the years share the plot's width equally) and the y of a value on the
/// value axis, in `frame`.
double year_x(const ChartSpec& spec, const ChartFrame& frame, int year);
double value_y(const ChartSpec& spec, const ChartFrame& frame, double value);

/// A mark of a line chart: the value's mark at its centre (x, y).
struct PlacedMark {
  std::size_t series = 0;
  Mark mark = Mark::actual;
  double x = 0, y = 0;
};

/// A bar of a bar chart.
struct PlacedBar {
  std::size_t series = 0;
  Mark mark = Mark::actual;
  ChartBox box;
};

/// A value label: its text and the box it stands in (text from the box's left edge, ascent at its top).
struct PlacedLabel {
  std::size_t series = 0;
  std::string text;
  ChartBox box;
};

/// A point of a line.
struct ChartXY {
  double x = 0, y = 0;
};

/// Everything a writer draws inside the plot, placed: marks (lines) or bars, the lines through the actual
/// values and the dashed ways to the targets (by series; fewer than two points: none), and every value
/// label where it covers no mark, no bar, no other label and, where there is any room, no line.
struct ChartPlacement {
  std::vector<PlacedMark> marks;
  std::vector<PlacedBar> bars;
  std::vector<std::vector<ChartXY>> lines, ways;  ///< by series
  std::vector<PlacedLabel> labels;
};

/// Places the marks, bars and value labels of `spec` in `frame`. Marks of one year that would cover each
/// other (a target of 90 beside an actual 83.7, two segments with the same value) stand side by side; a
/// label goes where it collides least: right of its mark, else left, diagonally, above or below, further
/// up or down (the first candidate that touches nothing); a bar's label stands above the bar and moves up
/// over its neighbour's when the two would collide.
ChartPlacement place_chart(const ChartSpec& spec, const ChartFrame& frame);

}  // namespace planpress::present
