// Golden tests of laid-out pages: the small plans of tests/layout/golden/content are laid out with the
// fixed-width fake font (layout::FixedMeasurer, no font files) and every page is written as text — its
// size, and every box with its position, size, face, colour and text; links, anchors and outline marks —
// and compared with tests/layout/golden/*.txt. A difference fails with a unified diff, so any change of
// the composition shows up as a reviewed diff of those files.
//
// After an intended change, regenerate and review:
//   PLANPRESS_UPDATE_GOLDEN=1 ./build/tests/unit/test_layout_golden && git diff tests/layout/golden
// (or tests/layout/golden/update.sh). The format is described in tests/layout/golden/README.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compose/compose.hpp"
#include "layout/chart.hpp"
#include "layout/measure.hpp"
#include "layout/page.hpp"
#include "present/chart.hpp"
#include "linked_content.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using namespace planpress;

namespace {

const fs::path kGoldenDir = fs::path(PLANPRESS_SOURCE_DIR) / "tests" / "layout" / "golden";

// A length rounded to 0.01 pt ("-0.00" printed as "0.00").
std::string num(double v) {
  double r = std::round(v * 100.0) / 100.0;
  if (r == 0) r = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", r);
  return buf;
}

std::string color(const layout::Color& c) {
  auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

// A string in double quotes, with \ and " escaped and line feeds as \n.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

// One line per drawable element, sorted top to bottom and left to right (so a reordering that draws the
// same page gives the same text), then the outline marks in their order (which is the bookmarks' order).
std::string dump_content(const layout::Content& c, const std::string& indent) {
  struct Line {
    double y, x;
    int kind;
    std::string text;
  };
  std::vector<Line> lines;
  for (const auto& r : c.rects) {
    std::string s = "rect " + num(r.x) + "," + num(r.y) + " " + num(r.w) + "x" + num(r.h);
    if (r.fill) s += " fill=" + color(*r.fill);
    if (r.stroke) s += " stroke=" + color(*r.stroke) + " lw=" + num(r.line_width);
    lines.push_back({r.y, r.x, 0, s});
  }
  for (const auto& p : c.paths) {
    std::string s = "path";
    double top = p.points.empty() ? 0 : p.points[0].y, left = p.points.empty() ? 0 : p.points[0].x;
    for (const auto& pt : p.points) {
      s += " " + num(pt.x) + "," + num(pt.y);
      top = std::min(top, pt.y);
      left = std::min(left, pt.x);
    }
    if (p.closed) s += " closed";
    if (p.line_width > 0) s += " stroke=" + color(p.stroke) + " lw=" + num(p.line_width);
    if (!p.dash.empty()) {
      s += " dash=";
      for (std::size_t i = 0; i < p.dash.size(); ++i) s += (i ? "," : "") + num(p.dash[i]);
    }
    if (p.fill) s += " fill=" + color(*p.fill);
    lines.push_back({top, left, 1, s});
  }
  for (const auto& t : c.texts) {
    std::string s = "text " + num(t.x) + "," + num(t.y) + " " + (t.face == layout::Face::mincho ? "mincho" : "gothic") + " " +
                    num(t.size) + " " + color(t.color);
    if (t.char_spacing != 0) s += " cs=" + num(t.char_spacing);
    lines.push_back({t.y, t.x, 2, s + " " + quoted(t.text)});
  }
  for (const auto& l : c.links)
    lines.push_back({l.y, l.x, 3,
                     "link " + num(l.x) + "," + num(l.y) + " " + num(l.w) + "x" + num(l.h) + " -> " +
                         (!l.file.empty() ? l.file + (l.anchor.empty() ? "" : "#" + l.anchor) : l.anchor.empty() ? l.uri : "#" + l.anchor)});
  for (const auto& a : c.anchors) lines.push_back({a.y, 0, 4, "anchor " + a.name + " y=" + num(a.y)});
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    const double ay = std::round(a.y * 100), by = std::round(b.y * 100);
    if (ay != by) return ay < by;
    const double ax = std::round(a.x * 100), bx = std::round(b.x * 100);
    if (ax != bx) return ax < bx;
    return a.kind < b.kind;
  });
  std::string out;
  for (const auto& l : lines) out += indent + l.text + "\n";
  for (const auto& o : c.outline) out += indent + "outline " + std::to_string(o.level) + " " + quoted(o.title) + " -> #" + o.anchor + "\n";
  return out;
}

