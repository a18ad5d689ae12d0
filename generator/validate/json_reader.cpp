#include "validate/json_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/suggest.hpp"
#include "text/normalize.hpp"

namespace planpress::validate {

namespace {
bool contains_fullwidth_digit(const std::string& s) {
  // U+FF10–U+FF19 are EF BC 90 – EF BC 99 in UTF-8.
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    if (s[i] == '\xEF' && s[i + 1] == '\xBC' && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(s[i + 2]) <= 0x99)
      return true;
  return false;
}
// The number a string holds as people write one — 全角 digits, a thousands separator, a unit after it
// ("１２", "18,400", "57.5％", "312件") — in JSON's form ("18400"); "" when it holds none.
std::string number_in(const std::string& s) {
  std::string t = text::nfkc(s);
  std::string digits;
  std::size_t i = 0;
  while (i < t.size() && t[i] == ' ') ++i;
  if (i < t.size() && t[i] == '-') digits += t[i++];
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if ((c >= '0' && c <= '9') || c == '.') digits += c;
    else if (c != ',') break;
  }
  double v = 0;
  const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size()) return {};
  return digits;
}
}  // namespace

bool is_blank(const std::string& s) {
  // Spaces, tabs, newlines and the ideographic space U+3000 only.
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') ++i;
    else if (s.compare(i, 3, "\xE3\x80\x80") == 0) i += 3;
    else return false;
  }
  return true;
}

std::string describe_json(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "a number (" + v.dump() + ")";
    case nlohmann::json::value_t::string: {
      std::string s = v.get<std::string>();
      if (s.size() > 40) s = s.substr(0, 40) + "…";
      return "a string (\"" + s + "\")";
    }
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "a value";
  }
}

JsonRef JsonReader::member(const JsonRef& obj, const std::string& key) const {
  if (!obj || !obj.json->is_object()) return {};
  auto it = obj.json->find(key);
  if (it == obj.json->end()) return {};
  return JsonRef{&*it, content::pointer_append(obj.pointer, key), "'" + key + "' of " + obj.what};
}

void JsonReader::wrong_type(const JsonRef& v, const std::string& expected) {
  std::vector<std::string> hints;
  if (v.json->is_string() && expected.find("integer") != std::string::npos) {
    const auto& s = v.json->get_ref<const std::string&>();
    if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos)
      hints.push_back("write numbers without quotes: " + s);
    else if (contains_fullwidth_digit(s))
      hints.push_back("write fiscal years as Western years in half-width digits, e.g. 令和6年度 = 2024");
  }
  if (v.json->is_string() && expected.find("a number") != std::string::npos) {
    const auto& s = v.json->get_ref<const std::string&>();
    if (const std::string n = number_in(s); !n.empty())
      hints.push_back(n == s ? "write numbers without quotes: " + n
                             : "write the number alone, in half-width digits: " + n + " (a unit belongs in the indicator's \"unit\")");
  }
  if (v.json->is_number_float() && expected.find("integer") != std::string::npos)
    hints.push_back("use a whole number; the decimal part would be lost");
  diags_.error(base::Code::wrong_type, doc_.at(v.pointer), v.what + " must be " + expected + ", got " + describe_json(*v.json), hints);
}

bool JsonReader::expect_object(const JsonRef& v, const ObjectKeys& keys) {
  const auto& allowed = keys.allowed();
  if (!v) return false;
  if (!v.json->is_object()) {
    wrong_type(v, "an object");
    return false;
  }
  for (auto it = v.json->begin(); it != v.json->end(); ++it) {
    const std::string& key = it.key();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::vector<std::string> hints;
    if (auto s = base::closest_match(key, allowed)) hints.push_back("did you mean '" + *s + "'?");
    else {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      hints.push_back("allowed here: " + list);
    }
    diags_.error(base::Code::unknown_field, doc_.key_at(content::pointer_append(v.pointer, key)),
                 "unknown field '" + key + "' in " + v.what, hints);
  }
  for (const auto& key : keys.required()) {
    if (!v.json->contains(key))
      diags_.error(base::Code::missing_field, doc_.at(v.pointer), v.what + " has no '" + key + "'",
                   {"'" + key + "' is required; see docs/content-format.md"});
  }
  return true;
}

