#include "pdf/fonts.hpp"

namespace planpress::pdf {

std::optional<FontSet> FontSet::create(FontSource mincho, FontSource gothic, std::vector<FontSource> fallback,
                                       std::string& error, std::string* error_path) {
  FontSet set;
  std::vector<FontSource> sources;
  sources.push_back(std::move(mincho));
  sources.push_back(std::move(gothic));
  for (auto& f : fallback) sources.push_back(std::move(f));
  for (auto& s : sources) {
    std::string why;
    auto metrics = TrueTypeFont::parse(s.bytes, why);
    if (!metrics) {
      error = why;
      if (error_path) *error_path = s.path;
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

std::string FontSet::names() const {
  std::string names;
  for (const auto& f : files_) names += (names.empty() ? "" : ", ") + f.path;
  return names;
}

std::optional<FontSet> load_fonts(const io::FileSystem& fs, const model::PdfSettings& s, base::Diagnostics& diags) {
  using base::arg, base::msg, base::Msg;
  auto read = [&](const std::string& path, Msg role) -> std::optional<FontSource> {
    std::string error;
    if (auto bytes = fs.read_file(path, error)) return FontSource{path, std::move(*bytes)};
    diags.error(s.fonts_location,
                msg<Msg::font_missing_read>(arg<"role">(base::Message{role, {}}), arg<"path">(path), arg<"reason">(error)),
                {msg<Msg::font_missing_hint>()});
    return std::nullopt;
  };
  auto mincho = read(s.font_mincho, Msg::term_font_mincho);
  auto gothic = read(s.font_gothic, Msg::term_font_gothic);
  std::vector<FontSource> fallback;
  bool ok = mincho && gothic;
  for (const auto& path : s.font_fallback) {
    if (auto f = read(path, Msg::term_font_fallback)) fallback.push_back(std::move(*f));
    else ok = false;
  }
  if (!ok) return std::nullopt;
  std::string error, error_path;
  auto set = FontSet::create(std::move(*mincho), std::move(*gothic), std::move(fallback), error, &error_path);
  if (!set)
    diags.error(s.fonts_location, msg<Msg::font_invalid_font>(arg<"path">(error_path), arg<"reason">(error)), {msg<Msg::font_invalid_hint>()});
  return set;
}

}  // namespace planpress::pdf
