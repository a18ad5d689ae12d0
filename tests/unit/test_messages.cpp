// The message catalogue (generator/base/messages.inc): every row in both languages with the same
// parameters, rendering, and no byte that is not UTF-8 in anything planpress prints, whatever bytes the
// content holds and wherever they stand. That msg<>() refuses a missing, extra or misspelt parameter at
// compile time is tested by tests/unit/message_params_test.cmake.
#include <catch2/catch.hpp>

#include <set>

#include "base/diagnostic.hpp"
#include "base/messages.hpp"
#include "base/utf8.hpp"
#include "io/file_system.hpp"
#include "pipeline/pipeline.hpp"

using namespace planpress;
using base::arg;
using base::Lang;
using base::msg;
using base::Msg;

TEST_CASE("every message of the catalogue has both languages and both mark the same parameters", "[messages]") {
  std::set<std::string> keys;
  for (const auto& e : base::message_catalogue()) {
    INFO("messages.inc row " << e.group << ", " << e.variant);
    CHECK(keys.insert(std::string(e.group) + "." + std::string(e.variant)).second);
    CHECK(&base::entry(e.id) == &e);
    CHECK_FALSE(e.text.en.empty());
    CHECK_FALSE(e.text.ja.empty());
    const auto en = base::placeholders(e.text.en);
    const auto ja = base::placeholders(e.text.ja);
    CHECK(std::set<std::string_view>(en.begin(), en.end()) == std::set<std::string_view>(ja.begin(), ja.end()));
    CHECK(base::parameters_of(e.id).size() == en.size());
    CHECK_FALSE(base::find_invalid_utf8(e.text.en).has_value());
    CHECK_FALSE(base::find_invalid_utf8(e.text.ja).has_value());
    // No sentence-final 「。」 and no English left in a Japanese diagnostic line (cli_usage is a page).
    if (e.group != "cli" && e.group != "common" && e.group != "term" && e.group != "subject")
      CHECK_FALSE(std::string_view(e.text.ja).ends_with("。"));
  }
}

TEST_CASE("a message belongs to a diagnostic code or to one of the shared groups", "[messages]") {
  std::set<base::Code> with_messages;
  for (const auto& e : base::message_catalogue()) {
    INFO("messages.inc row " << e.group << ", " << e.variant);
    if (e.code) {
      std::string identifier(base::name_of(*e.code));  // "json-syntax" → "json_syntax"
      for (char& c : identifier)
        if (c == '-') c = '_';
      CHECK(e.group == identifier);
      with_messages.insert(*e.code);
    } else {
      CHECK((e.group == "common" || e.group == "subject" || e.group == "term" || e.group == "cli"));
    }
  }
  for (const auto& row : base::code_catalogue()) {
    INFO("no message in messages.inc reports [" << row.name << "]");
    CHECK(with_messages.count(row.code) == 1);
  }
}

TEST_CASE("messages render their parameters in the language asked for", "[messages]") {
  const auto m = msg<Msg::unknown_value_vocabulary_hint>(
      arg<"vocabulary">("rating"),
      arg<"list">(std::vector<base::Message>{msg<Msg::common_value_with_label>(arg<"value">("○"), arg<"label">("予定通り")),
                                             base::verbatim("×")}));
  CHECK(base::render(m, Lang::en) == "vocabulary 'rating' allows: ○ (予定通り), ×");
  CHECK(base::render(m, Lang::ja) == "選択肢「rating」で使える値: ○（予定通り）、×");
  // A message inside a message is rendered in the same language.
  const auto nested = msg<Msg::empty_value_value>(
      arg<"what">(msg<Msg::subject_member>(arg<"key">("title"), arg<"owner">(msg<Msg::subject_plan_id>(arg<"id">("a"))))));
  CHECK(base::render(nested, Lang::en) == "'title' of plan 'a' is empty");
  CHECK(base::render(nested, Lang::ja) == "計画「a」の「title」が空です");
  // Braces that are not a parameter stay as they are; a value is never read as a parameter.
  const auto literal = msg<Msg::template_recursion_cycle_hint>(arg<"name">("{name}"));
  CHECK(base::render(literal, Lang::en).ends_with("as in {{#children}}{{>{name}}}{{/children}}"));
  CHECK(base::render(msg<Msg::wrong_type_page_number>(arg<"placeholder">("{page}")), Lang::ja) == "page_number には {page} を含めてください");
}

