#include "validate/json_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/suggest.hpp"
#include "base/utf8.hpp"
#include "text/wareki.hpp"
#include "text/normalize.hpp"
#include "validate/char_names.hpp"

namespace planpress::validate {

using base::arg;
using base::msg;
using base::Msg;

namespace {

// A number as staff write it in a string: "2024", "２０２４", "18,400", "312件", "57.5％".
struct WrittenNumber {
  std::string number;  // in half-width digits, without separators: 18400
  bool fullwidth = false;
  bool separators = false;
  std::string unit;  // what follows the number
};

std::optional<WrittenNumber> read_written_number(const std::string& s) {
  WrittenNumber w;
  std::size_t i = 0;
  bool digits = false;
  while (i < s.size()) {
    std::size_t j = i;
    char32_t c = base::decode_utf8(s, j);
    if (c >= 0xFF01 && c <= 0xFF5E && (c == 0xFF0C || c == 0xFF0E || c == 0xFF0D || (c >= 0xFF10 && c <= 0xFF19))) {
      w.fullwidth = true;
      c -= 0xFEE0;
    }
    if (c >= '0' && c <= '9') {
      w.number += static_cast<char>(c);
      digits = true;
    } else if (c == ',' && digits) {
      w.separators = true;
    } else if ((c == '.' && digits) || (c == '-' && !digits && w.number.empty())) {
      w.number += static_cast<char>(c);
    } else {
      break;
    }
    i = j;
  }
  if (!digits) return std::nullopt;
  w.unit = s.substr(i);
  while (!w.unit.empty() && w.unit.front() == ' ') w.unit.erase(0, 1);
  return w;
}

// The hint for a number written as a string.
std::optional<base::Message> number_hint(const std::string& s, bool fiscal_year) {
  if (fiscal_year)  // "令和7年度", "R7", "２０２５年度"; "2025" itself only needs its quotes removed
    if (auto year = text::western_fiscal_year(s); year && s != std::to_string(*year))
      if (*year >= kMinYear && *year <= kMaxYear) return msg<Msg::common_western_year_hint>(arg<"value">(s), arg<"year">(*year));
  const auto w = read_written_number(s);
  if (!w) return std::nullopt;
  if (!w->unit.empty()) return msg<Msg::common_unit_hint>(arg<"number">(w->number));
  if (w->separators) return msg<Msg::common_no_separator_hint>(arg<"number">(w->number));
  if (w->fullwidth) return msg<Msg::common_half_width_hint>(arg<"number">(w->number));
  return msg<Msg::wrong_type_unquote_hint>(arg<"number">(w->number));
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

base::Message describe_json(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return msg<Msg::term_found_null>();
    case nlohmann::json::value_t::boolean: return v.get<bool>() ? msg<Msg::term_found_true>() : msg<Msg::term_found_false>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return msg<Msg::term_found_number>(arg<"value">(v.dump()));
    case nlohmann::json::value_t::string: {
      std::string s = v.get<std::string>();
      if (s.size() > 40) {
        std::size_t cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        s = s.substr(0, cut) + "…";
      }
      return msg<Msg::term_found_string>(arg<"value">(s));
    }
    case nlohmann::json::value_t::array: return msg<Msg::term_found_array>();
    case nlohmann::json::value_t::object: return msg<Msg::term_found_object>();
    default: return msg<Msg::term_found_value>();
  }
}

base::Message term(base::Msg id) { return base::Message{id, {}}; }

JsonRef JsonReader::member(const JsonRef& obj, const std::string& key) const {
  if (!obj || !obj.json->is_object()) return {};
  auto it = obj.json->find(key);
  if (it == obj.json->end()) return {};
  return JsonRef{&*it, content::pointer_append(obj.pointer, key), msg<Msg::subject_member>(arg<"key">(key), arg<"owner">(obj.what))};
}

void JsonReader::wrong_type(const JsonRef& v, base::Msg expected, bool fiscal_year) {
  std::vector<base::Message> hints;
  const bool integer = expected == Msg::term_expect_integer;
  if (v.json->is_string() && (integer || expected == Msg::term_expect_number_or_null))
    if (auto hint = number_hint(v.json->get_ref<const std::string&>(), fiscal_year)) hints.push_back(std::move(*hint));
  if (v.json->is_number_float() && integer) hints.push_back(msg<Msg::wrong_type_whole_number_hint>());
  diags_.error(doc_.at(v.pointer),
               msg<Msg::wrong_type_value>(arg<"what">(v.what), arg<"expected">(term(expected)), arg<"found">(describe_json(*v.json))),
               hints);
}

bool JsonReader::expect_object(const JsonRef& v, const ObjectKeys& keys) {
  const auto& allowed = keys.allowed();
  if (!v) return false;
  if (!v.json->is_object()) {
    wrong_type(v, Msg::term_expect_object);
    return false;
  }
  for (auto it = v.json->begin(); it != v.json->end(); ++it) {
    const std::string& key = it.key();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::vector<base::Message> hints;
    if (auto s = base::closest_match(key, allowed)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*s)));
    else hints.push_back(msg<Msg::unknown_field_allowed_hint>(arg<"list">(allowed)));
    diags_.error(doc_.key_at(content::pointer_append(v.pointer, key)), msg<Msg::unknown_field_key>(arg<"key">(key), arg<"what">(v.what)),
                 hints);
  }
  for (const auto& key : keys.required()) {
    if (!v.json->contains(key))
      diags_.error(doc_.at(v.pointer), msg<Msg::missing_field_key>(arg<"what">(v.what), arg<"key">(key)),
                   {msg<Msg::missing_field_key_hint>(arg<"key">(key))});
  }
  return true;
}

