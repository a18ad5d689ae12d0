// The edition phase decides once what a build publishes: a published model holds none of the editors'
// notes (every note, inferred values and reasons, sources, link evidence, editors' descriptions, ［編集注］
// remarks with their links); a review model keeps all and says so.
#include <catch2/catch.hpp>

#include "base/source.hpp"
#include "edition/edition.hpp"

using namespace planpress;

namespace {

markdown::Document parse(const std::string& text) {
  base::Diagnostics d;
  auto src = std::make_shared<base::SourceFile>("t.md", text);
  return markdown::parse(text, [src](std::size_t o) { return base::Location::in(src, o); }, d);
}

model::Model sample() {
  model::Model m;
  model::Plan p;
  p.id = "p";
  p.title = "第５　実施項目";
  p.municipality = "仙台市";
  p.short_title = "経営プラン（推定）";
  p.period = model::Period{2019, 2021, false, "令和元年度～令和3年度"};
  p.published = model::DateInfo{"令和3年度（改定版）", "2021"};
  p.inferred = {{"short_title", "表題と同じ推定による。"}, {"published", "発行時期は印字されていない。"}, {"title", "表題の推定。"}};
  p.source_file = "002.txt";
  p.source_note = "PDF からの抽出テキスト";
  p.notes = {{"note", "", "抽出の副産物を除いた。", ""}};
  p.refs = {model::Ref{"other", model::RefType::see, "（l.214）", "", false, false, "", {}}};
  p.fields = {{"content", "内容", model::FieldKind::markdown, "", false, "編集者への説明", {}}};
  p.vocabularies = {{"v", "区分", {{"新", "新規", "（推定）"}}}};
  model::Section s;
  s.id = "s";
  s.title = "章";
  s.text = "本文。\n\n［編集注］図は復元できない（[[other]]）。\n\n［掲載注］図は掲載していません。\n";
  s.markdown = parse(s.text);
  p.sections = {s};
  model::Category c;
  c.id = "c";
  c.title = "区分";
  c.notes = {{"doubt", "", "割当ては内容による。", ""}};
  c.blocks = {{"進捗", "［編集注］抽出の順に並べた。", parse("［編集注］抽出の順に並べた。"), {}}};
  p.categories = {c};
  model::Item i;
  i.id = "1";
  i.name = "項目";
  i.notes = {{"source_error", "", "原文のまま。", ""}};
  i.source_lines = std::make_pair(45, 47);
  i.source_page = "23";
  model::FieldValue v;
  v.kind = model::FieldKind::markdown;
  v.text = "取組。\n\n［編集注］行の帰属は推定。";
  v.markdown = parse(v.text);
  i.fields["content"] = v;
  model::Entry sub;
  sub.name = "主な取組み";
  sub.notes = {{"doubt", "", "消去法。", ""}};
  i.sub_items = {sub};
  p.items = {i};
  model::Indicator ind;
  ind.id = "x";
  ind.notes = {{"inferred", "", "単位は推定。", ""}};
  p.indicators = {ind};
  m.plans = {p};
  return m;
}

}  // namespace

TEST_CASE("a published edition holds none of the editors' notes", "[edition]") {
  auto m = sample();
  REQUIRE(m.plans[0].sections[0].markdown.wikilinks.size() == 1);
  edition::make_published(m);
  const auto& p = m.plans[0];
  CHECK_FALSE(m.review);
  CHECK(p.notes.empty());
  CHECK(p.inferred.empty());
  CHECK(p.source_file.empty());
  CHECK(p.source_note.empty());
  CHECK(p.refs[0].evidence.empty());
  CHECK(p.refs[0].to == "other");  // the link itself is published
  CHECK(p.fields[0].description.empty());
  CHECK(p.vocabularies[0].values[0].description.empty());
  // Inferred values the document does not print are left out; a plan keeps its title.
  CHECK(p.short_title.empty());
  CHECK_FALSE(p.published);
  CHECK(p.period);  // not inferred
  CHECK(p.title == "第５　実施項目");
  // ［編集注］ remarks go, with their links and their Markdown text; ［掲載注］ stays.
  CHECK(p.sections[0].markdown.wikilinks.empty());
  CHECK(p.sections[0].text == "本文。\n\n［掲載注］図は掲載していません。\n");
  CHECK(p.sections[0].markdown.root.children.size() == 2);
  CHECK(p.sections[0].markdown.root.children[1].remark == markdown::Remark::publisher);
  CHECK(p.categories[0].notes.empty());
  CHECK(p.categories[0].blocks.empty());  // a block that was only a remark
  const auto& i = p.items[0];
  CHECK(i.notes.empty());
  CHECK_FALSE(i.source_lines);
  CHECK(i.source_page.empty());
  CHECK(i.fields.at("content").text == "取組。\n\n");
  CHECK(i.sub_items[0].notes.empty());
  CHECK(p.indicators[0].notes.empty());
}

TEST_CASE("a review edition keeps everything and says so", "[edition]") {
  auto m = sample();
  edition::make_review(m);
  CHECK(m.review);
  const auto& p = m.plans[0];
  CHECK(p.notes.size() == 1);
  CHECK(p.inferred.size() == 3);
  CHECK(p.short_title == "経営プラン（推定）");
  CHECK(p.sections[0].markdown.root.children.size() == 3);
  CHECK(p.sections[0].markdown.root.children[1].remark == markdown::Remark::editorial);
  CHECK(p.items[0].source_page == "23");
}
