#pragma once
/// The display of values, decided once for every writer: numbers as written in the content, 和暦 periods
/// and dates, the time of a schedule row, and field values as plain text.
#include <string>

#include "model/model.hpp"

namespace planpress::present {

/// `v` with exactly `decimals` decimals ("97.5", "200").
std::string fixed_decimals(double v, int decimals);

/// How many decimals a number is written with ("197.0" → 1, "57.25" → 2, "12" → 0).
int decimals_of(const std::string& number_text);

/// The average length, in characters, of the text values of a field over a plan's items (0 when none
/// has it): how wide a column it needs (the PDF table and the sheets).
double average_length(const model::Plan& p, const std::string& field);

/// The number of an indicator value as written in the content ("197.0", not 197), or "" if there is none.
std::string number_text(const model::IndicatorValue& v);

/// An indicator value as printed in the content ("197.0", "57.5％", "R7年度 990人" …), falling back to the
/// number with its unit and qualifier; "—" when there is nothing.
std::string display_value(const model::IndicatorValue& v, const std::string& unit);

/// True when two printed forms say the same: equal after NFKC with spaces removed (令和６年度, 令和 6 年度
/// and 令和6年度 are the same).
bool same_text(const std::string& a, const std::string& b);

/// A period in 和暦, "令和6年度～令和8年度"; "" if none.
std::string period_wareki(const model::Period& p);
/// A period in Western fiscal years, "2024年度～2026年度"; "" if none.
std::string period_western(const model::Period& p);

/// A publication date as printed ("令和3年度（改定版）"); without a printed form, the 和暦 of its ISO date.
std::string published_text(const model::DateInfo& d);

/// When a schedule row happens: the label as printed and the 和暦 span of its fiscal years when that says
/// something the label does not (Ｒ６ → 令和6年度; nothing for 令和2年度～ on an open span).
struct ScheduleWhen {
  std::string label;  ///< as printed; may be empty
  std::string span;   ///< 和暦 fiscal-year span, or "" when the label already says it or there are no years
};
ScheduleWhen schedule_when(const model::ScheduleRow& r);

/// A field value as plain text (lists and schedules joined by newlines), for CSV and summaries.
std::string field_plain_text(const model::FieldValue& v);

}  // namespace planpress::present
