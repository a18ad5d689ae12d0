#include "content/json_mistakes.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "base/utf8.hpp"

namespace planpress::content {

using base::arg;
using base::msg;
using base::Msg;

namespace {

unsigned char byte(std::string_view s, std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Where a token of JSON ends: white space, a separator, a bracket or a quote.
bool delimiter(char c) { return space(c) || c == ',' || c == ':' || c == '}' || c == ']' || c == '"' || c == '{' || c == '['; }

// The parts of nlohmann's message "… while parsing object - unexpected '}'; expected string literal" or
// "… - invalid literal; last read: '…'; expected ':'".
struct ParserMessage {
  std::string lexer;       // the lexer's complaint ("invalid literal"), or empty
  std::string unexpected;  // the token the parser did not expect ("'}'", "number literal"), or empty
  std::string expected;    // what it wanted ("':'", "'[', '{', or a literal"), or empty
};

ParserMessage split(std::string_view what) {
  ParserMessage p;
  const auto dash = what.find(" - ");
  std::string_view rest = dash == std::string_view::npos ? what : what.substr(dash + 3);
  if (const auto e = rest.rfind("; expected "); e != std::string_view::npos) {
    p.expected = rest.substr(e + 11);
    rest = rest.substr(0, e);
  }
  if (rest.rfind("unexpected ", 0) == 0) {
    p.unexpected = rest.substr(11);
  } else {
    p.lexer = rest.substr(0, rest.find("; last read: "));
  }
  return p;
}

char32_t code_point_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  return base::decode_utf8(s, i);
}

std::string char_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  base::decode_utf8(s, j);
  return std::string(s.substr(i, j - i));
}

// "U+3000".
std::string code_name(char32_t cp) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = cp > 0xFFFF ? 16 : 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
  return out;
}

// A character as a message shows it: itself, or its code for a control character.
std::string shown(std::string_view s, std::size_t i) {
  const char32_t cp = code_point_at(s, i);
  return cp < 0x20 || cp == 0x7F ? code_name(cp) : char_at(s, i);
}

