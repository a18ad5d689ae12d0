#include <catch2/catch.hpp>

#include <set>

#include "base/diagnostic.hpp"
#include "base/suggest.hpp"
#include "base/utf8.hpp"

using namespace planpress::base;

TEST_CASE("UTF-8 validation finds the first bad byte", "[base]") {
  CHECK_FALSE(find_invalid_utf8("仙台市 abc").has_value());
  CHECK(find_invalid_utf8("ab\xFFz") == 2u);
  CHECK(find_invalid_utf8("a\xC0\xAF") == 1u);          // overlong '/'
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);       // surrogate
  CHECK(find_invalid_utf8("あ\xE3\x81") == 3u);         // truncated sequence
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);   // above U+10FFFF
}

TEST_CASE("columns count characters, not bytes", "[base]") {
  SourceFile f("x.json", "{\n  \"名前\": 1,\r\n\xEF\xBB\xBFz\n");
  CHECK(f.locate(0).line == 1);
  const auto pos = f.text().find(": 1");
  auto lc = f.locate(pos);
  CHECK(lc.line == 2);
  CHECK(lc.column == 7);  // two spaces, quote, two kanji, quote → ':' is the 7th character
  CHECK(f.line_text(2) == "  \"名前\": 1,");
  SourceFile bom("b.json", "\xEF\xBB\xBF{}");
  CHECK(bom.locate(3).column == 1);
}

TEST_CASE("diagnostics are formatted GNU style with a caret under the character", "[base]") {
  auto f = std::make_shared<SourceFile>("content/plans/a/plan.json", "{\n  \"題名\": 12\n}\n");
  Diagnostics d;
  d.error(Location::in(f, f->text().find("12")),
          msg<Msg::wrong_type_value>(arg<"what">(msg<Msg::subject_member>(arg<"key">("題名"), arg<"owner">(msg<Msg::subject_plan>()))),
                                     arg<"expected">(Message{Msg::term_expect_string, {}}),
                                     arg<"found">(msg<Msg::term_found_number>(arg<"value">("12")))),
          {msg<Msg::wrong_type_unquote_hint>(arg<"number">("12"))});
  CHECK(format_diagnostic(d.all().front(), Lang::en) ==
        "content/plans/a/plan.json:2:9: error: '題名' of plan must be a string, got a number (12) [wrong-type]\n"
        " 2 |   \"題名\": 12\n"
        "   |           ^\n"  // 2 spaces, quote, two kanji of two columns each, quote, colon, space
        "hint: write numbers without quotes: 12\n");
  CHECK(format_diagnostic(d.all().front(), Lang::ja) ==
        "content/plans/a/plan.json:2:9: error: 計画の「題名」は文字列（\" \" で囲んだ文字）で書いてください（数値 12が書かれています） [wrong-type]\n"
        " 2 |   \"題名\": 12\n"
        "   |           ^\n"
        "hint: 数値は \" で囲まずに書きます: 12\n");
  CHECK(d.error_count() == 1);
  CHECK(d.warning_count() == 0);
}

TEST_CASE("the diagnostic catalogue names every code once, in kebab case, with a one-line explanation", "[base]") {
  std::set<std::string_view> names;
  for (const auto& row : code_catalogue()) {
    INFO(row.name);
    CHECK(names.insert(row.name).second);
    CHECK(code_named(row.name) == row.code);
    CHECK(name_of(row.code) == row.name);
    CHECK(&info(row.code) == &row);
    CHECK(row.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos);
    CHECK_FALSE(row.summary.en.empty());
    CHECK_FALSE(row.summary.ja.empty());
    CHECK(row.summary.en.find('\n') == std::string_view::npos);
    CHECK(row.summary.ja.find('\n') == std::string_view::npos);
    CHECK(in_lang(row.summary, Lang::ja) == row.summary.ja);
    CHECK(in_lang(row.summary, Lang::en) == row.summary.en);
  }
  CHECK_FALSE(code_named("no-such-code").has_value());
}

TEST_CASE("the exit class of a run's errors comes from the catalogue", "[base]") {
  Diagnostics d;
  CHECK_FALSE(d.exit_class().has_value());
  d.warning({}, msg<Msg::unused_file_not_content>());
  CHECK_FALSE(d.exit_class().has_value());
  d.error({}, msg<Msg::wrong_type_base_url>());
  CHECK(d.exit_class() == ExitClass::content);
  d.error({}, msg<Msg::font_missing_read>(arg<"role">(Message{Msg::term_font_mincho, {}}), arg<"path">("m.ttf"), arg<"reason">("gone")));
  CHECK(d.exit_class() == ExitClass::environment);
  Diagnostics internal;
  internal.error({}, msg<Msg::pdf_error_write>(arg<"plan">("a"), arg<"reason">("failed")));
  CHECK(internal.exit_class() == ExitClass::internal);
}

