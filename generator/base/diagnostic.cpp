#include "base/diagnostic.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace planpress::base {

Diagnostic& Diagnostics::error(Location where, CodedMessage message, std::vector<Message> hints) {
  const Code code = *code_of(message.id);
  items_.push_back(Diagnostic{Severity::error, code, std::move(message), std::move(where), std::move(hints)});
  return items_.back();
}

Diagnostic& Diagnostics::warning(Location where, CodedMessage message, std::vector<Message> hints) {
  const Code code = *code_of(message.id);
  items_.push_back(Diagnostic{Severity::warning, code, std::move(message), std::move(where), std::move(hints)});
  return items_.back();
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::merge(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::merge_distinct(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    const bool seen = std::any_of(items_.begin(), items_.end(), [&](const Diagnostic& x) {
      return x.code == d.code && x.location.file == d.location.file && x.location.offset == d.location.offset &&
             x.message == d.message;
    });
    if (!seen) items_.push_back(d);
  }
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::optional<ExitClass> Diagnostics::exit_class() const {
  std::optional<ExitClass> worst;
  for (const auto& d : items_) {
    if (d.severity != Severity::error) continue;
    const ExitClass c = info(d.code).exit_class;
    if (c != ExitClass::content) return c;
    worst = c;
  }
  return worst;
}

namespace {

// Characters that must not reach a terminal as they are: controls (an ESC starts an escape sequence),
// DEL, C1 controls, and the invisible format characters that hide or reorder text (bidi overrides and
// isolates, zero-width characters, U+FEFF). Diagnostics show U+FFFD in their place.
bool unsafe_on_terminal(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x00AD || cp == 0x061C || cp == 0x180E ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

// A message or hint with every unsafe character (see above) replaced by U+FFFD: they quote content.
std::string printable(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const bool bad = find_invalid_utf8(std::string_view(s).substr(i, 4)) == std::optional<std::size_t>(0);
    if (bad) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const char32_t cp = decode_utf8(s, i);
    if (unsafe_on_terminal(cp)) out += "\xEF\xBF\xBD";
    else out.append(s, at, i - at);
  }
  return out;
}

// Characters of a source line as (text, display width), with invalid bytes shown as U+FFFD and tabs kept
// so that the caret line can mirror them.
struct Glyph {
  std::string text;
  int width;
};

std::vector<Glyph> glyphs_of(std::string_view line) {
  std::vector<Glyph> out;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t len = 1;
    const auto bad = find_invalid_utf8(line.substr(i, 4));
    if (bad && *bad == 0) {
      out.push_back({"\xEF\xBF\xBD", 1});
      i += 1;
      continue;
    }
    std::size_t j = i;
    const char32_t cp = decode_utf8(line, j);
    len = j - i;
    if (cp == '\t') out.push_back({"\t", 1});
    else if (cp < 0x20) out.push_back({" ", 1});
    else if (unsafe_on_terminal(cp)) out.push_back({"\xEF\xBF\xBD", 1});
    else out.push_back({std::string(line.substr(i, len)), display_width(cp)});
    i += len;
  }
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
  std::string out;
  const char* sev = d.severity == Severity::error ? "error" : "warning";
  LineCol lc;
  const bool cell = d.location.known() && !d.location.file->place().empty();
  if (d.location.known()) {
    lc = d.location.file->locate(d.location.offset);
    // A spreadsheet cell is named as Excel names it (項目!G12); the caret line below shows where in it.
    if (cell) out += printable(d.location.file->path()) + ":" + printable(d.location.file->place()) + ": ";
    else out += printable(d.location.file->path()) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": ";
  }
  out += std::string(sev) + ": " + printable(render(d.message, lang)) + " [" + std::string(name_of(d.code)) + "]\n";
  // A file too large to read (or empty) has no line to show.
  if (d.location.known() && !d.location.file->text().empty()) {
    auto glyphs = glyphs_of(d.location.file->line_text(lc.line));
    // Show at most ~100 columns around the caret so that long lines stay readable.
    const std::size_t caret = static_cast<std::size_t>(lc.column - 1);
    std::size_t first = 0;
    std::size_t last = glyphs.size();
    constexpr std::size_t window = 48;
    if (glyphs.size() > 2 * window) {
      first = caret > window ? caret - window : 0;
      last = std::min(glyphs.size(), first + 2 * window);
    }
    // The gutter of a cell names the cell (G12), with the line inside it when the cell has several.
    std::string gutter = std::to_string(lc.line);
    if (cell) {
      const std::string& place = d.location.file->place();
      const auto bang = place.rfind('!');
      gutter = bang == std::string::npos ? place : place.substr(bang + 1);
      if (d.location.file->text().find('\n') != std::string::npos)
        gutter += ":" + std::to_string(lc.line);
    }
    std::string src = " " + gutter + " | ";
    std::string mark = " " + std::string(gutter.size(), ' ') + " | ";
    if (first > 0) { src += "…"; mark += " "; }
    for (std::size_t k = first; k < last; ++k) {
      src += glyphs[k].text;
      if (k < caret) mark += glyphs[k].text == "\t" ? "\t" : std::string(static_cast<std::size_t>(glyphs[k].width), ' ');
    }
    if (last < glyphs.size()) src += "…";
    out += src + "\n" + mark + "^\n";
  }
  for (const auto& h : d.hints) out += "hint: " + printable(render(h, lang)) + "\n";
  return out;
}

}  // namespace planpress::base
