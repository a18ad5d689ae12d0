#pragma once
/// Measuring text without a PDF library: layout asks a Measurer for advance widths, so its unit tests run
/// with a fake font of fixed widths and the PDF backend supplies the real font metrics.
#include <string>
#include <string_view>

namespace planpress::layout {

/// The two typefaces of a document: Mincho for body text, Gothic for headings, labels and tables' heads.
enum class Face : unsigned char { mincho, gothic };

/// Font metrics seen by layout. Widths are in em (1.0 = the font size).
class Measurer {
 public:
  /// Measurers are used through references to this interface.
  virtual ~Measurer() = default;
  /// Advance width of `cp` in `face`, in em (0 when the font has no glyph).
  virtual double advance(Face face, char32_t cp) const = 0;
  /// Whether `cp` can be drawn in `face` (by the face's font or one of its fallbacks).
  virtual bool has_glyph(Face face, char32_t cp) const = 0;
  /// Height above the baseline, in em.
  virtual double ascent(Face) const { return 0.88; }
  /// Depth below the baseline, in em (positive).
  virtual double descent(Face) const { return 0.12; }

  /// Width of a UTF-8 string in em.
  double width(Face face, std::string_view utf8) const;
};

/// A fake font for tests: every character is 1 em wide except ASCII and half-width forms (U+FF61–FF9F),
/// which are 0.5 em. Code points listed in `missing` have no glyph.
class FixedMeasurer : public Measurer {
 public:
  explicit FixedMeasurer(std::u32string missing = {}) : missing_(std::move(missing)) {}
  /// 1 em, or ½ em for ASCII and half-width forms; 0 for a missing code point.
  double advance(Face face, char32_t cp) const override;
  /// False only for the code points given as missing.
  bool has_glyph(Face face, char32_t cp) const override;

 private:
  std::u32string missing_;
};

}  // namespace planpress::layout
