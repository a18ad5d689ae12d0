#pragma once
/// Pagination: boxes placed one under another with page breaks between them (keeping together what asks
/// to be kept together), and tables over pages — the header rows repeated on every page, rows taller
/// than what is left split between pages line by line, nothing clipped or lost.
#include <optional>
#include <vector>

#include "layout/page.hpp"
#include "layout/paragraph.hpp"

namespace planpress::layout {

/// A page size with its margins, in points.
struct PageGeometry {
  double width = kA4Short, height = kA4Long;  ///< the page
  /// The margins; the running header and the page number sit inside the top and bottom ones.
  double margin_top = 56.69, margin_bottom = 56.69, margin_left = 56.69, margin_right = 56.69;
  double content_width() const { return width - margin_left - margin_right; }
  double content_height() const { return height - margin_top - margin_bottom; }
};

/// A4 upright or turned (wide item tables).
enum class Orientation { portrait, landscape };

/// A table cell: its content already laid out to the column width minus the padding.
struct Cell {
  std::vector<Box> boxes;     ///< lines (and small grids) of the cell, top to bottom
  std::optional<Color> fill;  ///< background
  int span = 1;  ///< number of columns it covers
};

/// A table row.
struct Row {
  std::vector<Cell> cells;  ///< left to right; spans add up to the table's columns
  bool keep_with_next = false;  ///< category rows and rows followed by their 参照・関連 row
  bool top_rule = true;         ///< false: no border between this row and the one above (a sub-row)
  std::vector<Box> continued;   ///< shown at the top of cell `continued_cell` where the row continues on a new page
  std::size_t continued_cell = 0;
  std::vector<Anchor> anchors;  ///< placed at the top of the row (anchor y values are ignored); in a header
  std::vector<OutlineMark> outline;  ///< row, only where the table starts
};

/// A table: column widths in points, header rows repeated on every page, body rows.
struct Table {
  std::vector<double> widths;  ///< column widths, points
  std::vector<Row> header;     ///< repeated at the top of every page the table is on
  std::vector<Row> rows;       ///< the body
  double pad_x = 3, pad_y = 2; ///< cell padding, points
  /// Start on a new page rather than split when the whole table fits on one and less than half a page is
  /// left (item cards).
  bool keep_together = false;
  Color rule{0.35, 0.35, 0.35};  ///< colour of the cell borders
  double rule_width = 0.5;       ///< width of the cell borders, points
};

/// Places boxes and tables on pages of one of two geometries (portrait and landscape).
class Paginator {
 public:
  /// A paginator for pages of the two geometries; the first page starts with new_page().
  Paginator(PageGeometry portrait, PageGeometry landscape);

  /// Starts a new page in orientation `o` (pending boxes are placed first).
  void new_page(Orientation o);
  /// Orientation of the current page.
  Orientation orientation() const { return orientation_; }
  /// Content width of the current page.
  double width() const { return geometry().content_width(); }
  /// Height available on an empty page.
  double page_content_height() const { return geometry().content_height(); }
  /// Height left on the current page (pending boxes not counted).
  double remaining_height() const { return pages_.empty() ? geometry().content_height() : remaining(); }

  /// Adds a box. Boxes with keep_with_next are held until the chain ends, then placed together on one
  /// page when they fit on one.
  void add(Box box);
  /// Adds boxes in order (see add(Box)).
  void add(std::vector<Box> boxes);
  /// Adds a table: it starts on a new page if not even its header and first lines fit; the header rows
  /// are repeated on every page; a row that does not fit is moved to the next page when it is small,
  /// else split between pages (each cell continuing where it stopped).
  void add_table(const Table& table);

  /// Places what is pending and returns the pages.
  std::vector<Page> finish();

 private:
  const PageGeometry& geometry() const { return orientation_ == Orientation::portrait ? portrait_ : landscape_; }
  double bottom() const { return geometry().height - geometry().margin_bottom; }
  double remaining() const { return bottom() - y_; }
  bool at_top() const { return !has_content_; }
  void start_page();
  void flush(double extra_need = 0);
  void place(const Box& box);
  double row_height(const Table& t, const Row& r) const;
  double min_start(const Table& t, const Row& r) const;
  void draw_row_full(const Table& t, const Row& r);
  void draw_header(const Table& t, bool with_marks);
  void draw_cells(const Table& t, const Row& r, const std::vector<std::vector<const Box*>>& content, double content_h,
                  bool with_marks, bool top_rule);

  PageGeometry portrait_, landscape_;
  Orientation orientation_ = Orientation::portrait;
  std::vector<Page> pages_;
  std::vector<Box> pending_;
  double y_ = 0;
  bool has_content_ = false;
};

}  // namespace planpress::layout
