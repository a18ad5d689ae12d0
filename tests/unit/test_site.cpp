#include <catch2/catch.hpp>

#include "site/html.hpp"
#include "site/urls.hpp"

using namespace planpress;

TEST_CASE("everything from content is escaped", "[site]") {
  CHECK(site::escape_html("<img src=x onerror=alert(1)> & \"'") ==
        "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;&#39;");
  CHECK(site::text_to_html("一行目\n<b>二</b>") == "<p>一行目</p><p>&lt;b&gt;二&lt;/b&gt;</p>");
}

TEST_CASE("markdown renders to HTML with resolved [[…]] links and scrollable tables", "[site]") {
  base::Diagnostics d;
  auto src = std::make_shared<base::SourceFile>("t.md", "");
  auto doc = markdown::parse("本文 [[a#1]] と [[zz]]\n\n| 年 | 値 |\n|---|--:|\n| R6 | 1 |\n",
                             [src](std::size_t o) { return base::Location::in(src, o); }, d);
  site::WikiLinkResolver resolve = [](const std::string& t) -> std::optional<site::ResolvedLink> {
    if (t == "a#1") return site::ResolvedLink{"../a/items/1.html", "１ 項目"};
    return std::nullopt;
  };
  const auto html = site::markdown_to_html(doc, resolve);
  CHECK(html.find("<a href=\"../a/items/1.html\">１ 項目</a>") != std::string::npos);
  CHECK(html.find("zz") != std::string::npos);  // unresolved targets are shown as text (xref reports them)
  CHECK(html.find("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\"") != std::string::npos);
  CHECK(html.find("<th scope=\"col\">年</th>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">1</td>") != std::string::npos);
}

TEST_CASE("editorial notes are set apart from the document's text", "[site]") {
  base::Diagnostics d;
  auto src = std::make_shared<base::SourceFile>("t.md", "");
  auto doc = markdown::parse("本文。\n\n［編集注］図は復元できない。\n", [src](std::size_t o) { return base::Location::in(src, o); }, d);
  const auto html = site::markdown_to_html(doc, nullptr);
  CHECK(html == "<p>本文。</p>\n<p class=\"editorial\">［編集注］図は復元できない。</p>\n");
}

TEST_CASE("links are relative to the page", "[site]") {
  CHECK(site::root_prefix("index.html").empty());
  CHECK(site::root_prefix("plans/a/items/1.html") == "../../../");
  CHECK(site::endpoint_path({xref::TargetKind::item, "a", "1", 2}) == "plans/a/items/1.html#sub-2");
  CHECK(site::endpoint_path({xref::TargetKind::document, "ext", "", 0}) == "documents.html#doc-ext");
}

#include "site/charts.hpp"

namespace {
model::Indicator overtime() {
  model::Indicator ind;
  ind.id = "ot";
  ind.name = "超過勤務時間";
  ind.unit = "時間";
  ind.segments = {{"all", "全体", ""}, {"ku", "区役所", ""}};
  auto value = [](int year, const char* seg, double v, const char* text, const char* kind = "actual") {
    model::IndicatorValue x;
    x.year = year;
    x.segment = seg;
    x.value = v;
    x.value_text = text;
    x.kind = kind;
    return x;
  };
  ind.values = {value(2022, "all", 206.1, "206.1"), value(2023, "all", 197.0, "197.0"), value(2024, "all", 192.6, "192.6"),
                value(2022, "ku", 210.1, "210.1"), value(2024, "ku", 185.8, "185.8"), value(2026, "all", 180, "180", "target")};
  return ind;
}
}  // namespace

TEST_CASE("indicator summaries state first, last and change as printed", "[site][charts]") {
  const auto lines = site::summarize_indicator(overtime());
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "全体：令和4年度 206.1時間 → 令和6年度 192.6時間（13.5時間減少）");
  CHECK(lines[1] == "全体：目標（令和8年度） 180時間");
  CHECK(lines[2] == "区役所：令和4年度 210.1時間 → 令和6年度 185.8時間（24.3時間減少）");
}

TEST_CASE("charts are SVG with a title, a description and every value labelled", "[site][charts]") {
  const auto svg = site::render_chart_svg(overtime(), "c1");
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("<title id=\"c1-t\">超過勤務時間</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"c1-d\">全体：令和4年度") != std::string::npos);
  for (const char* label : {">206.1<", ">197.0<", ">192.6<", ">210.1<", ">185.8<", ">目標 180<"})
    CHECK(svg.find(label) != std::string::npos);
  CHECK(svg.find("style=") == std::string::npos);  // presentation attributes only: the CSP forbids inline styles
  // Without numbers there is no chart.
  model::Indicator empty;
  empty.values.push_back(model::IndicatorValue{});
  CHECK_FALSE(site::has_chart(empty));
}
