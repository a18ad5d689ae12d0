#include "layout/measure.hpp"

#include "base/utf8.hpp"

namespace planpress::layout {

double Measurer::width(Face face, std::string_view utf8) const {
  double w = 0;
  for (std::size_t i = 0; i < utf8.size();) w += advance(face, base::decode_utf8(utf8, i));
  return w;
}

double FixedMeasurer::advance(Face face, char32_t cp) const {
  if (!has_glyph(face, cp)) return 0;
  return (cp < 0x80 || (cp >= 0xFF61 && cp <= 0xFF9F)) ? 0.5 : 1.0;
}

bool FixedMeasurer::has_glyph(Face, char32_t cp) const { return missing_.find(cp) == std::u32string::npos; }

}  // namespace planpress::layout
