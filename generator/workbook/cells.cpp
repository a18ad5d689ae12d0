// Cell names and the sheet accessors.
#include "workbook/workbook.hpp"

namespace planpress::workbook {

const Cell* Sheet::at(int row, int column) const {
  const auto it = cells.find({row, column});
  return it == cells.end() || it->second.type == CellType::empty ? nullptr : &it->second;
}

const std::string& Sheet::text(int row, int column) const {
  static const std::string empty;
  const Cell* c = at(row, column);
  return c ? c->text : empty;
}

std::string column_name(int column) {
  std::string out;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

std::string cell_name(int row, int column) { return column_name(column) + std::to_string(row + 1); }

std::optional<std::pair<int, int>> parse_cell_name(std::string_view name) {
  std::size_t i = 0;
  if (i < name.size() && name[i] == '$') ++i;
  long column = 0;
  const std::size_t letters = i;
  while (i < name.size() && ((name[i] >= 'A' && name[i] <= 'Z') || (name[i] >= 'a' && name[i] <= 'z'))) {
    column = column * 26 + ((name[i] & ~0x20) - 'A' + 1);
    if (column > 16384) return std::nullopt;
    ++i;
  }
  if (i == letters) return std::nullopt;
  if (i < name.size() && name[i] == '$') ++i;
  long row = 0;
  const std::size_t digits = i;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9') {
    row = row * 10 + (name[i] - '0');
    if (row > 1048576) return std::nullopt;
    ++i;
  }
  if (i == digits || i != name.size() || row == 0) return std::nullopt;
  return std::make_pair(static_cast<int>(row - 1), static_cast<int>(column - 1));
}

}  // namespace planpress::workbook
