#pragma once
// Indicators shared by the chart tests of present, site (SVG) and layout (PDF).
#include <tuple>
#include <vector>

#include "model/model.hpp"

namespace planpress::testing {

inline model::IndicatorValue indicator_value(int year, const char* segment, double v, const char* written,
                                             const char* kind = "actual") {
  model::IndicatorValue x;
  x.year = year;
  x.segment = segment;
  x.value = v;
  x.value_text = written;
  x.kind = kind;
  return x;
}

/// 超過勤務時間 of the progress report (two of its segments), with a target.
inline model::Indicator overtime() {
  model::Indicator ind;
  ind.id = "ot";
  ind.name = "超過勤務時間";
  ind.unit = "時間";
  ind.segments = {{"all", "全体", ""}, {"ku", "区役所", ""}};
  ind.values = {indicator_value(2022, "all", 206.1, "206.1"), indicator_value(2023, "all", 197.0, "197.0"),
                indicator_value(2024, "all", 192.6, "192.6"), indicator_value(2022, "ku", 210.1, "210.1"),
                indicator_value(2024, "ku", 185.8, "185.8"), indicator_value(2026, "all", 180, "180", "target")};
  return ind;
}

/// The case of issue 9: one indicator, 977 → 983 → 990 people (the web drew it on 975–995, the PDF on 0–1000).
inline model::Indicator staff() {
  model::Indicator ind;
  ind.id = "staff";
  ind.name = "職員数";
  ind.unit = "人";
  for (auto [year, v, written] : {std::tuple{2022, 977.0, "977"}, std::tuple{2023, 983.0, "983"}, std::tuple{2024, 990.0, "990"}})
    ind.values.push_back(indicator_value(year, "", v, written));
  return ind;
}

}  // namespace planpress::testing
