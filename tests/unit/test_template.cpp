// Unit tests of the template module beyond the Mustache spec: diagnostics (message, line, column for each
// error kind), HTML escaping, value formatting, truthiness, indentation and inheritance details.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "template/mustache.hpp"

namespace {

using nlohmann::json;
using planpress::base::Diagnostics;
using planpress::base::SourceFile;
using planpress::tmpl::RenderError;
using planpress::tmpl::TemplateSet;

using Sources = std::vector<std::pair<std::string, std::string>>;

// One reported problem, flattened for comparison.
struct Problem {
  std::string code;
  std::string where;  // path:line:column
  std::string message;
  std::vector<std::string> hints;

  bool operator==(const Problem&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Problem& p) {
  os << p.where << ": " << p.message << " [" << p.code << "]";
  for (const auto& h : p.hints) os << " hint: " << h;
  return os;
}

struct Compiled {
  TemplateSet set;
  bool ok = false;
  std::vector<Problem> problems;
};

Compiled compile(const Sources& sources, bool strict = false) {
  Compiled c;
  for (const auto& [name, text] : sources) c.set.add(name, std::make_shared<const SourceFile>(name + ".mustache", text));
  Diagnostics diags;
  c.ok = c.set.compile(diags, strict);
  for (const auto& d : diags.all()) {
    const auto lc = d.location.file->locate(d.location.offset);
    std::vector<std::string> hints;
    for (const auto& h : d.hints) hints.push_back(planpress::base::render(h, planpress::base::Lang::en));
    c.problems.push_back(Problem{std::string(planpress::base::name_of(d.code)), d.location.file->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column),
                                 planpress::base::render(d.message, planpress::base::Lang::en), hints});
  }
  return c;
}

// Renders `name` of a compiled set, requiring that rendering reports nothing.
std::string rendered(const TemplateSet& set, const std::string& name, const json& data) {
  Diagnostics diags;
  std::string out = set.render(name, data, diags);
  REQUIRE(diags.empty());
  return out;
}

// Compiles one template named "t" and returns its problems.
std::vector<Problem> problems_of(const std::string& text) { return compile({{"t", text}}).problems; }

Problem syntax(std::string where, std::string message, std::vector<std::string> hints = {}) {
  return Problem{"template-syntax", "t.mustache:" + std::move(where), std::move(message), std::move(hints)};
}

// Renders template "t" (plus partials) with `data`, requiring a clean compile.
std::string render(const std::string& text, const json& data, const Sources& partials = {}) {
  Sources all{{"t", text}};
  all.insert(all.end(), partials.begin(), partials.end());
  auto c = compile(all);
  INFO("template: " << json(text).dump());
  REQUIRE(c.problems.empty());
  REQUIRE(c.ok);
  return rendered(c.set, "t", data);
}

}  // namespace

// ---- diagnostics ------------------------------------------------------------------------------------

TEST_CASE("template: unclosed tag", "[template][diagnostics]") {
  CHECK(problems_of("Hello {{name") ==
        std::vector<Problem>{syntax("1:7", "unclosed tag '{{name': missing '}}'")});
  CHECK(problems_of("a\n  {{{raw}}\n") ==
        std::vector<Problem>{syntax("2:3", "unclosed tag '{{{raw}}': missing '}}}'")});
  CHECK(problems_of("{{=<% %>=}}\n<%#list") ==
        std::vector<Problem>{syntax("2:1", "unclosed tag '<%#list': missing '%>'")});
  CHECK(problems_of("{{!never closed\nmore") ==
        std::vector<Problem>{syntax("1:1", "unclosed tag '{{!never closed': missing '}}'")});
}

TEST_CASE("template: an unclosed tag before another tag is reported and parsing resumes", "[template][diagnostics]") {
  // Without the check, "{{title</h1>\n<p>{{body}}" would be one tag with a strange name.
  auto c = compile({{"t", "<h1>{{title</h1>\n<p>{{body}}</p>\n{{#x}}"}});
  CHECK_FALSE(c.ok);
  CHECK(c.problems == std::vector<Problem>{
                          syntax("1:5", "unclosed tag '{{title</h1>': missing '}}'"),
                          syntax("3:1", "unclosed section '{{#x}}': missing '{{/x}}'"),
                      });
}

