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

// Era initials as staff abbreviate them (R7, H30), in the order of kEras.
constexpr const char* kInitials[] = {"R", "H", "S", "T", "M"};

}  // namespace

std::optional<int> western_fiscal_year(std::string_view written) {
  // 全角 letters and digits (U+FF01–U+FF5E) as their ASCII forms, spaces dropped.
  std::string s;
  for (std::size_t i = 0; i < written.size();) {
    const auto c = static_cast<unsigned char>(written[i]);
    if (c == 0xEF && i + 2 < written.size()) {
      const unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(written[i + 1]) & 0x3Fu) << 6) |
                          (static_cast<unsigned char>(written[i + 2]) & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        s += static_cast<char>(cp - 0xFEE0);
        i += 3;
        continue;
      }
    }
    if (written.compare(i, 3, "\xE3\x80\x80") == 0) { i += 3; continue; }  // U+3000
    if (c == ' ') { ++i; continue; }
    s += written[i++];
  }
  for (const char* suffix : {"年度", "年", "度"})
    if (s.size() > std::string_view(suffix).size() && s.ends_with(suffix)) s.resize(s.size() - std::string_view(suffix).size());
  int base = 0;
  for (std::size_t k = 0; k < std::size(kEras); ++k) {
    const std::string name = kEras[k].name;
    std::string initial = kInitials[k];
    if (s.rfind(name, 0) == 0) { base = kEras[k].first_year - 1; s = s.substr(name.size()); break; }
    if (s.size() > 1 && (s[0] == initial[0] || s[0] == initial[0] + 32)) { base = kEras[k].first_year - 1; s = s.substr(1); break; }
  }
  if (s == "元" && base > 0) return base + 1;
  if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int n = std::stoi(s);
  if (base == 0) return s.size() == 4 ? std::optional<int>(n) : std::nullopt;
  return n >= 1 && n <= 99 ? std::optional<int>(base + n) : std::nullopt;
}

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
