#include "pdf/to_unicode.hpp"

#include <algorithm>
#include <cstdio>

namespace planpress::pdf {

namespace {

std::string hex4(char32_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<%04X>", static_cast<unsigned>(v));
  return buf;
}

// Entries of one kind written in blocks of at most 100 (the limit of the CMap format).
void write_blocks(std::string& out, const std::vector<std::string>& entries, const char* kind) {
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    out += std::to_string(n) + " begin" + kind + "\n";
    for (std::size_t k = i; k < i + n; ++k) out += entries[k] + "\n";
    out += std::string("end") + kind + "\n";
  }
}

}  // namespace

std::string to_unicode_cmap(std::vector<char32_t> codes) {
  codes.erase(std::remove_if(codes.begin(), codes.end(), [](char32_t c) { return c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF); }),
              codes.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::vector<std::string> ranges, chars;
  for (std::size_t i = 0; i < codes.size();) {
    std::size_t j = i + 1;
    while (j < codes.size() && codes[j] == codes[j - 1] + 1 && (codes[j] >> 8) == (codes[i] >> 8)) ++j;
    if (j - i == 1) chars.push_back(hex4(codes[i]) + " " + hex4(codes[i]));
    else ranges.push_back(hex4(codes[i]) + " " + hex4(codes[j - 1]) + " " + hex4(codes[i]));
    i = j;
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  write_blocks(out, ranges, "bfrange");
  write_blocks(out, chars, "bfchar");
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace planpress::pdf
