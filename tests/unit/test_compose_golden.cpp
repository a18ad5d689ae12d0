// Golden pages of the PDF composer: the two plans of the golden sample site (tests/golden/sample/content)
// laid out with the fixed-width fake font (layout::FixedMeasurer, no font files), every page written as
// text — each text run with its position, size, face and colour, each rectangle, path, link, anchor and
// outline mark — and compared with tests/layout/compose/<plan>.txt. Any change of the composition shows up
// as a diff of those files; after an intended one, regenerate and review:
//   PLANPRESS_UPDATE_GOLDEN=1 ./build/tests/unit/test_compose_golden && git diff tests/layout/compose
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "assemble/assemble.hpp"
#include "content/loader.hpp"
#include "io/file_system.hpp"
#include "layout/measure.hpp"
#include "compose/compose.hpp"
#include "model/validate.hpp"
#include "test_util.hpp"
#include "xref/xref.hpp"

namespace fs = std::filesystem;
using namespace planpress;

namespace {

std::string num(double v) {
  double r = std::round(v * 100.0) / 100.0;
  if (r == 0) r = 0;  // no "-0.00"
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", r);
  return buf;
}

std::string colour(const layout::Color& c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f/%.2f/%.2f", c.r, c.g, c.b);
  return buf;
}

std::string dump(const layout::Document& doc) {
  std::string out = "title " + doc.info.title + "\nsubject " + doc.info.subject + "\n";
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const auto& p = doc.pages[i];
    const auto& c = p.content;
    out += "page " + std::to_string(i + 1) + " " + num(p.width) + "x" + num(p.height) + "\n";
    for (const auto& r : c.rects) out += "  rect " + num(r.x) + "," + num(r.y) + " " + num(r.w) + "x" + num(r.h) + "\n";
    for (const auto& path : c.paths) {
      out += "  path";
      for (const auto& pt : path.points) out += " " + num(pt.x) + "," + num(pt.y);
      out += std::string(path.closed ? " closed" : "") + (path.dash.empty() ? "" : " dashed") + "\n";
    }
    for (const auto& t : c.texts)
      out += "  text " + num(t.x) + "," + num(t.y) + " " + (t.face == layout::Face::mincho ? "M" : "G") + num(t.size) + " " +
             colour(t.color) + (t.char_spacing != 0 ? " cs=" + num(t.char_spacing) : "") + " " + t.text + "\n";
    for (const auto& l : c.links)
      out += "  link " + num(l.x) + "," + num(l.y) + " " + num(l.w) + "x" + num(l.h) + " " + (l.anchor.empty() ? l.uri : "#" + l.anchor) + "\n";
    for (const auto& a : c.anchors) out += "  anchor " + a.name + " " + num(a.y) + "\n";
    for (const auto& o : c.outline) out += "  outline " + std::to_string(o.level) + " " + o.title + " #" + o.anchor + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("the composed pages of the sample plans match their golden files", "[layout][golden]") {
  base::Diagnostics diags;
  io::RealFileSystem rfs;
  const auto raw = content::load_content(rfs, std::string(PLANPRESS_SOURCE_DIR) + "/tests/golden/sample/content", diags);
  const auto model = model::validate(raw, diags);
  const xref::SymbolTable symbols(model);
  const auto links = xref::link(model, symbols, diags);
  REQUIRE_FALSE(diags.has_errors());
  const auto assembly = assemble::assemble(model);
  const layout::FixedMeasurer m;
  const fs::path dir = fs::path(PLANPRESS_SOURCE_DIR) / "tests" / "layout" / "compose";
  const bool update = std::getenv("PLANPRESS_UPDATE_GOLDEN") != nullptr;
  for (const auto& plan : model.plans) {
    INFO("plan " << plan.id);
    compose::PlanInput in{model, symbols, links, assembly, plan, m, std::nullopt, "fixed"};
    const auto actual = dump(compose::compose_plan(in, diags));
    REQUIRE_FALSE(diags.has_errors());
    const fs::path golden = dir / (plan.id + ".txt");
    if (update) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    const std::string expected = testing::read_all(golden);
    REQUIRE_FALSE(expected.empty());
    if (actual != expected) {
      // The first differing line, with its page, is what a reviewer needs.
      std::size_t line = 1, at = 0;
      while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) line += actual[at++] == '\n';
      FAIL("differs from " << golden.string() << " at line " << line << " (PLANPRESS_UPDATE_GOLDEN=1 regenerates it)");
    }
  }
}
