// Build-time side of the cross-language normalisation tests (tests/search/*.test.js):
//   search_dump normalize           normalises each line of stdin (\u{…} escapes allowed) to stdout
//   search_dump dump CONTENT_DIR    JSON: the Unicode version, the normalisation of every assigned code
//                                   point that is not the code point itself, and every passage of the
//                                   content with its normalisation — what the browser must reproduce
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "assemble/assemble.hpp"
#include "base/utf8.hpp"
#include "content/loader.hpp"
#include "io/file_system.hpp"
#include "validate/validate.hpp"
#include "search/corpus.hpp"
#include "search/normalize.hpp"
#include "text/normalize.hpp"
#include "xref/xref.hpp"

using namespace planpress;
using json = nlohmann::json;

namespace {

int dump(const std::string& content_dir) {
  base::Diagnostics diags;
  io::RealFileSystem fs;
  const auto raw = content::load_content(fs, content_dir, diags);
  const auto model = validate::validate(raw, diags);
  const xref::SymbolTable symbols(model);
  if (diags.has_errors()) {
    std::cerr << "search_dump: the content has errors\n";
    return 1;
  }
  json assigned = json::array(), changed = json::array();
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (!text::is_assigned(c)) continue;
    if (assigned.empty() || assigned.back()[1].get<std::uint32_t>() + 1 != c) assigned.push_back(json::array({c, c}));
    else assigned.back()[1] = c;
    std::string one;
    base::append_utf8(one, c);
    const auto n = search::normalize_utf8(one);
    if (n != one) changed.push_back(json::array({c, n}));
  }
  json passages = json::array();
  const auto assembly = assemble::assemble(model);
  const auto corpus = search::collect(model, symbols, assembly);
  for (const auto& d : corpus.docs) {
    passages.push_back(json::array({d.title, search::normalize_utf8(d.title)}));
    for (const auto& p : d.passages) passages.push_back(json::array({p.text, search::normalize_utf8(p.text)}));
  }
  std::cout << json{{"unicode", text::unicode_version()}, {"assigned", assigned}, {"changed", changed}, {"passages", passages}}.dump()
            << "\n";
  return 0;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size() && s[i + 1] == 'u' && s[i + 2] == '{') {
      const auto close = s.find('}', i);
      base::append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 3, close - i - 3), nullptr, 16)));
      i = close;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "dump" && argc == 3) return dump(argv[2]);
  if (mode == "normalize") {
    std::string line;
    while (std::getline(std::cin, line)) std::cout << search::normalize_utf8(unescape(line)) << "\n";
    return 0;
  }
  std::cerr << "usage: search_dump normalize < lines | search_dump dump CONTENT_DIR\n";
  return 2;
}
