#pragma once
/// Indicator charts drawn at build time as SVG (no script; readable in print and without CSS) from the
/// indicator's chart specification (present/chart.hpp): this file only places what the spec says.
#include <string>
#include <vector>

#include "present/chart.hpp"

namespace planpress::site {

/// An SVG chart: one line (or bar group) per series over fiscal years, every value labelled, baselines
/// and targets hollow, the way to a target dashed. `description` (the text summary) becomes its <desc>;
/// `id` makes element ids unique on the page.
std::string render_chart_svg(const present::ChartSpec& spec, const std::vector<std::string>& description, const std::string& id);

}  // namespace planpress::site
