#pragma once
/// Paragraphs: Japanese line breaking (JLREQ, through text::find_line_breaks), Latin words and numbers kept
/// whole, overlong unbreakable runs broken rather than overflowing, and Japanese justification (the
/// extra space of a line is shared among the gaps between characters, never inside a Latin word).
#include <string>
#include <vector>

#include "layout/measure.hpp"
#include "layout/page.hpp"

namespace planpress::layout {

/// A stretch of text with one appearance; a span may link to an anchor, a URI, or a named destination
/// (`anchor`) of another PDF (`file`).
struct Span {
  Span() = default;
  /// A span of `text`; the link members name where it leads, if anywhere.
  Span(std::string text, Face face = Face::mincho, Color color = {}, std::string anchor = {}, std::string uri = {},
       std::string file = {})
      : text(std::move(text)), face(face), color(color), anchor(std::move(anchor)), uri(std::move(uri)), file(std::move(file)) {}

  std::string text;            ///< UTF-8; a line feed forces a line break
  Face face = Face::mincho;    ///< typeface
  Color color;                 ///< text colour
  std::string anchor;  ///< internal link target, or the named destination in `file`
  std::string uri;     ///< external link target
  std::string file;    ///< another PDF, by a file name relative to this one
  bool underline = false;  ///< a rule under the text (the changed words of a 新旧対照表)
};

/// Horizontal alignment of a paragraph's lines (justify: Japanese justification, last line flush left).
enum class Align { justify, left, center, right };

/// How a paragraph is set. Lengths in points.
struct ParagraphStyle {
  double size = 10;            ///< font size, points
  double line_height = 1.6;    ///< line pitch as a multiple of `size`
  Align align = Align::justify;
  double indent = 0;           ///< left indent of every line
  double first_indent = 0;     ///< added to `indent` on the first line (negative for hanging labels)
  double space_before = 0;     ///< vertical space above (kept with the paragraph)
  double space_after = 0;      ///< vertical space below (dropped at a page bottom)
  /// Break only between phrases (text::find_phrase_breaks), for column headers: 評価 never becomes 評／価.
  /// A phrase wider than the line is still cut rather than overflow.
  bool phrases = false;
};

/// A vertical piece of a flow: a line of text, a space, a rule, a chart. Content is relative to the box's
/// top left; the paginator places boxes one under another and breaks pages between them.
struct Box {
  double height = 0;           ///< points
  Content content;             ///< what the box draws, relative to its top left
  bool keep_with_next = false;  ///< no page break between this box and the next
  bool space = false;           ///< vertical space: dropped at the top of a page
};

/// One line found by the line breaker: a byte range of the paragraph text (trailing spaces and the line
/// feed of a forced break excluded) and its natural width in points.
struct LineRange {
  std::size_t begin = 0, end = 0;  ///< bytes of the paragraph text
  double width = 0;                ///< natural width, points
  bool last = false;    ///< last line of the paragraph or ended by a forced break (not justified)
};

/// Breaks `text` into lines no wider than `width` (points) for the first line and `width_rest` for the
/// others, measuring each byte range with `advance_pt` (points per character, by byte offset); only
/// between phrases when `phrases`. Exposed for the JLREQ spec tests.
std::vector<LineRange> break_lines(const std::string& text, const std::vector<double>& advance_pt_by_byte, double first_width,
                                   double rest_width, bool phrases = false);

/// Whether justification may open a gap between `a` and `b`: not inside a Latin word or a number, in
/// half-width or full-width letters and digits (ＲＰＡ, ２０２４, A.I.); everywhere else (JLREQ 3.8: the
/// adjustment goes to the gaps between Japanese characters and between Japanese and Western text).
bool justification_gap(char32_t a, char32_t b);

/// Convenience for tests: breaks plain text in one face and size and returns the lines' text.
std::vector<std::string> break_plain(const std::string& text, double width_pt, double size, const Measurer& m,
                                     Face face = Face::mincho);

/// Lays out a paragraph of spans into line boxes `width` wide (orphans and widows: the first two and the
/// last two lines keep together). An empty paragraph gives one empty line.
std::vector<Box> layout_paragraph(const std::vector<Span>& spans, const ParagraphStyle& style, double width,
                                  const Measurer& m);

/// A vertical space box.
Box make_space(double height);

}  // namespace planpress::layout
