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
/// CRLF or a lone CR.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// Line and column of a byte offset (clamped to the end of the file).
  LineCol locate(std::size_t offset) const;

  /// The text of a 1-based line, without its line terminator.
  std::string_view line_text(int line) const;

 private:
  std::string path_;
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
