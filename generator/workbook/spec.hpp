#pragma once
/// A workbook to write: sheets of cells with their formats, column widths, merged ranges, drop-down
/// lists, frozen panes, protection and print setup. `write_xlsx` turns it into .xlsx bytes with
/// libxlsxwriter; nothing here knows about plans.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace planpress::workbook {

enum class Align : std::uint8_t { general, left, centre };

/// A cell format. Cells are locked unless `locked` is false (which matters on a protected sheet).
struct Format {
  bool bold = false;
  bool wrap = false;
  bool locked = true;
  bool border = false;
  bool top = true;              ///< vertical alignment: top (else centre)
  Align align = Align::general;
  std::uint32_t fill = 0;       ///< background RGB, 0 for none
  std::uint32_t colour = 0;     ///< font RGB, 0 for the default
  double size = 0;              ///< font size in points, 0 for the default (11)
  std::uint8_t indent = 0;
  std::string number_format;    ///< "@" (text), "0.0" …; empty for General
  bool operator<(const Format& o) const;
};

/// A cell: empty, a string or a number, in a format.
struct CellSpec {
  std::variant<std::monostate, std::string, double> value;
  Format format;
};

/// A drop-down list, a number check or only an input message, on a block of cells.
struct Validation {
  enum class Kind : std::uint8_t { list, number, any } kind = Kind::list;
  int first_row = 0, last_row = 0, first_column = 0, last_column = 0;
  std::string list;          ///< a formula for the list's source ("='選択肢'!$A$2:$A$4")
  std::string input_title;   ///< up to 32 characters
  std::string input_message; ///< up to 255 characters
  std::string error_title;
  std::string error_message;
};

struct Merge {
  int first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

struct PrintSetup {
  bool landscape = false;
  std::optional<std::pair<int, int>> repeat_rows;  ///< first and last row printed on every page
  bool fit_width = false;                          ///< all columns on one page's width
  std::string header, footer;                      ///< Excel's &-codes (&P page, &N pages)
};

struct SheetSpec {
  std::string name;
  bool hidden = false;
  std::map<std::pair<int, int>, CellSpec> cells;  ///< by 0-based (row, column)
  std::map<int, double> widths;                   ///< column → width in characters
  std::map<int, double> heights;                  ///< row → height in points (else the default)
  std::vector<int> hidden_columns, hidden_rows;
  std::vector<Merge> merges;                      ///< the value and format are those of the top-left cell
  std::vector<Validation> validations;
  std::optional<std::pair<int, int>> freeze;      ///< first unfrozen (row, column)
  std::optional<std::pair<int, int>> select;      ///< the cell selected when the sheet opens
  std::optional<Merge> autofilter;
  bool protect = false;                           ///< without a password: locked cells cannot be edited
  PrintSetup print;
};

struct WorkbookSpec {
  std::vector<SheetSpec> sheets;
  int active = 0;  ///< the sheet shown when the file opens
  std::string font;       ///< the font of every format ("游ゴシック"); empty: libxlsxwriter's default
  double font_size = 0;   ///< the size of every format without its own; 0: the default (11)
  std::string title, subject, author, company, comments;
  long long created = 315532800;  ///< docProps/core.xml date (seconds since 1970); default 1980-01-01
};

/// The bytes of a written workbook, or why it could not be written.
struct Written {
  std::string bytes;
  std::string error;  ///< empty on success
};

/// The .xlsx bytes of `spec`. libxlsxwriter needs a file to write to: a temporary file in `temp_dir` is
/// used and removed. The same spec gives the same bytes.
Written write_xlsx(const WorkbookSpec& spec, const std::string& temp_dir);

}  // namespace planpress::workbook
