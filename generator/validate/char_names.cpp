#include "validate/char_names.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>

#include "text/printable.hpp"

namespace planpress::validate {

using base::arg;
using base::msg;
using base::Msg;

base::Message char_label(char32_t cp) {
  // Sorted by code point: the controls and format characters that come with pasted text.
  static constexpr std::pair<char32_t, Msg> kNamed[] = {
      {0x0000, Msg::term_char_nul},
      {0x0007, Msg::term_char_bel},
      {0x0008, Msg::term_char_bs},
      {0x000B, Msg::term_char_vt},
      {0x000C, Msg::term_char_ff},
      {0x001B, Msg::term_char_esc},
      {0x007F, Msg::term_char_del},
      {0x00AD, Msg::term_char_shy},
      {0x200B, Msg::term_char_zwsp},
      {0x200C, Msg::term_char_zwnj},
      {0x200D, Msg::term_char_zwj},
      {0x200E, Msg::term_char_lrm},
      {0x200F, Msg::term_char_rlm},
      {0x2028, Msg::term_char_lsep},
      {0x2029, Msg::term_char_psep},
      {0x202A, Msg::term_char_lre},
      {0x202B, Msg::term_char_rle},
      {0x202C, Msg::term_char_pdf},
      {0x202D, Msg::term_char_lro},
      {0x202E, Msg::term_char_rlo},
      {0x2060, Msg::term_char_wj},
      {0x2066, Msg::term_char_lri},
      {0x2067, Msg::term_char_rli},
      {0x2068, Msg::term_char_fsi},
      {0x2069, Msg::term_char_pdi},
      {0xFEFF, Msg::term_char_bom},
  };
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
  const auto* it = std::lower_bound(std::begin(kNamed), std::end(kNamed), cp, [](const auto& e, char32_t c) { return e.first < c; });
  if (it != std::end(kNamed) && it->first == cp) return msg<Msg::term_char_named>(arg<"code">(std::string(code)), arg<"name">(base::Message{it->second, {}}));
  const std::string name = text::char_name(cp);
  if (name.empty()) return base::verbatim(code);
  return msg<Msg::term_char_named>(arg<"code">(std::string(code)), arg<"name">(name));
}

}  // namespace planpress::validate
