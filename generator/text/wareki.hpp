#pragma once
/// Japanese era (和暦) display of fiscal years and dates. Fiscal year N runs April N – March N+1.
#include <optional>
#include <string>
#include <string_view>

namespace planpress::text {

/// 2024 → "令和6年度", 2019 → "令和元年度", 2018 → "平成30年度". Years before 1868 are shown as Western.
std::string wareki_fiscal_year(int fiscal_year);

/// A calendar month in 和暦: (2023, 2) → "令和5年2月", (2019, 4) → "平成31年4月", (2019, 5) → "令和元年5月".
/// With day: (2024, 2, 1) → "令和6年2月1日". month 0 means the year only.
std::string wareki_date(int year, int month = 0, int day = 0);

/// A fiscal-year span: (2024, 2026) → "令和6年度～令和8年度"; same year → one year; no end → "令和2年度～".
std::string wareki_fiscal_span(int from, std::optional<int> to);

/// Western fiscal-year span: (2024, 2026) → "2024年度～2026年度".
std::string western_fiscal_span(int from, std::optional<int> to);

/// Parses an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD" and shows it in 和暦; nullopt if malformed.
std::optional<std::string> wareki_from_iso(const std::string& iso);

/// The Western fiscal year a person wrote: "令和7年度", "令和７年度", "R7", "平成30年度", "令和元年度", "2025年度",
/// "２０２５" → 2025, 2018, 2019, 2025, 2025; nullopt for anything else. The reverse of wareki_fiscal_year,
/// for hints that convert what staff type.
std::optional<int> western_fiscal_year(std::string_view written);

}  // namespace planpress::text
