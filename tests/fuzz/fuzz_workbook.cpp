// Fuzz target: the spreadsheet readers (workbook::read_xlsx and read_csv), which `sheet import` runs on
// files from departments. Properties: no crash or hang on any bytes; a workbook read is inside the limits
// (cells, rows, columns) and every cell's text is valid UTF-8 (the CSV reader converts Shift_JIS and
// UTF-16, the XLSX reader decodes _xHHHH_ escapes), so what import reports and writes is valid text.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "fuzz_check.hpp"
#include "workbook/workbook.hpp"

using namespace planpress;

namespace {
void check_workbook(const workbook::ReadResult& result, const workbook::Limits& limits) {
  const auto* book = std::get_if<workbook::Workbook>(&result);
  if (!book) return;
  std::size_t cells = 0;
  for (const auto& sheet : book->sheets) {
    FUZZ_CHECK(fuzz::valid_utf8(sheet.name));
    FUZZ_CHECK(sheet.rows <= limits.max_row && sheet.columns <= limits.max_column);
    for (const auto& [at, cell] : sheet.cells) {
      FUZZ_CHECK(at.first >= 0 && at.first < sheet.rows && at.second >= 0 && at.second < sheet.columns);
      FUZZ_CHECK(fuzz::valid_utf8(cell.text));
      ++cells;
    }
  }
  FUZZ_CHECK(cells <= limits.cells);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Small limits, so that the fuzzer meets them (the real ones are tested in test_workbook).
  workbook::Limits limits;
  limits.part_bytes = 1u << 20;
  limits.total_bytes = 4u << 20;
  limits.cells = 20000;
  check_workbook(workbook::read_xlsx(bytes, limits), limits);
  check_workbook(workbook::read_csv(bytes, limits), limits);
  return 0;
}
