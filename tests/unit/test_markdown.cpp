#include <catch2/catch.hpp>

#include "markdown/markdown.hpp"

using namespace planpress;
using markdown::NodeKind;

namespace {
struct Parsed {
  markdown::Document doc;
  base::Diagnostics diags;
  base::SourcePtr src;
};
Parsed parse(const std::string& text, int min_heading = 2) {
  Parsed p;
  p.src = std::make_shared<base::SourceFile>("t.md", text);
  auto src = p.src;
  markdown::ParseOptions o;
  o.min_heading_level = min_heading;
  p.doc = markdown::parse(text, [src](std::size_t off) { return base::Location::in(src, off); }, p.diags, o);
  return p;
}
}  // namespace

TEST_CASE("markdown becomes our AST with tables and positions", "[markdown]") {
  auto p = parse("## 見出し\n\n本文と**強調**。\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n");
  REQUIRE(p.diags.empty());
  const auto& root = p.doc.root;
  REQUIRE(root.children.size() == 3);
  CHECK(root.children[0].kind == NodeKind::heading);
  CHECK(root.children[0].level == 2);
  CHECK(root.children[1].kind == NodeKind::paragraph);
  CHECK(root.children[1].offset == p.src->text().find("本文"));
  const auto& table = root.children[2];
  REQUIRE(table.kind == NodeKind::table);
  REQUIRE(table.children.size() == 2);
  CHECK(table.children[0].header);
  CHECK(table.children[1].children[1].align == 'r');
  CHECK(markdown::plain_text(root.children[1]) == "本文と強調。");
}

TEST_CASE("[[…]] links are found with their positions", "[markdown]") {
  auto p = parse("詳しくは[[sendai-hr-2#34]]と[[#5|第5項]]を参照。");
  REQUIRE(p.doc.wikilinks.size() == 2);
  CHECK(p.doc.wikilinks[0].target == "sendai-hr-2#34");
  CHECK(p.doc.wikilinks[0].offset == p.src->text().find("[[sendai"));
  CHECK(p.doc.wikilinks[1].target == "#5");
  CHECK(p.doc.wikilinks[1].label == "第5項");
  const auto& para = p.doc.root.children[0];
  CHECK(para.children[1].kind == NodeKind::wikilink);
}

TEST_CASE("raw HTML, unsafe links and images are reported and removed", "[markdown]") {
  auto p = parse("a<b>c</b> [x](JavaScript:alert(1)) [y]( data:text/html,1) ![i](http://e/x.png) [ok](https://e/)\n");
  std::vector<std::string> codes;
  for (const auto& d : p.diags.all()) codes.emplace_back(base::name_of(d.code));
  CHECK(codes == std::vector<std::string>{"markdown-raw-html", "markdown-raw-html", "markdown-unsafe-link",
                                          "markdown-unsafe-link", "markdown-image"});
  // The unsafe links keep their text but lose their destination; the safe one is kept.
  int links = 0;
  for (const auto& c : p.doc.root.children[0].children)
    if (c.kind == NodeKind::link && !c.url.empty()) ++links;
  CHECK(links == 1);
}

TEST_CASE("heading levels and nesting are bounded", "[markdown]") {
  CHECK(parse("# h\n").diags.all().at(0).code == base::Code::markdown_heading);
  CHECK(parse("### h\n", 3).diags.empty());
  CHECK(parse(std::string(40, '>') + " x\n").diags.all().at(0).code == base::Code::markdown_too_deep);
  CHECK(parse("- a\n  - b\n    - c\n").diags.empty());
}

namespace {
std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
// The one diagnostic of `text` as "code line:column".
std::string only_diagnostic(const std::string& text) {
  auto p = parse(text);
  if (p.diags.all().size() != 1) return std::to_string(p.diags.all().size()) + " diagnostics";
  const auto& d = p.diags.all()[0];
  const auto lc = d.location.file->locate(d.location.offset);
  return std::string(base::name_of(d.code)) + " " + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}
}  // namespace

TEST_CASE("ordered list markers count towards block nesting, reported at the line", "[markdown]") {
  CHECK(only_diagnostic("ok\n\n" + repeat("1. ", 17) + "x\n") == "markdown-too-deep 3:1");
  CHECK(only_diagnostic(repeat("1) ", 10000) + "x\n") == "markdown-too-deep 1:1");  // crashed cmark's callers before
  CHECK(parse(repeat("1. ", 16) + "x\n").diags.empty());
  CHECK(parse("2024. 年度の計画\n").diags.empty());
}

