#pragma once
/// The fonts of the PDFs of a build — Mincho and Gothic, each with optional fallback fonts for characters
/// they lack — parsed once and shared by every plan. A FontSet is the Measurer layout uses, so what is
/// measured is exactly what is drawn.
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "io/file_system.hpp"
#include "layout/measure.hpp"
#include "model/model.hpp"
#include "pdf/truetype.hpp"

namespace planpress::pdf {

/// A font file as read by the caller (load_fonts reads them through io::FileSystem).
struct FontSource {
  std::string path;   ///< for messages and to tell files apart
  std::string bytes;  ///< the whole file
};

/// One parsed font file.
struct FontFile {
  std::string path;      ///< as given in site.json
  std::string bytes;     ///< the whole file (subsets are cut from it)
  TrueTypeFont metrics;  ///< its character map and widths
};

/// Mincho and Gothic with their fallbacks.
class FontSet : public layout::Measurer {
 public:
  /// Parses the files. On failure returns nullopt and sets `error` (why the file cannot be used) and
  /// `*error_path` (which file), if given.
  static std::optional<FontSet> create(FontSource mincho, FontSource gothic, std::vector<FontSource> fallback,
                                       std::string& error, std::string* error_path = nullptr);

  /// Advance of `cp` in the font that draws it (the face's own or a fallback).
  double advance(layout::Face face, char32_t cp) const override;
  /// Whether the face's font or a fallback has `cp`.
  bool has_glyph(layout::Face face, char32_t cp) const override;
  /// Ascent of the face's own font.
  double ascent(layout::Face face) const override;
  /// Descent of the face's own font.
  double descent(layout::Face face) const override;

  /// Which font draws `cp` in `face`: 0 = the face's own font, 1 + i = fallback i, -1 = none.
  int font_index(layout::Face face, char32_t cp) const;
  /// The font file for a face and index (as returned by font_index).
  const FontFile& file(layout::Face face, int index) const;
  /// Path of the face's own font (for messages).
  const std::string& path(layout::Face face) const { return file(face, 0).path; }
  /// Every font file, Mincho, Gothic, then the fallbacks, as "a, b, c" (for messages).
  std::string names() const;

 private:
  FontSet() = default;
  std::vector<FontFile> files_;  ///< [0] mincho, [1] gothic, then the fallbacks
};

/// The fonts of the PDFs as site.json sets them ("pdf": {"fonts": …}), read through `fs` once per build.
/// A file that cannot be read is an environment problem (font-missing); one that is not a TrueType font
/// libharu can embed is font-invalid; both are reported at "fonts" in site.json, and nullopt is returned.
std::optional<FontSet> load_fonts(const io::FileSystem& fs, const model::PdfSettings& settings, base::Diagnostics& diags);

}  // namespace planpress::pdf
