#pragma once
/// Spreadsheets as planpress reads them: workbooks of named sheets holding cells, read from .xlsx (libzip
/// and expat, wrapped here) or .csv (UTF-8, Shift_JIS/CP932 or UTF-16, converted by `text`). The readers
/// are functions from bytes to a workbook, bounded in every size, so they can be fuzzed.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace planpress::workbook {

enum class CellType : std::uint8_t { empty, string, number, boolean, date, error };

/// One cell's value. `text` is what the cell says: the string; a number in its shortest form ("206.1",
/// "2025"); TRUE or FALSE; a date as Japanese Excel shows it ("2025/4/1", "2025/4/1 9:30"); an error ("#N/A").
struct Cell {
  CellType type = CellType::empty;
  std::string text;
  double number = 0;  ///< numbers, booleans (0/1) and dates (Excel's serial day number)
};

/// A sheet: cells by 0-based (row, column), rows in order.
struct Sheet {
  std::string name;  ///< the tab's name; empty for a CSV file
  bool hidden = false;
  std::map<std::pair<int, int>, Cell> cells;
  int rows = 0;     ///< one past the last row that has a cell
  int columns = 0;  ///< one past the last column that has a cell

  /// The cell at (row, column), or null when it is empty.
  const Cell* at(int row, int column) const;
  /// The text of the cell at (row, column), "" when it is empty.
  const std::string& text(int row, int column) const;
};

struct Workbook {
  std::vector<Sheet> sheets;  ///< in tab order
};

/// Why a file could not be read.
enum class Problem : std::uint8_t {
  not_zip,        ///< not a zip archive (or a corrupt one)
  missing_part,   ///< a part every workbook has is missing (detail: its name)
  bad_xml,        ///< a part is not well-formed XML (detail: part, line)
  doctype,        ///< a part declares a DTD or entities (never in OOXML; refused, XXE and entity bombs)
  too_large,      ///< over a size limit (detail: what)
  encrypted,      ///< a password-protected workbook
  bad_encoding,   ///< a CSV file that is neither UTF-8, UTF-16 nor Shift_JIS (detail: byte offset)
};

struct ReadError {
  Problem problem = Problem::not_zip;
  std::string detail;
};

/// Bounds on what a reader accepts (zip bombs, huge sheets).
struct Limits {
  std::size_t file_bytes = 64u << 20;    ///< the file itself
  std::size_t entries = 10000;           ///< zip entries
  std::size_t part_bytes = 128u << 20;   ///< one uncompressed part
  std::size_t total_bytes = 512u << 20;  ///< all parts read, uncompressed
  std::size_t cells = 4000000;           ///< cells in all sheets
  int max_row = 1048576;                 ///< Excel's limits
  int max_column = 16384;
};

using ReadResult = std::variant<Workbook, ReadError>;

/// Reads an .xlsx (Office Open XML) workbook: shared, inline and rich-text strings (phonetic guides
/// dropped, _xHHHH_ escapes decoded), numbers, dates (by their number format; 1900 and 1904 systems),
/// booleans, errors, formula results; merged cells carry the value of their top-left cell in every cell.
ReadResult read_xlsx(std::string_view bytes, const Limits& limits = {});

/// Reads a CSV file as one sheet: UTF-8 (with or without BOM), UTF-16 with BOM, or else Shift_JIS as
/// Japanese Excel writes it (CP932); comma-separated, or tab-separated when the first line has tabs and no
/// commas; quotes as RFC 4180; CRLF inside cells becomes LF. Every cell is a string.
ReadResult read_csv(std::string_view bytes, const Limits& limits = {});

/// The encoding read_csv found ("UTF-8", "UTF-8 (BOM)", "UTF-16LE", "Shift_JIS (CP932)").
std::string csv_encoding(std::string_view bytes);

/// "G12" for the 0-based (11, 6).
std::string cell_name(int row, int column);
/// "G" for column 6; "AA" for 26.
std::string column_name(int column);
/// The 0-based (row, column) of "G12" ("$G$12" too); nullopt if it is not a cell reference.
std::optional<std::pair<int, int>> parse_cell_name(std::string_view name);

}  // namespace planpress::workbook