std::vector<JsonRef> JsonReader::elements(const JsonRef& v, const std::string& element_what) {
  std::vector<JsonRef> out;
  if (!v) return out;
  if (!v.json->is_array()) {
    wrong_type(v, "an array");
    return out;
  }
  for (std::size_t i = 0; i < v.json->size(); ++i) {
    const auto& e = (*v.json)[i];
    // Name elements by their id where they have a usable one ("item '8'"), else by position ("item 3").
    std::string what = element_what + " " + std::to_string(i + 1);
    if (e.is_object()) {
      auto id = e.find("id");
      if (id != e.end() && id->is_string() && base::is_safe_slug(id->get<std::string>()))
        what = element_what + " '" + id->get<std::string>() + "'";
    }
    out.push_back(JsonRef{&e, content::pointer_append(v.pointer, i), what});
  }
  return out;
}

std::vector<JsonRef> JsonReader::array(const JsonRef& obj, const std::string& key, const std::string& element_what) {
  return elements(member(obj, key), element_what);
}

namespace {

// The name of a control character for messages: "a line break (\n)", "a tab (\t)", "U+0007".
std::string control_name(unsigned char c) {
  if (c == '\n') return "a line break (\\n)";
  if (c == '\r') return "a carriage return (\\r)";
  if (c == '\t') return "a tab (\\t)";
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", c);
  return std::string("the control character ") + buf;
}

}  // namespace

std::string JsonReader::checked(const JsonRef& v, Lines lines) {
  std::string s = v.json->get<std::string>();
  if (lines == Lines::many) {
    // Text pasted from other programs: CR LF and CR are line breaks; breaks at the end print nothing.
    std::string n;
    n.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\r') {
        n += '\n';
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else {
        n += s[i];
      }
    }
    while (!n.empty() && n.back() == '\n') n.pop_back();
    s = std::move(n);
  }
  // Other control characters print nothing sensible anywhere (PDF, HTML, CSV): reported at the first one.
  // Offsets of `s` equal those of the decoded value up to the first CR (all before it is unchanged).
  const std::string& raw = v.json->get_ref<const std::string&>();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    const bool control = c < 0x20 || c == 0x7F;
    const bool allowed = lines == Lines::many && (c == '\n' || c == '\r');
    if (!control || allowed) continue;
    std::vector<std::string> hints;
    if (lines == Lines::one && (c == '\n' || c == '\r'))
      hints.push_back(i + 1 >= raw.size() || raw.find_first_not_of("\r\n", i) == std::string::npos
                          ? "a line break at the end of a value is easily pasted along; remove it"
                          : "a title, name, number or label is one line; write it without the line break");
    else if (c == '\t')
      hints.push_back("a tab is not shown the same in the site, the PDF and the CSV; use a space (or 　) instead");
    else
      hints.push_back("remove it; it cannot be printed");
    diags_.error(base::Code::control_character, doc_.in_string(v.pointer, i),
                 v.what + " contains " + control_name(c) + (lines == Lines::one ? ", but it is a single line" : ""), hints);
    break;
  }
  return s;
}

std::string JsonReader::text(const JsonRef& obj, const std::string& key, bool nonempty) {
  auto v = member(obj, key);
  if (!v) return {};
  if (!v.json->is_string()) {
    wrong_type(v, "a string");
    return {};
  }
  std::string s = checked(v, Lines::one);
  if (nonempty && is_blank(s))
    diags_.error(base::Code::empty_value, doc_.at(v.pointer), v.what + " is empty",
                 {"give it a value or leave the key out if it is optional"});
  return s;
}

std::string JsonReader::paragraphs(const JsonRef& obj, const std::string& key, bool nonempty) {
  auto v = member(obj, key);
  if (!v) return {};
  if (!v.json->is_string()) {
    wrong_type(v, "a string");
    return {};
  }
  std::string s = checked(v, Lines::many);
  if (nonempty && is_blank(s))
    diags_.error(base::Code::empty_value, doc_.at(v.pointer), v.what + " is empty",
                 {"give it a value or leave the key out if it is optional"});
  return s;
}

