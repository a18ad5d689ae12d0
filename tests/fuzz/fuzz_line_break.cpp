// Fuzz target: Japanese line breaking (text::find_line_breaks and layout::break_lines with the fixed-width
// test font). The first byte chooses the line width (1–32 em), the rest is the text. Properties (JLREQ):
// every break opportunity is a character boundary with no character that may not start a line after it and
// none that may not end a line before it; the lines cover the text in order, skipping only spaces and line
// feeds; a line is no wider than the measure unless it holds a single character; and a line cut inside an
// unbreakable run leaves a forbidden character at the cut only when every other cut in reach would too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "fuzz_check.hpp"
#include "layout/measure.hpp"
#include "layout/paragraph.hpp"
#include "text/line_break.hpp"

using namespace planpress;

namespace {
bool boundary(const std::string& s, std::size_t o) { return o >= s.size() || (static_cast<unsigned char>(s[o]) & 0xC0) != 0x80; }
char32_t at(const std::string& s, std::size_t o) { return base::decode_utf8(s, o); }
std::size_t before(const std::string& s, std::size_t o) {
  do --o;
  while (o > 0 && !boundary(s, o));
  return o;
}
// A break at `o` that shows a character at the start of the next line, or the end of this one, that JLREQ
// forbids there (spaces at the break are dropped, so the characters beside them are what shows).
bool bad_cut(const std::string& s, std::size_t o, std::size_t line_start) {
  std::size_t next = o, end = o;
  while (next < s.size() && (s[next] == ' ' || s[next] == '\t')) ++next;
  while (end > line_start && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return (next < s.size() && text::forbidden_at_line_start(at(s, next))) ||
         (end > line_start && text::forbidden_at_line_end(at(s, before(s, end))));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const double width = 10.0 * (1 + data[0] % 32);
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!fuzz::valid_utf8(text)) return 0;
  const auto breaks = text::find_line_breaks(text);
  std::vector<bool> opportunity(text.size() + 1, false);
  std::size_t previous = 0;
  for (const auto& b : breaks) {
    FUZZ_CHECK(b.offset > previous && b.offset <= text.size() && boundary(text, b.offset));
    previous = b.offset;
    opportunity[b.offset] = true;
    if (b.offset < text.size() && !b.mandatory) FUZZ_CHECK(!bad_cut(text, b.offset, 0));
  }
  FUZZ_CHECK(text.empty() || (!breaks.empty() && breaks.back().offset == text.size()));

  const layout::FixedMeasurer font;
  std::vector<double> advance(text.size(), 0.0);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = base::decode_utf8(text, i);
    advance[start] = (cp == '\n' || cp == '\r') ? 0.0 : font.advance(layout::Face::mincho, cp) * 10.0;
  }
  const auto lines = layout::break_lines(text, advance, width, width);
  FUZZ_CHECK(!lines.empty() && lines.back().last);
  std::size_t covered = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const auto& l = lines[k];
    FUZZ_CHECK(l.begin >= covered && l.begin <= l.end && l.end <= text.size());
    FUZZ_CHECK(boundary(text, l.begin) && boundary(text, l.end));
    for (std::size_t i = covered; i < l.begin; ++i) FUZZ_CHECK(std::string(" \t\n\r").find(text[i]) != std::string::npos);
    const bool one_character = l.end > l.begin && l.end - l.begin <= 4 && [&] {
      std::size_t i = l.begin;
      base::decode_utf8(text, i);
      return i == l.end;
    }();
    FUZZ_CHECK(l.width <= width + 1e-6 || one_character);
    // Where the line ends (before any trimmed spaces): an opportunity, or a cut inside a run.
    std::size_t next = l.end;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    if (!l.last && next < text.size() && !opportunity[next] && !opportunity[l.end] && bad_cut(text, l.end, l.begin)) {
      // A forbidden cut is allowed only when no cut between the line's first character and its end is clean.
      std::size_t i = l.begin;
      base::decode_utf8(text, i);
      for (; i < l.end; base::decode_utf8(text, i)) FUZZ_CHECK(bad_cut(text, i, l.begin));
    }
    covered = l.end;
  }
  for (std::size_t i = covered; i < text.size(); ++i) FUZZ_CHECK(std::string(" \t\n\r").find(text[i]) != std::string::npos);
  return 0;
}