TEST_CASE("merge_distinct keeps one of each problem", "[base]") {
  auto f = std::make_shared<SourceFile>("t.mustache", "{{#a}}{{>t}}{{/a}}");
  Diagnostics pages;
  const auto too_deep = [] { return msg<Msg::template_recursion_depth>(arg<"limit">(256), arg<"tag">("t")); };
  for (int page = 0; page < 3; ++page) pages.error(Location::in(f, 6), too_deep());
  pages.error(Location::in(f, 0), too_deep());
  Diagnostics all;
  all.error(Location::in(f, 0), too_deep());
  all.merge_distinct(pages);
  REQUIRE(all.all().size() == 2);
  CHECK(all.all()[1].location.offset == 6);
}

TEST_CASE("long source lines are cut around the caret", "[base]") {
  std::string line(300, 'a');
  line[200] = 'X';
  auto f = std::make_shared<SourceFile>("f.md", line);
  Diagnostics d;
  d.warning(Location::in(f, 200), msg<Msg::unused_file_not_content>());
  const auto text = format_diagnostic(d.all().front(), Lang::en);
  CHECK(text.find("…") != std::string::npos);
  const auto src_line = text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n') - 1);
  const auto caret_line = text.substr(text.find('^') - (text.find('^') - text.rfind('\n', text.find('^')) - 1));
  CHECK(src_line.size() < 120);
  // The caret sits under the X.
  const auto x_col = display_width(src_line.substr(0, src_line.find('X')));
  CHECK(caret_line.find('^') == static_cast<std::size_t>(x_col));
}

TEST_CASE("did-you-mean picks plausible typos only", "[base]") {
  CHECK(closest_match("titel", {"title", "items", "fields"}) == std::optional<std::string>("title"));
  CHECK(closest_match("340", {"34", "35", "1"}) == std::optional<std::string>("34"));
  // Equally close candidates: the one that keeps more of the start (an extra digit typed at the end).
  CHECK(closest_match("340", {"30", "34", "40"}) == std::optional<std::string>("34"));
  CHECK(closest_match("340", {"1", "30", "31", "34", "40"}) == std::optional<std::string>("34"));
  CHECK_FALSE(closest_match("zzzzzz", {"title", "items"}).has_value());
  CHECK(closest_match("担当科", {"担当課", "内容"}) == std::optional<std::string>("担当課"));
}

TEST_CASE("safe slugs", "[base]") {
  CHECK(is_safe_slug("sendai-hr-2"));
  CHECK(is_safe_slug("24-2"));
  CHECK(is_safe_slug("1.2"));
  CHECK_FALSE(is_safe_slug(""));
  CHECK_FALSE(is_safe_slug("../x"));
  CHECK_FALSE(is_safe_slug("a/b"));
  CHECK_FALSE(is_safe_slug("a b"));
  CHECK_FALSE(is_safe_slug("A"));
  CHECK_FALSE(is_safe_slug(".hidden"));
  CHECK_FALSE(is_safe_slug("a..b"));
  CHECK_FALSE(is_safe_slug("x."));
  CHECK_FALSE(is_safe_slug(std::string(65, 'a')));
}

TEST_CASE("a file that is not UTF-8 is named by what it was saved as", "[base]") {
  const std::string utf16le("\xFF\xFE{\0\n\0", 6);
  CHECK(looks_like_utf16(utf16le));
  CHECK(looks_like_utf16(std::string("{\0\n\0 \0 \0\"\0i\0d\0\"\0", 16)));  // no byte order mark
  CHECK_FALSE(looks_like_utf16("{\"id\": \"a\"}"));
  CHECK(guess_encoding(utf16le, 0) == Encoding::utf16);
  // テスト in Shift_JIS (its trail bytes are ASCII letters), alone in the file or pasted into UTF-8 text.
  CHECK(guess_encoding("{\"t\": \"\x83\x65\x83\x58\x83\x67\"}", 7) == Encoding::shift_jis);
  CHECK(guess_encoding("{\"m\": \"仙台\", \"t\": \"\x83\x65\x83\x58\"}", 22) == Encoding::shift_jis_part);
  CHECK(guess_encoding("caf\xE9\n", 3) == Encoding::unknown);  // Latin-1
  CHECK(invalid_bytes_at("a\x83\x65", 1) == "0x83");
  CHECK(invalid_bytes_at("a\xE3\x81", 1) == "0xE3 0x81");
}

TEST_CASE("a BOM and CR LF line ends read as the same text without them", "[base]") {
  CHECK(normalize_line_ends("\xEF\xBB\xBF{\r\n  \"a\": 1\r\n}\r\n") == "{\n  \"a\": 1\n}\n");
  CHECK(normalize_line_ends("a\rb\r\n\r\nc") == "a\nb\n\nc");  // a lone CR ends a line too
  CHECK(normalize_line_ends("仙台\n") == "仙台\n");
  CHECK(normalize_line_ends("a\xEF\xBB\xBF") == "a\xEF\xBB\xBF");  // only at the start
}

TEST_CASE("lines end with LF, CRLF or a lone CR", "[base]") {
  const SourceFile f("x", "a\rb\r\nc\nd");
  CHECK(f.locate(2).line == 2);
  CHECK(f.locate(5).line == 3);
  CHECK(f.locate(7).line == 4);
  CHECK(f.line_text(2) == "b");
  CHECK(f.line_text(1) == "a");
}
