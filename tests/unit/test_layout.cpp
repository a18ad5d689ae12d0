// Layout: JLREQ line breaking against the spec file tests/layout/jlreq_cases.txt, justification (never
// inside a Latin word or number, half or full width), headers broken between phrases only, column widths
// from the content, bullets in Markdown table cells, and table pagination (a row taller than a page,
// header repetition, a table that starts near the bottom), all with the fake font of fixed widths.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "base/utf8.hpp"
#include "layout/columns.hpp"
#include "layout/flow.hpp"
#include "layout/markdown_flow.hpp"
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

// The characters of a line with the space justification put after each: where the next character
// starts minus where this one ends (0 after the last).
std::vector<std::pair<char32_t, double>> gaps_of(const Box& line, const Measurer& m) {
  std::vector<std::pair<char32_t, double>> chars;  // code point, x
  std::vector<double> ends;
  for (const auto& t : line.content.texts) {
    double x = t.x;
    for (std::size_t i = 0; i < t.text.size();) {
      const char32_t cp = planpress::base::decode_utf8(t.text, i);
      chars.emplace_back(cp, x);
      ends.push_back(x + m.advance(t.face, cp) * t.size);
      x = ends.back() + t.char_spacing;
    }
  }
  std::vector<std::pair<char32_t, double>> out;
  for (std::size_t k = 0; k < chars.size(); ++k)
    out.emplace_back(chars[k].first, k + 1 < chars.size() ? chars[k + 1].second - ends[k] : 0.0);
  return out;
}

}  // namespace

TEST_CASE("justification spaces Japanese text, never a Latin word or number, half or full width") {
  // JLREQ 3.8: the adjustment goes into the gaps between Japanese characters and between Japanese and
  // Western text — 「定 型 業 務 に ＲＰＡ」, never 「Ｒ Ｐ Ａ」.
  FixedMeasurer m;
  ParagraphStyle st;
  st.size = 10;
  for (const std::string text : {"定型業務にＲＰＡを２０２４年度導入する予定である。", "定型業務にRPAを2024年度導入する予定である。",
                                 "ＡＩ等の活用をＤＸ推進計画とＢＰＲ推進課が進める。"}) {
    INFO(text);
    const auto boxes = layout_paragraph({Span{text, Face::mincho, {}, {}, {}}}, st, 105, m);
    REQUIRE(boxes.size() >= 2);
    bool spaced = false;
    for (std::size_t li = 0; li + 1 < boxes.size(); ++li) {
      const auto g = gaps_of(boxes[li], m);
      for (std::size_t k = 0; k + 1 < g.size(); ++k) {
        const bool latin_pair = !justification_gap(g[k].first, g[k + 1].first);
        if (latin_pair) CHECK(g[k].second == Approx(0).margin(1e-9));
        spaced = spaced || g[k].second > 1e-9;
      }
    }
    CHECK(spaced);  // the lines are justified: the Japanese gaps carry it
  }
  CHECK_FALSE(justification_gap(U'Ｒ', U'Ｐ'));
  CHECK_FALSE(justification_gap(U'２', U'０'));
  CHECK_FALSE(justification_gap(U'R', U'P'));
  CHECK(justification_gap(U'に', U'Ｒ'));
  CHECK(justification_gap(U'定', U'型'));
}

TEST_CASE("a header breaks between phrases only: 評価 never becomes 評／価") {
  FixedMeasurer m;
  auto lines = [&](const std::string& text, double width_em) {
    std::vector<double> adv(text.size(), 0.0);
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t at = i;
      adv[at] = m.advance(Face::gothic, planpress::base::decode_utf8(text, i)) * 10;
    }
    std::vector<std::string> out;
    for (const auto& l : break_lines(text, adv, width_em * 10, width_em * 10, true)) out.push_back(text.substr(l.begin, l.end - l.begin));
    return joined(out);
  };
  CHECK(lines("評価理由と次年度の方向性", 6) == "評価理由と | 次年度の | 方向性");
  CHECK(lines("評価理由と次年度の方向性", 9) == "評価理由と次年度の | 方向性");
  CHECK(lines("新規・拡充", 3) == "新規・ | 拡充");
  CHECK(lines("コンプライアンス推進員研修", 9) == "コンプライアンス | 推進員研修");
  CHECK(lines("今後の方向性（説明）", 5) == "今後の | 方向性 | （説明）");
  // A phrase wider than the line breaks where ordinary text would rather than overflow.
  CHECK(lines("総務局人事課職員研修所", 6) == "総務局人事課 | 職員研修所");
}

