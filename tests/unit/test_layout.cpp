// Layout: JLREQ line breaking against the spec file tests/layout/jlreq_cases.txt, justification, and
// table pagination (a row taller than a page, header repetition, a table that starts near the bottom),
// all with the fake font of fixed widths.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "layout/flow.hpp"
#include "layout/measure.hpp"
#include "layout/paragraph.hpp"

using namespace planpress::layout;

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string unescape(std::string s) {
  for (std::size_t p = s.find("\\n"); p != std::string::npos; p = s.find("\\n", p + 1)) s.replace(p, 2, "\n");
  return s;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " | ") + x;
  return s;
}

}  // namespace

TEST_CASE("line breaking follows the JLREQ spec cases") {
  std::ifstream in(PLANPRESS_SOURCE_DIR "/tests/layout/jlreq_cases.txt");
  REQUIRE(in.good());
  FixedMeasurer m;
  std::string line;
  int cases = 0, lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_tabs(line);
    REQUIRE(f.size() >= 3);
    const std::string input = unescape(f[0]);
    const double width_em = std::stod(f[1]);
    const std::vector<std::string> expected(f.begin() + 2, f.end());
    INFO("jlreq_cases.txt:" << lineno << ": " << f[0] << " at " << f[1] << " em");
    CHECK(joined(break_plain(input, width_em * 10, 10, m)) == joined(expected));
    ++cases;
  }
  CHECK(cases >= 15);
}

TEST_CASE("justified lines fill the width, the last line does not") {
  FixedMeasurer m;
  ParagraphStyle st;
  st.size = 10;
  // 7 characters in lines of 4 em plus a bit: the first line is stretched, the last is not.
  const auto boxes = layout_paragraph({Span{"あいうえおかき", Face::mincho, {}, {}, {}}}, st, 45, m);
  REQUIRE(boxes.size() == 2);
  const auto& first = boxes[0].content.texts;
  REQUIRE(first.size() == 1);
  CHECK(first[0].text == "あいうえ");
  CHECK(first[0].char_spacing == Approx(5.0 / 3.0));
  CHECK(boxes[1].content.texts[0].char_spacing == 0);
}

TEST_CASE("justification never opens gaps inside a Latin word") {
  FixedMeasurer m;
  ParagraphStyle st;
  st.size = 10;
  const auto boxes = layout_paragraph({Span{"あいABCDうえおかき", Face::mincho, {}, {}, {}}}, st, 50, m);
  REQUIRE(boxes.size() >= 2);
  for (const auto& t : boxes[0].content.texts)
    if (t.text.find("BC") != std::string::npos) CHECK(t.char_spacing == 0);
}

namespace {

// A geometry with a content area of 100 pt × 100 pt.
PageGeometry small_page() {
  PageGeometry g;
  g.width = 120;
  g.height = 120;
  g.margin_top = g.margin_bottom = g.margin_left = g.margin_right = 10;
  return g;
}

Box line_box(double h, const std::string& text) {
  Box b;
  b.height = h;
  TextRun t;
  t.text = text;
  t.y = h * 0.8;
  b.content.texts.push_back(t);
  return b;
}

Cell cell_of(int lines, const std::string& tag, double line_h = 10) {
  Cell c;
  for (int i = 0; i < lines; ++i) c.boxes.push_back(line_box(line_h, tag + std::to_string(i)));
  return c;
}

Table table_with(std::vector<int> row_lines) {
  Table t;
  t.widths = {50, 50};
  t.pad_y = 0;
  Row h;
  h.cells = {cell_of(1, "H"), cell_of(1, "H")};
  t.header.push_back(h);
  for (std::size_t r = 0; r < row_lines.size(); ++r) {
    Row row;
    const std::string tag = "r" + std::to_string(r) + ":";
    row.cells = {cell_of(row_lines[r], tag), cell_of(1, tag + "b")};
    t.rows.push_back(row);
  }
  return t;
}

std::vector<std::string> texts_of(const Page& p) {
  std::vector<std::string> out;
  for (const auto& t : p.content.texts) out.push_back(t.text);
  return out;
}

int count_of(const std::vector<std::string>& v, const std::string& prefix) {
  int n = 0;
  for (const auto& s : v) n += s.rfind(prefix, 0) == 0;
  return n;
}

double max_text_y(const Page& p) {
  double y = 0;
  for (const auto& t : p.content.texts) y = std::max(y, t.y);
  return y;
}

}  // namespace

