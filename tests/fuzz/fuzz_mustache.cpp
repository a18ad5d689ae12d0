// Fuzz target: the Mustache compiler, HTML lint and renderer. The input is split at NUL bytes into
// templates t0, t1, … (so partials and parents refer to each other); a fixed context with strings, lists,
// objects, numbers, booleans and nulls is rendered through every template. Properties: no crash, compile
// and lint report only at offsets inside the templates, rendering never throws (a recursion the data never
// ends is reported), and renders the same output twice.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "fuzz_check.hpp"
#include "template/mustache.hpp"

using namespace planpress;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (!fuzz::valid_utf8(input)) return 0;
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const auto nul = input.find('\0', start);
    parts.push_back(input.substr(start, nul == std::string::npos ? std::string::npos : nul - start));
    if (nul == std::string::npos || parts.size() == 8) break;
    start = nul + 1;
  }
  tmpl::TemplateSet set;
  std::vector<base::SourcePtr> sources;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    sources.push_back(std::make_shared<base::SourceFile>("t" + std::to_string(i) + ".mustache", parts[i]));
    set.add("t" + std::to_string(i), sources.back());
  }
  base::Diagnostics diags;
  const bool ok = set.compile(diags, size % 2 == 0);
  for (const auto& d : diags.all()) {
    FUZZ_CHECK(d.location.file && d.location.offset <= d.location.file->text().size());
    FUZZ_CHECK(!base::format_diagnostic(d, base::Lang::ja).empty());
  }
  base::Diagnostics lint;
  set.lint_html({"html"}, lint);
  for (const auto& d : lint.all()) FUZZ_CHECK(d.location.offset <= d.location.file->text().size());
  if (!ok && size % 2 == 0) return 0;
  const nlohmann::json context = {
      {"title", "計画 <b>&\"'"}, {"html", "<p>x</p>"}, {"n", 0}, {"f", 1.5}, {"t", true}, {"no", false}, {"null", nullptr},
      {"empty", nlohmann::json::array()}, {"list", {{{"name", "a"}, {"list", {1, 2}}}, {{"name", "b"}}, "c", nullptr}},
      {"obj", {{"a", {{"b", {{"c", "deep"}}}}}, {"t0", "shadow"}}}, {"t0", "name"}};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    base::Diagnostics render_diags;
    const std::string first = set.render("t" + std::to_string(i), context, render_diags);
    FUZZ_CHECK(first == set.render("t" + std::to_string(i), context, render_diags));
    for (const auto& d : render_diags.all()) FUZZ_CHECK(d.location.file == nullptr || d.location.offset <= d.location.file->text().size());
  }
  base::Diagnostics unknown;
  set.report_unknown_names(unknown);
  return 0;
}
