#include "assemble/departments.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "base/utf8.hpp"
#include "present/urls.hpp"
#include "text/collate.hpp"
#include "text/normalize.hpp"

namespace planpress::assemble {

using namespace planpress::model;

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Names that end like an organisational unit (課, 室, 局 …); used to tell 「人事課・職員研修所」 (two units)
// from 「職種・分野の主管課」 (one name containing ・).
bool looks_like_unit(const std::string& s) {
  for (const char* suffix : {"局", "課", "室", "所", "担当", "部", "館", "区", "支所", "センター"})
    if (ends_with(s, suffix)) return true;
  return false;
}

// Roles and groups rather than departments.
bool is_generic(const std::string& s) {
  for (const char* g : {"局区", "各職場", "職場", "各局区", "事業主管課", "業務主管課", "各取組実施課", "職種・分野の主管課", "各区"})
    if (s == g) return true;
  return false;
}

// The bureau (局 or an independent 室) a unit name starts with, or "".
std::string bureau_of(const std::string& name) {
  for (const char* independent : {"会計室", "危機管理室"})
    if (starts_with(name, independent)) return independent;
  const auto pos = name.find("局");
  if (pos == std::string::npos) return {};
  return name.substr(0, pos + std::string("局").size());
}

std::string trim(std::string s) {
  auto is_space = [](const std::string& x, std::size_t i) {
    return x[i] == ' ' || x[i] == '\t' || x[i] == '\n' || x.compare(i, 3, "\xE3\x80\x80") == 0;
  };
  while (!s.empty() && is_space(s, 0)) s.erase(0, s[0] == ' ' || s[0] == '\t' || s[0] == '\n' ? 1 : 3);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.pop_back();
  while (ends_with(s, "\xE3\x80\x80")) s.erase(s.size() - 3);
  return s;
}

// Removes trailing parenthetical notes: 「総務局人事課（各職場）」 → 「総務局人事課」; a name wholly in
// parentheses 「（各職場）」 is unwrapped.
std::string strip_notes(std::string s) {
  for (;;) {
    s = trim(s);
    if (starts_with(s, "(") && ends_with(s, ")") && s.find('(', 1) == std::string::npos) {
      s = s.substr(1, s.size() - 2);
      continue;
    }
    if (ends_with(s, "）")) {
      const auto open = s.rfind("（");
      if (open != std::string::npos && open > 0) {
        s = s.substr(0, open);
        continue;
      }
    }
    if (ends_with(s, ")")) {
      const auto open = s.rfind('(');
      if (open != std::string::npos && open > 0) {
        s = s.substr(0, open);
        continue;
      }
    }
    return s;
  }
}

// Splits on 、 ， , ／ / and ideographic space, and on ・ where both sides are units.
std::vector<std::string> split_units(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    const char32_t cp = base::decode_utf8(text, j);
    if (cp == U'、' || cp == U'，' || cp == U',' || cp == U'／' || cp == U'/' || cp == 0x3000) {
      parts.push_back(current);
      current.clear();
    } else if (cp == U'・') {
      // Look ahead to the next separator to see whether the right side is a unit too.
      std::size_t k = j;
      std::string right;
      while (k < text.size()) {
        std::size_t m = k;
        const char32_t c2 = base::decode_utf8(text, m);
        if (c2 == U'、' || c2 == U'，' || c2 == U'・' || c2 == U'／' || c2 == 0x3000) break;
        right += text.substr(k, m - k);
        k = m;
      }
      if (looks_like_unit(strip_notes(current)) && looks_like_unit(strip_notes(right))) {
        parts.push_back(current);
        current.clear();
      } else {
        current += text.substr(i, j - i);
      }
    } else {
      current += text.substr(i, j - i);
    }
    i = j;
  }
  parts.push_back(current);
  return parts;
}

}  // namespace

std::vector<DepartmentUnit> split_department(const std::string& printed, const std::map<std::string, std::string>& aliases) {
  std::vector<DepartmentUnit> units;
  std::string previous_bureau;
  // 全角英数 and 半角カナ variants of the same name must meet.
  const std::string normalised = text::nfkc(printed);
  for (auto part : split_units(normalised)) {
    part = strip_notes(part);
    if (part.empty()) continue;
    DepartmentUnit u;
    u.generic = is_generic(part);
    if (!u.generic) {
      // A bare section name inherits the bureau of the unit before it: 「総務局人事課、労務課」.
      const bool has_own_bureau = contains(part, "局") || contains(part, "支所") || starts_with(part, "各") ||
                                  starts_with(part, "会計室") || starts_with(part, "危機管理室");
      if (!has_own_bureau && !previous_bureau.empty()) part = previous_bureau + part;
    }
    auto alias = aliases.find(part);
    if (alias == aliases.end()) alias = aliases.find(text::nfkc(part));
    if (alias != aliases.end()) part = alias->second;
    u.name = part;
    if (!u.generic) {
      u.bureau = bureau_of(part);
      if (!u.bureau.empty()) previous_bureau = u.bureau;
    }
    if (std::none_of(units.begin(), units.end(), [&](const DepartmentUnit& x) { return x.name == u.name; }))
      units.push_back(std::move(u));
  }
  return units;
}

