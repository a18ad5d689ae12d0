#include <catch2/catch.hpp>

#include "present/chart.hpp"
#include "site/html.hpp"

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

TEST_CASE("remarks are set apart from the document's text, each with its label", "[site]") {
  base::Diagnostics d;
  auto src = std::make_shared<base::SourceFile>("t.md", "");
  auto parse = [&](const std::string& md) { return markdown::parse(md, [src](std::size_t o) { return base::Location::in(src, o); }, d); };
  auto doc = parse("本文。\n\n［編集注］図は復元できない。\n\n［掲載注］図は掲載していません。\n");
  CHECK(site::markdown_to_html(doc, nullptr) ==
        "<p>本文。</p>\n"
        "<p class=\"remark editorial\"><span class=\"remark-label\">編集注（レビュー版のみ）</span>図は復元できない。</p>\n"
        "<p class=\"remark publisher\"><span class=\"remark-label\">掲載上の注記</span>図は掲載していません。</p>\n");
  // A block quote that starts with a marker is one remark with its table.
  auto quote = parse("> ［編集注］抽出のまま：\n>\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n");
  const auto html = site::markdown_to_html(quote, nullptr);
  CHECK(html.rfind("<div class=\"remark editorial\" role=\"note\">\n<p><span class=\"remark-label\">編集注（レビュー版のみ）</span>抽出のまま：</p>", 0) == 0);
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("<blockquote>") == std::string::npos);
  // The published edition drops the editorial remarks, and their text from the Markdown source.
  std::string text = "本文。\n\n［編集注］図は復元できない。\n\n［掲載注］図は掲載していません。\n";
  auto published = parse(text);
  CHECK(markdown::remove_editorial(published, &text) == 1);
  CHECK(text == "本文。\n\n［掲載注］図は掲載していません。\n");
  CHECK(site::markdown_to_html(published, nullptr).find("図は復元できない") == std::string::npos);
}

#include "indicators.hpp"
#include "site/charts.hpp"

TEST_CASE("charts are SVG with a title, a description and every value labelled", "[site][charts]") {
  const auto spec = present::chart_spec(testing::overtime());
  REQUIRE(spec);
  const auto svg = site::render_chart_svg(*spec, {"全体：令和4年度 206.1時間"}, "c1");
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("<title id=\"c1-t\">超過勤務時間</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"c1-d\">全体：令和4年度 206.1時間</desc>") != std::string::npos);
  for (const char* label : {">206.1<", ">197.0<", ">192.6<", ">210.1<", ">185.8<", ">目標 180<"})
    CHECK(svg.find(label) != std::string::npos);
  CHECK(svg.find("stroke-dasharray=\"4 3\"") != std::string::npos);  // the dashed way to the target
  CHECK(svg.find("style=") == std::string::npos);  // presentation attributes only: the CSP forbids inline styles
}
