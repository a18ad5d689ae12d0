#include "text/wareki.hpp"

namespace planpress::text {

namespace {

struct Era {
  const char* name;
  int first_year;   // Western year of 元年
  int first_month;  // month the era began (for calendar dates)
  int first_day;
};

// Newest first. Start dates: 令和 2019-05-01, 平成 1989-01-08, 昭和 1926-12-25, 大正 1912-07-30, 明治 1868-01-25 (as dated by the calendar reform convention).
constexpr Era kEras[] = {
    {"令和", 2019, 5, 1}, {"平成", 1989, 1, 8}, {"昭和", 1926, 12, 25}, {"大正", 1912, 7, 30}, {"明治", 1868, 1, 25},
};

std::string era_year(const Era& e, int year) {
  const int n = year - e.first_year + 1;
  return std::string(e.name) + (n == 1 ? std::string("元") : std::to_string(n)) + "年";
}

}  // namespace

std::string wareki_fiscal_year(int fy) {
  // A fiscal year is named by the era in force when it begins; by convention the fiscal year in which an
  // era begins takes the new name (令和元年度 = FY2019, 平成元年度 = FY1989).
  for (const auto& e : kEras) {
    if (fy >= e.first_year) return era_year(e, fy) + "度";
  }
  return std::to_string(fy) + "年度";
}

std::string wareki_date(int year, int month, int day) {
  for (const auto& e : kEras) {
    const bool after = year > e.first_year ||
                       (year == e.first_year && (month == 0 || month > e.first_month ||
                                                 (month == e.first_month && (day == 0 || day >= e.first_day))));
    if (after) {
      std::string s = era_year(e, year);
      if (month > 0) s += std::to_string(month) + "月";
      if (day > 0) s += std::to_string(day) + "日";
      return s;
    }
  }
  std::string s = std::to_string(year) + "年";
  if (month > 0) s += std::to_string(month) + "月";
  if (day > 0) s += std::to_string(day) + "日";
  return s;
}

std::string wareki_fiscal_span(int from, std::optional<int> to) {
  if (to && *to == from) return wareki_fiscal_year(from);
  return wareki_fiscal_year(from) + "～" + (to ? wareki_fiscal_year(*to) : std::string());
}

std::string western_fiscal_span(int from, std::optional<int> to) {
  if (to && *to == from) return std::to_string(from) + "年度";
  return std::to_string(from) + "年度～" + (to ? std::to_string(*to) + "年度" : std::string());
}

std::optional<std::string> wareki_from_iso(const std::string& iso) {
  auto digits = [&](std::size_t pos, std::size_t n) -> std::optional<int> {
    if (pos + n > iso.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  auto y = digits(0, 4);
  if (!y) return std::nullopt;
  if (iso.size() == 4) return wareki_date(*y);
  if (iso.size() < 7 || iso[4] != '-') return std::nullopt;
  auto m = digits(5, 2);
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  if (iso.size() == 7) return wareki_date(*y, *m);
  if (iso.size() != 10 || iso[7] != '-') return std::nullopt;
  auto d = digits(8, 2);
  if (!d || *d < 1 || *d > 31) return std::nullopt;
  return wareki_date(*y, *m, *d);
}

}  // namespace planpress::text