TEST_CASE("template: unclosed sections, parents and blocks", "[template][diagnostics]") {
  CHECK(problems_of("a\n  {{#items}}\n  x\n") ==
        std::vector<Problem>{syntax("2:3", "unclosed section '{{#items}}': missing '{{/items}}'")});
  CHECK(problems_of("{{^ empty }}") ==
        std::vector<Problem>{syntax("1:1", "unclosed inverted section '{{^ empty }}': missing '{{/empty}}'")});
  CHECK(problems_of("{{<layout}}\n{{$content}}\nbody\n") ==
        std::vector<Problem>{
            syntax("1:1", "unclosed parent '{{<layout}}': missing '{{/layout}}'"),
            syntax("2:1", "unclosed block '{{$content}}': missing '{{/content}}'"),
        });
  CHECK(problems_of("{{=<% %>=}}<%#a%>") ==
        std::vector<Problem>{syntax("1:12", "unclosed section '<%#a%>': missing '<%/a%>'")});
}

TEST_CASE("template: mismatched closing tags name the expected tag", "[template][diagnostics]") {
  // A misspelt closing tag closes the open section: one error, not two.
  CHECK(problems_of("{{#items}}\n  <li>{{.}}</li>\n{{/item}}\n") ==
        std::vector<Problem>{syntax("3:1", "mismatched closing tag '{{/item}}': expected '{{/items}}'",
                                    {"'{{#items}}' was opened at line 1, column 1"})});
  // A stray closing tag inside a section that is closed later is dropped: one error.
  CHECK(problems_of("{{#a}}x {{/b}} y{{/a}}") ==
        std::vector<Problem>{syntax("1:9", "mismatched closing tag '{{/b}}': expected '{{/a}}'",
                                    {"'{{#a}}' was opened at line 1, column 1"})});
  // Closing an outer section closes the inner ones with it.
  CHECK(problems_of("{{#a}}{{^b}}x{{/a}}") ==
        std::vector<Problem>{syntax("1:14", "mismatched closing tag '{{/a}}': expected '{{/b}}'",
                                    {"'{{^b}}' was opened at line 1, column 7"})});
  CHECK(problems_of("text {{/a}}") ==
        std::vector<Problem>{syntax("1:6", "closing tag '{{/a}}' has no matching opening tag")});
}

TEST_CASE("template: empty and invalid tag names", "[template][diagnostics]") {
  CHECK(problems_of("a {{ }} b") == std::vector<Problem>{syntax("1:3", "empty tag name in '{{ }}'")});
  CHECK(problems_of("{{#}}x{{/}}") == std::vector<Problem>{
                                          syntax("1:1", "empty tag name in '{{#}}'"),
                                          syntax("1:7", "empty tag name in '{{/}}'"),
                                      });
  CHECK(problems_of("{{{}}}{{&}}{{>}}") == std::vector<Problem>{
                                               syntax("1:1", "empty tag name in '{{{}}}'"),
                                               syntax("1:7", "empty tag name in '{{&}}'"),
                                               syntax("1:12", "empty tag name in '{{>}}'"),
                                           });
  CHECK(problems_of("{{first name}}") ==
        std::vector<Problem>{syntax("1:1", "invalid tag name 'first name': names cannot contain whitespace")});
  CHECK(problems_of("x{{a..b}}{{.c}}") ==
        std::vector<Problem>{
            syntax("1:2", "invalid tag name 'a..b': empty part in dotted name",
                   {"use '.' alone for the current item, or 'a.b' for the field b of a"}),
            syntax("1:10", "invalid tag name '.c': empty part in dotted name",
                   {"use '.' alone for the current item, or 'a.b' for the field b of a"}),
        });
  // Partial names are file-like: dots are fine.
  CHECK(problems_of("{{>layout.header}}").empty());
}

