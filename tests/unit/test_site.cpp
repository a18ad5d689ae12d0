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

TEST_CASE("links are relative to the page", "[site]") {
  CHECK(site::root_prefix("index.html").empty());
  CHECK(site::root_prefix("plans/a/items/1.html") == "../../../");
  CHECK(site::endpoint_path({xref::TargetKind::item, "a", "1", 2}) == "plans/a/items/1.html#sub-2");
  CHECK(site::endpoint_path({xref::TargetKind::document, "ext", "", 0}) == "documents.html#doc-ext");
}
