// The web chart (SVG, site) and the PDF chart (layout) of one indicator draw one specification: the tick
// labels of the value axis, the year labels and the value labels read back from both outputs agree — on
// the issue's 977 → 983 → 990 case and on every indicator of the real content. And by geometry, read back
// from both drawings of every real chart: no value label covers another label, a mark or a bar, or is
// crossed by a line; no mark covers another (a target of 90 beside an actual 83.7); labels stay inside the
// chart and off the axes; a share's axis ends at 100 at most.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
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

// What a drawing puts inside its plot, read back as boxes and segments (the writer's own unit).
struct Drawn {
  present::ChartBox plot, chart;            // the plot area and the whole drawing
  std::vector<present::ChartBox> labels;    // value labels
  std::vector<std::string> label_texts;
  std::vector<present::ChartBox> marks, bars;
  std::vector<std::array<double, 4>> segments;  // lines through the values and the ways to the targets
};

// The PDF chart: value labels are the texts of the value size, marks the closed four-point paths above the
// plot's bottom (the legend's stand below it), bars the filled rectangles above it, lines the open paths
// of the series' widths.
Drawn drawn_pdf(const layout::Box& box, double width, const layout::Measurer& m) {
  Drawn d;
  const layout::Path* frame = nullptr;
  for (const auto& p : box.content.paths)
    if (p.points.size() == 3 && p.points[0].x == p.points[1].x && p.points[1].y == p.points[2].y) frame = &p;
  REQUIRE(frame);
  const double left = frame->points[0].x, top = frame->points[0].y, bottom = frame->points[1].y, right = frame->points[2].x;
  d.plot = {left, top, right - left, bottom - top};
  d.chart = {0, 0, width, box.height};
  for (const auto& t : box.content.texts) {
    if (t.size != 6.5) continue;
    const double asc = m.ascent(t.face) * t.size, desc = m.descent(t.face) * t.size;
    d.labels.push_back({t.x, t.y - asc, m.width(t.face, t.text) * t.size, asc + desc});
    d.label_texts.push_back(t.text);
  }
  for (const auto& p : box.content.paths) {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& q : p.points) {
      x0 = std::min(x0, q.x), y0 = std::min(y0, q.y), x1 = std::max(x1, q.x), y1 = std::max(y1, q.y);
    }
    if (y1 > bottom + 1) continue;  // the legend
    const double half = p.line_width / 2;
    if (p.closed && p.points.size() == 4) d.marks.push_back({x0 - half, y0 - half, x1 - x0 + 2 * half, y1 - y0 + 2 * half});
    else if (!p.closed && (p.line_width == 1.3 || p.line_width == 1.0))
      for (std::size_t i = 1; i < p.points.size(); ++i)
        d.segments.push_back({p.points[i - 1].x, p.points[i - 1].y, p.points[i].x, p.points[i].y});
  }
  for (const auto& r : box.content.rects)
    if (r.fill && r.y + r.h <= bottom + 0.01) d.bars.push_back({r.x, r.y, r.w, r.h});
  return d;
}

double attr(const std::string& el, const std::string& name) {
  const std::regex re(" " + name + R"re(="(-?[\d.]+)")re");
  std::smatch m;
  REQUIRE(std::regex_search(el, m, re));
  return std::stod(m[1]);
}

// The SVG chart: value labels (<text class="value">, 12 px, their width estimated as the writer does: the
// browser test measures the real ones), marks (class="mark": circles, squares, triangles, diamonds with
// their 2 px stroke), bars (class="bar") and lines (class="line" and "way").
Drawn drawn_svg(const std::string& svg) {
  Drawn d;
  d.plot = {64, 44, 512, 212};
  d.chart = {0, 0, 640, 300};
  static const std::regex element(R"re(<(text|circle|rect|path|polyline) class="(value|mark|bar|line|way)"[^>]*>([^<]*))re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element); it != std::sregex_iterator(); ++it) {
    const std::string tag = (*it)[1], cls = (*it)[2], el = (*it)[0];
    if (cls == "value") {
      const std::string text = (*it)[3];
      double w = 0;
      for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        w += c < 0x80 ? 0.65 * 12 : 12;
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      }
      d.labels.push_back({attr(el, "x"), attr(el, "y") - 11.5, w, 15});
      d.label_texts.push_back(text);
    } else if (cls == "mark" && tag == "circle") {
      const double r = attr(el, "r") + 1;
      d.marks.push_back({attr(el, "cx") - r, attr(el, "cy") - r, 2 * r, 2 * r});
    } else if (tag == "rect") {
      const present::ChartBox b{attr(el, "x") - 1, attr(el, "y") - 1, attr(el, "width") + 2, attr(el, "height") + 2};
      (cls == "bar" ? d.bars : d.marks).push_back(b);
    } else if (cls == "mark") {
      static const std::regex num(R"re((-?[\d.]+) (-?[\d.]+))re");
      double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
      for (auto n = std::sregex_iterator(el.begin(), el.end(), num); n != std::sregex_iterator(); ++n) {
        const double x = std::stod((*n)[1]), y = std::stod((*n)[2]);
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
      }
      d.marks.push_back({x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2});
    } else {
      static const std::regex pt(R"re((-?[\d.]+),(-?[\d.]+))re");
      std::vector<std::pair<double, double>> pts;
      for (auto n = std::sregex_iterator(el.begin(), el.end(), pt); n != std::sregex_iterator(); ++n)
        pts.emplace_back(std::stod((*n)[1]), std::stod((*n)[2]));
      for (std::size_t i = 1; i < pts.size(); ++i) d.segments.push_back({pts[i - 1].first, pts[i - 1].second, pts[i].first, pts[i].second});
    }
  }
  return d;
}

