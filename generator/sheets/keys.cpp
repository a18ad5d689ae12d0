#include "sheets/keys.hpp"

#include <charconv>
#include <vector>

namespace planpress::sheets {

namespace {

constexpr std::string_view kPrefix = "planpress:";

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string sheet_key(SheetKind kind, const std::string& plan) {
  return std::string(kPrefix) + (kind == SheetKind::items ? "items:" : "indicators:") + plan;
}

std::optional<SheetKey> parse_sheet_key(std::string_view a1) {
  if (a1.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const auto parts = split(a1.substr(kPrefix.size()), ':');
  if (parts.size() != 2 || parts[1].empty()) return std::nullopt;
  if (parts[0] == "items") return SheetKey{SheetKind::items, std::string(parts[1])};
  if (parts[0] == "indicators") return SheetKey{SheetKind::indicators, std::string(parts[1])};
  return std::nullopt;
}

std::string department_key(const std::string& department) { return department.empty() ? "header" : "department:" + department; }

std::string parse_department_key(std::string_view a2) {
  constexpr std::string_view prefix = "department:";
  return a2.substr(0, prefix.size()) == prefix ? std::string(a2.substr(prefix.size())) : std::string();
}

std::string field_column(const std::string& key) { return "field:" + key; }

std::optional<std::string> parse_field_column(std::string_view key) {
  constexpr std::string_view prefix = "field:";
  if (key.substr(0, prefix.size()) != prefix || key.size() == prefix.size()) return std::nullopt;
  return std::string(key.substr(prefix.size()));
}

std::string year_column(int fiscal_year) { return "year:" + std::to_string(fiscal_year); }

std::optional<int> parse_year_column(std::string_view key) {
  constexpr std::string_view prefix = "year:";
  if (key.substr(0, prefix.size()) != prefix) return std::nullopt;
  return to_int(key.substr(prefix.size()));
}

std::string category_row(const std::string& id) { return "category:" + id; }

std::string item_row(const std::string& id, int sub_item) {
  return "item:" + id + (sub_item > 0 ? "/" + std::to_string(sub_item) : std::string());
}

std::string values_row(const std::string& indicator, const std::string& segment, const std::string& kind) {
  return "values:" + indicator + ":" + segment + ":" + kind;
}

std::optional<RowKey> parse_row_key(std::string_view key) {
  const auto colon = key.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto kind = key.substr(0, colon);
  const auto rest = key.substr(colon + 1);
  RowKey row;
  if (kind == "category" && !rest.empty()) {
    row.kind = RowKey::Kind::category;
    row.id = rest;
    return row;
  }
  if (kind == "item" && !rest.empty()) {
    row.kind = RowKey::Kind::item;
    const auto slash = rest.find('/');
    row.id = rest.substr(0, slash);
    if (slash != std::string_view::npos) {
      const auto n = to_int(rest.substr(slash + 1));
      if (!n || *n < 1) return std::nullopt;
      row.sub_item = *n;
    }
    return row.id.empty() ? std::nullopt : std::optional<RowKey>(row);
  }
  if (kind == "values") {
    const auto parts = split(rest, ':');
    if (parts.size() != 3 || parts[0].empty() || parts[2].empty()) return std::nullopt;
    row.kind = RowKey::Kind::values;
    row.id = parts[0];
    row.segment = parts[1];
    row.value_kind = parts[2];
    return row;
  }
  return std::nullopt;
}

std::vector<ValuesRow> indicator_rows(const model::Plan& p) {
  std::vector<ValuesRow> rows;
  for (const auto& ind : p.indicators) {
    std::vector<const model::Segment*> segments;
    for (const auto& s : ind.segments) segments.push_back(&s);
    if (segments.empty()) segments.push_back(nullptr);
    for (const model::Segment* seg : segments)
      for (const char* kind : {"actual", "baseline", "target"}) {
        const std::string id = seg ? seg->id : std::string();
        bool has = false;
        for (const auto& v : ind.values) has = has || (v.kind == kind && v.segment == id);
        if (has || std::string_view(kind) == "actual") rows.push_back(ValuesRow{&ind, seg, kind});
      }
  }
  return rows;
}

const char* values_row_label(const std::string& kind) {
  if (kind == "baseline") return "基準値";
  if (kind == "target") return "目標値";
  return "実績値";
}

std::string workbook_file(const std::string& plan) { return plan + ".xlsx"; }

}  // namespace planpress::sheets
