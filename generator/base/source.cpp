#include "base/source.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace planpress::base {

SourceFile::SourceFile(std::string path, std::string text) : SourceFile(std::move(path), {}, std::move(text)) {}

SourceFile::SourceFile(std::string path, std::string place, std::string text)
    : path_(std::move(path)), place_(std::move(place)), text_(std::move(text)) {
  // Lines end with LF, CRLF or a lone CR (old Mac files): every editor counts all three.
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')))
      line_starts_.push_back(i + 1);
  }
}

LineCol SourceFile::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  std::string_view prefix(text_.data() + start, offset - start);
  // A UTF-8 BOM at the start of the file is not a character the user sees.
  if (line_index == 0 && prefix.substr(0, 3) == "\xEF\xBB\xBF") prefix.remove_prefix(3);
  return LineCol{static_cast<int>(line_index) + 1, static_cast<int>(count_code_points(prefix)) + 1};
}

std::string_view SourceFile::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  const std::size_t start = line_starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = static_cast<std::size_t>(line) < line_starts_.size() ? line_starts_[static_cast<std::size_t>(line)] : text_.size();
  std::string_view v(text_.data() + start, end - start);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
  if (line == 1 && v.substr(0, 3) == "\xEF\xBB\xBF") v.remove_prefix(3);
  return v;
}

}  // namespace planpress::base
