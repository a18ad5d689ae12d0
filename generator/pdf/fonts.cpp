#include "pdf/fonts.hpp"

namespace planpress::pdf {

std::optional<FontSet> FontSet::create(FontSource mincho, FontSource gothic, std::vector<FontSource> fallback,
                                       std::string& error) {
  FontSet set;
  std::vector<FontSource> sources;
  sources.push_back(std::move(mincho));
  sources.push_back(std::move(gothic));
  for (auto& f : fallback) sources.push_back(std::move(f));
  for (auto& s : sources) {
    std::string why;
    auto metrics = TrueTypeFont::parse(s.bytes, why);
    if (!metrics) {
      error = "font '" + s.path + "' cannot be used: " + why;
      return std::nullopt;
    }
    set.files_.push_back(FontFile{std::move(s.path), std::move(s.bytes), std::move(*metrics)});
  }
  return set;
}

int FontSet::font_index(layout::Face face, char32_t cp) const {
  const std::size_t own = face == layout::Face::mincho ? 0 : 1;
  if (files_[own].metrics.glyph(cp)) return 0;
  for (std::size_t i = 2; i < files_.size(); ++i)
    if (files_[i].metrics.glyph(cp)) return static_cast<int>(i - 1);
  return -1;
}

const FontFile& FontSet::file(layout::Face face, int index) const {
  if (index <= 0) return files_[face == layout::Face::mincho ? 0 : 1];
  return files_[static_cast<std::size_t>(index) + 1];
}

double FontSet::advance(layout::Face face, char32_t cp) const {
  const int i = font_index(face, cp);
  return i < 0 ? 0.0 : file(face, i).metrics.advance(cp);
}

bool FontSet::has_glyph(layout::Face face, char32_t cp) const { return font_index(face, cp) >= 0; }

double FontSet::ascent(layout::Face face) const { return file(face, 0).metrics.ascent(); }

double FontSet::descent(layout::Face face) const { return file(face, 0).metrics.descent(); }

}  // namespace planpress::pdf
