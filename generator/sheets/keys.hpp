#pragma once
/// How a sheet maps back to the plan whatever its labels say: the hidden key row (row 1) names the field
/// of every column, the hidden key column (column A) names the item, sub-item, category or indicator
/// values of every row, and cell A1 names the sheet's kind and plan. `sheet export` writes these keys and
/// `sheet import` reads them; both take them from here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace planpress::sheets {

/// The two kinds of sheet a workbook of a plan carries keys in.
enum class SheetKind { items, indicators };

/// Cell A1: "planpress:items:<plan-id>" or "planpress:indicators:<plan-id>".
std::string sheet_key(SheetKind kind, const std::string& plan);

struct SheetKey {
  SheetKind kind = SheetKind::items;
  std::string plan;
};
/// The kind and plan of a sheet from its A1; nullopt when A1 is not a planpress key.
std::optional<SheetKey> parse_sheet_key(std::string_view a1);

/// Cell A2 of an items sheet made for one department: "department:<name>" (else "header").
std::string department_key(const std::string& department);
/// The department of an A2 key, or "" (a whole plan).
std::string parse_department_key(std::string_view a2);

/// Column keys (row 1) of an items sheet.
inline constexpr std::string_view kNumberColumn = "number";
inline constexpr std::string_view kNameColumn = "name";
std::string field_column(const std::string& key);  ///< "field:<key>"
/// The field key of a "field:<key>" column, or nullopt.
std::optional<std::string> parse_field_column(std::string_view key);

/// Column keys of an indicator sheet: the read-only description columns and one per fiscal year.
inline constexpr std::string_view kIndicatorColumn = "indicator";
inline constexpr std::string_view kSegmentColumn = "segment";
inline constexpr std::string_view kKindColumn = "kind";
inline constexpr std::string_view kUnitColumn = "unit";
std::string year_column(int fiscal_year);  ///< "year:<YYYY>"
std::optional<int> parse_year_column(std::string_view key);

/// What a row of a sheet holds, from its key in column A.
struct RowKey {
  enum class Kind { category, item, values } kind = Kind::item;
  std::string id;        ///< category id, item id or indicator id
  int sub_item = 0;      ///< 1-based sub-item of the item; 0 for the item itself
  std::string segment;   ///< indicator values: segment id ("" for an indicator without segments)
  std::string value_kind;  ///< indicator values: actual, baseline or target
};

std::string category_row(const std::string& id);           ///< "category:<id>"
std::string item_row(const std::string& id, int sub_item);  ///< "item:<id>", "item:<id>/<n>"
std::string values_row(const std::string& indicator, const std::string& segment, const std::string& kind);  ///< "values:<ind>:<seg>:<kind>"
/// The row a key names, or nullopt when it is not a row key.
std::optional<RowKey> parse_row_key(std::string_view key);

/// A row of an indicator sheet: an indicator, one of its segments ("" when it has none) and a kind of value.
struct ValuesRow {
  const model::Indicator* indicator = nullptr;
  const model::Segment* segment = nullptr;  ///< null for an indicator without segments
  std::string kind;                         ///< actual, baseline or target
};

/// The rows of a plan's indicator sheet, in order: per indicator and segment, 実績 always (for the years
/// still to be filled in), 基準 and 目標 when the indicator has such values.
std::vector<ValuesRow> indicator_rows(const model::Plan& p);

/// The 種別 cell of a value row: 実績値, 基準値 or 目標値.
const char* values_row_label(const std::string& kind);

/// The name of a plan's workbook in the export directory: "<plan-id>.xlsx".
std::string workbook_file(const std::string& plan);

/// Sheet names (Excel tabs).
inline constexpr const char* kItemsSheet = "項目";
inline constexpr const char* kIndicatorsSheet = "指標";
inline constexpr const char* kGuideSheet = "説明";
inline constexpr const char* kListsSheet = "選択肢";

}  // namespace planpress::sheets