TEST_CASE("column widths come from the content: whole header words, narrow marks, width where the text is") {
  FixedMeasurer m;
  const double size = 8, line = 8 * 1.45, pad = 5;
  const CellText sentences{Face::mincho, size, line, false};
  // 10 items: 評価 holds one mark, 新規・拡充 is mostly empty, 内容 long sentences, 対象 short.
  std::vector<std::vector<std::string>> rating, status, content, target;
  for (int i = 0; i < 10; ++i) {
    rating.push_back({"○"});
    status.push_back(i == 3 ? std::vector<std::string>{"新規"} : std::vector<std::string>{});
    content.push_back({"職員の能力・実績を適正に評価し、人材育成に活用するとともに、上司・部下間の良好なコミュニケーションのもとで職員の意欲や資質の向上を図る。"});
    target.push_back({"全職員"});
  }
  const std::vector<ColumnNeed> needs = {measure_column("自己評価", Face::gothic, size, rating, sentences, pad, 100, m),
                                         measure_column("新規・拡充", Face::gothic, size, status, sentences, pad, 100, m),
                                         measure_column("内容", Face::gothic, size, content, sentences, pad, 100, m),
                                         measure_column("対象", Face::gothic, size, target, sentences, pad, 100, m)};
  // The header's longest phrase sets the least width: 自己評価 whole, 新規・ of 新規・拡充.
  CHECK(needs[0].min == Approx(4 * size + pad + 0.5));
  CHECK(needs[1].min == Approx(3 * size + pad + 0.5));
  CHECK(needs[0].max == Approx(needs[0].min));  // ○ needs no more than its header
  const auto w = fit_columns(needs, 400);
  REQUIRE(w.size() == 4);
  CHECK(w[0] + w[1] + w[2] + w[3] == Approx(400));
  CHECK(w[0] == Approx(needs[0].min));          // the mark column stays as narrow as its header
  CHECK(w[1] <= needs[1].max + 1e-6);           // 新規・拡充 is never wider than 新規・拡充 on one line
  CHECK(w[3] <= needs[3].max + 1e-6);           // 対象: 全職員 on one line, no wider
  CHECK(w[2] > 400 - needs[0].max - needs[1].max - needs[3].max - 1e-6);  // the rest goes to 内容
  // The same need gives the same widths (deterministic), and minimums alone wider than the table scale.
  CHECK(fit_columns(needs, 400) == w);
  const auto tight = fit_columns(needs, 60);
  CHECK(tight[0] + tight[1] + tight[2] + tight[3] == Approx(60));
}

TEST_CASE("bullets in a Markdown table cell stand on lines of their own, hanging") {
  FixedMeasurer m;
  planpress::base::Diagnostics diags;
  const std::string md = "| 区分 | 目標 |\n|---|---|\n| 職員 | ●定員管理計画に基づき、適正な人員配置を推進します。 ●社会人採用を計画的に実施します。 ・R4年度 59点 |\n";
  const auto doc = planpress::markdown::parse(md, [](std::size_t) { return planpress::base::Location{}; }, diags);
  REQUIRE(diags.empty());
  const auto blocks = typeset_markdown(doc.root, 200, m, {}, {});
  REQUIRE_FALSE(blocks.empty());
  const auto& table = std::get<Table>(blocks.front());
  REQUIRE(table.rows.size() == 1);
  const auto& cell = table.rows[0].cells[1];
  std::vector<std::pair<std::string, double>> lines;  // first text and x of every line
  for (const auto& b : cell.boxes)
    if (!b.content.texts.empty()) lines.emplace_back(b.content.texts.front().text, b.content.texts.front().x);
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0].first.rfind("●定員", 0) == 0);
  CHECK(lines[0].second == Approx(0));
  // The first bullet's text wraps under its text, not under the bullet.
  CHECK(lines[1].first.rfind("●", 0) != 0);
  CHECK(lines[1].second == Approx(8.5));
  std::size_t second = 0, sub = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].first.rfind("●社会人", 0) == 0) second = i;
    if (lines[i].first.rfind("・R4", 0) == 0) sub = i;
  }
  CHECK(second > 0);
  CHECK(lines[second].second == Approx(0));
  CHECK(sub > second);
  CHECK(lines[sub].second == Approx(8.5));  // a ・ item under a ● item: one em in
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
