// Fuzz target: the JSON reader with positions (content::parse_json). Properties: no crash, every
// diagnostic formats with its caret, every recorded span lies inside the file, and in_string maps every
// decoded offset of every string back into the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.hpp"
#include "content/json_document.hpp"
#include "fuzz_check.hpp"

using namespace planpress;

namespace {
void walk(const content::JsonDocument& doc, const nlohmann::json& v, const std::string& pointer, std::size_t size) {
  const auto at = doc.at(pointer);
  FUZZ_CHECK(at.offset <= size);
  FUZZ_CHECK(doc.key_at(pointer).offset <= size);
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    for (std::size_t k = 0; k <= s.size(); k += 1 + k / 4) FUZZ_CHECK(doc.in_string(pointer, k).offset <= size);
  } else if (v.is_number()) {
    FUZZ_CHECK(!doc.raw_text(pointer).empty());
  } else if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) walk(doc, it.value(), content::pointer_append(pointer, it.key()), size);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) walk(doc, v[i], content::pointer_append(pointer, i), size);
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = std::make_shared<base::SourceFile>("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
  base::Diagnostics diags;
  const auto doc = content::parse_json(source, diags);
  FUZZ_CHECK(doc.has_value() == !diags.has_errors());
  for (const auto& d : diags.all()) {
    FUZZ_CHECK(d.location.offset <= size);
    FUZZ_CHECK(!base::format_diagnostic(d, base::Lang::ja).empty());
  }
  if (doc) walk(*doc, doc->root(), "", size);
  return 0;
}