// Every collision in a drawing, described (empty: none).
std::vector<std::string> collisions(const Drawn& d) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < d.labels.size(); ++i) {
    const auto& l = d.labels[i];
    const std::string who = "label " + d.label_texts[i];
    for (std::size_t k = i + 1; k < d.labels.size(); ++k)
      if (l.overlaps(d.labels[k])) out.push_back(who + " covers label " + d.label_texts[k]);
    for (const auto& mk : d.marks)
      if (l.overlaps(mk)) out.push_back(who + " covers a mark");
    for (const auto& b : d.bars)
      if (l.overlaps(b)) out.push_back(who + " covers a bar");
    for (const auto& s : d.segments)
      if (l.crossed_by(s[0], s[1], s[2], s[3])) out.push_back(who + " is crossed by a line");
    if (l.x < d.plot.x || l.x + l.w > d.chart.x + d.chart.w || l.y < d.chart.y || l.y + l.h > d.plot.y + d.plot.h)
      out.push_back(who + " stands outside the chart or over an axis");
  }
  for (std::size_t i = 0; i < d.marks.size(); ++i)
    for (std::size_t k = i + 1; k < d.marks.size(); ++k)
      if (d.marks[i].overlaps(d.marks[k])) out.push_back("two marks cover each other");
  return out;
}

void check_geometry(const model::Indicator& ind, std::size_t& labels) {
  INFO("indicator " << ind.id);
  const auto spec = present::chart_spec(ind);
  REQUIRE(spec);
  const layout::FixedMeasurer m;
  for (double width : {480.0, 400.0}) {
    INFO("PDF chart " << width << " pt wide");
    const auto pdf = drawn_pdf(layout::draw_indicator_chart(*spec, width, m), width, m);
    CHECK(collisions(pdf) == std::vector<std::string>{});
    labels += pdf.labels.size();
  }
  {
    INFO("web chart");
    const auto web = drawn_svg(site::render_chart_svg(*spec, {}, "c"));
    CHECK(collisions(web) == std::vector<std::string>{});
    CHECK(web.labels.size() == web.label_texts.size());
    labels += web.labels.size();
  }
  if (spec->unit == "％" || spec->unit == "%") CHECK(spec->axis.max <= 100);
}

model::Model real_content() {
  base::Diagnostics diags;
  io::RealFileSystem fs;
  const auto raw = content::load_content(fs, std::string(PLANPRESS_SOURCE_DIR) + "/content", diags);
  auto model = validate::validate(raw, diags);
  REQUIRE_FALSE(diags.has_errors());
  return model;
}

}  // namespace

TEST_CASE("web and PDF charts of 977 → 983 → 990 agree, on an axis from zero", "[charts]") {
  check_agree(testing::staff());
  const auto web = from_svg(site::render_chart_svg(*present::chart_spec(testing::staff()), {}, "c"));
  CHECK(web.ticks.front() == "0");
  CHECK(web.ticks.back() == "1000");
}

TEST_CASE("web and PDF charts of every indicator of the real content agree", "[charts]") {
  const auto model = real_content();
  std::size_t charts = 0;
  for (const auto& p : model.plans)
    for (const auto& ind : p.indicators)
      if (present::chart_spec(ind)) {
        check_agree(ind);
        ++charts;
      }
  CHECK(charts >= 20);  // 30 indicators of the real content have a chart
}

TEST_CASE("no label, mark, bar or line covers another in any real chart, web or PDF", "[charts]") {
  const auto model = real_content();
  std::size_t charts = 0, labels = 0;
  for (const auto& p : model.plans)
    for (const auto& ind : p.indicators)
      if (present::chart_spec(ind)) {
        check_geometry(ind, labels);
        ++charts;
      }
  CHECK(charts >= 20);
  CHECK(labels > 3 * 100);
}

TEST_CASE("a target beside an actual value of one year, equal values of two segments: marks side by side", "[charts]") {
  // HR ② キャリア意識: 84.1 → 83.7 with a target of 90 in the same year; and two segments with one value.
  model::Indicator ind;
  ind.id = "career";
  ind.name = "キャリア意識";
  ind.unit = "％";
  using testing::indicator_value;
  ind.values = {indicator_value(2020, "", 84.1, "84.1"), indicator_value(2023, "", 83.7, "83.7"),
                indicator_value(2023, "", 90, "90", "target")};
  std::size_t labels = 0;
  check_geometry(ind, labels);
  CHECK(labels == 3 * 3);
  ind.segments = {{"a", "本庁等", ""}, {"b", "区役所", ""}};
  ind.values = {indicator_value(2022, "a", 80, "80"), indicator_value(2023, "a", 81, "81"), indicator_value(2022, "b", 80, "80"),
                indicator_value(2023, "b", 81, "81"), indicator_value(2023, "a", 81, "81", "target")};
  check_geometry(ind, labels);
}
