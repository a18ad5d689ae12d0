#include <catch2/catch.hpp>

#include "content/loader.hpp"
#include "validate/validate.hpp"
#include "xref/xref.hpp"

using namespace planpress;

namespace {
model::Model two_plans(base::Diagnostics& d) {
  io::MemoryFileSystem fs;
  fs.add_file("c/site.json", R"({"title": "T", "organisation": "O"})");
  fs.add_file("c/documents.json", R"({"documents": [{"id": "ext", "title": "外部"}]})");
  const char* fields = R"("fields": [{"key": "t", "label": "内容", "kind": "markdown"}])";
  fs.add_file("c/plans/a/plan.json", std::string(R"({"id": "a", "title": "A", "municipality": "市", "kind": "action_plan", )") + fields +
                                         R"(, "sections": [{"id": "s", "title": "章", "file": "s.md"}],
      "categories": [{"id": "c1", "title": "区分"}],
      "items": [{"id": "1", "name": "一", "category": "c1", "fields": {"t": "[[b#9]]を参照"},
                 "refs": [{"to": "b#9", "type": "see"}, {"to": "ext", "type": "based_on"}]},
                {"id": "2", "name": "二", "sub_items": [{"name": "副", "refs": [{"to": "#1", "type": "repost"}]}]}]})");
  fs.add_file("c/plans/a/s.md", "[[#c1]] と [[b]]\n");
  fs.add_file("c/plans/b/plan.json", std::string(R"({"id": "b", "title": "B", "municipality": "市", "kind": "progress_report", )") + fields +
                                         R"(, "refs": [{"to": "a", "type": "progress_of"}], "items": [{"id": "9", "name": "九"}]})");
  auto raw = content::load_content(fs, "c", d);
  return validate::validate(raw, d);
}
}  // namespace

TEST_CASE("references resolve across plans with backlinks", "[xref]") {
  base::Diagnostics d;
  auto m = two_plans(d);
  REQUIRE(d.empty());
  xref::SymbolTable symbols(m);
  auto graph = xref::link(m, symbols, d);
  REQUIRE(d.empty());
  CHECK(symbols.resolve("a", "#1")->kind == xref::TargetKind::item);
  CHECK(symbols.resolve("a", "#c1")->kind == xref::TargetKind::category);
  CHECK(symbols.resolve("a", "#s")->kind == xref::TargetKind::section);
  CHECK(symbols.resolve("a", "ext")->kind == xref::TargetKind::document);
  CHECK_FALSE(symbols.resolve("a", "ext#1"));  // documents have no anchors
  CHECK_FALSE(symbols.resolve("a", "#9"));      // '#9' is in b, not a
  // b#9 is referenced twice from a#1 (refs and [[…]] in a Markdown field).
  const auto in9 = graph.incoming("b#9");
  REQUIRE(in9.size() == 2);
  CHECK(in9[0]->from.plan == "a");
  CHECK(graph.incoming("a").size() == 1);  // b reports on a
  CHECK(graph.incoming("a")[0]->type == model::RefType::progress_of);
  // A sub-item's link starts at its item, with the sub-item index.
  const auto in1 = graph.incoming("a#1");
  REQUIRE(in1.size() == 1);
  CHECK(in1[0]->from.id == "2");
  CHECK(in1[0]->from.sub_item == 1);
  // Section Markdown links start at the section.
  CHECK(graph.outgoing("a#s").size() == 2);
}

TEST_CASE("unresolved references get the closest id as a hint", "[xref]") {
  base::Diagnostics d;
  auto m = two_plans(d);
  xref::SymbolTable symbols(m);
  CHECK(symbols.suggest("a", "b#90") == std::optional<std::string>("b#9"));
  CHECK(symbols.suggest("a", "exy") == std::optional<std::string>("ext"));
  CHECK(symbols.suggest("a", "#c2") == std::optional<std::string>("#c1"));
}

// Cycles are found without recursion: 100,000 items, each including the next, the last the first.
TEST_CASE("a long chain of ordering references is walked without exhausting the stack", "[xref]") {
  constexpr int n = 100000;
  std::string items;
  for (int i = 0; i < n; ++i) {
    if (i) items += ",";
    items += R"({"id": ")" + std::to_string(i) + R"(", "name": "項目", "refs": [{"to": "#)" + std::to_string((i + 1) % n) +
             R"(", "type": "includes"}]})";
  }
  io::MemoryFileSystem fs;
  fs.add_file("c/site.json", R"({"title": "T", "organisation": "O"})");
  fs.add_file("c/plans/a/plan.json",
              R"({"id": "a", "title": "A", "municipality": "市", "kind": "action_plan", "fields": [], "items": [)" + items + "]}");
  base::Diagnostics d;
  auto raw = content::load_content(fs, "c", d);
  auto m = validate::validate(raw, d);
  REQUIRE(d.empty());
  xref::SymbolTable symbols(m);
  xref::link(m, symbols, d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].code == base::Code::xref_cycle);
  // The message names the cycle by its ends, from a#0 round to a#0.
  CHECK(base::render(d.all()[0].message, base::Lang::en) == "'includes' references form a cycle: a#0 → a#1 → a#2 → a#3 → … (99994 more) → a#99998 → a#99999 → a#0");
}
