#pragma once
/// Column widths of a table from its content, as a typesetter would set them: no column narrower than its
/// header's longest phrase (評価 never breaks into 評／価) or its longest unbreakable run, none wider than
/// its widest line (a column of ○/☆/× or 新規 stays narrow), and the rest of the width where the text is,
/// so that the table is as short as it can be (内容 gets the room a mostly empty column does not need).
#include <string>
#include <vector>

#include "layout/measure.hpp"

namespace planpress::layout {

/// What a column needs, in points.
struct ColumnNeed {
  double min = 0;  ///< no narrower: the header's longest phrase, the longest unbreakable run of a cell
  double max = 0;  ///< no use being wider: the header and every paragraph of a cell on one line
  double pad = 0;  ///< horizontal padding of a cell (both sides together), not available to text
  double line = 1;  ///< line pitch of the cells, points
  /// Per row (the same rows in every column): the natural width of each paragraph of the cell, points.
  std::vector<std::vector<double>> cells;
};

/// How the cells of a column are set, for measure_column.
struct CellText {
  Face face = Face::mincho;
  double size = 8.5;   ///< points
  double line = 12.3;  ///< line pitch, points
  bool phrases = false;  ///< broken between phrases only (names, departments), like the header
};

/// The need of a column from its header and its cells, each cell given as its paragraphs of plain text:
/// the header measured in `header_face` at `header_size` and broken between phrases only
/// (text::find_phrase_breaks), the cells as `cells_as` says. An unbreakable run longer than `longest_run`
/// points (a URL, a long name) does not widen the column: it is cut.
ColumnNeed measure_column(const std::string& header, Face header_face, double header_size,
                          const std::vector<std::vector<std::string>>& cells, const CellText& cells_as, double pad,
                          double longest_run, const Measurer& m);

/// Widths for the columns filling `total`: each at least its `min` (scaled down together only when the
/// minimums alone exceed `total`), none beyond its `max` unless every column is at its max (the rest is
/// then shared in proportion to the max), and in between the widths that make the table shortest — the
/// sum over the rows of the tallest cell, counting each paragraph's lines, plus half the height of all
/// cells (so that a short label is not broken over many lines beside a tall cell) — found by moving width
/// from column to column while that gets smaller. Deterministic: equal input gives equal widths.
std::vector<double> fit_columns(const std::vector<ColumnNeed>& columns, double total);

}  // namespace planpress::layout
