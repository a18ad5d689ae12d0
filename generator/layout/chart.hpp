#pragma once
/// Indicators as vector charts with their numbers: a line (or bar) chart drawn with paths — one series per
/// segment, targets dashed, axes with round ticks, value labels and a legend — and the numbers as a table.
#include <optional>

#include "layout/blocks.hpp"
#include "model/model.hpp"

namespace planpress::layout {

/// The chart of an indicator's numeric values by fiscal year, `width` wide; nullopt when fewer than one
/// value is a number (the table then says everything).
std::optional<Box> draw_indicator_chart(const model::Indicator& ind, double width, const Measurer& m);

/// The indicator's values as a table: a row per segment, a column per fiscal year and kind (実績, 目標,
/// 基準), each cell as printed.
Table make_indicator_table(const model::Indicator& ind, double width, const Measurer& m);

/// A number as the shortest decimal that reads back the same (206.1, 977, 99.1).
std::string format_number(double v);

}  // namespace planpress::layout
