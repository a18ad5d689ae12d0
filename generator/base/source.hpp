#pragma once
/// Source files held in memory, with byte offset → line:column (in characters) lookup.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planpress::base {

/// 1-based line and column; the column counts Unicode code points, not bytes.
struct LineCol {
  int line = 0;
  int column = 0;
};

/// An immutable source file: its display path (as given to the user) and its bytes. Lines end with LF,
/// CRLF or a lone CR. A cell of a spreadsheet is a source too: its file's path, the cell's place
/// ("項目!G12") and the cell's text.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  /// A cell of the spreadsheet at `path`: diagnostics name it `path:place` instead of a line and column.
  SourceFile(std::string path, std::string place, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  /// The cell ("項目!G12", "G12" in a CSV file); empty for an ordinary file.
  const std::string& place() const { return place_; }

  /// Line and column of a byte offset (clamped to the end of the file).
  LineCol locate(std::size_t offset) const;

  /// The text of a 1-based line, without its line terminator.
  std::string_view line_text(int line) const;

 private:
  std::string path_;
  std::string place_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

/// A position in a source file; `file` may be null for problems without a place.
struct Location {
  SourcePtr file;
  std::size_t offset = 0;

  static Location in(SourcePtr f, std::size_t offset) { return Location{std::move(f), offset}; }
  bool known() const { return file != nullptr; }
};

}  // namespace planpress::base