TEST_CASE("template: bad delimiter changes", "[template][diagnostics]") {
  CHECK(problems_of("x\n{{=<% %>}}") ==
        std::vector<Problem>{syntax("2:1", "invalid delimiter change '{{=<% %>}}': missing '=' before '}}'",
                                    {"a delimiter change looks like {{=<% %>=}}"})});
  CHECK(problems_of("{{=<%=}}") ==
        std::vector<Problem>{syntax("1:1", "invalid delimiter change '{{=<%=}}': expected two delimiters separated by whitespace",
                                    {"a delimiter change looks like {{=<% %>=}}"})});
  CHECK(problems_of("{{=a b c=}}") ==
        std::vector<Problem>{syntax("1:1", "invalid delimiter change '{{=a b c=}}': expected two delimiters separated by whitespace",
                                    {"a delimiter change looks like {{=<% %>=}}"})});
  // A bad change ends at its own closing delimiter, not at a later, valid change.
  auto later = compile({{"t", "{{=<% %>}}x{{=[ ]=}}[y]"}});
  CHECK(later.problems == std::vector<Problem>{syntax("1:1", "invalid delimiter change '{{=<% %>}}': missing '=' before '}}'",
                                                      {"a delimiter change looks like {{=<% %>=}}"})});
  CHECK(rendered(later.set, "t", json{{"y", 2}}) == "x2");
  // After a bad change the old delimiters stay in force.
  auto c = compile({{"t", "{{=<%=}}{{x}}<%y%>"}});
  REQUIRE(c.problems.size() == 1);
  CHECK(rendered(c.set, "t", json{{"x", 1}, {"y", 2}}) == "1<%y%>");
}

TEST_CASE("template: columns count characters, not bytes", "[template][diagnostics]") {
  CHECK(problems_of("基本計画 {{#章}}") ==
        std::vector<Problem>{syntax("1:6", "unclosed section '{{#章}}': missing '{{/章}}'")});
  CHECK(problems_of("第1章\n  「{{/節}}」") ==
        std::vector<Problem>{syntax("2:4", "closing tag '{{/節}}' has no matching opening tag")});
}

TEST_CASE("template: every problem in every template is reported, in source order", "[template][diagnostics]") {
  auto c = compile({{"page", "{{#a}}\n{{ }}\n"}, {"layout", "{{/x}}\n{{=y=}}"}});
  CHECK_FALSE(c.ok);
  CHECK(c.problems == std::vector<Problem>{
                          Problem{"template-syntax", "page.mustache:1:1", "unclosed section '{{#a}}': missing '{{/a}}'", {}},
                          Problem{"template-syntax", "page.mustache:2:1", "empty tag name in '{{ }}'", {}},
                          Problem{"template-syntax", "layout.mustache:1:1", "closing tag '{{/x}}' has no matching opening tag", {}},
                          Problem{"template-syntax", "layout.mustache:2:1",
                                  "invalid delimiter change '{{=y=}}': expected two delimiters separated by whitespace",
                                  {"a delimiter change looks like {{=<% %>=}}"}},
                      });
}

TEST_CASE("template: unknown partials and parents", "[template][diagnostics]") {
  const Sources sources{{"page", "<body>\n  {{>heder}}\n{{<layot}}{{/layot}}\n{{>footer}}"}, {"header", "h"}, {"layout", "l"}};
  SECTION("strict: reported at the tag, with a suggestion when one is close") {
    auto c = compile(sources, true);
    CHECK_FALSE(c.ok);
    CHECK(c.problems == std::vector<Problem>{
                            Problem{"template-missing-partial", "page.mustache:2:3", "unknown partial 'heder'", {"did you mean 'header'?"}},
                            Problem{"template-missing-partial", "page.mustache:3:1", "unknown parent template 'layot'", {"did you mean 'layout'?"}},
                            Problem{"template-missing-partial", "page.mustache:4:1", "unknown partial 'footer'", {}},
                        });
  }
  SECTION("not strict: no error, and they render as nothing") {
    auto c = compile(sources, false);
    CHECK(c.ok);
    CHECK(c.problems.empty());
    CHECK(rendered(c.set, "page", json::object()) == "<body>\n");
  }
}