std::vector<JsonRef> JsonReader::elements(const JsonRef& v, base::Msg kind) {
  std::vector<JsonRef> out;
  if (!v) return out;
  if (!v.json->is_array()) {
    wrong_type(v, Msg::term_expect_array);
    return out;
  }
  for (std::size_t i = 0; i < v.json->size(); ++i) {
    const auto& e = (*v.json)[i];
    // Name elements by their id where they have a usable one ("item '8'"), else by position ("item 3").
    base::Message what = msg<Msg::subject_element_index>(arg<"kind">(term(kind)), arg<"n">(i + 1));
    if (e.is_object()) {
      auto id = e.find("id");
      if (id != e.end() && id->is_string() && base::is_safe_slug(id->get<std::string>()))
        what = msg<Msg::subject_element_id>(arg<"kind">(term(kind)), arg<"id">(id->get<std::string>()));
    }
    out.push_back(JsonRef{&e, content::pointer_append(v.pointer, i), what});
  }
  return out;
}

std::vector<JsonRef> JsonReader::array(const JsonRef& obj, const std::string& key, base::Msg kind) {
  return elements(member(obj, key), kind);
}

namespace {

// The name of a control character for messages: 「改行（\n）」, 「タブ（\t）」, 「制御文字 U+0007（ベル文字）」.
base::Message control_name(unsigned char c) {
  if (c == '\n') return msg<Msg::term_control_line_break>();
  if (c == '\r') return msg<Msg::term_control_carriage_return>();
  if (c == '\t') return msg<Msg::term_control_tab>();
  return msg<Msg::term_control_other>(arg<"code">(char_label(c)));
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
    std::vector<base::Message> hints;
    if (lines == Lines::one && (c == '\n' || c == '\r'))
      hints.push_back(i + 1 >= raw.size() || raw.find_first_not_of("\r\n", i) == std::string::npos
                          ? msg<Msg::control_character_trailing_break_hint>()
                          : msg<Msg::control_character_one_line_hint>());
    else if (c == '\t')
      hints.push_back(msg<Msg::control_character_tab_hint>());
    else
      hints.push_back(msg<Msg::control_character_remove_hint>());
    if (lines == Lines::one)
      diags_.error(doc_.in_string(v.pointer, i), msg<Msg::control_character_line>(arg<"what">(v.what), arg<"control">(control_name(c))), hints);
    else
      diags_.error(doc_.in_string(v.pointer, i), msg<Msg::control_character_text>(arg<"what">(v.what), arg<"control">(control_name(c))), hints);
    break;
  }
  return s;
}

std::string JsonReader::text(const JsonRef& obj, const std::string& key, bool nonempty) {
  auto v = member(obj, key);
  if (!v) return {};
  if (!v.json->is_string()) {
    wrong_type(v, Msg::term_expect_string);
    return {};
  }
  std::string s = checked(v, Lines::one);
  if (nonempty && is_blank(s))
    diags_.error(doc_.at(v.pointer), msg<Msg::empty_value_value>(arg<"what">(v.what)), {msg<Msg::empty_value_value_hint>()});
  return s;
}

std::string JsonReader::paragraphs(const JsonRef& obj, const std::string& key, bool nonempty) {
  auto v = member(obj, key);
  if (!v) return {};
  if (!v.json->is_string()) {
    wrong_type(v, Msg::term_expect_string);
    return {};
  }
  std::string s = checked(v, Lines::many);
  if (nonempty && is_blank(s))
    diags_.error(doc_.at(v.pointer), msg<Msg::empty_value_value>(arg<"what">(v.what)), {msg<Msg::empty_value_value_hint>()});
  return s;
}

