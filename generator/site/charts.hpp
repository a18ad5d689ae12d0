#pragma once
/// Indicator charts drawn at build time as SVG (no script; readable in print and without CSS), and the
/// text summary that accompanies every chart for readers who cannot see it.
#include <string>
#include <vector>

#include "model/model.hpp"

namespace planpress::site {

/// True if the indicator has at least one number to draw.
bool has_chart(const model::Indicator& ind);

/// An SVG chart of the indicator: one line (or bar group) per segment over fiscal years, actual values
/// labelled, baselines and targets marked with their own symbols. `id` makes element ids unique on the page.
std::string render_chart_svg(const model::Indicator& ind, const std::string& id);

/// Sentences describing what the chart shows: per segment the first and last actual values and the
/// change, then baselines and targets ("全体：令和4年度 206.1時間 → 令和6年度 192.6時間（13.5時間減少）").
std::vector<std::string> summarize_indicator(const model::Indicator& ind);

/// The number of a value as written in the content ("197.0", not 197), or "" if there is none.
std::string number_text(const model::IndicatorValue& v);

/// A value as printed in the content ("197.0", "57.5％" …), falling back to the number.
std::string display_value(const model::IndicatorValue& v, const std::string& unit);

}  // namespace planpress::site