std::string dump_document(const layout::Document& doc) {
  std::string out;
  const auto& i = doc.info;
  out += "info title=" + quoted(i.title) + "\n";
  out += "info author=" + quoted(i.author) + "\n";
  out += "info subject=" + quoted(i.subject) + "\n";
  out += "info keywords=" + quoted(i.keywords) + "\n";
  out += "info epoch=" + (i.epoch ? std::to_string(*i.epoch) : std::string("none")) + "\n";
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const auto& page = doc.pages[p];
    out += "\npage " + std::to_string(p + 1) + " " + (page.width > page.height ? "landscape" : "portrait") + " " + num(page.width) +
           "x" + num(page.height) + "\n";
    out += dump_content(page.content, "  ");
  }
  return out;
}

// Compares `actual` with the golden file `name`; with PLANPRESS_UPDATE_GOLDEN set, rewrites the file.
void check_golden(const std::string& name, const std::string& actual) {
  const fs::path expected_path = kGoldenDir / name;
  if (const char* u = std::getenv("PLANPRESS_UPDATE_GOLDEN"); u && *u && std::string(u) != "0") {
    std::ofstream(expected_path, std::ios::binary) << actual;
    WARN("updated " << expected_path.string());
    return;
  }
  const std::string expected = testing::read_all(expected_path);
  if (expected == actual) {
    SUCCEED(name << " matches");
    return;
  }
  // The actual text is kept in the build tree for review; the failure shows the unified diff.
  const fs::path actual_path = fs::path(PLANPRESS_GOLDEN_ACTUAL_DIR) / ("layout-golden-" + name);
  std::ofstream(actual_path, std::ios::binary) << actual;
  std::string diff;
  const std::string cmd = "diff -u '" + expected_path.string() + "' '" + actual_path.string() + "' 2>&1";
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) diff.append(buf, n);
    pclose(p);
  }
  FAIL_CHECK(name << " differs from the golden file (actual text in " << actual_path.string()
                  << "; PLANPRESS_UPDATE_GOLDEN=1 rewrites it):\n"
                  << (expected.empty() ? "(the golden file is missing or empty)\n" : "") << diff);
}

// The fixture as the build sees it, laid out with the fixed-width fake font.
struct Fixture : testing::LinkedContent {
  Fixture() : LinkedContent((kGoldenDir / "content").string()) {}

  layout::Document compose(const std::string& id) const {
    const layout::FixedMeasurer m;
    // A fixed SOURCE_DATE_EPOCH (2025-01-01) so the document information carries a date.
    compose::PlanInput in{model, *symbols, links, assembly, plan(id), m, 1735689600LL, "fixed-width test font"};
    base::Diagnostics diags;
    auto doc = compose::compose_plan(in, diags);
    std::string messages;
    for (const auto& d : diags.all()) messages += base::format_diagnostic(d, planpress::base::Lang::en) + "\n";
    INFO(messages);
    CHECK(diags.all().empty());
    return doc;
  }
};

}  // namespace

TEST_CASE("golden: a plan with an items table (cover, TOC, overview, Markdown section, chart, split row, links)",
          "[layout][golden]") {
  Fixture f;
  const auto doc = f.compose("golden-table");
  // The fixture is built to exercise what the golden is for: guard that it still does.
  bool split = false, chart = false;
  for (const auto& page : doc.pages)
    for (const auto& t : page.content.texts) {
      split = split || t.text.find("（続き）") != std::string::npos;
      chart = chart || t.text == "990";
    }
  CHECK(split);
  CHECK(chart);
  check_golden("golden-table.txt", dump_document(doc));
}

TEST_CASE("golden: a plan with item cards (schedule, sub-items, loose indicator with segments)", "[layout][golden]") {
  Fixture f;
  check_golden("golden-cards.txt", dump_document(f.compose("golden-cards")));
}

TEST_CASE("golden: the chart of one indicator (977 → 983 → 990)", "[layout][golden][chart]") {
  Fixture f;
  const layout::FixedMeasurer m;
  const auto& plan = f.plan("golden-table");
  REQUIRE(plan.indicators.size() == 1);
  const auto spec = present::chart_spec(plan.indicators[0]);
  REQUIRE(spec);
  const auto chart = layout::draw_indicator_chart(*spec, 400, m);
  check_golden("chart-staff.txt", "box 400.00x" + num(chart.height) + "\n" + dump_content(chart.content, "  "));
}