TEST_CASE("inline nesting is bounded at the first node too deep, without recursion", "[markdown]") {
  // 17 levels of emphasis: the 17th opener is reported.
  CHECK(only_diagnostic("前文\n\n" + repeat("*a ", 17) + repeat("a* ", 17)) == "markdown-too-complex 3:49");
  CHECK(parse(repeat("*a ", 16) + repeat("a* ", 16)).diags.empty());
  // 30,000 levels of *, ** and ~~ (84–240 KB) overflowed the stack in the conversion before.
  for (const char* marker : {"*", "**", "~~", "_"}) {
    const std::string m = marker;
    CHECK(only_diagnostic(repeat(m + "a ", 30000) + repeat("a" + m + " ", 30000)).rfind("markdown-too-complex 1:", 0) == 0);
  }
}

TEST_CASE("constructs cmark-gfm 0.29 parses in quadratic time are refused before parsing", "[markdown]") {
  // `![[]()` repeated: 160,000 times (960 KB) ran past a minute. The 301st '[' of the paragraph is reported.
  CHECK(only_diagnostic(repeat("![[]()", 160000)) == "markdown-too-complex 1:902");
  CHECK(parse(repeat("[[a]] ", 75)).diags.empty());
  // A new paragraph starts a new count.
  CHECK(parse(repeat(repeat("[a](b) ", 200) + "\n\n", 3)).diags.empty());
  CHECK(only_diagnostic(repeat("a@", 101)) == "markdown-too-complex 1:202");
  CHECK(only_diagnostic("|a|\n|-|\n" + repeat("|", 66) + "\n") == "markdown-too-complex 3:66");
  CHECK(only_diagnostic(repeat("|a", 5000) + "|\n" + repeat("|-", 5000) + "|\n") == "markdown-too-complex 1:131");
  CHECK(only_diagnostic("|a|b|\n|-|-|\n" + repeat("|x|y|\n", 5000)) == "markdown-too-complex 5001:1");
  // Twenty tables of 102 rows are fine one by one; the 20,001st cell of the text is reported.
  CHECK(only_diagnostic(repeat("|a|b|c|d|e|f|g|h|i|\n|-|-|-|-|-|-|-|-|-|\n" + repeat("|1|2|3|4|5|6|7|8|9|\n", 100) + "\n", 21)) ==
        "markdown-too-complex 2020:1");
  CHECK(parse("a \\| b \\[ c \\@\n").diags.empty());
}

TEST_CASE("a bullet after a space in a table cell starts a new line; elsewhere text is left alone", "[markdown]") {
  auto p = parse("●一つ目 ●二つ目\n\n| 目標 |\n|---|\n| ●適正な人員配置 ●社会人採用　・R4年度 59点 **●強調** 新規・拡充 |\n");
  REQUIRE(p.diags.empty());
  const auto& root = p.doc.root;
  // A paragraph keeps its bullets in one line (Markdown lists are written as lists).
  CHECK(markdown::plain_text(root.children[0]) == "●一つ目 ●二つ目");
  const auto& cell = root.children[1].children[1].children[0];
  REQUIRE(cell.kind == NodeKind::table_cell);
  CHECK(markdown::plain_text(cell) == "●適正な人員配置\n●社会人採用\n・R4年度 59点 ●強調 新規・拡充");
  std::size_t breaks = 0;
  for (const auto& c : cell.children) breaks += c.kind == NodeKind::linebreak;
  CHECK(breaks == 2);
  // Offsets still point into the source.
  CHECK(cell.children.back().kind == NodeKind::text);
  CHECK(cell.children[2].offset == p.src->text().find("●社会人"));
}

TEST_CASE("a [[link]] after NUL bytes keeps its offset in the file", "[markdown]") {
  // Found by fuzz_markdown: cmark-gfm makes each NUL three bytes (U+FFFD), which moved offsets past the end.
  const std::string text = std::string("本文") + std::string(40, '\0') + "と[[sendai-hr-2#34]]。\n";
  auto p = parse(text);
  REQUIRE(p.doc.wikilinks.size() == 1);
  CHECK(p.doc.wikilinks[0].offset == text.find("[[sendai"));
}