TEST_CASE("a row taller than a page is split across pages, nothing lost or clipped") {
  Paginator pg(small_page(), small_page());
  pg.new_page(Orientation::portrait);
  pg.add_table(table_with({25}));  // 25 lines of 10 pt; 9 fit under the header on each page
  const auto pages = pg.finish();
  REQUIRE(pages.size() == 3);
  int total = 0;
  for (const auto& p : pages) {
    total += count_of(texts_of(p), "r0:") - count_of(texts_of(p), "r0:b");
    CHECK(max_text_y(p) <= 110.0 + 1e-6);  // inside the content area: nothing clipped
  }
  CHECK(total == 25);
}

TEST_CASE("the header row is repeated on every page of a table") {
  Paginator pg(small_page(), small_page());
  pg.new_page(Orientation::portrait);
  pg.add_table(table_with({4, 4, 4, 4, 4, 4}));
  const auto pages = pg.finish();
  REQUIRE(pages.size() >= 3);
  for (const auto& p : pages) CHECK(count_of(texts_of(p), "H") == 2);
  int rows = 0;
  for (const auto& p : pages) rows += count_of(texts_of(p), "r") - 0;
  CHECK(rows == 6 * 5);  // 4 lines + 1 in the second cell, for 6 rows, each exactly once
}

TEST_CASE("a small row that does not fit moves to the next page whole") {
  Paginator pg(small_page(), small_page());
  pg.new_page(Orientation::portrait);
  pg.add_table(table_with({8, 2}));  // header 10 + 80 = 90; the 2-line row needs 20 → next page
  const auto pages = pg.finish();
  REQUIRE(pages.size() == 2);
  CHECK(count_of(texts_of(pages[0]), "r1:") == 0);
  CHECK(count_of(texts_of(pages[1]), "r1:") == 3);
}

TEST_CASE("a table that starts near the bottom of a page starts on the next page") {
  Paginator pg(small_page(), small_page());
  pg.new_page(Orientation::portrait);
  for (int i = 0; i < 8; ++i) pg.add(line_box(10, "p"));  // 80 of 100 pt used
  pg.add_table(table_with({3}));                            // header + 2 lines do not fit in 20 pt
  const auto pages = pg.finish();
  REQUIRE(pages.size() == 2);
  CHECK(count_of(texts_of(pages[0]), "H") == 0);
  CHECK(count_of(texts_of(pages[1]), "H") == 2);
}

TEST_CASE("boxes kept together move to the next page together") {
  Paginator pg(small_page(), small_page());
  pg.new_page(Orientation::portrait);
  for (int i = 0; i < 8; ++i) pg.add(line_box(10, "p"));
  Box heading = line_box(10, "heading");
  heading.keep_with_next = true;
  pg.add(heading);
  Box a = line_box(10, "a");
  a.keep_with_next = true;
  pg.add(a);
  pg.add(line_box(10, "b"));
  const auto pages = pg.finish();
  REQUIRE(pages.size() == 2);
  CHECK(count_of(texts_of(pages[1]), "heading") == 1);
}

#include "layout/chart.hpp"

TEST_CASE("indicator charts and tables keep numbers as written (62.0, not 62)", "[layout][chart]") {
  planpress::model::Indicator ind;
  ind.id = "i";
  ind.name = "方針の認知度";
  ind.unit = "％";
  for (auto [year, value, written] : {std::tuple{2020, 57.5, "57.5"}, std::tuple{2023, 62.0, "62.0"}}) {
    planpress::model::IndicatorValue v;
    v.year = year;
    v.value = value;
    v.value_text = written;
    v.kind = "actual";
    ind.values.push_back(v);
  }
  planpress::layout::FixedMeasurer m;
  const auto spec = planpress::present::chart_spec(ind);
  REQUIRE(spec);
  const auto chart = planpress::layout::draw_indicator_chart(*spec, 400, m);
  std::vector<std::string> texts;
  for (const auto& t : chart.content.texts) texts.push_back(t.text);
  CHECK(std::count(texts.begin(), texts.end(), "62.0") == 1);
  CHECK(std::count(texts.begin(), texts.end(), "57.5") == 1);
  const auto table = planpress::layout::make_indicator_table(planpress::present::indicator_table(ind), 400, m);
  std::string cells;
  for (const auto& row : table.rows)
    for (const auto& cell : row.cells)
      for (const auto& box : cell.boxes)
        for (const auto& t : box.content.texts) cells += t.text + "|";
  CHECK(cells.find("62.0％") != std::string::npos);
}
