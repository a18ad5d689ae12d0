// CSV as Excel writes it: "CSV (コンマ区切り)" in Shift_JIS (CP932) on Japanese Windows, "CSV UTF-8" with a
// BOM, "Unicode テキスト" as UTF-16LE with tabs. Every cell is read as a string.
#include "base/utf8.hpp"
#include "text/encoding.hpp"
#include "workbook/workbook.hpp"

namespace planpress::workbook {

namespace {

struct Text {
  std::optional<std::string> utf8;
  std::string encoding;
  std::size_t bad_offset = 0;
};

Text decode(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    const auto body = bytes.substr(3);
    if (auto bad = base::find_invalid_utf8(body)) return {std::nullopt, "UTF-8 (BOM)", *bad + 3};
    return {std::string(body), "UTF-8 (BOM)"};
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const auto enc = bytes[0] == '\xFF' ? text::Encoding::utf16le : text::Encoding::utf16be;
    auto d = text::to_utf8(bytes.substr(2), enc);
    return {std::move(d.utf8), text::encoding_name(enc), d.bad_offset + 2};
  }
  if (!base::find_invalid_utf8(bytes)) return {std::string(bytes), "UTF-8"};
  auto d = text::to_utf8(bytes, text::Encoding::cp932);
  return {std::move(d.utf8), text::encoding_name(text::Encoding::cp932), d.bad_offset};
}

}  // namespace

std::string csv_encoding(std::string_view bytes) { return decode(bytes).encoding; }

ReadResult read_csv(std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.file_bytes)
    return ReadError{Problem::too_large, "the file is over " + std::to_string(limits.file_bytes >> 20) + " MiB"};
  const Text decoded = decode(bytes);
  if (!decoded.utf8) return ReadError{Problem::bad_encoding, std::to_string(decoded.bad_offset)};
  const std::string& s = *decoded.utf8;
  const std::string_view first_line = std::string_view(s).substr(0, s.find('\n'));
  const char delimiter = first_line.find('\t') != std::string_view::npos && first_line.find(',') == std::string_view::npos ? '\t' : ',';
  Sheet sheet;
  int row = 0, column = 0;
  std::size_t cells = 0;
  std::string field;
  bool quoted = false, was_quoted = false;
  auto store = [&]() -> bool {
    if (!field.empty()) {
      if (++cells > limits.cells || row >= limits.max_row || column >= limits.max_column) return false;
      sheet.cells[{row, column}] = Cell{CellType::string, field, 0};
      sheet.rows = std::max(sheet.rows, row + 1);
      sheet.columns = std::max(sheet.columns, column + 1);
    }
    field.clear();
    was_quoted = false;
    return true;
  };
  const ReadError too_large{Problem::too_large, "more than " + std::to_string(limits.cells) + " cells, or a row or column beyond Excel's limits"};
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else if (c == '\r') {
        field += '\n';  // a line break inside a cell is one LF, whatever wrote it
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == delimiter) {
      if (!store()) return too_large;
      ++column;
    } else if (c == '\r' || c == '\n') {
      if (!store()) return too_large;
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      ++row;
      column = 0;
    } else {
      field += c;
    }
  }
  if (!store()) return too_large;
  Workbook wb;
  wb.sheets.push_back(std::move(sheet));
  return wb;
}

}  // namespace planpress::workbook