TEST_CASE("template: compile() counts only its own errors", "[template][diagnostics]") {
  Diagnostics diags;
  diags.error({}, planpress::base::msg<planpress::base::Msg::io_error_read>(planpress::base::arg<"reason">("an earlier problem")));
  TemplateSet set;
  set.add("t", std::make_shared<const SourceFile>("t", "fine"));
  CHECK(set.compile(diags));
  CHECK(diags.all().size() == 1);
}

// ---- escaping and values -------------------------------------------------------------------------------

TEST_CASE("template: HTML escaping", "[template][escaping]") {
  const json data{{"x", "<a href=\"/p?a=1&b=2\">Tom's</a>"}};
  CHECK(render("{{x}}", data) == "&lt;a href=&quot;/p?a=1&amp;b=2&quot;&gt;Tom&#39;s&lt;/a&gt;");
  CHECK(render("{{{x}}}", data) == "<a href=\"/p?a=1&b=2\">Tom's</a>");
  CHECK(render("{{& x }}", data) == "<a href=\"/p?a=1&b=2\">Tom's</a>");
  CHECK(render("{{x}}", json{{"x", "&amp; 既に &lt;"}}) == "&amp;amp; 既に &amp;lt;");
  CHECK(render("{{x}}", json{{"x", "第１章　総則"}}) == "第１章　総則");
  // Template text is never escaped.
  CHECK(render("<p class='a'>&nbsp;</p>", json::object()) == "<p class='a'>&nbsp;</p>");
  // Data is never re-parsed as a template.
  CHECK(render("{{x}}", json{{"x", "{{x}}"}}) == "{{x}}");
}

TEST_CASE("template: values print like JSON", "[template][values]") {
  const json data{{"i", 85},        {"neg", -3},   {"big", 9007199254740993ULL}, {"f", 1.21},
                  {"whole", 1.0},   {"t", true},   {"f0", false},                {"n", nullptr},
                  {"list", {1, 2}}, {"obj", {{"k", "v"}}}};
  CHECK(render("{{i}} {{neg}} {{big}}", data) == "85 -3 9007199254740993");
  CHECK(render("{{f}} {{whole}}", data) == "1.21 1.0");
  CHECK(render("{{t}} {{f0}} [{{n}}] [{{missing}}] [{{missing.deep}}]", data) == "true false [] [] []");
  CHECK(render("{{list}} {{{obj}}}", data) == "[1,2] {\"k\":\"v\"}");
  CHECK(render("{{obj}}", data) == "{&quot;k&quot;:&quot;v&quot;}");
}

TEST_CASE("template: truthiness", "[template][values]") {
  const std::string t = "{{#v}}yes{{/v}}{{^v}}no{{/v}}";
  CHECK(render(t, json{{"v", false}}) == "no");
  CHECK(render(t, json{{"v", nullptr}}) == "no");
  CHECK(render(t, json{{"v", json::array()}}) == "no");
  CHECK(render(t, json::object()) == "no");
  // As in the spec's reference implementation: only false, null and the empty list are falsey.
  CHECK(render(t, json{{"v", ""}}) == "yes");
  CHECK(render(t, json{{"v", 0}}) == "yes");
  CHECK(render(t, json{{"v", json::object()}}) == "yes");
  CHECK(render(t, json{{"v", true}}) == "yes");
}

TEST_CASE("template: sections push their value, lists iterate", "[template][values]") {
  const json data{{"plan", {{"title", "総合計画"}, {"chapters", {{{"no", 1}, {"title", "総論"}}, {{"no", 2}, {"title", "各論"}}}}}}};
  CHECK(render("{{#plan}}{{title}}:{{#chapters}} {{no}}.{{title}}{{/chapters}}{{/plan}}", data) ==
        "総合計画: 1.総論 2.各論");
  CHECK(render("{{#plan.chapters}}{{plan.title}}/{{title}};{{/plan.chapters}}", data) == "総合計画/総論;総合計画/各論;");
}

// ---- partials, indentation, inheritance -----------------------------------------------------------------