std::string department_slug(const std::string& municipality, const std::string& name) {
  std::string out;
  const std::string whole = municipality.empty() ? name : municipality + "_" + name;
  for (unsigned char c : whole) {
    // Bytes of multi-byte characters pass; ASCII other than letters, digits, '-', '_' and '.' becomes '-'.
    const bool keep = c >= 0x80 || std::isalnum(c) || c == '-' || c == '_' || c == '.';
    out += keep ? static_cast<char>(c) : '-';
  }
  while (!out.empty() && (out.front() == '.' || out.front() == '-')) out.erase(out.begin());
  if (out.empty()) out = "department";
  // File names of at most 255 bytes: a very long name keeps its first 180 bytes (whole characters).
  if (out.size() > 180) {
    std::size_t cut = 180;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

std::vector<Department> index_departments(const Model& model) {
  // Departments in the order the plans first name them (plans in site order, items in order, sub-items
  // after their item).
  std::vector<Department> out;
  std::map<std::string, std::size_t> by_key;  // municipality, U+001F, name
  std::vector<std::string> municipalities;     // in the order the plans name them
  for (const auto& plan : model.plans) {
    if (std::find(municipalities.begin(), municipalities.end(), plan.municipality) == municipalities.end())
      municipalities.push_back(plan.municipality);
    for (const auto& item : plan.items) {
      auto add_entry = [&](const Entry& e, int sub) {
        for (const auto& def : plan.fields) {
          if (def.kind != FieldKind::departments) continue;
          auto it = e.fields.find(def.key);
          if (it == e.fields.end()) continue;
          for (const auto& printed : it->second.values) {
            for (const auto& unit : split_department(printed, model.site.department_aliases)) {
              auto [pos, inserted] = by_key.emplace(plan.municipality + "\x1F" + unit.name, out.size());
              if (inserted) {
                Department d;
                d.unit = unit;
                d.municipality = plan.municipality;
                d.title = plan.municipality.empty() ? unit.name : unit.name + "（" + plan.municipality + "）";
                out.push_back(std::move(d));
              }
              out[pos->second].assignments.push_back(DepartmentAssignment{&plan, &item, sub, def.key, printed});
            }
          }
        }
      };
      add_entry(item, 0);
      for (std::size_t i = 0; i < item.sub_items.size(); ++i) add_entry(item.sub_items[i], static_cast<int>(i + 1));
    }
  }
  for (auto& d : out) {
    std::set<const Item*> items;
    for (const auto& a : d.assignments) items.insert(a.item);
    d.item_count = items.size();
  }
  // The one order: organisational (department_order), else 五十音 by reading, else document order (kept by
  // the stable sort); roles after departments.
  const auto& order = model.site.department_order;
  const auto& readings = model.site.department_readings;
  auto rank_of = [&](const Department& d) -> std::size_t {
    const auto it = std::find(order.begin(), order.end(), d.unit.name);
    return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
  };
  std::map<std::string, std::string> keys;  // name → sort key of its reading
  if (order.empty())
    for (const auto& d : out)
      if (auto it = readings.find(d.unit.name); it != readings.end()) keys[d.unit.name] = text::japanese_sort_key(it->second);
  auto municipality_rank = [&](const Department& d) {
    return std::find(municipalities.begin(), municipalities.end(), d.municipality) - municipalities.begin();
  };
  std::stable_sort(out.begin(), out.end(), [&](const Department& a, const Department& b) {
    if (a.municipality != b.municipality) return municipality_rank(a) < municipality_rank(b);
    if (a.unit.generic != b.unit.generic) return !a.unit.generic;
    if (!order.empty()) return rank_of(a) < rank_of(b);
    const auto ka = keys.find(a.unit.name), kb = keys.find(b.unit.name);
    if ((ka == keys.end()) != (kb == keys.end())) return ka != keys.end();
    return ka != keys.end() && ka->second < kb->second;
  });
  // Page names, in that order: two names that differ only in characters made '-' get -2, -3 ….
  std::set<std::string> taken;
  for (auto& d : out) {
    const std::string base = department_slug(d.municipality, d.unit.name);
    d.slug = base;
    for (int n = 2; !taken.insert(d.slug).second; ++n) d.slug = base + "-" + std::to_string(n);
    d.page = present::department_page(d.slug);
  }
  return out;
}

}  // namespace planpress::assemble