// The start of the string or number literal that ends at `stop` (the lexer reads one byte past a number).
std::size_t literal_start(std::string_view s, std::size_t stop, bool string) {
  std::size_t i = stop;
  if (string) {
    while (i > 0) {
      --i;
      if (s[i] != '"') continue;
      std::size_t backslashes = 0;
      for (std::size_t k = i; k > 0 && s[k - 1] == '\\'; --k) ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }
  auto numeric = [](char c) { return digit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; };
  while (i > 0 && !numeric(s[i])) --i;
  while (i > 0 && numeric(s[i - 1])) --i;
  return i;
}

// Just after the last character before `at` that is not white space: where a missing ',' or ':' belongs.
std::size_t after_previous_token(std::string_view s, std::size_t at) {
  while (at > 0 && space(s[at - 1])) --at;
  return at;
}

// "'[', '{', or a literal" → the things that may stand there, as the reader knows them.
std::vector<base::Message> expected_things(const std::string& expected) {
  std::vector<base::Message> out;
  if (expected.find("literal") != std::string::npos && expected.find("string literal") == std::string::npos)
    out.push_back(msg<Msg::term_json_value>());
  if (expected.find("string literal") != std::string::npos) out.push_back(msg<Msg::term_json_key>());
  for (const char* mark : {"':'", "','", "'}'", "']'"})
    if (expected.find(mark) != std::string::npos) out.push_back(base::verbatim(std::string(mark).substr(1, 1)));
  if (expected.find("end of input") != std::string::npos) out.push_back(msg<Msg::term_json_end>());
  return out;
}

JsonMistake generic(std::size_t at, std::string found, const std::string& expected) {
  const auto things = expected_things(expected);
  const base::Message tail = things.empty() ? base::verbatim("") : msg<Msg::json_syntax_expected>(arg<"list">(things));
  return {at, msg<Msg::json_syntax_unexpected>(arg<"found">(std::move(found)), arg<"expected">(tail)), {}};
}

// The mistakes a character standing where JSON needs a value or a separator reveals.
std::optional<JsonMistake> by_character(std::string_view s, std::size_t at) {
  const char32_t cp = code_point_at(s, at);
  if (cp >= 0xFF10 && cp <= 0xFF19) {  // ２０２４: 全角 digits, perhaps with a 全角 point or minus
    std::string value, number;
    std::size_t i = at;
    while (i < s.size()) {
      std::size_t j = i;
      const char32_t c = base::decode_utf8(s, j);
      if (!((c >= 0xFF10 && c <= 0xFF19) || c == 0xFF0E || c == 0xFF0D || c == 0xFF0C)) break;  // ０–９ ． － ，
      value += std::string(s.substr(i, j - i));
      if (c != 0xFF0C) number += static_cast<char>(c - 0xFEE0);  // １８，４００ is 18400
      i = j;
    }
    return JsonMistake{at, msg<Msg::json_syntax_fullwidth_digits>(arg<"value">(value)),
                       {msg<Msg::common_half_width_hint>(arg<"number">(number))}};
  }
  if (cp == 0x3000)
    return JsonMistake{at, msg<Msg::json_syntax_fullwidth_space>(), {msg<Msg::json_syntax_fullwidth_space_hint>()}};
  if (cp >= 0xFF01 && cp <= 0xFF5E) {  // ： ， ｛ ＂ …: a 全角 form of an ASCII character
    const std::string ascii(1, static_cast<char>(cp - 0xFEE0));
    return JsonMistake{at, msg<Msg::json_syntax_fullwidth_symbol>(arg<"char">(char_at(s, at)), arg<"ascii">(ascii)),
                       {msg<Msg::json_syntax_fullwidth_symbol_hint>(arg<"ascii">(ascii))}};
  }
  if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x301D || cp == 0x301E || cp == 0x301F)
    return JsonMistake{at, msg<Msg::json_syntax_smart_quote>(arg<"char">(char_at(s, at))), {msg<Msg::json_syntax_smart_quote_hint>()}};
  if (cp == '/' && (byte(s, at + 1) == '/' || byte(s, at + 1) == '*'))
    return JsonMistake{at, msg<Msg::json_syntax_comment>(arg<"comment">(byte(s, at + 1) == '/' ? "//" : "/* */")),
                       {msg<Msg::json_syntax_comment_hint>()}};
  if (cp == '\'')
    return JsonMistake{at, msg<Msg::json_syntax_single_quote>(), {msg<Msg::json_syntax_single_quote_hint>()}};
  // 312件, 57.5％, 10km: a unit written after the number.
  if (at > 0 && digit(s[at - 1]) && !delimiter(s[at])) {
    std::size_t from = at;
    while (from > 0 && (digit(s[from - 1]) || s[from - 1] == '.' || s[from - 1] == '-')) --from;
    std::size_t to = at;
    while (to < s.size() && !delimiter(s[to])) ++to;
    const std::string number(s.substr(from, at - from));
    return JsonMistake{at, msg<Msg::json_syntax_unit_after_number>(arg<"number">(number), arg<"unit">(std::string(s.substr(at, to - at)))),
                       {msg<Msg::common_unit_hint>(arg<"number">(number))}};
  }
  // "name": 項目, "kind": action_plan: a string without its quotes.
  if (cp >= 0x80 || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
    std::size_t to = at;
    while (to < s.size() && !delimiter(s[to])) ++to;
    const std::string word(s.substr(at, to - at));
    return JsonMistake{at, msg<Msg::json_syntax_unquoted>(arg<"word">(word)), {msg<Msg::json_syntax_unquoted_hint>(arg<"word">(word))}};
  }
  return std::nullopt;
}

}  // namespace

