#include "present/values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/utf8.hpp"
#include "text/normalize.hpp"
#include "text/wareki.hpp"

namespace planpress::present {

namespace {

std::optional<int> end_of(const std::optional<int>& from, const std::optional<int>& to, bool open_end) {
  if (open_end) return std::nullopt;
  return to ? to : from;
}

}  // namespace

std::string fixed_decimals(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string number_text(const model::IndicatorValue& v) {
  if (!v.value_text.empty()) return v.value_text;
  if (!v.value) return {};
  const double x = *v.value;
  return x == std::floor(x) ? fixed_decimals(x, 0) : fixed_decimals(x, 2);
}

std::string display_value(const model::IndicatorValue& v, const std::string& unit) {
  if (!v.text.empty()) return v.text;
  const std::string n = number_text(v);
  if (n.empty()) return "—";
  return n + unit + v.qualifier;
}

bool same_text(const std::string& a, const std::string& b) {
  auto key = [](const std::string& s) {
    std::string k = text::nfkc(s);
    k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
    return k;
  };
  return key(a) == key(b);
}

std::string period_wareki(const model::Period& p) {
  if (!p.from) return {};
  return text::wareki_fiscal_span(p.from, end_of(p.from, p.to, p.open_end));
}

std::string period_western(const model::Period& p) {
  if (!p.from) return {};
  return text::western_fiscal_span(p.from, end_of(p.from, p.to, p.open_end));
}

int decimals_of(const std::string& number_text) {
  const auto dot = number_text.find('.');
  if (dot == std::string::npos) return 0;
  std::size_t n = 0;
  while (dot + 1 + n < number_text.size() && number_text[dot + 1 + n] >= '0' && number_text[dot + 1 + n] <= '9') ++n;
  return static_cast<int>(n);
}

double average_length(const model::Plan& p, const std::string& field) {
  std::size_t chars = 0, n = 0;
  for (const auto& i : p.items)
    if (auto it = i.fields.find(field); it != i.fields.end()) {
      chars += base::count_code_points(it->second.text);
      ++n;
    }
  return n ? static_cast<double>(chars) / static_cast<double>(n) : 0;
}

std::string published_text(const model::DateInfo& d) {
  if (!d.label.empty()) return d.label;
  return text::wareki_from_iso(d.iso).value_or("");
}

ScheduleWhen schedule_when(const model::ScheduleRow& r) {
  ScheduleWhen w{r.label, {}};
  if (r.from) {
    const std::string span = text::wareki_fiscal_span(*r.from, end_of(r.from, r.to, r.open_end));
    if (!same_text(span, r.label)) w.span = span;
  }
  return w;
}

std::string field_plain_text(const model::FieldValue& v) {
  std::string out;
  auto line = [&](const std::string& s) {
    if (!out.empty()) out += "\n";
    out += s;
  };
  switch (v.kind) {
    case model::FieldKind::text:
    case model::FieldKind::markdown:
    case model::FieldKind::status:
    case model::FieldKind::rating: return v.text;
    case model::FieldKind::tags:
    case model::FieldKind::departments:
      for (const auto& s : v.values) line(s);
      break;
    case model::FieldKind::list:
      for (const auto& e : v.list) line(e.label + e.text);
      break;
    case model::FieldKind::schedule:
      for (const auto& r : v.schedule) {
        std::string s;
        if (!r.group.empty()) s += r.group + " ";
        if (!r.label.empty()) s += r.label + " ";
        line(s + r.text);
      }
      break;
  }
  return out;
}

}  // namespace planpress::present
