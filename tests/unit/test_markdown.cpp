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
