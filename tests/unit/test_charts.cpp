// The web chart (SVG, site) and the PDF chart (layout) of one indicator draw one specification: the tick
// labels of the value axis, the year labels and the value labels read back from both outputs agree — on
// the issue's 977 → 983 → 990 case and on every indicator of the real content.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "content/loader.hpp"
#include "indicators.hpp"
#include "io/file_system.hpp"
#include "layout/chart.hpp"
#include "validate/validate.hpp"
#include "present/chart.hpp"
#include "site/charts.hpp"

using namespace planpress;

namespace {

struct Labels {
  std::vector<std::string> ticks, years, values;
};

// The texts of the SVG's <text class="…"> elements, by class (entities are not needed for these labels).
Labels from_svg(const std::string& svg) {
  Labels l;
  static const std::regex text(R"re(<text class="(tick|year|value)"[^>]*>([^<]*)</text>)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator(); ++it) {
    const std::string cls = (*it)[1], s = (*it)[2];
    (cls == "tick" ? l.ticks : cls == "year" ? l.years : l.values).push_back(s);
  }
  return l;
}

// The labels of a laid-out PDF chart, found by where they stand: tick labels end just left of the axis
// frame, year labels stand under it, value labels inside it.
Labels from_pdf(const layout::Box& box, const layout::Measurer& m) {
  const layout::Path* frame = nullptr;
  for (const auto& p : box.content.paths)
    if (p.points.size() == 3 && p.points[0].x == p.points[1].x && p.points[1].y == p.points[2].y) frame = &p;
  REQUIRE(frame);
  const double left = frame->points[0].x, bottom = frame->points[1].y;
  Labels l;
  for (const auto& t : box.content.texts) {
    const double right = t.x + m.width(t.face, t.text) * t.size;
    if (std::abs(right - (left - 4)) < 0.01) l.ticks.push_back(t.text);
    else if (t.x >= left && t.y > bottom && t.y < bottom + 14) l.years.push_back(t.text);
    else if (t.x >= left && t.y < bottom) l.values.push_back(t.text);
  }
  return l;
}

void check_agree(const model::Indicator& ind) {
  INFO("indicator " << ind.id);
  const auto spec = present::chart_spec(ind);
  REQUIRE(spec);
  const layout::FixedMeasurer m;
  const auto web = from_svg(site::render_chart_svg(*spec, {}, "c"));
  const auto pdf = from_pdf(layout::draw_indicator_chart(*spec, 480, m), m);
  CHECK(web.ticks == spec->axis.tick_labels);
  CHECK(pdf.ticks == web.ticks);
  CHECK(web.years == spec->year_labels);
  CHECK(pdf.years == web.years);
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted(pdf.values) == sorted(web.values));
  CHECK_FALSE(web.values.empty());
}

}  // namespace

TEST_CASE("web and PDF charts of 977 → 983 → 990 agree, on an axis from zero", "[charts]") {
  check_agree(testing::staff());
  const auto web = from_svg(site::render_chart_svg(*present::chart_spec(testing::staff()), {}, "c"));
  CHECK(web.ticks.front() == "0");
  CHECK(web.ticks.back() == "1000");
}

TEST_CASE("web and PDF charts of every indicator of the real content agree", "[charts]") {
  base::Diagnostics diags;
  io::RealFileSystem fs;
  const auto raw = content::load_content(fs, std::string(PLANPRESS_SOURCE_DIR) + "/content", diags);
  const auto model = validate::validate(raw, diags);
  REQUIRE_FALSE(diags.has_errors());
  std::size_t charts = 0;
  for (const auto& p : model.plans)
    for (const auto& ind : p.indicators)
      if (present::chart_spec(ind)) {
        check_agree(ind);
        ++charts;
      }
  CHECK(charts >= 20);  // 30 indicators of the real content have a chart
}