TEST_CASE("template: standalone partials indent every line, nested indentation accumulates", "[template][partials]") {
  const Sources partials{{"list", "<ul>\n{{#items}}\n  {{>item}}\n{{/items}}\n</ul>\n"}, {"item", "<li>\n  {{.}}\n</li>\n"}};
  CHECK(render("<nav>\n  {{>list}}\n</nav>\n", json{{"items", {"a", "b"}}}, partials) ==
        "<nav>\n"
        "  <ul>\n"
        "    <li>\n"
        "      a\n"
        "    </li>\n"
        "    <li>\n"
        "      b\n"
        "    </li>\n"
        "  </ul>\n"
        "</nav>\n");
}

TEST_CASE("template: indentation skips empty lines and never touches data", "[template][partials]") {
  CHECK(render("  {{>p}}\n", json{{"x", "1\n2"}}, {{"p", "a\n\nb {{x}}\n"}}) == "  a\n\n  b 1\n2\n");
}

TEST_CASE("template: an inline partial inside an indented partial keeps that indentation", "[template][partials]") {
  // Ambiguous in the spec; lines that template text starts are indented, whichever template they come from.
  CHECK(render("  {{>outer}}\n", json::object(), {{"outer", "<p>{{>inner}}</p>\n"}, {"inner", "a\nb"}}) ==
        "  <p>a\n  b</p>\n");
}

TEST_CASE("template: page layouts", "[template][inheritance]") {
  const Sources layouts{{"layout",
                         "<!doctype html>\n"
                         "<title>{{$title}}{{site}}{{/title}}</title>\n"
                         "<body>\n"
                         "  <main>\n"
                         "    {{$content}}\n"
                         "    <p>no content</p>\n"
                         "    {{/content}}\n"
                         "  </main>\n"
                         "</body>\n"}};
  const json data{{"site", "計画"}, {"heading", "第1章 & 総則"}};
  CHECK(render("{{<layout}}\n"
               "{{$title}}{{heading}} | {{site}}{{/title}}\n"
               "{{$content}}\n"
               "<h1>{{heading}}</h1>\n"
               "<p>本文</p>\n"
               "{{/content}}\n"
               "{{/layout}}\n",
               data, layouts) ==
        "<!doctype html>\n"
        "<title>第1章 &amp; 総則 | 計画</title>\n"
        "<body>\n"
        "  <main>\n"
        "    <h1>第1章 &amp; 総則</h1>\n"
        "    <p>本文</p>\n"
        "  </main>\n"
        "</body>\n");
  CHECK(render("{{<layout}}{{/layout}}", data, layouts) ==
        "<!doctype html>\n"
        "<title>計画</title>\n"
        "<body>\n"
        "  <main>\n"
        "    <p>no content</p>\n"
        "  </main>\n"
        "</body>\n");
}

TEST_CASE("template: a block argument sees the arguments in force where it was written", "[template][inheritance]") {
  // The argument for "a" contains a parent tag that passes its own "a". Were arguments looked up from the
  // expansion site, the outer "a" (top-level precedence) would be found again and again.
  CHECK(render("{{<p}}{{$a}}{{<p}}{{$a}}inner{{/a}}{{/p}}{{/a}}{{/p}}", json::object(), {{"p", "[{{$a}}default{{/a}}]"}}) ==
        "[[inner]]");
}

TEST_CASE("template: a template that includes itself outside any section is found when compiling", "[template][partials]") {
  const std::vector<std::string> hint = {"include a template in itself only inside a section that the data ends, as in "
                                         "{{#children}}{{>t}}{{/children}}"};
  SECTION("directly") {
    auto c = compile({{"t", "<li>\n{{>t}}\n</li>"}});
    CHECK_FALSE(c.ok);
    CHECK(c.problems == std::vector<Problem>{{"template-recursion", "t.mustache:2:1",
                                              "template 't' includes itself outside any section, so rendering it never ends",
                                              hint}});
  }
  SECTION("through other templates and parents, reported once at the tag that starts the cycle") {
    auto c = compile({{"a", "x {{>b}}"}, {"b", "{{<c}}{{/c}}"}, {"c", "{{#list}}{{.}}{{/list}}{{>a}}"}});
    CHECK_FALSE(c.ok);
    CHECK(c.problems == std::vector<Problem>{{"template-recursion", "a.mustache:1:3",
                                              "partial 'b' includes template 'a' again (a → b → c → a) outside any "
                                              "section, so rendering it never ends",
                                              {"include a template in itself only inside a section that the data ends, "
                                               "as in {{#children}}{{>a}}{{/children}}"}}});
  }
  SECTION("a section, an inverted section or a block can end it: no error") {
    for (const char* text : {"{{#kids}}{{>t}}{{/kids}}", "{{^leaf}}{{>t}}{{/leaf}}", "{{$more}}{{>t}}{{/more}}"}) {
      INFO(text);
      auto c = compile({{"t", text}});
      CHECK(c.ok);
      CHECK(c.problems.empty());
    }
  }
}

