#include "base/utf8.hpp"

#include <algorithm>

namespace planpress::base {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const auto bad = find_invalid_utf8(s);
    if (!bad) {
      out += s;
      break;
    }
    out += s.substr(0, *bad);
    out += "\xEF\xBF\xBD";
    s.remove_prefix(*bad + 1);
  }
  return out;
}

namespace {

bool shift_jis_lead(unsigned char c) { return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC); }
bool shift_jis_trail(unsigned char c) { return c >= 0x40 && c <= 0xFC && c != 0x7F; }

// Reads Shift_JIS from `i` to the end of the line; false at a byte Shift_JIS cannot have there. Counts the
// two-byte characters read.
bool reads_as_shift_jis(std::string_view s, std::size_t i, std::size_t& pairs, bool to_end) {
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' && !to_end) return true;
    if (c < 0x80 || (c >= 0xA1 && c <= 0xDF)) { ++i; continue; }  // ASCII, half-width katakana
    if (!shift_jis_lead(c) || i + 1 >= s.size() || !shift_jis_trail(static_cast<unsigned char>(s[i + 1]))) return false;
    ++pairs;
    i += 2;
  }
  return true;
}

}  // namespace

bool looks_like_utf16(std::string_view s) {
  if (s.size() >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'))) return true;
  // ASCII saved as UTF-16 without a byte order mark: "{\0\n\0" — a NUL in every other byte.
  const std::size_t n = std::min<std::size_t>(s.size(), 64) & ~std::size_t{1};
  if (n < 4) return false;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (s[i] == '\0') ++(i % 2 ? odd : even);
  return even == n / 2 || odd == n / 2;
}

Encoding guess_encoding(std::string_view s, std::size_t first_invalid) {
  if (looks_like_utf16(s)) return Encoding::utf16;
  std::size_t pairs = 0;
  const bool ascii_before = std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(std::min(first_invalid, s.size())),
                                        [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii_before && reads_as_shift_jis(s, first_invalid, pairs, true) && pairs > 0) return Encoding::shift_jis;
  pairs = 0;
  if (reads_as_shift_jis(s, first_invalid, pairs, false) && pairs > 0) return Encoding::shift_jis_part;
  return Encoding::unknown;
}

std::string invalid_bytes_at(std::string_view text, std::size_t at) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = at; i < text.size() && i < at + 4; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (i > at && (c < 0x80 || (c & 0xC0) == 0xC0)) break;  // the next character starts
    if (!out.empty()) out += ' ';
    out += "0x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string normalize_line_ends(std::string text) {
  std::size_t from = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  if (from == 0 && text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';  // CR LF keeps its LF
  }
  return out;
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) { out += static_cast<char>(cp); }
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s) if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

int display_width(char32_t cp) {
  // Combining marks and zero-width characters.
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF ||
      (cp >= 0x3099 && cp <= 0x309A) || (cp >= 0xFE00 && cp <= 0xFE0F))
    return 0;
  // East Asian Wide and Fullwidth ranges (UAX #11), enough for Japanese text.
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
      (cp >= 0x25A0 && cp <= 0x25FF) || (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2160 && cp <= 0x217F))
    return 2;
  return 1;
}

int display_width(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) w += display_width(decode_utf8(s, i));
  return w;
}

}  // namespace planpress::base
