// The real content's PDFs as laid out with the real fonts of content/site.json (IPAex, Droid Sans
// Fallback), page by page: no table header breaks inside a word (評価 never 評／価), no justified run
// letter-spaces a Latin word or number, and no page holds only a few lines because of a keep rule — every
// page is filled to a quarter at least, but the last page of a part (the page before a new chapter starts
// at the top of a page, and the last page).
#include <catch2/catch.hpp>

#include <set>

#include "base/utf8.hpp"
#include "compose/compose.hpp"
#include "layout/blocks.hpp"
#include "layout/paragraph.hpp"
#include "linked_content.hpp"
#include "pdf/fonts.hpp"
#include "text/line_break.hpp"

using namespace planpress;

namespace {

struct Real : testing::LinkedContent {
  std::optional<pdf::FontSet> fonts;
  Real() : LinkedContent(PLANPRESS_SOURCE_DIR "/content") {
    io::RealFileSystem rfs;
    base::Diagnostics d;
    fonts = pdf::load_fonts(rfs, model.site.pdf, d);
    REQUIRE(fonts);
  }
  layout::Document compose(const model::Plan& p) const {
    compose::PlanInput in{model, *symbols, links, assembly, p, *fonts, std::nullopt, fonts->names()};
    base::Diagnostics d;
    auto doc = compose::compose_plan(in, d);
    REQUIRE(d.all().empty());
    return doc;
  }
};

const Real& real() {
  static const Real r;
  return r;
}

bool is_head_fill(const std::optional<layout::Color>& c) { return c && *c == layout::style::kHeadFill; }

// The header texts a plan's tables print: its field labels, the item table's first columns, the header
// cells of the Markdown tables of its sections.
std::set<std::string> header_texts(const model::Plan& p) {
  std::set<std::string> out = {"No.", "取組名称"};
  for (const auto& f : p.fields) out.insert(f.label);
  std::function<void(const markdown::Node&)> walk = [&](const markdown::Node& n) {
    if (n.kind == markdown::NodeKind::table_row && n.header)
      for (const auto& c : n.children) {
        std::string t = markdown::plain_text(c);
        t.erase(std::remove(t.begin(), t.end(), '\n'), t.end());
        if (!t.empty()) out.insert(t);
      }
    for (const auto& c : n.children) walk(c);
  };
  for (const auto& s : p.sections) walk(s.markdown.root);
  return out;
}

}  // namespace

TEST_CASE("no table header of a real PDF breaks inside a word", "[pdf][content]") {
  std::size_t checked = 0, broken_headers = 0;
  for (const auto& p : real().model.plans) {
    INFO("plan " << p.id);
    const auto headers = header_texts(p);
    const auto doc = real().compose(p);
    for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
      const auto& c = doc.pages[pi].content;
      for (const auto& r : c.rects) {
        if (!is_head_fill(r.fill)) continue;
        // The cell's lines, top to bottom (runs of one line joined left to right).
        std::map<long, std::vector<const layout::TextRun*>> lines;
        for (const auto& t : c.texts)
          if (t.x >= r.x && t.x < r.x + r.w && t.y > r.y && t.y < r.y + r.h) lines[std::lround(t.y * 10)].push_back(&t);
        std::string whole;
        std::vector<std::size_t> breaks;
        for (auto& [y, runs] : lines) {
          std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
          if (!whole.empty()) breaks.push_back(whole.size());
          for (const auto* t : runs) whole += t->text;
        }
        if (!headers.count(whole)) continue;
        ++checked;
        if (breaks.empty()) continue;
        ++broken_headers;
        std::set<std::size_t> allowed;
        for (const auto& b : text::find_phrase_breaks(whole)) allowed.insert(b.offset);
        for (std::size_t b : breaks) {
          INFO("page " << pi + 1 << ": 「" << whole.substr(0, b) << "｜" << whole.substr(b) << "」");
          CHECK(allowed.count(b));
        }
      }
    }
  }
  CHECK(checked > 50);
  CHECK(broken_headers > 5);  // headers such as 評価理由と次年度の方向性 do take two lines
}

TEST_CASE("justification never letter-spaces a Latin word or number in a real PDF", "[pdf][content]") {
  std::size_t spaced_runs = 0;
  for (const auto& p : real().model.plans) {
    const auto doc = real().compose(p);
    for (std::size_t pi = 0; pi < doc.pages.size(); ++pi)
      for (const auto& t : doc.pages[pi].content.texts) {
        if (t.char_spacing == 0) continue;
        ++spaced_runs;
        std::vector<char32_t> cps;
        for (std::size_t i = 0; i < t.text.size();) cps.push_back(base::decode_utf8(t.text, i));
        for (std::size_t k = 0; k + 1 < cps.size(); ++k) {
          INFO(p.id << " page " << pi + 1 << ": 「" << t.text << "」");
          CHECK(layout::justification_gap(cps[k], cps[k + 1]));
        }
      }
  }
  CHECK(spaced_runs > 1000);
}

TEST_CASE("no page of a real PDF is left nearly empty by a keep rule or notes", "[pdf][content]") {
  for (const auto& p : real().model.plans) {
    const auto doc = real().compose(p);
    const double top = real().model.site.pdf.margin_top * 72 / 25.4;
    const double bottom = real().model.site.pdf.margin_bottom * 72 / 25.4;
    // A page starts a part when a top-level outline entry (a chapter) stands at its top.
    auto starts_part = [&](const layout::Page& pg) {
      for (const auto& o : pg.content.outline)
        if (o.level == 0)
          for (const auto& a : pg.content.anchors)
            if (a.name == o.anchor && a.y <= top + 1) return true;
      return false;
    };
    std::vector<std::string> under;
    for (std::size_t pi = 0; pi + 1 < doc.pages.size(); ++pi) {
      const auto& pg = doc.pages[pi];
      if (starts_part(doc.pages[pi + 1])) continue;  // the last page of a part may be short
      double lowest = top;
      for (const auto& t : pg.content.texts)
        if (t.y < pg.height - bottom) lowest = std::max(lowest, t.y);
      for (const auto& r : pg.content.rects)
        if (r.y + r.h < pg.height - bottom) lowest = std::max(lowest, r.y + r.h);
      const double filled = (lowest - top) / (pg.height - top - bottom);
      if (filled < 0.25) under.push_back(p.id + " page " + std::to_string(pi + 1) + ": " + std::to_string(int(filled * 100)) + "%");
    }
    CHECK(under == std::vector<std::string>{});
  }
}
