#pragma once
/// Indicators as vector charts with their numbers, drawn from the indicator's chart specification
/// (present/chart.hpp): lines (or bars) with paths — a series per segment, hollow marks for baselines and
/// targets, the way to a target dashed, the value axis and labels as the spec gives them, a legend — and
/// the numbers as a table. Nothing here decides an axis, a series or a label.
#include "layout/blocks.hpp"
#include "present/chart.hpp"

namespace planpress::layout {

/// The chart `width` wide.
Box draw_indicator_chart(const present::ChartSpec& spec, double width, const Measurer& m);

/// The indicator's table: a row per segment, a column per fiscal year and kind (実績, 目標, 基準), each
/// cell as printed.
Table make_indicator_table(const present::IndicatorTable& table, double width, const Measurer& m);

}  // namespace planpress::layout
