// Fuzz target: Markdown → planpress's AST (markdown::parse, over cmark-gfm) → HTML (site::markdown_to_html)
// and plain text. Properties: no crash or stack overflow (the nesting bounds hold), every diagnostic lies in
// the text and formats, every node and [[link]] offset lies in the text, the HTML has no raw '<' from the
// content (every tag it writes is one of the writer's own).
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.hpp"
#include "fuzz_check.hpp"
#include "markdown/markdown.hpp"
#include "site/html.hpp"

using namespace planpress;

namespace {
void check_offsets(const markdown::Node& n, std::size_t size) {
  FUZZ_CHECK(n.offset <= size);
  for (const auto& c : n.children) check_offsets(c, size);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (!fuzz::valid_utf8(text)) return 0;
  auto source = std::make_shared<base::SourceFile>("fuzz.md", text);
  base::Diagnostics diags;
  markdown::ParseOptions options;
  options.min_heading_level = size > 0 ? 1 + data[0] % 3 : 2;
  const auto doc = markdown::parse(text, [&](std::size_t o) { return base::Location::in(source, o); }, diags, options);
  for (const auto& d : diags.all()) {
    FUZZ_CHECK(d.location.offset <= size);
    FUZZ_CHECK(!base::format_diagnostic(d, base::Lang::ja).empty());
  }
  check_offsets(doc.root, size);
  for (const auto& w : doc.wikilinks) FUZZ_CHECK(w.offset <= size);
  const std::string html = site::markdown_to_html(doc, [](const std::string& target) -> std::optional<site::ResolvedLink> {
    if (target.empty() || target.size() % 2) return std::nullopt;
    return site::ResolvedLink{"../x/" + target + ".html", "リンク"};
  });
  // Content never becomes markup: every '<' in the HTML starts one of the writer's own tags.
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const char next = at + 1 < html.size() ? html[at + 1] : '\0';
    FUZZ_CHECK((next >= 'a' && next <= 'z') || next == '/');
  }
  FUZZ_CHECK(html.find("<script") == std::string::npos);
  // No link the writer makes leads to a scheme that runs code (markdown-unsafe-link removed them).
  for (std::size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1)) {
    std::string scheme;
    for (std::size_t k = at + 6; k < html.size() && html[k] != '"' && scheme.size() < 12; ++k)
      if (static_cast<unsigned char>(html[k]) > 0x20) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(html[k])));
    for (const char* bad : {"javascript:", "vbscript:", "data:", "file:"}) FUZZ_CHECK(scheme.rfind(bad, 0) != 0);
  }
  (void)markdown::plain_text(doc.root);
  return 0;
}
