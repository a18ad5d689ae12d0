#include "text/printable.hpp"

#include <unicode/uchar.h>

namespace planpress::text {

PrintClass print_class(char32_t cp) {
  if (cp == '\n' || cp == '\r') return PrintClass::line_break;
  if (cp == '\t') return PrintClass::tab;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return PrintClass::control;
  if (cp < 0xA0) return PrintClass::drawn;
  const auto type = u_charType(static_cast<UChar32>(cp));
  if (type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) return PrintClass::invisible;
  return PrintClass::drawn;
}

std::string char_name(char32_t cp) {
  // ICU has no short names for controls; these are the ones every terminal and editor shows.
  static const char* const c0[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
                                   "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                   "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
  if (cp < 0x20) return c0[cp];
  if (cp == 0x7F) return "DEL";
  char buffer[128];
  for (const UCharNameChoice choice : {U_CHAR_NAME_ALIAS, U_UNICODE_CHAR_NAME}) {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = u_charName(static_cast<UChar32>(cp), choice, buffer, sizeof buffer, &status);
    if (U_SUCCESS(status) && n > 0) return std::string(buffer, static_cast<std::size_t>(n));
  }
  return {};
}

}  // namespace planpress::text
