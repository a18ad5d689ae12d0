#pragma once
/// Building blocks shared by everything a plan's PDF is made of: the typography (sizes, colours), text
/// split into paragraphs, headings, rules, table cells and small grids (tables inside a cell, such as a
/// schedule), and the Block sequence that Markdown and charts produce.
#include <string>
#include <variant>
#include <vector>

#include "layout/flow.hpp"
#include "layout/measure.hpp"
#include "layout/paragraph.hpp"

namespace planpress::layout {

/// Colours and sizes of the documents (points).
namespace style {
inline constexpr Color kText{0.08, 0.08, 0.08};       ///< body text
inline constexpr Color kMuted{0.36, 0.36, 0.36};      ///< notes, labels, running header
inline constexpr Color kLink{0.05, 0.22, 0.55};       ///< link text (dark blue, legible in grey print)
inline constexpr Color kRule{0.45, 0.45, 0.45};       ///< rules and borders
inline constexpr Color kHeadFill{0.86, 0.88, 0.91};   ///< table header rows, top-level category rows
inline constexpr Color kGroupFill{0.93, 0.94, 0.95};  ///< category rows, sub-item rows
inline constexpr Color kSubFill{0.965, 0.965, 0.965}; ///< label cells, 参照・関連 rows
inline constexpr double kBody = 10;        ///< body text
inline constexpr double kSmall = 8.5;      ///< notes, reference lines
inline constexpr double kTable = 8.5;      ///< portrait tables and cards
inline constexpr double kTableWide = 8;    ///< landscape item tables
}  // namespace style

/// A piece of a flow: boxes, or a table the paginator lays out over pages.
using Block = std::variant<Box, Table>;

/// Paragraph style for body text of `size` (justified).
ParagraphStyle make_body_style(double size = style::kBody);

/// Lays out `text` (line feeds separate paragraphs) in one face and colour.
std::vector<Box> typeset_text(const std::string& text, const ParagraphStyle& st, double width, const Measurer& m,
                            Face face = Face::mincho, Color color = style::kText);

/// A heading: Gothic, kept with what follows, optionally with an anchor and an outline mark at its top.
/// `level` 0 is a chapter (with a rule under it), 1 a section, 2 and deeper smaller headings.
std::vector<Box> typeset_heading(const std::string& text, int level, double width, const Measurer& m,
                               const std::string& anchor = {}, int outline_level = -1);

/// A horizontal rule `width` wide.
Box make_rule(double width, double space_above = 4, double space_below = 4, Color color = style::kRule);

/// Adds an anchor (and an outline mark when `outline_level` ≥ 0) at the top of the first box.
void mark(std::vector<Box>& boxes, const std::string& anchor, const std::string& outline_title = {}, int outline_level = -1);

/// A table cell holding `boxes`.
Cell make_cell(std::vector<Box> boxes, std::optional<Color> fill = std::nullopt, int span = 1);

/// A small grid drawn as one unsplittable box per row (tables inside a table cell: schedules, Markdown
/// tables in a field). `cells[r][c]` is the content of a cell laid out to `widths[c] - 2 * pad`.
std::vector<Box> typeset_grid(const std::vector<double>& widths, const std::vector<std::vector<std::vector<Box>>>& cells,
                            const std::vector<bool>& header_rows, double pad = 2);

/// Column widths for `count` columns filling `total`, from relative `weights` (missing weights are 1).
std::vector<double> scale_widths(const std::vector<double>& weights, double total);

/// Converts blocks to boxes only (tables become grids), for content inside a table cell.
std::vector<Box> flatten(std::vector<Block> blocks);

}  // namespace planpress::layout