std::string JsonReader::slug(const JsonRef& obj, const std::string& key) {
  auto v = member(obj, key);
  std::string s = text(obj, key, false);
  if (v && v.json->is_string() && !base::is_safe_slug(s)) {
    diags_.error(base::Code::unsafe_id, doc_.at(v.pointer), "unsafe id '" + s + "' in " + obj.what,
                 {"ids become file names and URLs: use 1–64 characters from a–z, 0–9, '-', '_', '.', starting "
                  "with a letter or digit (no '/', '..', spaces or capitals)"});
  } else if (v && v.json->is_string()) {
    if (auto reason = base::reserved_name_reason(s))
      diags_.error(base::Code::unsafe_id, doc_.at(v.pointer), "unsafe id '" + s + "' in " + obj.what + ": " + *reason,
                   {"ids become file names: choose another id (the printed number or name stays as it is)"});
  }
  return s;
}

std::string JsonReader::keyword(const JsonRef& obj, const std::string& key, const std::vector<std::string>& allowed) {
  auto v = member(obj, key);
  std::string s = text(obj, key, false);
  if (v && v.json->is_string() && std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
    std::vector<std::string> hints;
    if (auto m = base::closest_match(s, allowed)) hints.push_back("did you mean '" + *m + "'?");
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    hints.push_back("allowed values: " + list);
    diags_.error(base::Code::unknown_value, doc_.at(v.pointer), v.what + " '" + s + "' is not a known value", hints);
    return {};
  }
  return s;
}

std::optional<int> JsonReader::integer(const JsonRef& obj, const std::string& key, long long min, long long max) {
  bool was_null = false;
  auto v = member(obj, key);
  if (v && v.json->is_null()) {
    wrong_type(v, "an integer");
    return std::nullopt;
  }
  return integer_or_null(obj, key, min, max, was_null);
}

std::optional<int> JsonReader::integer_or_null(const JsonRef& obj, const std::string& key, long long min, long long max,
                                               bool& was_null) {
  auto v = member(obj, key);
  was_null = false;
  if (!v) return std::nullopt;
  if (v.json->is_null()) {
    was_null = true;
    return std::nullopt;
  }
  // nlohmann/json converts 2.7 to 2 silently; insist on a JSON integer.
  if (!v.json->is_number_integer()) {
    wrong_type(v, "an integer");
    return std::nullopt;
  }
  long long n = v.json->is_number_unsigned() ? static_cast<long long>(std::min<unsigned long long>(
                                                   v.json->get<unsigned long long>(), 1ULL << 62))
                                             : v.json->get<long long>();
  if (n < min || n > max) {
    diags_.error(base::Code::out_of_range, doc_.at(v.pointer),
                 v.what + " is " + std::to_string(n) + ", outside " + std::to_string(min) + "–" + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<double> JsonReader::number_or_null(const JsonRef& obj, const std::string& key) {
  auto v = member(obj, key);
  if (!v || v.json->is_null()) return std::nullopt;
  if (!v.json->is_number()) {
    wrong_type(v, "a number or null");
    return std::nullopt;
  }
  // A double keeps 15 significant digits exactly: a longer number would be published as something else
  // (123456789012345678901234567890 as 1.2345678901234568e+29), so it is refused, as are magnitudes of a
  // quadrillion and more, which no plan's indicator has.
  const std::string raw = doc_.raw_text(v.pointer);
  std::size_t digits = 0;
  bool leading = true;
  for (char c : raw) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  // Trailing zeros after the decimal point are written, not significant ("62.0" keeps one digit).
  if (raw.find('.') != std::string::npos && raw.find_first_of("eE") == std::string::npos)
    for (std::size_t i = raw.size(); i > 0 && raw[i - 1] == '0' && digits > 0; --i) --digits;
  const double value = v.json->get<double>();
  if (digits > 15 || !std::isfinite(value) || std::fabs(value) >= 1e15) {
    diags_.error(base::Code::out_of_range, doc_.at(v.pointer),
                 v.what + " is " + raw + (digits > 15 ? ", which has " + std::to_string(digits) + " significant digits; at most 15 are kept exactly"
                                                      : ", outside ±10^15"),
                 {"write the value as printed, with at most 15 digits; put anything longer in \"text\""});
    return std::nullopt;
  }
  return value;
}

std::optional<bool> JsonReader::boolean(const JsonRef& obj, const std::string& key) {
  auto v = member(obj, key);
  if (!v) return std::nullopt;
  if (!v.json->is_boolean()) {
    wrong_type(v, "true or false");
    return std::nullopt;
  }
  return v.json->get<bool>();
}

}  // namespace planpress::validate
