#pragma once
/// How a field's value stands in a cell, decided once for `sheet export` and `sheet import`:
/// text, Markdown, status and rating values as they are; tags joined by 「、」; departments one per line;
/// lists and schedules as plain text, which the sheet shows but cannot change.
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace planpress::sheets {

/// What separates the values of a tags field in a cell ("若手育成、職場"). Import also splits at commas
/// and line breaks.
inline constexpr std::string_view kTagSeparator = "、";

/// The text of a field's value in its cell.
std::string cell_text(const model::FieldValue& v);

/// Whether a sheet can change a field of this kind: lists and schedules have a structure a cell cannot
/// hold (labels, fiscal years), so their cells are shown locked and a change is reported.
bool editable(model::FieldKind kind);

}  // namespace planpress::sheets