JsonMistake explain_json_error(std::string_view s, std::size_t consumed, std::string_view what) {
  const ParserMessage p = split(what);
  if (s.empty()) return {0, msg<Msg::json_syntax_end>(), {msg<Msg::json_syntax_end_hint>()}};
  std::size_t stop = std::min(consumed, s.size());
  if (stop > 0) --stop;  // the last byte read
  while (stop > 0 && (byte(s, stop) & 0xC0) == 0x80) --stop;  // the first byte of its character

  if (p.unexpected == "end of input" || (consumed > s.size() && p.lexer.find("missing closing quote") != std::string::npos))
    return {after_previous_token(s, s.size()), msg<Msg::json_syntax_end>(), {msg<Msg::json_syntax_end_hint>()}};

  if (!p.lexer.empty()) {
    if (p.lexer.find("control character U+000A") != std::string::npos || p.lexer.find("control character U+000D") != std::string::npos)
      return {stop, msg<Msg::json_syntax_unclosed_string>(), {msg<Msg::json_syntax_unclosed_string_hint>()}};
    if (p.lexer.find("control character U+0009") != std::string::npos)
      return {stop, msg<Msg::json_syntax_tab_in_string>(), {msg<Msg::json_syntax_tab_in_string_hint>()}};
    if (p.lexer.find("control character") != std::string::npos)
      return {stop, msg<Msg::json_syntax_control_in_string>(arg<"code">(code_name(code_point_at(s, stop)))),
              {msg<Msg::json_syntax_control_in_string_hint>()}};
    if (p.lexer.find("forbidden character after backslash") != std::string::npos) {
      const std::size_t backslash = stop > 0 && s[stop - 1] == '\\' ? stop - 1 : stop;
      return {backslash, msg<Msg::json_syntax_backslash>(arg<"escape">("\\" + shown(s, backslash + 1))),
              {msg<Msg::json_syntax_backslash_hint>()}};
    }
    if (auto m = by_character(s, stop)) return *m;
    return generic(stop, shown(s, stop), p.expected);
  }

  const bool closing = p.unexpected == "'}'" || p.unexpected == "']'";
  if (closing) {
    const std::size_t comma = after_previous_token(s, stop);
    if (comma > 0 && s[comma - 1] == ',')
      return {comma - 1, msg<Msg::json_syntax_trailing_comma>(),
              {msg<Msg::json_syntax_trailing_comma_hint>(arg<"close">(std::string(1, s[stop])))}};
    return generic(stop, std::string(1, s[stop]), p.expected);
  }
  const bool string = p.unexpected == "string literal";
  const bool number = p.unexpected == "number literal";
  const std::size_t token = string || number ? literal_start(s, stop, string) : stop;
  if (number && token > 1 && s[token - 1] == ',' && digit(s[token - 2])) {  // 18,400 where one number was meant
    std::size_t from = token - 1;
    while (from > 0 && digit(s[from - 1])) --from;
    std::size_t to = token;
    while (to < s.size() && (digit(s[to]) || (s[to] == ',' && to + 1 < s.size() && digit(s[to + 1])))) ++to;
    while (to < s.size() && (digit(s[to]) || s[to] == '.')) ++to;
    const std::string value(s.substr(from, to - from));
    std::string plain;
    for (char c : value)
      if (c != ',') plain += c;
    return {token - 1, msg<Msg::json_syntax_thousands_separator>(arg<"value">(value)),
            {msg<Msg::common_no_separator_hint>(arg<"number">(plain))}};
  }
  if (p.expected == "'}'" || p.expected == "']'")
    return {after_previous_token(s, token), msg<Msg::json_syntax_comma_missing>(), {msg<Msg::json_syntax_comma_missing_hint>()}};
  if (p.expected == "':'")
    return {after_previous_token(s, token), msg<Msg::json_syntax_colon_missing>(), {msg<Msg::json_syntax_colon_missing_hint>()}};
  if (auto m = by_character(s, token)) return *m;
  std::string found = string || number ? std::string(s.substr(token, stop + 1 - token)) : shown(s, token);
  if (base::count_code_points(found) > 24) {
    std::size_t cut = 0;
    for (int n = 0; n < 20 && cut < found.size(); ++n) base::decode_utf8(found, cut);
    found = found.substr(0, cut) + "…";
  }
  return generic(token, found, p.expected);
}

}  // namespace planpress::content
