// Runs every test of the Mustache spec files in shared/specs/mustache against tmpl::TemplateSet. Without
// the shared checkout (a fresh clone) these tests are skipped.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "template/mustache.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using planpress::base::Diagnostics;
using planpress::base::SourceFile;
using planpress::tmpl::TemplateSet;

const fs::path& spec_dir() {
  static const fs::path dir = planpress::testing::shared_dir() / "specs" / "mustache";
  return dir;
}

// Every spec file this suite runs; the test "spec directory is fully covered" fails if the directory holds
// a file that is not listed here, so that no spec file is skipped silently.
const std::set<std::string>& spec_files() {
  static const std::set<std::string> files{"comments.json", "delimiters.json", "interpolation.json", "inverted.json",
                                           "partials.json", "sections.json",   "inheritance.json"};
  return files;
}

json load_spec(const std::string& file) {
  std::ifstream in(spec_dir() / file);
  INFO("spec file: " << (spec_dir() / file).string());
  REQUIRE(in.good());
  return json::parse(in);
}

// The main template gets a name no spec partial uses.
constexpr const char* kMain = "(spec test template)";

void run_spec_test(const std::string& file, std::size_t index, const json& test) {
  const std::string name = test.at("name").get<std::string>();
  INFO(file << " test #" << index + 1 << " \"" << name << "\": " << test.value("desc", ""));
  INFO("template: " << test.at("template").dump());
  INFO("data: " << test.at("data").dump());
  INFO("partials: " << (test.contains("partials") ? test.at("partials").dump() : std::string("(none)")));

  TemplateSet set;
  set.add(kMain, std::make_shared<const SourceFile>("spec/" + name, test.at("template").get<std::string>()));
  if (test.contains("partials")) {
    for (const auto& [partial, text] : test.at("partials").items()) {
      REQUIRE_FALSE(partial == kMain);
      set.add(partial, std::make_shared<const SourceFile>("spec/partial/" + partial, text.get<std::string>()));
    }
  }
  Diagnostics diags;
  const bool compiled = set.compile(diags);
  std::string messages;
  for (const auto& d : diags.all()) messages += planpress::base::format_diagnostic(d, planpress::base::Lang::en);
  INFO("diagnostics:\n" << messages);
  CHECK(compiled);
  CHECK(diags.empty());

  std::string actual;
  Diagnostics render_diags;
  REQUIRE_NOTHROW(actual = set.render(kMain, test.at("data"), render_diags));
  CHECK(render_diags.empty());
  const std::string expected = test.at("expected").get<std::string>();
  // Compare as JSON strings so that whitespace differences are visible in the failure message.
  CHECK(json(actual).dump() == json(expected).dump());
}

void run_spec_file(const std::string& file) {
  if (planpress::testing::skip_without(spec_dir(), "the Mustache spec")) return;
  const json spec = load_spec(file);
  REQUIRE(spec.contains("tests"));
  const json& tests = spec.at("tests");
  REQUIRE(tests.is_array());
  REQUIRE_FALSE(tests.empty());
  for (std::size_t i = 0; i < tests.size(); ++i) {
    // The index keeps section names unique: inheritance.json has two tests named "Text inside parent".
    DYNAMIC_SECTION(file << " #" << i + 1 << ": " << tests[i].at("name").get<std::string>()) {
      run_spec_test(file, i, tests[i]);
    }
  }
}

}  // namespace

TEST_CASE("mustache spec directory is fully covered", "[template][spec]") {
  if (planpress::testing::skip_without(spec_dir(), "the Mustache spec")) return;
  REQUIRE(fs::is_directory(spec_dir()));
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(spec_dir())) {
    if (entry.path().extension() == ".json") present.insert(entry.path().filename().string());
  }
  CHECK(present == spec_files());
}

TEST_CASE("mustache spec: comments", "[template][spec]") { run_spec_file("comments.json"); }
TEST_CASE("mustache spec: delimiters", "[template][spec]") { run_spec_file("delimiters.json"); }
TEST_CASE("mustache spec: interpolation", "[template][spec]") { run_spec_file("interpolation.json"); }
TEST_CASE("mustache spec: inverted", "[template][spec]") { run_spec_file("inverted.json"); }
TEST_CASE("mustache spec: partials", "[template][spec]") { run_spec_file("partials.json"); }
TEST_CASE("mustache spec: sections", "[template][spec]") { run_spec_file("sections.json"); }
TEST_CASE("mustache spec: inheritance", "[template][spec]") { run_spec_file("inheritance.json"); }