TEST_CASE("template: recursion the data never ends is a diagnostic, not an exception", "[template][partials]") {
  // Data-driven recursion is fine.
  json tree{{"name", "1"}, {"kids", {{{"name", "1.1"}, {"kids", {{{"name", "1.1.1"}, {"kids", json::array()}}}}}}}};
  CHECK(render("{{>node}}", tree, {{"node", "{{name}}({{#kids}}{{>node}}{{/kids}})"}}) == "1(1.1(1.1.1()))");
  // `a` is true at every depth (a section on true keeps the outer context), so this never ends.
  auto c = compile({{"page", "<p>{{>t}}</p>"}, {"t", "x{{#a}}\n  {{>t}}{{/a}}"}});
  REQUIRE(c.ok);
  Diagnostics diags;
  std::string out;
  REQUIRE_NOTHROW(out = c.set.render("page", json{{"a", true}}, diags));
  REQUIRE(diags.all().size() == 1);
  const auto& d = diags.all()[0];
  CHECK(d.code == planpress::base::Code::template_recursion);
  CHECK(d.location.file->path() == "t.mustache");
  CHECK(d.location.file->locate(d.location.offset).line == 2);
  CHECK(planpress::base::render(d.message, planpress::base::Lang::en) == "partials nested more than 256 deep at 't': the data never ends the recursion");
  CHECK(out.rfind("<p>x", 0) == 0);
}

TEST_CASE("template: TemplateSet usage errors", "[template]") {
  TemplateSet set;
  set.add("a", std::make_shared<const SourceFile>("a", "A{{>b}}"));
  CHECK(set.contains("a"));
  CHECK_FALSE(set.contains("b"));
  Diagnostics diags;
  CHECK_THROWS_AS(set.render("a", json::object(), diags), RenderError);  // not compiled
  REQUIRE(set.compile(diags));
  CHECK(rendered(set, "a", json::object()) == "A");
  // An unknown template is a diagnostic.
  CHECK(set.render("zzz", json::object(), diags).empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == planpress::base::Code::missing_file);
  CHECK(planpress::base::render(diags.all()[0].message, planpress::base::Lang::en) == "template 'zzz' is missing");
  // Adding (or replacing) a template requires compiling again; links are then refreshed.
  set.add("b", std::make_shared<const SourceFile>("b", "B"));
  CHECK_THROWS_AS(set.render("a", json::object(), diags), RenderError);
  REQUIRE(set.compile(diags));
  CHECK(rendered(set, "a", json::object()) == "AB");
  set.add("b", std::make_shared<const SourceFile>("b", "C"));
  REQUIRE(set.compile(diags));
  CHECK(rendered(set, "a", json::object()) == "AC");
}

TEST_CASE("template: CRLF templates", "[template]") {
  CHECK(render("<ul>\r\n{{#xs}}\r\n  <li>{{.}}</li>\r\n{{/xs}}\r\n</ul>\r\n", json{{"xs", {1, 2}}}) ==
        "<ul>\r\n  <li>1</li>\r\n  <li>2</li>\r\n</ul>\r\n");
}

// ---- lint: where interpolations land in the HTML -------------------------------------------------------

namespace {
// The template-unsafe problems of template "t", as "line:column message".
std::vector<std::string> lint(const std::string& text, const std::vector<std::string>& trusted = {"html"}) {
  auto c = compile({{"t", text}});
  REQUIRE(c.ok);
  Diagnostics diags;
  c.set.lint_html(trusted, diags);
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    const auto lc = d.location.file->locate(d.location.offset);
    CHECK(d.code == planpress::base::Code::template_unsafe);
    out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.column) + " " + planpress::base::render(d.message, planpress::base::Lang::en));
  }
  return out;
}
}  // namespace