TEST_CASE("a value that is not UTF-8 is shown with U+FFFD, never as its bytes", "[messages]") {
  const auto m = msg<Msg::cli_unknown_option>(arg<"option">("--x\xFF\xE3\x81"));
  CHECK(base::render(m, Lang::en) == "unknown option '--x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD'");
  CHECK(base::valid_utf8("a\xC0\xAFz") == "a\xEF\xBF\xBD\xEF\xBF\xBDz");
  CHECK(base::valid_utf8("仙台") == "仙台");
}

namespace {

// Runs `check` on a plan.json (and a Markdown section) holding `bytes` where `place` says, and returns
// everything planpress would print, in both languages.
std::string check_output(const std::string& plan_json, const std::string& markdown, const std::string& dir) {
  io::MemoryFileSystem mfs;
  mfs.add_file("content/site.json", "{\"title\": \"テスト\", \"organisation\": \"テスト市\"}\n");
  mfs.create_directories("templates");
  mfs.create_directories("content/plans");
  mfs.add_file("content/plans/" + dir + "/plan.json", plan_json);
  mfs.add_file("content/plans/" + dir + "/intro.md", markdown);
  mfs.add_file("content/plans/" + dir + "/メモ\xFF.txt", "x");
  pipeline::Options options;
  options.pdf = false;
  const auto result = pipeline::check(mfs, options);
  std::string out;
  for (const auto& d : result.diagnostics.all())
    for (const auto lang : {Lang::ja, Lang::en}) out += base::format_diagnostic(d, lang);
  return out;
}

}  // namespace

TEST_CASE("no diagnostic carries a byte that is not UTF-8, wherever invalid bytes stand", "[messages]") {
  // Every kind of sequence that is not UTF-8: a lone continuation byte, an overlong form, a surrogate, a
  // code point above U+10FFFF, bytes UTF-8 never uses, Shift_JIS, a sequence cut short (at the end too).
  const std::vector<std::string> sequences = {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5", "\xFF",
                                              "\x83\x65\x83\x58", "\xE3\x81", "\xE3"};
  const std::string plan =
      "{\n  \"id\": \"a\", \"title\": \"@T\", \"municipality\": \"テスト市\", \"kind\": \"action_plan\",\n"
      "  \"@K\": 1,\n  \"fields\": [{\"key\": \"content\", \"label\": \"内容\", \"kind\": \"text\"}],\n"
      "  \"sections\": [{\"id\": \"s\", \"title\": \"はじめに\", \"file\": \"intro.md\"}],\n"
      "  \"items\": [{\"id\": \"1\", \"name\": \"項目\", \"fields\": {\"content\": \"本文\"}}] @S\n}@E";
  auto with = [](std::string text, const std::string& mark, const std::string& bytes) {
    for (const std::string m : {"@T", "@K", "@S", "@E"}) {
      const auto at = text.find(m);
      text.replace(at, m.size(), m == mark ? bytes : (m == "@K" ? "x" : ""));
    }
    return text;
  };
  int checked = 0;
  for (const auto& bytes : sequences) {
    // In a string value, in a key, between values, at the very end of the file; in a Markdown file at its
    // start and inside a line; in the name of a plan directory (and of a stray file, in every run).
    for (const std::string place : {"@T", "@K", "@S", "@E"}) {
      const std::string out = check_output(with(plan, place, bytes), "本文\n", "a");
      INFO("bytes " << base::invalid_bytes_at(bytes, 0) << " at " << place);
      CHECK_FALSE(out.empty());
      CHECK_FALSE(base::find_invalid_utf8(out).has_value());
      ++checked;
    }
    for (const std::string& md : {bytes + "はじめに\n", "本文" + bytes + "の途中\n"}) {
      const std::string out = check_output(with(plan, "", ""), md, "a");
      CHECK_FALSE(out.empty());
      CHECK_FALSE(base::find_invalid_utf8(out).has_value());
      ++checked;
    }
    const std::string out = check_output(with(plan, "", ""), "本文\n", "a" + bytes);
    CHECK_FALSE(base::find_invalid_utf8(out).has_value());
  }
  CHECK(checked == 9 * 6);
}
