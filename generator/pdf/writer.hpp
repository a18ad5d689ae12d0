#pragma once
/// The libharu backend: draws a laid-out layout::Document — text with embedded font subsets, rectangles,
/// paths, internal and URI links, the outline (しおり) and the document information — into PDF bytes,
/// in stages: setup, fonts, pages, links, outline, metadata, finish. libharu is used only in pdf/, through
/// its public API; what needs its internal structs is fenced in libharu_internals.hpp.
#include <optional>
#include <string>

#include "layout/page.hpp"
#include "pdf/fonts.hpp"

namespace planpress::pdf {

/// Writes `doc` as PDF bytes. Every character must have a glyph in `fonts` (layout checks this first and
/// reports pdf-missing-glyph); a character without one, or any libharu error, makes this return nullopt
/// with `error` set. Without `doc.info.epoch` the PDF carries no date, so equal input gives equal bytes.
std::optional<std::string> write_pdf(const layout::Document& doc, const FontSet& fonts, std::string& error);

}  // namespace planpress::pdf