TEST_CASE("template lint: escaped values in text and quoted attributes are fine", "[template][lint]") {
  CHECK(lint("<p class=\"a {{c}}\" title='{{t}}'>{{x}}</p><!-- {{{y}}} --><a href=\"{{u}}\">{{{html}}}</a>\n").empty());
  CHECK(lint("<li{{#current}} aria-current=\"page\"{{/current}}>{{name}}</li>").empty());
  CHECK(lint("<script src=\"{{root}}a.js\"></script>{{after}}").empty());
}

TEST_CASE("template lint: values where escaping does not protect", "[template][lint]") {
  CHECK(lint("<a href={{url}}>x</a>") ==
        std::vector<std::string>{"1:9 {{url}} in the unquoted value of the attribute 'href': a space in the content would start a new attribute"});
  CHECK(lint("<a class=x{{c}}>") ==
        std::vector<std::string>{"1:11 {{c}} in the unquoted value of the attribute 'class': a space in the content would start a new attribute"});
  CHECK(lint("<div {{attrs}}>") ==
        std::vector<std::string>{"1:6 {{attrs}} inside a tag, outside any attribute value: content would become attributes"});
  CHECK(lint("<b onclick=\"go('{{x}}')\">") ==
        std::vector<std::string>{"1:17 {{x}} in the event handler attribute 'onclick': content would become script"});
  CHECK(lint("<p style=\"color: {{c}}\">") ==
        std::vector<std::string>{"1:18 {{c}} in a style attribute: content would become CSS"});
  CHECK(lint("<script>var x = \"{{x}}\";</script><style>p{}{{y}}</style>{{ok}}") ==
        std::vector<std::string>{"1:18 {{x}} inside a <script> element: content would become script",
                                 "1:44 {{y}} inside a <style> element: content would become CSS"});
  CHECK(lint("<p>{{{body}}}{{&text}}</p><a title=\"{{{html}}}\">") ==
        std::vector<std::string>{"1:4 {{{body}}} inserts 'body' unescaped: content would become markup",
                                 "1:14 {{{text}}} inserts 'text' unescaped: content would become markup"});
  // Trusted names (values the site builds itself) may stand anywhere.
  CHECK(lint("<h{{level}}>{{{html}}}</h{{level}}>", {"html", "level"}).empty());
}

TEST_CASE("template: interpolations never found while rendering are reported", "[template][diagnostics]") {
  auto c = compile({{"t", "{{title}} {{titel}} {{#list}}{{name}}{{nmae}}{{/list}}{{#none}}{{never}}{{/none}}{{#opt}}x{{/opt}}"}});
  REQUIRE(c.ok);
  Diagnostics diags;
  c.set.render("t", json{{"title", "a"}, {"list", json::array({json{{"name", "n"}}})}}, diags);
  c.set.render("t", json{{"title", "b"}, {"titel", nullptr}, {"list", json::array()}}, diags);
  REQUIRE(diags.empty());
  c.set.report_unknown_names(diags);
  std::vector<std::string> got;
  for (const auto& d : diags.all()) got.push_back(std::string(planpress::base::name_of(d.code)) + " " + std::to_string(d.location.offset) + " " + planpress::base::render(d.message, planpress::base::Lang::en));
  // {{titel}} was found once (as null), {{never}} was never rendered, {{#opt}} is a section: only {{nmae}}.
  CHECK(got == std::vector<std::string>{"template-unknown-variable 37 'nmae' is not in the context of any page this tag was rendered for"});
}

TEST_CASE("template lint: an unquoted value ends where the next attribute starts", "[template][lint]") {
  CHECK(lint("<a href={{u}} title=\"{{t}}\" onclick=\"{{c}}\">") ==
        std::vector<std::string>{"1:9 {{u}} in the unquoted value of the attribute 'href': a space in the content would start a new attribute",
                                 "1:38 {{c}} in the event handler attribute 'onclick': content would become script"});
}
