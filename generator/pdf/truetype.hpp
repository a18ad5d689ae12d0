#pragma once
/// A minimal TrueType reader: the character map, advance widths and vertical metrics of a font file.
/// planpress measures and checks text with it (every character against the font) and hands the same
/// character map to libharu (see pdf/writer.cpp), and cuts the subsets that are embedded.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planpress::pdf {

/// The metrics planpress needs from one TrueType font.
class TrueTypeFont {
 public:
  /// Parses `bytes` (a whole .ttf file). On failure returns nullopt and sets `error`.
  static std::optional<TrueTypeFont> parse(std::string_view bytes, std::string& error);

  /// Glyph id of a code point, 0 when the font has no glyph for it (or it lies outside the BMP, which
  /// libharu cannot show).
  std::uint16_t glyph(char32_t cp) const { return cp < bmp_.size() ? bmp_[cp] : 0; }
  /// Advance width of a code point in em (1.0 = the font size); 0 for a missing glyph.
  double advance(char32_t cp) const;
  /// Advance width of a glyph in font units.
  std::uint16_t glyph_advance(std::uint16_t gid) const;
  double ascent() const { return ascent_; }    ///< em, positive
  double descent() const { return descent_; }  ///< em, positive (below the baseline)
  std::uint16_t units_per_em() const { return units_per_em_; }
  /// The BMP character map: code point → glyph id (0 = none), 65536 entries.
  const std::vector<std::uint16_t>& bmp_map() const { return bmp_; }

  /// A subset of the font: only the glyphs of `code_points` (and the components of composite glyphs),
  /// renumbered, with a character map for exactly those code points. `bytes` must be the file this font
  /// was parsed from. `new_gid` receives the subset's glyph id of each code point (0 for none).
  std::string subset(std::string_view bytes, const std::vector<char32_t>& code_points,
                     std::vector<std::uint16_t>& new_gid) const;

 private:
  std::vector<std::uint16_t> bmp_;
  std::vector<std::uint16_t> advances_;  ///< by glyph id (the last repeats, as hmtx says)
  std::vector<float> bmp_advance_em_;    ///< cache: advance in em by code point
  struct TableRecord {
    char tag[4];
    std::size_t offset = 0, length = 0;
  };
  std::vector<TableRecord> tables_;
  std::uint16_t num_glyphs_ = 0;
  std::int16_t index_to_loc_format_ = 0;
  std::uint16_t units_per_em_ = 1000;
  double ascent_ = 0.88, descent_ = 0.12;
  class Subsetter;  ///< the stages of subset (truetype.cpp)
};

}  // namespace planpress::pdf
