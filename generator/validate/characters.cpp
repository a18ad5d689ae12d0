// Characters that cannot be printed (text::print_class: controls such as NUL, BEL and ESC; invisible
// format characters such as U+200B and U+202E), reported at their own place in every JSON string and
// every Markdown file, before anything is built from them. A UTF-8 BOM that starts a file is tolerated.
// C0 controls and DEL inside JSON values are left to JsonReader::checked (control-character).
#include <algorithm>
#include <cstdio>
#include <set>

#include "base/utf8.hpp"
#include "text/printable.hpp"
#include "validate/char_names.hpp"
#include "validate/validate.hpp"

namespace planpress::validate {

using base::arg;
using base::msg;
using base::Msg;

namespace {

base::CodedMessage describe(char32_t cp, text::PrintClass cls) {
  return cls == text::PrintClass::control ? msg<Msg::invalid_character_control>(arg<"code">(char_label(cp)))
                                          : msg<Msg::invalid_character_invisible>(arg<"code">(char_label(cp)));
}

std::vector<base::Message> hints_for(text::PrintClass cls) {
  if (cls == text::PrintClass::control) return {msg<Msg::invalid_character_control_hint>()};
  return {msg<Msg::invalid_character_invisible_hint>()};
}

// Calls `report(offset, cp, class)` for the first occurrence of each unprintable character of `text`.
template <typename Report>
void scan(std::string_view text, std::size_t from, Report report) {
  std::set<char32_t> seen;
  for (std::size_t i = from; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = base::decode_utf8(text, i);
    const auto cls = text::print_class(cp);
    if ((cls == text::PrintClass::control || cls == text::PrintClass::invisible) && seen.insert(cp).second) report(at, cp, cls);
  }
}

struct Found {
  base::Location where;
  base::CodedMessage message;
  text::PrintClass cls;
};

// nlohmann keeps object members sorted by key, not in file order: findings are sorted by place afterwards.
void check_json(const content::JsonDocument& doc, const nlohmann::json& v, const std::string& pointer, std::vector<Found>& found) {
  if (v.is_string()) {
    scan(v.get_ref<const std::string&>(), 0, [&](std::size_t at, char32_t cp, text::PrintClass cls) {
      // C0 controls and DEL in a value are control-character, reported where the value is read (it
      // knows whether the value is one line, where a line break is wrong too).
      if (cp < 0x20 || cp == 0x7F) return;
      found.push_back({doc.in_string(pointer, at), describe(cp, cls), cls});
    });
  } else if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string child = content::pointer_append(pointer, it.key());
      scan(it.key(), 0, [&](std::size_t, char32_t cp, text::PrintClass cls) {
        found.push_back({doc.key_at(child), msg<Msg::invalid_character_in_key>(arg<"problem">(describe(cp, cls))), cls});
      });
      check_json(doc, it.value(), child, found);
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) check_json(doc, v[i], content::pointer_append(pointer, i), found);
  }
}

}  // namespace

void check_characters(const content::RawContent& raw, base::Diagnostics& diags) {
  auto json = [&](const std::optional<content::JsonDocument>& doc) {
    if (!doc) return;
    std::vector<Found> found;
    check_json(*doc, doc->root(), "", found);
    std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.where.offset < b.where.offset; });
    for (auto& f : found) diags.error(f.where, std::move(f.message), hints_for(f.cls));
  };
  json(raw.site);
  json(raw.documents);
  for (const auto& plan : raw.plans) {
    json(plan.plan);
    for (const auto& [name, source] : plan.markdown) {
      const std::string& text = source->text();
      const std::size_t bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // tolerated at the start
      scan(text, bom, [&](std::size_t at, char32_t cp, text::PrintClass cls) {
        diags.error(base::Location::in(source, at), describe(cp, cls), hints_for(cls));
      });
    }
  }
}

}  // namespace planpress::validate