std::string JsonReader::slug(const JsonRef& obj, const std::string& key) {
  auto v = member(obj, key);
  std::string s = text(obj, key, false);
  if (v && v.json->is_string() && !base::is_safe_slug(s)) {
    diags_.error(doc_.at(v.pointer), msg<Msg::unsafe_id_id>(arg<"id">(s), arg<"what">(obj.what)), {msg<Msg::unsafe_id_id_hint>()});
  } else if (v && v.json->is_string()) {
    if (base::reserved_name_reason(s))  // con, nul, com1 …: no Windows file share holds such a file
      diags_.error(doc_.at(v.pointer),
                   msg<Msg::unsafe_id_device_name>(arg<"id">(s), arg<"what">(obj.what), arg<"name">(s.substr(0, s.find('.')))),
                   {msg<Msg::unsafe_id_device_name_hint>()});
  }
  return s;
}

std::string JsonReader::keyword(const JsonRef& obj, const std::string& key, const std::vector<std::string>& allowed) {
  auto v = member(obj, key);
  std::string s = text(obj, key, false);
  if (v && v.json->is_string() && std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
    std::vector<base::Message> hints;
    if (auto m = base::closest_match(s, allowed)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
    hints.push_back(msg<Msg::unknown_value_keyword_hint>(arg<"list">(allowed)));
    diags_.error(doc_.at(v.pointer), msg<Msg::unknown_value_keyword>(arg<"what">(v.what), arg<"value">(s)), hints);
    return {};
  }
  return s;
}

std::optional<int> JsonReader::integer(const JsonRef& obj, const std::string& key, long long min, long long max) {
  bool was_null = false;
  auto v = member(obj, key);
  if (v && v.json->is_null()) {
    wrong_type(v, Msg::term_expect_integer);
    return std::nullopt;
  }
  return integer_or_null(obj, key, min, max, was_null, false);
}

std::optional<int> JsonReader::integer_or_null(const JsonRef& obj, const std::string& key, long long min, long long max,
                                               bool& was_null) {
  return integer_or_null(obj, key, min, max, was_null, false);
}

std::optional<int> JsonReader::year(const JsonRef& obj, const std::string& key) {
  bool was_null = false;
  auto v = member(obj, key);
  if (v && v.json->is_null()) {
    wrong_type(v, Msg::term_expect_integer, true);
    return std::nullopt;
  }
  return integer_or_null(obj, key, kMinYear, kMaxYear, was_null, true);
}

std::optional<int> JsonReader::year_or_null(const JsonRef& obj, const std::string& key, bool& was_null) {
  return integer_or_null(obj, key, kMinYear, kMaxYear, was_null, true);
}

std::optional<int> JsonReader::integer_or_null(const JsonRef& obj, const std::string& key, long long min, long long max,
                                               bool& was_null, bool fiscal_year) {
  auto v = member(obj, key);
  was_null = false;
  if (!v) return std::nullopt;
  if (v.json->is_null()) {
    was_null = true;
    return std::nullopt;
  }
  // nlohmann/json converts 2.7 to 2 silently; insist on a JSON integer.
  if (!v.json->is_number_integer()) {
    wrong_type(v, Msg::term_expect_integer, fiscal_year);
    return std::nullopt;
  }
  long long n = v.json->is_number_unsigned() ? static_cast<long long>(std::min<unsigned long long>(
                                                   v.json->get<unsigned long long>(), 1ULL << 62))
                                             : v.json->get<long long>();
  if (n < min || n > max) {
    std::vector<base::Message> hints;
    if (fiscal_year && n >= 1 && n <= 31)  // 7 for 令和7年度 (or 平成7年度)
      hints.push_back(msg<Msg::common_western_year_small_hint>(arg<"n">(n), arg<"reiwa">(n + 2018), arg<"heisei">(n + 1988)));
    diags_.error(doc_.at(v.pointer),
                 msg<Msg::out_of_range_integer>(arg<"what">(v.what), arg<"value">(n), arg<"min">(min), arg<"max">(max)), hints);
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<double> JsonReader::number_or_null(const JsonRef& obj, const std::string& key) {
  auto v = member(obj, key);
  if (!v || v.json->is_null()) return std::nullopt;
  if (!v.json->is_number()) {
    wrong_type(v, Msg::term_expect_number_or_null);
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
    diags_.error(doc_.at(v.pointer),
                 digits > 15 ? msg<Msg::out_of_range_digits>(arg<"what">(v.what), arg<"value">(raw), arg<"digits">(digits))
                             : msg<Msg::out_of_range_magnitude>(arg<"what">(v.what), arg<"value">(raw)),
                 {msg<Msg::out_of_range_digits_hint>()});
    return std::nullopt;
  }
  return value;
}

std::optional<bool> JsonReader::boolean(const JsonRef& obj, const std::string& key) {
  auto v = member(obj, key);
  if (!v) return std::nullopt;
  if (!v.json->is_boolean()) {
    wrong_type(v, Msg::term_expect_boolean);
    return std::nullopt;
  }
  return v.json->get<bool>();
}

}  // namespace planpress::validate
